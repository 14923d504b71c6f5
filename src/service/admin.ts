/**
 * @module service/admin
 * The admin module's parts as the service mounts them: the admin pages at `/admin` and the
 * printable document routes under `/v1/applications` (HTML and PDF).
 */
import { documentApiRoutes } from '../admin/api-documents.js';
import { createAdminApp } from '../admin/app.js';
import type { AuthKeys } from '../http/auth/token.js';
import type { HttpDeps } from '../http/deps.js';
import type { ServicePorts } from './service.js';

type Deps = Omit<HttpDeps, 'ports'> & { ports: ServicePorts };

/**
 * The admin pages, on the service's store, ports and keys.
 *
 * @example
 * app.route('/admin', createAdminPages({ ...deps, auth }));
 */
export function createAdminPages({ store, calendar, workflows, ports, clock, auth, journalLimitBytes }: Deps & { auth: AuthKeys; journalLimitBytes?: number }) {
  return createAdminApp({ store, calendar, auth, workflows, notifier: ports.notifier, audit: ports.audit, clock, ...(journalLimitBytes ? { journalLimitBytes } : {}) });
}

/**
 * The document routes of the API (relative to `/v1/applications`).
 *
 * @example
 * createApp({ ...deps, documents: createDocumentApiRoutes(deps) });
 */
export function createDocumentApiRoutes({ store, workflows, ports, clock }: Deps) {
  return documentApiRoutes({ store, notifier: ports.notifier, audit: ports.audit, workflows, clock });
}
