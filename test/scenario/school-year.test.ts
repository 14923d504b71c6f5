/**
 * One school year (01.09.2025 → 30.06.2026) of a school of 500 pupils, day by day on a fake
 * clock with the real engine, SQLite store and production calendar: applications of every
 * kind, grants, refusals, appeals, typo corrections, terminations, transfers, graduations, and
 * clerks who are late on purpose. It finds no application past a term without an overdue flag,
 * and no access left after a termination ground.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createEdiaryService } from '../../src/ediary/service.js';
import { isReglamentError } from '../../src/errors.js';
import { createIdGenerator } from '../../src/runtime/ids.js';
import type { ApplicationView, Submission } from '../../src/runtime/types.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import type { Actor } from '../../src/store/types.js';
import { local } from '../workflows/fixture.js';
import { journalOf, makeSchool, seeded } from './school.js';

const clerk: Actor = { id: 'clerk', role: 'clerk', school: 'school-1' };
const head: Actor = { id: 'department', role: 'department' };
type Step = { id: string; events: { type: string; [key: string]: unknown }[]; actor: Actor };

async function playYear() {
  const random = seeded(20250901);
  const clock = { at: local('2025-09-01 00:00'), now() { return this.at; } };
  const store = createSqliteStore({ file: ':memory:' });
  await store.init();
  const { engine, ports, calendar } = createEdiaryService({ store, clock, ids: createIdGenerator({ clock }) });
  const { pupils } = makeSchool(500);
  await ports.roster.importJson(makeSchool(500).roster);
  const enrolled = new Set(pupils.map((pupil) => pupil.id));
  const ended = new Map<string, 'transferred' | 'graduated'>();
  const agenda = new Map<string, Step[]>();
  const late = new Set<string>();

  const plan = (day: string, step: Step) => agenda.set(day, [...(agenda.get(day) ?? []), step]);
  /** Things that happen at a local instant; the day loop runs them in time order, so the clock only moves forward. */
  const happenings = new Map<string, { at: string; run: () => Promise<unknown> }[]>();
  const happen = (at: string, run: () => Promise<unknown>) => {
    const day = calendar.localDate(at);
    happenings.set(day, [...(happenings.get(day) ?? []), { at, run }]);
  };
  /** The clerks' session is at 11:00: what arrives later (or on a day off) waits for the next working day. */
  const workingDayFrom = (instant: string) => {
    const day = calendar.localDate(instant);
    return calendar.isWorkingDay(day) && instant < local(`${day} 11:00`) ? day : calendar.nextWorkingDay(day);
  };
  /** A clerk's delay in working days: within `term` usually, past it when late on purpose. */
  const delay = (id: string, term: number) => (random.chance(0.08) ? (late.add(id), term + random.between(1, 4)) : random.between(0, Math.max(0, term - 2)));

  async function submit(submission: Submission, receivedAt: string, steps: (id: string, day: string) => void): Promise<ApplicationView> {
    clock.at = receivedAt;
    const application = await engine.submit({ school: 'school-1', ...submission }, { actor: clerk });
    const personal = submission.channel === 'personal';
    const registerDay = personal ? calendar.localDate(receivedAt) : calendar.addWorkingDays(workingDayFrom(receivedAt), random.chance(0.05) ? (late.add(application.id), 2) : 0);
    steps(application.id, registerDay);
    return application;
  }
  const someParent = () => {
    const pupil = random.pick(pupils.filter((item) => enrolled.has(item.id)));
    return random.chance(0.05) ? { pupil: pupil.id, applicant: `stranger-${random.between(1, 99)}` } : { pupil: pupil.id, applicant: random.pick(pupil.parents) };
  };
  const receiptOn = (day: string, personal: boolean) => (personal ? local(`${day} 10:00`) : local(`${day} ${String(random.between(0, 23)).padStart(2, '0')}:${String(random.between(0, 59)).padStart(2, '0')}`));

  function arriveAccess(day: string) {
    const at = receiptOn(day, false);
    happen(at, () => accessArrives(at));
  }
  async function accessArrives(at: string) {
    const who = someParent();
    const consent = random.chance(0.05) ? { parent: true } : { parent: true, child: true };
    await submit({ service: 'diary-access', channel: 'epgu', ...who, documents: ['application', 'identity'], data: { information: 'diary', consent } }, at, (id, register) => {
      plan(register, { id, events: [{ type: 'REGISTER' }, { type: 'CHECK_DOCUMENTS' }], actor: clerk });
      const decide = calendar.addWorkingDays(register, delay(id, 10));
      plan(decide, { id, events: [{ type: 'DECIDE' }, { type: 'ISSUE_CREDENTIALS' }], actor: clerk });
    });
  }
  function arriveExtract(day: string) {
    const personal = calendar.isWorkingDay(day) && random.chance(0.2);
    const at = receiptOn(day, personal);
    happen(at, () => extractArrives(day, at, personal));
  }
  async function extractArrives(day: string, at: string, personal: boolean) {
    const who = someParent();
    await ports.roster.importJournal(journalOf(who.pupil, '2025-09-01', day, random));
    const documents = random.chance(0.05) ? ['application'] : ['application', 'identity'];
    const information = random.chance(0.03) ? 'teachersSalary' : 'currentProgress';
    await submit({ service: 'journal-extract', channel: personal ? 'personal' : 'epgu', ...who, documents, data: { information } }, at, (id, register) => {
      const all = [{ type: 'REGISTER' }, { type: 'CHECK_DOCUMENTS' }, { type: 'DECIDE' }, { type: 'ISSUE' }];
      if (personal) return plan(register, { id, events: all, actor: clerk });
      plan(register, { id, events: all.slice(0, 2), actor: clerk });
      plan(calendar.addWorkingDays(register, delay(id, 7)), { id, events: all.slice(2), actor: clerk });
    });
  }
  /** Follow-ups a decision invites: an appeal of a refusal, a typo correction, a termination. */
  async function react(view: ApplicationView, day: string) {
    const later = calendar.addWorkingDays(day, random.between(1, 5));
    if (view.state === 'decision.satisfied') {
      // The reopened decision is taken again by the school.
      const events = [{ type: 'DECIDE' }, { type: 'ISSUE' }, { type: 'ISSUE_CREDENTIALS' }];
      for (const link of view.links) plan(calendar.addWorkingDays(day, 1), { id: link.applicationId, events, actor: clerk });
      return;
    }
    if ((view.state === 'refused' || view.state === 'intakeRefused') && view.service !== 'appeal' && random.chance(0.3)) {
      const subject = view.state === 'intakeRefused' ? 'intakeRefusal' : 'refusal';
      happen(local(`${later} 10:30`), () => submit({ service: 'appeal', channel: 'epgu', applicant: view.applicant, pupil: view.pupil, documents: ['complaint'], data: { subject }, links: [{ applicationId: view.id, relation: 'appeals' }] }, local(`${later} 10:30`), (id, register) => {
        plan(register, { id, events: [{ type: 'REGISTER' }], actor: head });
        const decide = calendar.addWorkingDays(register, delay(id, subject === 'refusal' ? 15 : 5));
        plan(decide, { id, events: [random.chance(0.5) ? { type: 'SATISFY' } : { type: 'REJECT', ground: 'decisionLawful' }], actor: head });
        plan(calendar.addWorkingDays(decide, 1), { id, events: [{ type: 'ANSWER' }], actor: head });
      }));
    } else if (view.state === 'issued' && random.chance(0.1)) {
      happen(local(`${later} 10:40`), () => submit({ service: 'typo-correction', channel: 'epgu', applicant: view.applicant, pupil: view.pupil, documents: ['application', 'identity'], links: [{ applicationId: view.id, relation: 'corrects' }] }, local(`${later} 10:40`), (id, register) => {
        plan(register, { id, events: [{ type: 'REGISTER' }, { type: 'CHECK_DOCUMENTS' }], actor: clerk });
        plan(calendar.addWorkingDays(register, delay(id, 5)), { id, events: [random.chance(0.6) ? { type: 'CORRECT' } : { type: 'REFUSE', ground: 'noTypoFound' }], actor: clerk });
      }));
    } else if (view.state === 'access.active' && random.chance(0.06)) {
      const when = calendar.addWorkingDays(day, random.between(10, 60));
      if (when > '2026-06-20') return;
      happen(local(`${when} 10:00`), () => submit({ service: 'access-termination', channel: 'personal', applicant: view.applicant, pupil: view.pupil, documents: ['application', 'identity'], links: [{ applicationId: view.id, relation: 'terminates' }] }, local(`${when} 10:00`), (id, register) => {
        plan(register, { id, events: [{ type: 'REGISTER' }, { type: 'CHECK_DOCUMENTS' }], actor: clerk });
        plan(calendar.addWorkingDays(register, delay(id, 10)), { id, events: [{ type: 'DECIDE' }], actor: clerk });
      }));
    }
  }
  async function act(day: string, step: Step) {
    let view = await engine.get(step.id);
    for (const event of step.events) {
      if (!view.allowedEvents.includes(event.type)) return;
      try {
        view = await engine.send(step.id, event, { actor: step.actor, expectedVersion: view.version });
      } catch (error) {
        // A guarded event whose conditions fail (e.g. CORRECT for a stranger): the clerk refuses instead.
        if (!isReglamentError(error, 'EVENT_NOT_ALLOWED')) throw error;
        if (event.type === 'CORRECT') view = await engine.send(step.id, { type: 'REFUSE' }, { actor: step.actor, expectedVersion: view.version });
        else return;
      }
    }
    await react(view, day);
  }

  const transfers = new Map<string, string[]>();
  for (let n = 0; n < 20; n++) {
    const day = calendar.addWorkingDays('2025-10-01', random.between(0, 150));
    transfers.set(day, [...(transfers.get(day) ?? []), random.pick(pupils).id]);
  }
  const arrivals = (day: string) => (day <= '2025-09-30' ? 5 : random.chance(0.2) ? 1 : 0);
  for (let day = '2025-09-01'; day <= '2026-06-30'; day = nextDay(day)) {
    await advance(local(`${day} 00:00`));
    for (let n = arrivals(day); n > 0; n--) arriveAccess(day);
    if (random.chance(0.4)) arriveExtract(day);
    if (calendar.isWorkingDay(day)) {
      happen(local(`${day} 11:00`), async () => {
        for (const step of agenda.get(day) ?? []) await act(day, step);
        agenda.delete(day);
      });
      happen(local(`${day} 16:00`), () => rosterEvents(day));
    }
    for (const { at, run } of (happenings.get(day) ?? []).sort((a, b) => a.at.localeCompare(b.at))) {
      clock.at = at;
      await run();
    }
    happenings.delete(day);
  }
  await advance(local('2026-06-30 23:59'));

  async function rosterEvents(day: string) {
    const changes = [];
    for (const pupil of transfers.get(day) ?? []) {
      if (!enrolled.delete(pupil)) continue;
      ended.set(pupil, 'transferred');
      changes.push(await ports.roster.recordChange({ kind: 'transferred', pupil, school: 'school-2' }));
    }
    if (day === '2026-06-25') {
      for (const pupil of pupils.filter((item) => item.grade === 11 && enrolled.delete(item.id))) {
        ended.set(pupil.id, 'graduated');
        changes.push(await ports.roster.recordChange({ kind: 'graduated', pupil: pupil.id, school: null }));
      }
    }
    await engine.applyRosterChanges(changes);
  }

  async function advance(instant: string) {
    clock.at = instant;
    await engine.runDueTimers();
  }
  const all: ApplicationView[] = [];
  for (let cursor: string | undefined, page; (page = await engine.list({ limit: 500, ...(cursor ? { cursor } : {}) })); ) {
    all.push(...page.items);
    if (!(cursor = page.nextCursor ?? undefined)) break;
  }
  return { engine, store, ports, clock, all, ended, late };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const year = suite('school year 2025/26, 500 pupils');
