/**
 * @module bench/engine
 * `npm run bench:engine`: N applications through a full lifecycle (submit → REGISTER → CHECK →
 * GRANT → CLOSE, 5 commands each) on reglament's engine with the SQLite FILE store (every
 * command durable before it is acknowledged: snapshot, history, terms, timers, idempotency
 * key), then the same flow through xstate's pure `transition()` alone (the ceiling) and through
 * bpmn-engine in memory (the peer). reglament is driven by many callers at once, as a server
 * is (group commit), and also by one caller at a time. Prints commands/s and ratios; the last
 * line is one JSON object. BENCH_APPLICATIONS (default 3000), BENCH_CALLERS (default 64).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine as BpmnEngine } from 'bpmn-engine';
import { createMachine, initialTransition, transition } from 'xstate';
import { createCalendar } from '../src/calendar/calendar.js';
import { createWorkflowRegistry } from '../src/definition/registry.js';
import { createEngine } from '../src/runtime/engine.js';
import { createIdGenerator } from '../src/runtime/ids.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';

const applications = Number(process.env['BENCH_APPLICATIONS'] ?? 3000);
const commandsPerApplication = 5;

const states = {
  received: { on: { REGISTER: 'registered' } },
  registered: { on: { CHECK: [{ guard: { type: 'anyRuleApplies', params: { group: 'refusalGrounds' } }, target: 'refused' }, { target: 'checked' }] } },
  checked: { on: { GRANT: 'granted' } },
  granted: { on: { CLOSE: 'closed' } },
  closed: { type: 'final' },
  refused: { type: 'final' },
};

const definition = {
  service: 'bench',
  version: '1.0.0',
  title: 'Бенчмарк',
  initial: 'received',
  documents: { bench: [{ id: 'application', title: 'Заявление' }] },
  rules: { incomplete: { group: 'refusalGrounds', citation: 'п. 1', text: 'Неполный комплект', requires: { properties: { documents: { required: ['application'] } } } } },
  terms: [
    { name: 'registration', workingDays: 1, from: 'received', until: 'registered' },
    { name: 'decision', workingDays: 10, from: 'registered', until: ['granted', 'refused'], reminder: { workingDaysBefore: 1 } },
  ],
  epguStatus: { received: 'Заявление получено', registered: 'Заявление зарегистрировано', checked: 'Заявление принято к рассмотрению', granted: 'Услуга оказана', closed: 'Услуга оказана', refused: 'Отказано в предоставлении услуги' },
  states,
};

/** Seconds spent inside the store's commit calls, and transactions written, per store. */
const storeSeconds = new Map<string, number>();
const transactions = new Map<string, number>();

/** A contestant runs a chunk of applications and returns the seconds it took. */
type Contestant = { run(from: number, count: number): Promise<number>; close(): Promise<void> };

/** Times every call of `store[name]` into `storeSeconds` under `label`. */
function timeStore(store: Record<string, unknown>, name: 'commit' | 'commitMany', label: string): void {
  const original = store[name] as ((...args: unknown[]) => Promise<unknown>) | undefined;
  if (!original) return;
  store[name] = async (...args: unknown[]) => {
    const started = performance.now();
    transactions.set(label, (transactions.get(label) ?? 0) + 1);
    try {
      return await original.apply(store, args);
    } finally {
      storeSeconds.set(label, (storeSeconds.get(label) ?? 0) + (performance.now() - started) / 1000);
    }
  };
}

/**
 * reglament on an SQLite file, driven the way a server drives it: `callers` clients at once,
 * each carrying its applications one command after another (a command is sent only once the
 * previous one was acknowledged, i.e. durable).
 */
