/**
 * @module bench/engine
 * `npm run bench:engine`: N applications through a full lifecycle (submit → REGISTER → CHECK →
 * GRANT → CLOSE, 5 commands each) on reglament's engine with the SQLite FILE store (every
 * command one durable commit: snapshot, history, terms, timers), then the same flow through
 * xstate's pure `transition()` alone (the ceiling) and through bpmn-engine in memory (the peer).
 * Prints commands/s and ratios; the last line is one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine as BpmnEngine } from 'bpmn-engine';
import { createMachine, initialTransition, transition } from 'xstate';
import { createCalendar } from '../src/calendar/calendar.js';
import { createWorkflowRegistry } from '../src/definition/registry.js';
import { createEngine } from '../src/runtime/engine.js';
import { createIdGenerator } from '../src/runtime/ids.js';
import { createSqliteStore } from '../src/store/sqlite/index.js';

const applications = Number(process.env['BENCH_APPLICATIONS'] ?? 2000);
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

const commitSeconds = { normal: 0, full: 0 };

/** A contestant runs a chunk of applications and returns the seconds it took. */
type Contestant = { run(from: number, count: number): Promise<number>; close(): Promise<void> };

async function reglament(synchronous: 'normal' | 'full'): Promise<Contestant> {
  const dir = mkdtempSync(join(tmpdir(), 'reglament-bench-'));
  const clock = { now: () => new Date().toISOString() };
  const ids = createIdGenerator({ clock });
  const calendar = createCalendar({ timeZone: 'Asia/Yekaterinburg' });
  const store = createSqliteStore({ file: join(dir, 'bench.db'), synchronous });
  await store.init();
  const workflows = createWorkflowRegistry({ calendar });
  workflows.load(definition);
  // Time inside the store's commit, to show how a command's time splits between store and engine.
  const commit = store.commit.bind(store);
  store.commit = async (command) => {
    const started = performance.now();
    try {
      return await commit(command);
    } finally {
      commitSeconds[synchronous] += (performance.now() - started) / 1000;
    }
  };
  const engine = createEngine({ store, workflows, clock, ids, calendar });
  const actor = { id: 'clerk-1', role: 'clerk' as const };
  return {
    async run(from, count) {
      const started = performance.now();
      for (let i = from; i < from + count; i++) {
        let view = await engine.submit({ service: 'bench', school: 'school-1', applicant: `parent-${i}`, pupil: `pupil-${i}`, documents: ['application'] }, { actor, idempotencyKey: `bench-${i}` });
        for (const type of ['REGISTER', 'CHECK', 'GRANT', 'CLOSE']) view = await engine.send(view.id, { type }, { actor, expectedVersion: view.version });
        if (view.state !== 'closed') throw new Error(`application ${i} ended in ${view.state}`);
      }
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
  // bpmn-moddle (bpmn-engine's own parser) ships no types.
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

// WAL with synchronous=NORMAL: each command is in the WAL before the call returns, so a killed
// process loses nothing acknowledged; FULL adds an fsync per command (survives power loss).
// The contestants run in interleaved rounds, so a change in the machine's load hits all alike.
const rounds = 10;
const contestants = { durable: await reglament('normal'), fsynced: await reglament('full'), ceiling: pureTransition(), peer: await bpmn() };
// bpmn-engine and fsync are slow and steady: a quarter of the applications measures them well.
const share = { durable: 1, fsynced: 0.25, ceiling: 1, peer: 0.25 };
const seconds = { durable: 0, fsynced: 0, ceiling: 0, peer: 0 };
const done = { durable: 0, fsynced: 0, ceiling: 0, peer: 0 };
for (const name of Object.keys(contestants) as (keyof typeof contestants)[]) await contestants[name].run(1_000_000, 50); // warm-up
commitSeconds.normal = 0;
commitSeconds.full = 0;
for (let round = 0; round < rounds; round++) {
  for (const name of Object.keys(contestants) as (keyof typeof contestants)[]) {
    const count = Math.max(1, Math.round((applications * share[name]) / rounds));
    seconds[name] += await contestants[name].run(done[name], count);
    done[name] += count;
  }
}
for (const contestant of Object.values(contestants)) await contestant.close();
const rate = (name: keyof typeof seconds) => (done[name] * commandsPerApplication) / seconds[name];
const durable = rate('durable');
const fsynced = rate('fsynced');
const ceiling = rate('ceiling');
const peer = rate('peer');
console.log(`applications: ${done.durable} × ${commandsPerApplication} commands (bpmn-engine and fsync: ${done.peer}), ${rounds} interleaved rounds`);
console.log(`reglament engine, SQLite file store, WAL synchronous=NORMAL (survives a killed process): ${format(durable)} commands/s`);
const storeShare = commitSeconds.normal / seconds.durable;
console.log(`  of which inside store.commit(): ${(storeShare * 100).toFixed(0)}%; the engine alone (core, views, reads): ${format((done.durable * commandsPerApplication) / (seconds.durable - commitSeconds.normal))} commands/s`);
console.log(`reglament engine, SQLite file store, synchronous=FULL (fsync per command):              ${format(fsynced)} commands/s`);
console.log(`xstate transition() alone, in memory (ceiling): ${format(ceiling)} commands/s`);
console.log(`bpmn-engine in memory (peer):                    ${format(peer)} commands/s`);
console.log(`vs bpmn-engine: ${(durable / peer).toFixed(2)}x (target >= 10x); vs pure transition: ${((durable / ceiling) * 100).toFixed(1)}% (target >= 20%)`);
console.log(JSON.stringify({ bench: 'engine', commandsPerSec: Math.round(durable), commandsPerSecFsync: Math.round(fsynced), vsBpmnEngine: Number((durable / peer).toFixed(2)), vsPureTransition: Number((durable / ceiling).toFixed(3)) }));
