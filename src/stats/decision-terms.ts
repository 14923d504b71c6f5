/**
 * @module stats/decision-terms
 * Which term of a workflow measures the decision. A workflow's terms are data; the decision
 * terms are those that start where registration ends: their `from` is a state a term counted
 * from receipt (`from: 'received'`, the registration term) is met in, or a state inside it.
 * For the shipped workflows this picks `extract`/`extractInPerson`, `credentials`,
 * `termination`, `correction` and `review`/`reviewShort`, and leaves out registration itself,
 * data destruction and the appeal's answer notice.
 */

/** The slice of a workflow definition this needs. */
export interface TermsOfWorkflow {
  service: string;
  terms?: { name: string; from: string; until: string | string[] }[];
}

function within(state: string, container: string): boolean {
  return state === container || state.startsWith(`${container}.`);
}

/**
 * Decision term names per service.
 *
 * @example
 * decisionTermsOf([journalExtractDefinition]); // { 'journal-extract': ['extract', 'extractInPerson'] }
 */
export function decisionTermsOf(workflows: Iterable<TermsOfWorkflow>): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const workflow of workflows) {
    const terms = workflow.terms ?? [];
    const registeredIn = terms.filter((term) => term.from === 'received').flatMap((term) => (Array.isArray(term.until) ? term.until : [term.until]));
    result[workflow.service] = terms
      .filter((term) => term.from !== 'received' && registeredIn.some((state) => within(term.from, state)))
      .map((term) => term.name);
  }
  return result;
}

/**
 * Without definitions: every term not named `registration…`. Used for services the report was
 * given no definition of.
 *
 * @example
 * isDecisionTermByName('credentials'); // true
 */
export function isDecisionTermByName(name: string): boolean {
  return !name.startsWith('registration');
}
