/**
 * @module runtime/dispatch
 * Executes one outbox effect through the ports, after the commit. Every effect carries its
 * idempotency key (the outbox id); the ports drop keys they have seen, so delivering twice
 * (a crash between dispatch and the mark) does no harm.
 */
import type { OutboxEffect } from '../engine/effects.js';
import { isReglamentError } from '../errors.js';
import type { ApplicationParties, EnginePorts } from '../ports/types.js';
import type { ApplicationRecord, OutboxRecord, Store } from '../store/types.js';
import type { CommandOptions, Submission } from './types.js';

/** What the dispatcher needs from the engine for effects on other applications. */
export interface DispatchContext {
  store: Store;
  ports: EnginePorts;
  submit(submission: Submission, options: CommandOptions): Promise<unknown>;
  send(id: string, event: { type: string }, options: CommandOptions): Promise<unknown>;
}

const system = { id: 'engine', role: 'system' } as const;

function partiesOf(record: ApplicationRecord): ApplicationParties {
  return { applicationId: record.id, service: record.service, school: record.school, applicant: record.applicant, pupil: record.pupil };
}

/** What a document template gets: the application, its parties and the facts port's document data. */
async function documentInput(ports: EnginePorts, record: ApplicationRecord, parties: ApplicationParties, at: string): Promise<Record<string, unknown>> {
  const extra = ports.facts?.documentData ? await ports.facts.documentData(parties) : {};
  const data = (record.snapshot as { context?: { data?: unknown } } | null)?.context?.data ?? {};
  return { ...extra, application: { id: record.id, service: record.service, receivedAt: record.receivedAt, data }, parties, at };
}

/**
 * Dispatches one outbox row; throws when a port fails (the row is retried later).
 *
 * @example
 * await dispatchEffect(context, row);
 */
export async function dispatchEffect(context: DispatchContext, row: OutboxRecord): Promise<void> {
  const { store, ports } = context;
  const effect = row.effect as OutboxEffect;
  const key = row.id;
  const record = await store.getApplication(row.applicationId);
  if (!record) return;
  const parties = partiesOf(record);
  switch (effect.type) {
    case 'notify': {
      if (!ports.notifier) return;
      let data: Record<string, unknown> = effect.term ? { term: effect.term } : {};
      if (effect.document && ports.documents) data = { ...data, document: ports.documents.render(effect.document, await documentInput(ports, record, parties, row.createdAt)) };
      await ports.notifier.notify({ key, parties, template: effect.template, to: effect.to, state: effect.state, epguStatus: effect.epguStatus, grounds: effect.grounds, data });
      return;
    }
    case 'provisionAccess': {
      if (!ports.access) return;
      const issued = await ports.access.provision({ key, parties });
      // The notice is how the code reaches the applicant: as a secret, sealed at rest and shown
      // once (`notifier.reveal`); the access record keeps only its hash, the outbox row none of it.
      if (issued && ports.notifier) {
        await ports.notifier.notify({ key: `${key}:code`, parties, template: 'accessCode', to: 'applicant', state: record.state, epguStatus: '', grounds: [], secret: { code: issued.code } });
      }
      return;
    }
    case 'revokeAccess':
      await ports.access?.revoke({ key, applicationId: record.id, ...(effect.reason ? { reason: effect.reason } : {}) });
      return;
    case 'destroyPersonalData':
      await ports.access?.destroy({ key, applicationId: record.id });
      return;
    case 'renderDocument': {
      if (!ports.documents || (await store.getRecord('document', key))) return;
      const rendered = ports.documents.render(effect.template, await documentInput(ports, record, parties, row.createdAt));
      await store.putRecord({ kind: 'document', id: key, keys: { applicationId: record.id, template: effect.template }, data: { ...rendered, template: effect.template }, createdAt: row.createdAt });
      return;
    }
    case 'startApplication':
      await context.submit(
        { ...effect.input, service: effect.service, school: record.school, applicant: record.applicant, pupil: record.pupil, channel: record.channel, links: [{ applicationId: record.id, relation: effect.relation ?? 'startedBy' }] },
        { actor: system, idempotencyKey: key },
      );
      return;
    case 'signalApplication':
      for (const link of record.links.filter((item) => effect.relation === undefined || item.relation === effect.relation)) {
        try {
          await context.send(link.applicationId, { type: effect.event }, { actor: system, idempotencyKey: `${key}:${link.applicationId}` });
        } catch (error) {
          // The linked application already left the state that takes the event: nothing to do.
          if (!isReglamentError(error, 'EVENT_NOT_ALLOWED') && !isReglamentError(error, 'APPLICATION_NOT_FOUND')) throw error;
        }
      }
      return;
  }
}
