/**
 * @module definition/compile
 * A loaded definition turned into an XState machine with `setup({ guards, actions })`:
 * built-in rule guards and effect actions, injected code by name, and entry/exit markers the
 * pure core reads to start and meet terms, schedule timers and send notices.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { assign, createActor, setup, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import type { Calendar } from '../calendar/types.js';
import { ReglamentError } from '../errors.js';
import type { RuleResult } from '../store/types.js';
import { compileRules, type CompiledRules, type Facts } from '../rules/compile.js';
import { effectActions } from './builtins.js';
import { checkSemantics } from './semantics.js';
import { indexStates, type StateIndex } from './states.js';
import type { DefinitionProblem, NoticeSpec, StateConfig, TermSpec, TimerSpec, WorkflowDefinition } from './types.js';
import { failWith } from './problems.js';

/** Arguments injected code receives: XState's, plus the facts of the command. */
export interface ImplementationArgs {
  context: Record<string, unknown>;
  event: { type: string; [key: string]: unknown };
  facts: Facts;
}

/** Injected code, by the names the definition uses. */
export interface WorkflowImplementations {
  guards?: Record<string, (args: ImplementationArgs, params: Record<string, unknown> | undefined) => boolean>;
  /** An XState action object (e.g. `assign(...)`), or a pure function returning effects. */
  actions?: Record<string, unknown>;
}

export interface CompileOptions {
  implementations?: WorkflowImplementations;
  /** Counts terms and timers; required when the definition has any. */
  calendar?: Calendar;
}

/** The per-command scratchpad guards read: facts, and the rules consulted so far. */
export interface Evaluation {
  facts: Facts;
  consulted: Map<string, RuleResult>;
}

export interface CompiledWorkflow {
  readonly definition: WorkflowDefinition;
  readonly service: string;
  readonly version: string;
  readonly machine: AnyStateMachine;
  readonly rules: CompiledRules;
  readonly calendar: Calendar | null;
  readonly states: StateIndex;
  /** Event payload validators from `events.<type>.payload`. */
  readonly payloads: ReadonlyMap<string, ValidateFunction>;
  /** Functions of injected effect actions, by name. */
  readonly effectProducers: ReadonlyMap<string, (args: { context: unknown; event: unknown }, params: unknown) => unknown>;
  readonly termsFrom: ReadonlyMap<string, TermSpec[]>;
  readonly termsUntil: ReadonlyMap<string, TermSpec[]>;
  readonly timersIn: ReadonlyMap<string, TimerSpec[]>;
  readonly noticesOn: ReadonlyMap<string, NoticeSpec[]>;
  /** ЕПГУ status name of a state path (its own or its nearest ancestor's). */
  epguStatusOf(path: string): string;
  /** Runs `fn` with the evaluation guards read; the core calls it around `transition()`. */
  withEvaluation<T>(evaluation: Evaluation, fn: () => T): T;
  /** xstate's pure `transition()` without building a throw-away actor per call. */
  transition(snapshot: AnyMachineSnapshot, event: { type: string }): [AnyMachineSnapshot, unknown[]];
  /** xstate's pure `initialTransition()`, likewise. */
  initialTransition(input: Record<string, unknown>): [AnyMachineSnapshot, unknown[]];
}

/**
 * The inert actor scope xstate's `transition()` builds on every call, built once: it collects
 * actions instead of executing them. Definitions cannot invoke or spawn actors (the schema has
 * no `invoke`), so nothing registers in its system and one scope serves every call.
 */
function pureStepper(machine: AnyStateMachine) {
  const self = createActor(machine);
  let collected: unknown[] = [];
  const scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: (action: unknown) => {
      collected.push(action);
    },
  };
  function run<T>(fn: () => T): [T, unknown[]] {
    const previous = collected;
    collected = [];
    try {
      return [fn(), collected];
    } finally {
      collected = previous;
    }
  }
  return {
    transition: (snapshot: AnyMachineSnapshot, event: { type: string }) => run(() => machine.transition(snapshot as never, event as never, scope as never) as AnyMachineSnapshot),
    initialTransition: (input: Record<string, unknown>) => run(() => machine.getInitialSnapshot(scope as never, input as never) as AnyMachineSnapshot),
  };
}

const payloadAjv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true });

function withMarkers(config: StateConfig, path: string): StateConfig {
  const list = (value: StateConfig['entry']) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const states = config.states && Object.fromEntries(Object.entries(config.states).map(([key, child]) => [key, withMarkers(child, path === '' ? key : `${path}.${key}`)]));
  if (path === '') return { ...config, ...(states ? { states } : {}) };
  return {
    ...config,
    ...(states ? { states } : {}),
    entry: [{ type: '$enter', params: { state: path } }, ...list(config.entry)],
    exit: [...list(config.exit), { type: '$exit', params: { state: path } }],
  };
}

function group<T>(items: T[], keys: (item: T) => string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) for (const key of keys(item)) map.set(key, [...(map.get(key) ?? []), item]);
  return map;
}

/**
 * Compiles a loaded definition into an XState machine and the tables the pure core needs.
 * Throws INVALID_DEFINITION (with `details.problems`) on unknown names or a missing calendar.
 *
 * @example
 * const workflow = compileWorkflow(loadWorkflow('workflows/diary-access.json'), { calendar });
 * workflow.machine // an XState v5 machine; workflow.epguStatusOf('registered') // 'Заявление зарегистрировано'
 */
