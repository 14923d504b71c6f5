/**
 * @module bench/results
 * Turns the last JSON line of each bench into Markdown: one table of the ratios against the
 * peers (every `vs…` figure), then every figure of every bench. Pure: no I/O.
 */

export type BenchOutcome =
  | { name: string; seconds: number; figures: Record<string, unknown> }
  | { name: string; seconds: number; error: string };

/** What each `vs…` figure compares against, and how to read it. */
const peers: Record<string, string> = {
  vsLuxonBusinessDays: 'luxon-business-days `plusBusiness` (calls/s, reglament ÷ peer)',
  vsDateHolidaysLoop: 'date-holidays day-by-day loop (calls/s, reglament ÷ peer)',
  vsPureTransition: 'xstate pure `transition()`, no storage — the ceiling (commands/s, reglament ÷ ceiling)',
  vsBpmnEngine: 'bpmn-engine in memory (commands/s, reglament ÷ peer)',
  vsBareRoute: 'a bare Hono route — the ceiling (requests/s, reglament ÷ ceiling)',
  vsBareRouteNormal: 'a bare Hono route, commands with SQLite synchronous=NORMAL (requests/s, reglament ÷ ceiling)',
  vsNaive: 'naive check: JSON.parse + ajv + Luxon per record (records/s, reglament ÷ peer)',
  'vsFullScan.overdueQuery': 'SQLite full scan: overdue page (peer ms ÷ reglament ms)',
  'vsFullScan.overdueCount': 'SQLite full scan: overdue count (peer ms ÷ reglament ms)',
  'vsFullScan.listPage': 'SQLite full scan: list page by state and school (peer ms ÷ reglament ms)',
};

/** Flattens nested figures to dotted names: `{ a: { b: 1 } }` → `[['a.b', 1]]`. */
export function flatten(figures: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(figures).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? flatten(value as Record<string, unknown>, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}

function show(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en') : String(value);
  return String(value).replaceAll('|', '\\|');
}

/**
 * @example
 * formatResults([{ name: 'engine', seconds: 9.1, figures: { bench: 'engine', vsBpmnEngine: 2.4 } }], { quick: false, node: 'v20.20.0', at: '…' });
 * // '# Benchmarks\n…| engine | bpmn-engine in memory … | ×2.4 |…'
 */
export function formatResults(outcomes: BenchOutcome[], run: { quick: boolean; node: string; at: string }): string {
  const lines = [
    '# Benchmarks',
    '',
    `\`npm run bench${run.quick ? ' -- --quick' : ''}\` on ${run.at}, Node ${run.node}${run.quick ? ' — QUICK sizes: smoke figures, do not quote' : ''}.`,
    'Each bench runs its peer in the same run on the same input; see the `@module` comment of `bench/<name>.bench.ts`.',
    '',
    '## reglament against its peers',
    '',
    '| bench | compared with | ratio |',
    '|---|---|---|',
  ];
  for (const outcome of outcomes) {
    if ('error' in outcome) {
      lines.push(`| ${outcome.name} | — | **failed**: ${show(outcome.error)} |`);
      continue;
    }
    for (const [key, value] of flatten(outcome.figures)) {
      if (key.startsWith('vs')) lines.push(`| ${outcome.name} | ${peers[key] ?? key} | ×${show(value)} |`);
    }
  }
  lines.push('', '## Every figure', '', '| bench | figure | value |', '|---|---|---|');
  for (const outcome of outcomes) {
    if ('error' in outcome) continue;
    for (const [key, value] of flatten(outcome.figures)) {
      if (key !== 'bench' && !key.startsWith('vs')) lines.push(`| ${outcome.name} | ${key} | ${show(value)} |`);
    }
    lines.push(`| ${outcome.name} | wall time of the bench (s) | ${outcome.seconds.toFixed(1)} |`);
  }
  return `${lines.join('\n')}\n`;
}
