/**
 * @module ports/notifier
 * The default notifier: renders each notice to HTML and keeps it as a `notice` record, found by
 * application; a notice whose key was seen is not written again (at-least-once delivery).
 */
import type { Store } from '../store/types.js';
import type { Clock, DocumentsPort, Notice, NotifierPort } from './types.js';

export interface NotifierOptions {
  store: Store;
  documents: DocumentsPort;
  clock: Clock;
  /** Service titles by id, shown in notices. */
  serviceTitles?: Record<string, string>;
}

/** Record kind of notices in the store. */
export const noticeKind = 'notice';

/**
 * Creates the notifier.
 *
 * @example
 * const notifier = createNotifier({ store, documents: createDocumentRenderer(), clock });
 * await notifier.notify({ key: 'a1:3:0', parties, template: 'registered', to: 'applicant', state: 'registered', epguStatus: 'Заявление зарегистрировано', grounds: [] });
 */
export function createNotifier({ store, documents, clock, serviceTitles = {} }: NotifierOptions): NotifierPort {
  return {
    async notify(request) {
      const existing = await store.getRecord(noticeKind, request.key);
      if (existing) return existing.data as Notice;
      const { parties } = request;
      const template = documents.has(request.template) ? request.template : 'status';
      const rendered = documents.render(template, {
        ...request.data,
        application: { id: parties.applicationId, service: parties.service },
        serviceTitle: serviceTitles[parties.service] ?? parties.service,
        state: request.state,
        epguStatus: request.epguStatus,
        grounds: request.grounds,
      });
      const createdAt = clock.now();
      const notice: Notice = {
        id: request.key,
        applicationId: parties.applicationId,
        template: request.template,
        to: request.to,
        title: rendered.title,
        html: rendered.html,
        state: request.state,
        epguStatus: request.epguStatus,
        grounds: request.grounds,
        createdAt,
      };
      await store.putRecord({ kind: noticeKind, id: request.key, keys: { applicationId: parties.applicationId, to: request.to }, data: notice, createdAt });
      return notice;
    },
    async list(applicationId) {
      const notices: Notice[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.findRecords(noticeKind, { applicationId }, { limit: 500, ...(cursor ? { cursor } : {}) });
        notices.push(...page.items.map((record) => record.data as Notice));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return notices.sort((a, b) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt)));
    },
  };
}
