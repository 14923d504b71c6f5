/**
 * @module cli/commands/stats
 * `reglament stats [--json] [--as-of <instant>] [--service <id>] [--school <id>]`: the service
 * statistics of the configured store (REGLAMENT_DATA_DIR, default ./data, or MONGODB_URL):
 * applications by service and outcome, the share decided within term, average processing time
 * in working days, appeals and their outcomes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createCalendar } from '../../calendar/calendar.js';
import { ReglamentError } from '../../errors.js';
import { loadConfig } from '../../service/config.js';
import { openStore } from '../../service/store.js';
import { collectServiceStats } from '../../stats/collect.js';
import { decisionTermsOf, type TermsOfWorkflow } from '../../stats/decision-terms.js';
import { formatServiceStats } from '../../stats/table.js';
import type { ApplicationQuery } from '../../store/types.js';
import { parseOptions, type Command } from '../command.js';

const help = `Usage: reglament stats [--json] [--as-of <instant>] [--service <id>] [--school <id>]

Service statistics of the configured store (REGLAMENT_DATA_DIR, default ./data; or MONGODB_URL):
applications by service and outcome, the share decided within term, the average processing
time in working days (registration to decision), appeals and their outcomes.

  --as-of     the check instant, ISO 8601 (default: now); undecided terms that ran out before it are overdue
  --service   only this service, e.g. journal-extract
  --school    only this school id
  --json      print one JSON object instead of a table
`;

const workflowsDir = new URL('../../../workflows/', import.meta.url);

function shippedWorkflows(): TermsOfWorkflow[] {
  return readdirSync(workflowsDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(new URL(name, workflowsDir), 'utf8')) as TermsOfWorkflow);
}

export const command: Command = {
  summary: 'print service statistics of the configured store',
  async run(argv) {
    const { values } = parseOptions(argv, { json: { type: 'boolean' }, 'as-of': { type: 'string' }, service: { type: 'string' }, school: { type: 'string' } });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const asOf = values['as-of'] ?? new Date().toISOString();
    if (Number.isNaN(Date.parse(asOf))) throw new ReglamentError('INVALID_DATE', `--as-of must be an ISO 8601 instant, not "${asOf}"`, { path: '--as-of' });
    const config = loadConfig();
    const calendar = createCalendar({ timeZone: config.timeZone, ...(config.region ? { region: config.region } : {}) });
    const query: Omit<ApplicationQuery, 'limit' | 'cursor'> = {};
    if (values.service) query.service = values.service;
    if (values.school) query.school = values.school;
    const { store } = await openStore(config);
    try {
      const stats = await collectServiceStats(store, { calendar, asOf, decisionTerms: decisionTermsOf(shippedWorkflows()), query });
      process.stdout.write(values.json ? JSON.stringify(stats, null, 2) + '\n' : formatServiceStats(stats));
    } finally {
      await store.dispose();
    }
    return 0;
  },
};
