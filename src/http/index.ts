/**
 * @module reglament/http
 * The HTTP service: the Hono app factory and its type (for `hc<AppType>`), bearer-token helpers,
 * and the composition root that builds a whole service from environment-style configuration.
 *
 * @example
 * import { createService, loadConfig, listen } from 'reglament/http';
 * const service = await createService({ config: loadConfig() });
 * await listen(service.app.fetch, { host: '127.0.0.1', port: 3000 });
 */
export { createApp } from './app.js';
export type { AppOptions, AppType } from './app.js';
export type { HttpDeps, HttpPorts } from './deps.js';
export { roles, signToken, verifyToken, principalOf } from './auth/token.js';
export type { AuthKeys, Principal, Role, SignOptions } from './auth/token.js';
export { canSee, scopeQuery } from './auth/access.js';
export { createLogger, redact, silentLogger } from './logger.js';
export type { Logger, LoggerOptions, LogLevel } from './logger.js';
export { Registry } from './metrics/registry.js';
export { problemOf, statusOfCode } from './problem.js';
export type { FieldError, Problem } from './problem.js';
export { loadConfig } from '../service/config.js';
export type { ServiceConfig, Environment, JwtConfig } from '../service/config.js';
export { resolveAuthKeys } from '../service/keys.js';
export { createService } from '../service/service.js';
export type { Service, ServiceOptions, ServicePorts } from '../service/service.js';
export { listen } from '../service/listen.js';
export type { Listening } from '../service/listen.js';
export { journalQualityReport } from './routes/journal-quality.js';
export type { JournalQualityOptions, JournalQualityRequest } from './routes/journal-quality.js';
export { serviceStatsFor } from './routes/service-stats.js';
export type { ServiceStatsFilter, ServiceStatsRouteDeps } from './routes/service-stats.js';
export { requestFingerprint } from './fingerprint.js';
