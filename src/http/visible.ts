/**
 * @module http/visible
 * Loads an application for a caller: not found and not theirs look the same (404), so a parent
 * cannot probe for another family's applications; other failures (store down) pass through.
 */
import { ReglamentError, isReglamentError } from '../errors.js';
import type { ApplicationView, Engine } from '../runtime/types.js';
import type { ApplicationRecord, Store } from '../store/types.js';
import { requireVisible } from './auth/access.js';
import type { Principal } from './auth/token.js';

/**
 * The application, if the caller may see it; APPLICATION_NOT_FOUND otherwise.
 *
 * @example
 * const view = await loadVisible(engine, principal, c.req.param('id'));
 */
export async function loadVisible(engine: Pick<Engine, 'get'>, principal: Principal, id: string): Promise<ApplicationView> {
  let view: ApplicationView | null = null;
  try {
    view = await engine.get(id);
  } catch (error) {
    if (!isReglamentError(error, 'APPLICATION_NOT_FOUND')) throw error;
  }
  if (!view) throw new ReglamentError('APPLICATION_NOT_FOUND', `no application ${id}`, { path: '/id' });
  return requireVisible(principal, id, view);
}

/**
 * The stored record, if the caller may see it: for commands, which need only ids and version
 * to decide, not the full view.
 *
 * @example
 * const record = await loadVisibleRecord(store, principal, id);
 */
export async function loadVisibleRecord(store: Pick<Store, 'getApplication'>, principal: Principal, id: string): Promise<ApplicationRecord> {
  const record = await store.getApplication(id);
  if (!record) throw new ReglamentError('APPLICATION_NOT_FOUND', `no application ${id}`, { path: '/id' });
  return requireVisible(principal, id, record);
}
