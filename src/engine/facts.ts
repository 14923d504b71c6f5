/**
 * @module engine/facts
 * The facts a command's rules see: the application (ids only), the documents presented as a
 * set, its own data, the event, and whatever the facts port found (roster).
 */
import type { Facts } from '../rules/compile.js';

/** What the core knows of an application besides its snapshot. */
export interface ApplicationFacts {
  id: string;
  service: string;
  kind?: string | null;
  channel?: string | null;
  school?: string | null;
  applicant?: string | null;
  pupil?: string | null;
  receivedAt: string;
}

/**
 * Builds the facts of one command.
 *
 * @example
 * buildFacts(application, { documents: ['application'] }, { type: 'DECIDE' }, { roster: { representative: true } })
 * // { application, documents: { application: true }, data: {}, event, context, roster }
 */
export function buildFacts(application: ApplicationFacts, context: Record<string, unknown>, event: Record<string, unknown>, portFacts: Facts = {}): Facts {
  const presented = Array.isArray(context['documents']) ? (context['documents'] as unknown[]) : [];
  return {
    ...portFacts,
    application: { ...application, kind: application.kind ?? (typeof context['kind'] === 'string' ? context['kind'] : null) },
    documents: Object.fromEntries(presented.map((id) => [String(id), true])),
    data: (context['data'] as Record<string, unknown> | undefined) ?? {},
    event,
    context,
  };
}
