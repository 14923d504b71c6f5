/**
 * @module definition/types
 * The shape of a workflow definition file (see docs/workflow-format.md and
 * schemas/workflow.schema.json): an XState v5 machine config plus the parts a regulation adds.
 */

/** `{ "$param": "name" }`: a parameter reference, replaced by its value when loaded. */
export interface ParamRef {
  $param: string;
}

export type GuardRef = string | { type: string; params?: Record<string, unknown> };
export type ActionRef = string | { type: string; params?: Record<string, unknown> };

export interface TransitionConfig {
  target?: string | string[];
  guard?: GuardRef;
  actions?: ActionRef | ActionRef[];
  reenter?: boolean;
  description?: string;
}

export type TransitionsConfig = string | TransitionConfig | (string | TransitionConfig)[];

/** One state of the machine part. `after` and `invoke` are not allowed: delays are stored timers. */
export interface StateConfig {
  type?: 'atomic' | 'compound' | 'parallel' | 'final';
  id?: string;
  description?: string;
  tags?: string[];
  initial?: string;
  states?: Record<string, StateConfig>;
  on?: Record<string, TransitionsConfig>;
  always?: TransitionsConfig;
  entry?: ActionRef | ActionRef[];
  exit?: ActionRef | ActionRef[];
}

export interface DocumentSpec {
  id: string;
  title: string;
  form?: string;
  optional?: boolean;
}

export interface EventSpec {
  title?: string;
  roles?: ('applicant' | 'clerk' | 'department' | 'admin' | 'system')[];
  payload?: Record<string, unknown>;
}

/** A named rule: `requires` applies when the facts fail it; `when` applies when they match. */
export interface RuleSpec {
  group?: string;
  citation: string;
  text: string;
  requires?: Record<string, unknown>;
  when?: Record<string, unknown>;
  reason?: string;
  messages?: Record<string, string>;
}

export interface TermSpec {
  name: string;
  title?: string;
  citation?: string;
  workingDays?: number;
  calendarDays?: number;
  /** 'received' or a state path. */
  from: string;
  /** State path(s); the term is met when one is entered. */
  until: string | string[];
  reminder?: { workingDaysBefore: number };
  notice?: string;
  /** With `from: 'received'`: a receipt at or after this local time (`HH:MM`) counts from the next working day. */
  officeHoursEnd?: string;
  /** The term runs only for these channels (e.g. `['personal']`: "at once on a personal visit"). */
  channels?: string[];
  /** The term does not run for these channels. */
  exceptChannels?: string[];
}

export interface TimerSpec {
  name: string;
  state: string;
  workingDays?: number;
  calendarDays?: number;
  send: string;
}

export interface NoticeSpec {
  state: string;
  template: string;
  to?: 'applicant' | 'staff' | 'department';
  document?: string;
}

/** A validated definition with parameters resolved (no `$param` left outside `parameters`). */
export interface WorkflowDefinition {
  service: string;
  version: string;
  title: string;
  description?: string;
  regulation?: string;
  id?: string;
  initial: string;
  type?: 'parallel';
  context?: Record<string, unknown>;
  states: Record<string, StateConfig>;
  on?: Record<string, TransitionsConfig>;
  always?: TransitionsConfig;
  entry?: ActionRef | ActionRef[];
  exit?: ActionRef | ActionRef[];
  parameters?: Record<string, number | string | boolean>;
  documents?: Record<string, DocumentSpec[]>;
  events?: Record<string, EventSpec>;
  rules?: Record<string, RuleSpec>;
  terms?: TermSpec[];
  timers?: TimerSpec[];
  epguStatus: Record<string, string>;
  notices?: NoticeSpec[];
}

/** A municipality's changes to a definition (schemas/workflow-overrides.schema.json). */
export interface WorkflowOverrides {
  service?: string;
  source?: string;
  title?: string;
  parameters?: Record<string, number | string | boolean>;
  epguStatus?: Record<string, string>;
}

/** One problem found in a definition: a JSON pointer into the file and a message. */
export interface DefinitionProblem {
  path: string;
  message: string;
}