async function reglament(label: string, synchronous: 'normal' | 'full', callers: number): Promise<Contestant> {
  const dir = mkdtempSync(join(tmpdir(), 'reglament-bench-'));
  const clock = { now: () => new Date().toISOString() };
  const ids = createIdGenerator({ clock });
  const calendar = createCalendar({ timeZone: 'Asia/Yekaterinburg' });
  const store = createSqliteStore({ file: join(dir, 'bench.db'), synchronous });
  await store.init();
  const workflows = createWorkflowRegistry({ calendar });
  workflows.load(definition);
  timeStore(store as unknown as Record<string, unknown>, 'commit', label);
  timeStore(store as unknown as Record<string, unknown>, 'commitMany', label);
  const engine = createEngine({ store, workflows, clock, ids, calendar });
  const actor = { id: 'clerk-1', role: 'clerk' as const };
  async function lifecycle(i: number): Promise<void> {
    let view = await engine.submit({ service: 'bench', school: 'school-1', applicant: `parent-${i}`, pupil: `pupil-${i}`, documents: ['application'] }, { actor, idempotencyKey: `bench-${label}-${i}` });
    for (const type of ['REGISTER', 'CHECK', 'GRANT', 'CLOSE']) view = await engine.send(view.id, { type }, { actor, expectedVersion: view.version });
    if (view.state !== 'closed') throw new Error(`application ${i} ended in ${view.state}`);
  }
  return {
    async run(from, count) {
      const started = performance.now();
      let next = from;
      const caller = async () => {
        while (next < from + count) await lifecycle(next++);
      };
      await Promise.all(Array.from({ length: Math.min(callers, count) }, caller));
      return (performance.now() - started) / 1000;
    },
    async close() {
      await store.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function pureTransition(): Contestant {
  const machine = createMachine({
    id: 'bench',
    initial: 'received',
    context: ({ input }: { input: { documents: string[] } }) => input,
    states: {
      ...states,
      registered: { on: { CHECK: [{ guard: ({ context }: { context: { documents: string[] } }) => !context.documents.includes('application'), target: 'refused' }, { target: 'checked' }] } },
    },
  } as never);
  return {
    async run(_from, count) {
      const started = performance.now();
      for (let i = 0; i < count; i++) {
        let [snapshot] = initialTransition(machine, { documents: ['application'] } as never);
        for (const type of ['REGISTER', 'CHECK', 'GRANT', 'CLOSE']) [snapshot] = transition(machine, snapshot, { type } as never);
        if ((snapshot as { value: unknown }).value !== 'closed') throw new Error('pure flow did not close');
      }
      return (performance.now() - started) / 1000;
    },
    async close() {},
  };
}

const bpmnSource = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="bench" targetNamespace="http://reglament.dev/bench">
  <process id="application" isExecutable="true">
    <startEvent id="received" />
    <sequenceFlow id="f1" sourceRef="received" targetRef="register" />
    <userTask id="register" />
    <sequenceFlow id="f2" sourceRef="register" targetRef="check" />
    <userTask id="check" />
    <sequenceFlow id="f3" sourceRef="check" targetRef="decision" />
    <exclusiveGateway id="decision" default="f5" />
    <sequenceFlow id="f4" sourceRef="decision" targetRef="refused">
      <conditionExpression xsi:type="tFormalExpression">\${environment.variables.incomplete}</conditionExpression>
    </sequenceFlow>
    <sequenceFlow id="f5" sourceRef="decision" targetRef="grant" />
    <userTask id="grant" />
    <sequenceFlow id="f6" sourceRef="grant" targetRef="close" />
    <userTask id="close" />
    <sequenceFlow id="f7" sourceRef="close" targetRef="closed" />
    <endEvent id="closed" />
    <endEvent id="refused" />
  </process>
</definitions>`;

async function bpmn(): Promise<Contestant> {
  // Parsed once and shared, so the peer is measured running the process, not parsing XML.
  // bpmn-moddle (bpmn-engine's own parser) ships no types. One instance at a time: it keeps
  // nothing durable, so many in flight have nothing to share (measured: 64 at once is no faster).
  // The ceiling likewise runs one after another: transition() is synchronous.
  const { default: BpmnModdle } = (await import('bpmn-moddle' as string)) as { default: new () => { fromXML(xml: string): Promise<unknown> } };
  const moddleContext = await new BpmnModdle().fromXML(bpmnSource);
  return {
    async run(from, count) {
      const started = performance.now();
      for (let i = from; i < from + count; i++) {
        const engine = new BpmnEngine({ name: `application-${i}`, moddleContext: moddleContext as never });
        const execution = await engine.execute({ variables: { incomplete: false } });
        for (const id of ['register', 'check', 'grant', 'close']) {
          // The first instance proves the flow: each user task is waiting when it is signalled.
          if (i === 0 && !execution.getPostponed().some((activity) => activity.id === id)) throw new Error(`bpmn flow is not waiting in ${id}`);
          execution.signal({ id });
        }
        if (execution.state === 'running' || execution.getPostponed().length > 0) throw new Error(`bpmn flow ${i} did not complete: ${execution.state}`);
      }
      return (performance.now() - started) / 1000;
    },
    async close() {},
  };
}

function format(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

const callers = Number(process.env['BENCH_CALLERS'] ?? 64);
// Few long rounds: each round ends with callers running out of applications (a short tail of
// small groups), which a server under steady load does not have.
const rounds = 5;
const [load1, load5] = loadavg();
// The contestants run in interleaved rounds, so a change in the machine's load hits all alike.
const contestants = {
  full: await reglament('full', 'full', callers),
  normal: await reglament('normal', 'normal', callers),
  fullAlone: await reglament('fullAlone', 'full', 1),
  normalAlone: await reglament('normalAlone', 'normal', 1),
  ceiling: pureTransition(),
  peer: await bpmn(),
};
type Name = keyof typeof contestants;
const names = Object.keys(contestants) as Name[];
// bpmn-engine and one caller at a time are slow and steady: a fraction of the applications measures them well.
const share: Record<Name, number> = { full: 1, normal: 1, fullAlone: 0.05, normalAlone: 0.1, ceiling: 1, peer: 0.1 };
const seconds = Object.fromEntries(names.map((name) => [name, 0])) as Record<Name, number>;
const done = Object.fromEntries(names.map((name) => [name, 0])) as Record<Name, number>;
for (const name of names) await contestants[name].run(1_000_000, 50); // warm-up
storeSeconds.clear();
transactions.clear();
for (let round = 0; round < rounds; round++) {
  for (const name of names) {
    const count = Math.max(1, Math.round((applications * share[name]) / rounds));
    seconds[name] += await contestants[name].run(done[name], count);
    done[name] += count;
  }
}
for (const contestant of Object.values(contestants)) await contestant.close();
const rate = (name: Name) => (done[name] * commandsPerApplication) / seconds[name];
const perTransaction = (name: Name) => (done[name] * commandsPerApplication) / (transactions.get(name) ?? 1);
const storeShare = (name: Name) =>
  `${(((storeSeconds.get(name) ?? 0) / seconds[name]) * 100).toFixed(0)}% of the time inside the store's commit, ${perTransaction(name).toFixed(1)} commands per transaction`;
const durable = rate('full');
const ceiling = rate('ceiling');
const peer = rate('peer');
console.log(`load average at start: ${load1!.toFixed(2)} (1 min), ${load5!.toFixed(2)} (5 min); ${cpus().length} CPUs`);
console.log(`applications: ${done.full} × ${commandsPerApplication} commands (submit, REGISTER, CHECK, GRANT, CLOSE), ${rounds} interleaved rounds`);
console.log(`reglament is driven as a server drives it: ${callers} callers at once, each waiting for its command to be durable before the next`);
console.log('(many applications in flight; their commands share one SQLite transaction: group commit). Every command writes snapshot, history, terms, timers, idempotency key.');
console.log(`reglament, SQLite file, synchronous=FULL (fsync per transaction: survives power loss): ${format(durable)} commands/s (${storeShare('full')})`);
console.log(`reglament, SQLite file, WAL synchronous=NORMAL (survives a killed process):          ${format(rate('normal'))} commands/s (${storeShare('normal')})`);
console.log(`the same with one caller at a time (no group to commit): FULL ${format(rate('fullAlone'))}, NORMAL ${format(rate('normalAlone'))} commands/s (${done.fullAlone} and ${done.normalAlone} applications)`);
console.log(`xstate transition() alone, in memory, no storage (ceiling): ${format(ceiling)} commands/s`);
console.log(`bpmn-engine in memory (peer, ${done.peer} applications):      ${format(peer)} commands/s`);
console.log(`headline = synchronous=FULL: vs bpmn-engine ${(durable / peer).toFixed(2)}x (target >= 10x); vs pure transition ${((durable / ceiling) * 100).toFixed(1)}% (target >= 20%)`);
console.log(
  JSON.stringify({
    bench: 'engine',
    commandsPerSec: Math.round(durable),
    synchronous: 'full',
    callers,
    commandsPerSecNormal: Math.round(rate('normal')),
    commandsPerSecOneCaller: Math.round(rate('fullAlone')),
    commandsPerSecOneCallerNormal: Math.round(rate('normalAlone')),
    commandsPerTransaction: Number(perTransaction('full').toFixed(1)),
    vsBpmnEngine: Number((durable / peer).toFixed(2)),
    vsPureTransition: Number((durable / ceiling).toFixed(3)),
    loadAverage: Number(load1!.toFixed(2)),
  }),
);
