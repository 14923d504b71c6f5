/**
 * @module ports/notifier
 * The default notifier: renders each notice to HTML and keeps it as a `notice` record, found by
 * application; a notice whose key was seen is not written again (at-least-once delivery).
 *
 * A notice with a secret (the one-time access code) is never stored readable: the notice keeps
 * the page rendered without it, and the page with it is sealed (AES-256-GCM) in a `sealedNotice`
 * record. `reveal` opens it once: deleting that record is the claim (one caller wins even when
 * two read at once), then the notice is rewritten with «код выдан <date>» and the reveal audited.
 */
import type { Actor, Store } from '../store/types.js';
import { createSealer, type SealedText, type Sealer } from './seal.js';
import type { AuditPort, Clock, DocumentsPort, Notice, NotifierPort } from './types.js';

export interface NotifierOptions {
  store: Store;
  documents: DocumentsPort;
  clock: Clock;
  /** Service titles by id, shown in notices. */
  serviceTitles?: Record<string, string>;
  /** Seals secrets of notices; default a random key for this process (see `createSealer`). */
  sealer?: Sealer;
  /** Where reveals of sealed notices are recorded. */
  audit?: AuditPort;
  /** Zone of the date in «код выдан <date>»; default UTC. */
  timeZone?: string;
}

/** Record kind of notices in the store. */
export const noticeKind = 'notice';

/** Record kind of the sealed page of a notice with a secret, until it is revealed. */
export const sealedNoticeKind = 'sealedNotice';

interface SealedNotice {
  page: SealedText;
  template: string;
  /** The template data without the secret, to render the notice once it is revealed. */
  data: Record<string, unknown>;
  /** For the audit record of the reveal: ids only. */
  pupil: string | null;
  school: string | null;
}

/**
 * Creates the notifier.
 *
 * @example
 * const notifier = createNotifier({ store, documents: createDocumentRenderer(), clock, sealer, audit });
 * await notifier.notify({ key: 'a1:3:0', parties, template: 'registered', to: 'applicant', state: 'registered', epguStatus: 'Заявление зарегистрировано', grounds: [] });
 * await notifier.notify({ key: 'a1:4:0:code', parties, template: 'accessCode', to: 'applicant', state, epguStatus: '', grounds: [], secret: { code } });
 * (await notifier.reveal('a1:4:0:code', parent))?.html; // the page with the code, this once
 */
export function createNotifier({ store, documents, clock, serviceTitles = {}, sealer = createSealer(), audit, timeZone = 'UTC' }: NotifierOptions): NotifierPort {
  const dateOf = new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
  const sealContext = (notice: Pick<Notice, 'applicationId' | 'id'>) => `${notice.applicationId}/${notice.id}`;

  async function save(notice: Notice): Promise<void> {
    await store.putRecord({ kind: noticeKind, id: notice.id, keys: { applicationId: notice.applicationId, to: notice.to }, data: notice, createdAt: notice.createdAt });
  }

  return {
    async notify(request) {
      const existing = await store.getRecord(noticeKind, request.key);
      if (existing) return existing.data as Notice;
      const { parties } = request;
      const template = documents.has(request.template) ? request.template : 'status';
      const data = {
        ...request.data,
        application: { id: parties.applicationId, service: parties.service },
        serviceTitle: serviceTitles[parties.service] ?? parties.service,
        state: request.state,
        epguStatus: request.epguStatus,
        grounds: request.grounds,
      };
      const rendered = documents.render(template, data);
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
      if (request.secret) {
        const page = sealer.seal(documents.render(template, { ...data, ...request.secret }).html, sealContext(notice));
        const sealed: SealedNotice = { page, template, data, pupil: parties.pupil, school: parties.school };
        // The sealed page first: a notice marked sealed always has its page to reveal.
        await store.putRecord({ kind: sealedNoticeKind, id: notice.id, keys: { applicationId: notice.applicationId }, data: sealed, createdAt });
        notice.sealed = true;
      }
      await save(notice);
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
    async reveal(noticeId: string, by: Actor) {
      const stored = (await store.getRecord(noticeKind, noticeId))?.data as Notice | undefined;
      if (!stored) return null;
      const sealedRecord = stored.sealed ? await store.getRecord(sealedNoticeKind, noticeId) : null;
      if (!sealedRecord) return stored;
      const sealed = sealedRecord.data as SealedNotice;
      // Opened before the claim: under a wrong key nothing is used up. After the claim a crash
      // loses the code rather than showing it twice.
      const html = sealer.open(sealed.page, sealContext(stored));
      if (!(await store.deleteRecord(sealedNoticeKind, noticeId))) return ((await store.getRecord(noticeKind, noticeId))?.data as Notice | undefined) ?? stored;
      const at = clock.now();
      const { sealed: _sealed, ...rest } = stored;
      await save({ ...rest, html: documents.render(sealed.template, { ...sealed.data, issuedOn: dateOf.format(new Date(at)) }).html });
      await audit?.record({
        actor: by,
        action: 'notice.reveal',
        applicationId: stored.applicationId,
        ...(sealed.pupil ? { pupil: sealed.pupil } : {}),
        ...(sealed.school ? { school: sealed.school } : {}),
        details: { notice: stored.id, template: stored.template },
      });
      return { ...rest, html };
    },
  };
}
