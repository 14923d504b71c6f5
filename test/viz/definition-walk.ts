/**
 * @module test/viz/definition-walk
 * Walks a workflow definition the plain way, independent of src/viz/graph: every state path,
 * and every (state, event) pair with how many transition targets it declares. The diagram
 * tests compare the SVG against this.
 */

interface StateConfig {
  states?: Record<string, StateConfig>;
  on?: Record<string, unknown>;
  always?: unknown;
}

/** Every state path of the definition: 'received', 'access', 'access.active', ... */
export function statePaths(definition: StateConfig, prefix = ''): string[] {
  return Object.entries(definition.states ?? {}).flatMap(([key, state]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [path, ...statePaths(state, path)];
  });
}

/** Every transition as `{ source, event, targets }`; `source` '*' for the root, event null for `always`. */
export function transitions(definition: StateConfig): { source: string; event: string | null; targets: number }[] {
  const out: { source: string; event: string | null; targets: number }[] = [];
  const visit = (state: StateConfig, source: string): void => {
    for (const [event, spec] of Object.entries(state.on ?? {})) for (const item of list(spec)) out.push({ source, event, targets: count(item) });
    for (const item of list(state.always)) out.push({ source, event: null, targets: count(item) });
    for (const [key, child] of Object.entries(state.states ?? {})) visit(child, source === '*' ? key : `${source}.${key}`);
  };
  visit(definition, '*');
  return out;
}

function list(spec: unknown): unknown[] {
  return spec === undefined ? [] : Array.isArray(spec) ? spec : [spec];
}

function count(item: unknown): number {
  if (typeof item === 'string') return 1;
  const target = (item as { target?: unknown }).target;
  return Array.isArray(target) ? target.length : 1;
}