let played: Awaited<ReturnType<typeof playYear>>;

year.before(async () => {
  played = await playYear();
});

year('the year is busy: every kind of application, grants, refusals, late clerks', () => {
  const byService = new Map<string, number>();
  for (const view of played.all) byService.set(view.service, (byService.get(view.service) ?? 0) + 1);
  for (const service of ['journal-extract', 'diary-access', 'access-termination', 'appeal', 'typo-correction']) assert.ok((byService.get(service) ?? 0) > 0, service);
  const states = new Set(played.all.map((view) => `${view.service}:${view.state}`));
  for (const state of ['diary-access:access.active', 'diary-access:destroyed', 'diary-access:refused', 'diary-access:intakeRefused', 'journal-extract:issued', 'journal-extract:refused']) assert.ok(states.has(state), state);
  assert.ok(played.late.size > 5, 'some clerks were late on purpose');
  const forgotten = played.all.filter((view) => view.state === 'received' && view.receivedAt < local('2026-06-20 00:00'));
  assert.equal(forgotten.map((view) => view.id), [], 'every application but the last days\' was registered');
});

year('no application past a term without an overdue flag; every open one is found by overdueAt', async () => {
  const now = played.clock.now();
  const overdueOpen = new Set((await played.engine.list({ overdueAt: now, limit: 500 })).items.map((view) => view.id));
  let late = 0;
  for (const view of played.all) {
    for (const term of view.terms) {
      const passed = (term.metAt ?? now) >= term.dueAt;
      assert.is(term.overdue, passed, `${view.service} ${view.id} ${term.name}`);
      if (!passed) continue;
      late += 1;
      if (term.metAt === null) assert.ok(overdueOpen.has(view.id), `${view.id} open past ${term.name} is found by overdueAt`);
      if (term.metAt === null || term.metAt > term.dueAt) {
        const marked = (await played.engine.history(view.id)).some((entry) => entry.event.type === 'term.overdue' && entry.event['term'] === term.name);
        assert.ok(marked, `${view.id}: the overdue timer of ${term.name} fired`);
      }
    }
  }
  assert.ok(late >= played.late.size / 2, `late terms found: ${late}`);
});

