/**
 * @module http/app
 * `createApp()`: the Hono app of the service. Middleware order: request id, secure headers,
 * CORS, timing/logging/metrics, body limit (larger, streamed ones for roster and journal uploads); then the public routes (health, metrics, OpenAPI,
 * docs, workflows, calendar) and the `/v1` routes that need a bearer token. Every error becomes
 * an RFC 9457 problem in `onError`. The app keeps nothing durable itself: that is the engine's
 * store.
 */
import { Hono, type Schema } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { requireAuth, type AuthVariables } from './auth/middleware.js';
import type { AuthKeys } from './auth/token.js';
import type { HttpDeps } from './deps.js';
import { silentLogger, type Logger } from './logger.js';
import { applicationGauges } from './metrics/gauges.js';
import { Registry } from './metrics/registry.js';
import { auditDocumentList, guardDocuments } from './middleware/document-guard.js';
import { handleError, limitBody } from './middleware/guards.js';
import { limitJsonBody } from './middleware/node-body.js';
import { allowedMethods, methodNotAllowed } from './middleware/methods.js';
import { observe } from './middleware/observe.js';
import { buildOpenApi } from './openapi/document.js';
import { operationsOf } from './openapi/operations.js';
import { requestSchemas } from './request-schemas.js';
import { applicationRoutes } from './routes/applications.js';
import { auditRoutes } from './routes/audit.js';
import { calendarRoutes } from './routes/calendar.js';
import { docsRoutes } from './routes/docs.js';
import { healthRoutes } from './routes/health.js';
import { journalQualityRoutes } from './routes/journal-quality.js';
import { meRoutes } from './routes/me.js';
import { metricsRoutes } from './routes/metrics.js';
import { openApiRoutes } from './routes/openapi.js';
import { rosterRoutes } from './routes/roster.js';
import { serviceStatsRoutes } from './routes/service-stats.js';
import { workflowRoutes } from './routes/workflows.js';
import type { QualityRuleSet } from '../quality/types.js';

export interface AppOptions extends HttpDeps {
  /** Keys that verify bearer tokens. */
  auth: AuthKeys;
  logger?: Logger;
  metrics?: Registry;
  /** Origins allowed to call the API from a browser; empty: no CORS headers. */
  corsOrigins?: string[];
  /** Largest request body in bytes (default 64 KiB); a roster import may be 32 times larger. */
  bodyLimitBytes?: number;
  /**
   * Largest journal export `POST /v1/reports/journal-quality` (and the admin upload at
   * `/admin/quality`) takes, in bytes; the body is streamed, never held whole. Default 200 MiB.
   */
  journalLimitBytes?: number;
  /** The journal quality rules; default the regulation's (`defaultQualityRules()`). */
  qualityRules?: QualityRuleSet;
  /** Version shown in the OpenAPI document. */
  version?: string;
  /** An app mounted at `/admin` (the admin pages); it sees paths below `/admin` and does its own sign-in. */
  admin?: { fetch(request: Request): Response | Promise<Response> };
  /**
   * Document routes mounted under `/v1/applications` behind the token and the notice rule:
   * `GET /{id}/documents` and `GET /{id}/documents/{doc}.html|.pdf` (see `admin/api-documents`).
   */
  documents?: Hono<{ Variables: AuthVariables }, Schema, string>;
}

const rosterPath = '/v1/roster';
const journalQualityPath = '/v1/reports/journal-quality';
/** Paths with their own body limit: the roster import, journal exports (API and admin upload). */
const ownLimit = new Set([rosterPath, journalQualityPath, '/admin/quality']);

/**
 * Creates the HTTP app.
 *
 * @example
 * const app = createApp({ engine, store, workflows, calendar, ports, clock, auth: keys });
 * serve({ fetch: app.fetch, port: 3000 });
 */
export function createApp(options: AppOptions) {
  const { auth, logger = silentLogger, metrics = new Registry(), corsOrigins = [], bodyLimitBytes = 65_536, journalLimitBytes = 200 * 1024 * 1024, qualityRules, version = '0.0.0', admin, documents, ...deps } = options;
  for (const gauge of applicationGauges(deps)) metrics.addGauge(gauge);
  const schemas = requestSchemas(deps.workflows);
  const operations = operationsOf(schemas, { documents: documents !== undefined });
  const document = buildOpenApi(operations, {
    version,
    title: 'reglament',
    description: 'Applications for municipal services, carried through their administrative regulation: terms in official working days, refusal grounds with citations, an audit trail. Errors are RFC 9457 problems.',
  });
  const limit = limitJsonBody(bodyLimitBytes);
  const limitMounted = limitBody(bodyLimitBytes);
  const authenticate = requireAuth(auth);

  const app = new Hono();
  app.use(requestId());
  app.use(secureHeaders());
  if (corsOrigins.length > 0) {
    app.use(cors({ origin: corsOrigins, allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key'], exposeHeaders: ['ETag', 'Location'], maxAge: 600 }));
  }
  app.use(observe({ logger, metrics }));
  app.use(async function limitMostBodies(c, next) {
    // The roster import and journal exports have their own, larger limits.
    if (ownLimit.has(c.req.path)) return next();
    // The admin pages are mounted: they read the raw Request's body themselves.
    return c.req.path.startsWith('/admin') ? limitMounted(c, next) : limit(c, next);
  });
  app.onError(handleError(logger));
  app.notFound(methodNotAllowed(allowedMethods(operations, { '/openapi.json': ['get'], '/docs': ['get'] })));
  for (const path of ['/v1/applications', '/v1/applications/*', '/v1/me', rosterPath, '/v1/audit', '/v1/reports/*']) app.use(path, authenticate);
  if (admin) app.mount('/admin', (request) => admin.fetch(request));
  if (documents) {
    app.use('/v1/applications/:id/documents', auditDocumentList(deps));
    app.use('/v1/applications/:id/documents/:file', guardDocuments(deps));
    app.route('/v1/applications', documents);
  }

  return app
    .route('/', healthRoutes(deps.store))
    .route('/', metricsRoutes(metrics))
    .route('/', openApiRoutes(document))
    .route('/docs', docsRoutes())
    .route('/v1/workflows', workflowRoutes(deps.workflows))
    .route('/v1/calendar', calendarRoutes(deps.calendar))
    .route('/v1/applications', applicationRoutes(deps, schemas))
    .route('/v1/me', meRoutes(deps))
    .route(rosterPath, rosterRoutes(deps, bodyLimitBytes * 32))
    .route('/v1/audit', auditRoutes(deps))
    .route('/v1/reports', journalQualityRoutes({ calendar: deps.calendar, clock: deps.clock, maxBytes: journalLimitBytes, ...(qualityRules ? { rules: qualityRules } : {}) }))
    .route('/v1/reports', serviceStatsRoutes(deps));
}

/** The app's type, for a typed client: `hc<AppType>('http://127.0.0.1:3000')`. */
export type AppType = ReturnType<typeof createApp>;