export function compileWorkflow(definition: WorkflowDefinition, options: CompileOptions = {}): CompiledWorkflow {
  const { implementations = {}, calendar } = options;
  const problems: DefinitionProblem[] = checkSemantics(definition, {
    guards: Object.keys(implementations.guards ?? {}),
    actions: Object.keys(implementations.actions ?? {}),
  });
  if (!calendar && ((definition.terms?.length ?? 0) > 0 || (definition.timers?.length ?? 0) > 0)) {
    problems.push({ path: definition.terms?.length ? '/terms' : '/timers', message: 'terms and timers are counted by a calendar: pass `calendar` to compileWorkflow' });
  }
  const rules = compileRules(definition.rules, definition.documents, problems);
  const payloads = new Map<string, ValidateFunction>();
  for (const [type, spec] of Object.entries(definition.events ?? {})) {
    if (!spec.payload) continue;
    try {
      payloads.set(type, payloadAjv.compile(spec.payload));
    } catch (error) {
      problems.push({ path: `/events/${type}/payload`, message: error instanceof Error ? error.message : String(error) });
    }
  }
  failWith(problems, definition.service);

  let evaluation: Evaluation | null = null;
  const consult = (id: string): RuleResult => {
    if (!evaluation) throw new ReglamentError('INTERNAL', 'a rule guard ran outside a command');
    let result = evaluation.consulted.get(id);
    if (!result) evaluation.consulted.set(id, (result = rules.evaluate(id, evaluation.facts)));
    return result;
  };
  const idsOf = (params: Record<string, unknown> | undefined): string[] =>
    Array.isArray(params?.['rules']) ? (params['rules'] as string[]) : [...(rules.groups.get(String(params?.['group'])) ?? [])];
  const has = (source: Record<string, unknown>, params: Record<string, unknown> | undefined) =>
    params && 'equals' in params ? source[String(params['field'])] === params['equals'] : source[String(params?.['field'])] !== undefined;

  const guards: Record<string, (args: { context: Record<string, unknown>; event: Record<string, unknown> }, params: Record<string, unknown> | undefined) => boolean> = {
    anyRuleApplies: (_, params) => idsOf(params).map(consult).some((result) => result.applies),
    noRuleApplies: (_, params) => !idsOf(params).map(consult).some((result) => result.applies),
    ruleApplies: (_, params) => consult(String(params?.['rule'])).applies,
    eventHas: ({ event }, params) => has(event, params),
    contextHas: ({ context }, params) => has(context, params),
  };
  for (const [name, guard] of Object.entries(implementations.guards ?? {})) {
    guards[name] = (args, params) => guard({ ...(args as ImplementationArgs), facts: evaluation?.facts ?? {} }, params);
  }
  const noop = () => undefined;
  const actions: Record<string, unknown> = {
    $enter: noop,
    $exit: noop,
    assignFromEvent: assign((({ event }: { event: Record<string, unknown> }, params: { fields: string[] }) =>
      Object.fromEntries(params.fields.filter((field) => field in event).map((field) => [field, event[field]]))) as never),
  };
  for (const name of effectActions) actions[name] = noop;
  const effectProducers = new Map<string, (args: { context: unknown; event: unknown }, params: unknown) => unknown>();
  for (const [name, action] of Object.entries(implementations.actions ?? {})) {
    // A plain function is an effect producer called by the core; XState action objects
    // (assign, raise, ...) carry a `type` and are applied by transition() itself.
    if (typeof action === 'function' && !('type' in action)) {
      effectProducers.set(name, action as never);
      actions[name] = noop;
    } else actions[name] = action;
  }
  const root = withMarkers({ states: definition.states, on: definition.on, always: definition.always, entry: definition.entry, exit: definition.exit }, '');
  const initialContext = definition.context ?? {};
  const machine = setup({ guards: guards as never, actions: actions as never }).createMachine({
    id: definition.id ?? definition.service,
    initial: definition.initial,
    ...(definition.type ? { type: definition.type } : {}),
    context: (({ input }: { input?: Record<string, unknown> }) => ({ ...structuredClone(initialContext), ...input })) as never,
    ...(root as object),
  } as never) as unknown as AnyStateMachine;

  const statuses = definition.epguStatus;
  const stepper = pureStepper(machine);
  return {
    transition: stepper.transition,
    initialTransition: stepper.initialTransition,
    definition,
    service: definition.service,
    version: definition.version,
    machine,
    rules,
    calendar: calendar ?? null,
    states: indexStates(definition),
    payloads,
    effectProducers,
    termsFrom: group(definition.terms ?? [], (term) => [term.from]),
    termsUntil: group(definition.terms ?? [], (term) => (Array.isArray(term.until) ? term.until : [term.until])),
    timersIn: group(definition.timers ?? [], (timer) => [timer.state]),
    noticesOn: group(definition.notices ?? [], (notice) => [notice.state]),
    epguStatusOf(path) {
      const parts = path.split('.');
      for (let n = parts.length; n > 0; n--) {
        const status = statuses[parts.slice(0, n).join('.')];
        if (status !== undefined) return status;
      }
      return '';
    },
    withEvaluation(next, fn) {
      const previous = evaluation;
      evaluation = next;
      try {
        return fn();
      } finally {
        evaluation = previous;
      }
    },
  };
}