year('no orphaned access: every access of a transferred or graduated pupil revoked, its data destroyed within 30 days', async () => {
  const now = played.clock.now();
  let checked = 0;
  for (const view of played.all.filter((item) => item.service === 'diary-access' && played.ended.has(item.pupil!))) {
    assert.not.ok(['access.active', 'granting', 'registered', 'received'].includes(view.state) || view.state.startsWith('review'), `${view.id} is ${view.state}`);
    if (view.state !== 'terminated' && view.state !== 'destroyed') continue;
    checked += 1;
    const history = await played.engine.history(view.id);
    const terminatedAt = history.find((entry) => entry.to === 'terminated')!.at;
    const grant = await played.ports.access.get(view.id);
    assert.ok(grant === null || grant.revokedAt !== null, `${view.id} access revoked`);
    const destruction = (await played.store.findRecords('destruction', { applicationId: view.id })).items[0];
    const deadline = Date.parse(terminatedAt) + 30 * 86_400_000;
    if (destruction) assert.ok(Date.parse(destruction.createdAt) <= deadline, `${view.id} destroyed within 30 days`);
    else assert.ok(Date.parse(now) < deadline && view.state === 'terminated', `${view.id} still within its 30 days`);
  }
  assert.ok(checked > 10, `terminated accesses checked: ${checked}`);
  let cursor: string | undefined;
  do {
    const page = await played.store.findRecords('access', {}, { limit: 500, ...(cursor ? { cursor } : {}) });
    for (const record of page.items) {
      const grant = record.data as { pupil: string; applicant: string; revokedAt: string | null };
      if (grant.revokedAt !== null) continue;
      assert.not.ok(played.ended.has(grant.pupil), `live access to pupil ${grant.pupil} who left`);
      assert.ok(await played.ports.roster.isRepresentative(grant.applicant, grant.pupil), 'live access only for a representative');
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
});

year('a stranger never got an extract or a code', async () => {
  for (const view of played.all.filter((item) => item.applicant?.startsWith('stranger-'))) {
    assert.not.ok(['issued', 'prepared', 'access.active', 'corrected'].includes(view.state), `${view.id} ${view.state}`);
    assert.is((await played.store.findRecords('document', { applicationId: view.id })).items.length, 0);
    assert.is(await played.ports.access.get(view.id), null);
  }
});

year.after(async () => {
  await played?.store.dispose();
});

year.run();
