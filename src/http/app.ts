/**
 * @module http/app
 * `createApp()`: the Hono app of the service. Middleware order: request id, secure headers,
 * CORS, timing/logging/metrics, body limit; then the public routes (health, metrics, OpenAPI,
 * docs, workflows, calendar) and the `/v1` routes behind a bearer token. Every error becomes an
 * RFC 9457 problem in `onError`. The app holds no state of its own beyond metrics: everything
 * durable is in the engine's store.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Calendar } from '../calendar/types.js';
import type { WorkflowRegistry } from '../definition/registry.js';
import type { Store } from '../store/types.js';
import type { AuthKeys } from './auth/token.js';
import { silentLogger, type Logger } from './logger.js';
import { Registry } from './metrics/registry.js';
import { handleError, handleNotFound, limitBody } from './middleware/guards.js';
import { observe } from './middleware/observe.js';
import { buildOpenApi } from './openapi/document.js';
import { calendarOperations, calendarRoutes } from './routes/calendar.js';
import { docsRoutes } from './routes/docs.js';
import { healthOperations, healthRoutes } from './routes/health.js';
import { metricsOperations, metricsRoutes } from './routes/metrics.js';
import { openApiRoutes } from './routes/openapi.js';
import { workflowOperations, workflowRoutes } from './routes/workflows.js';

export interface AppOptions {
  store: Store;
  calendar: Calendar;
  workflows: WorkflowRegistry;
  /** Keys that verify bearer tokens. */
  auth: AuthKeys;
  logger?: Logger;
  metrics?: Registry;
  /** Origins allowed to call the API from a browser; empty: no CORS headers. */
  corsOrigins?: string[];
  /** Largest request body in bytes (default 64 KiB). */
  bodyLimitBytes?: number;
  /** Version shown in the OpenAPI document. */
  version?: string;
}

/**
 * Creates the HTTP app.
 *
 * @example
 * const app = createApp({ engine, store, calendar, auth: keys });
 * serve({ fetch: app.fetch, port: 3000 });
 */
export function createApp({ store, calendar, workflows, auth, logger = silentLogger, metrics = new Registry(), corsOrigins = [], bodyLimitBytes = 65_536, version = '0.0.0' }: AppOptions) {
  const app = new Hono();
  app.use(requestId());
  app.use(secureHeaders());
  if (corsOrigins.length > 0) {
    app.use(cors({ origin: corsOrigins, allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key'], exposeHeaders: ['ETag', 'Location'], maxAge: 600 }));
  }
  app.use(observe({ logger, metrics }));
  app.use(limitBody(bodyLimitBytes));
  app.onError(handleError(logger));
  app.notFound(handleNotFound);

  const operations = [...healthOperations, ...metricsOperations, ...workflowOperations, ...calendarOperations];
  const document = buildOpenApi(operations, { version, title: 'reglament', description: 'Applications for municipal services, carried through their administrative regulation.' });
  void auth;
  return app
    .route('/', healthRoutes(store))
    .route('/', metricsRoutes(metrics))
    .route('/', openApiRoutes(document))
    .route('/docs', docsRoutes())
    .route('/v1/workflows', workflowRoutes(workflows))
    .route('/v1/calendar', calendarRoutes(calendar));
}

/** The app's type, for a typed client: `hc<AppType>('http://127.0.0.1:3000')`. */
export type AppType = ReturnType<typeof createApp>;
