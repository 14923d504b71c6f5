/**
 * @module definition/builtins
 * Names of the guards and actions every definition may use without injecting code.
 * Rule guards consult named rules; effect actions become effects (data) for the runtime.
 */

/** Guards over rules and over the event or context, by name. */
export const builtinGuards = ['anyRuleApplies', 'noRuleApplies', 'ruleApplies', 'eventHas', 'contextHas'] as const;

/** Actions whose only result is an effect of the same type. */
export const effectActions = [
  'notify',
  'provisionAccess',
  'revokeAccess',
  'renderDocument',
  'startApplication',
  'signalApplication',
  'destroyPersonalData',
] as const;

/** Actions that change the application's context. */
export const contextActions = ['assignFromEvent'] as const;

export const builtinActions: readonly string[] = [...effectActions, ...contextActions];

/** Event types the engine itself sends from stored timers; a definition may handle them too. */
export const systemEvents = { reminder: 'term.reminder', overdue: 'term.overdue' } as const;

/** Params each built-in needs, checked at load time: [name, param, type]. */
export const requiredParams: readonly [string, string, 'string' | 'array'][] = [
  ['ruleApplies', 'rule', 'string'],
  ['eventHas', 'field', 'string'],
  ['contextHas', 'field', 'string'],
  ['renderDocument', 'template', 'string'],
  ['notify', 'template', 'string'],
  ['startApplication', 'service', 'string'],
  ['signalApplication', 'event', 'string'],
  ['assignFromEvent', 'fields', 'array'],
];
