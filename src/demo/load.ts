/**
 * @module demo/load
 * Puts the demo roster (and a month of class journal) into a store when it is not there yet,
 * and makes ready tokens for each demo role, with a curl line to start from.
 */
import { signToken, type AuthKeys } from '../http/auth/token.js';
import type { Roster } from '../ports/roster.js';
import { demoJournal, demoPrincipals, demoRoster } from './roster.js';

/**
 * Loads the demo roster unless its first pupil is already known; true when it loaded.
 *
 * @example
 * await loadDemoRoster(ports.roster, '2025-09'); // true on a fresh data dir
 */
export async function loadDemoRoster(roster: Roster, journalMonth: string): Promise<boolean> {
  if (await roster.pupil(demoRoster.pupils[0]!.id)) return false;
  await roster.importJson(demoRoster);
  await roster.importJournal(demoJournal(journalMonth));
  return true;
}

/**
 * Tokens for each demo role (30 days), signed with the service's key.
 *
 * @example
 * const tokens = await demoTokens(keys, new Date());
 */
export async function demoTokens(keys: AuthKeys, now: Date): Promise<{ label: string; role: string; sub: string; token: string }[]> {
  return Promise.all(
    demoPrincipals.map(async ({ label, principal }) => ({ label, role: principal.role, sub: principal.sub, token: await signToken(principal, keys, { now, ttlSeconds: 30 * 86_400 }) })),
  );
}

/**
 * The start-up banner of a demo service: where it listens, a token per role, a curl line.
 *
 * @example
 * process.stdout.write(demoBanner('http://127.0.0.1:3000', tokens));
 */
export function demoBanner(base: string, tokens: { label: string; token: string }[]): string {
  const lines = [`Demo data loaded (schools school-1, school-2; pupils pupil-1..5; parents parent-1..4). Tokens, valid 30 days:`, ''];
  for (const { label, token } of tokens) lines.push(`  ${label}:`, `    ${token}`);
  const parent = tokens[0]!.token;
  lines.push(
    '',
    'Try (as parent-1, file an e-diary access application):',
    `  curl -s -X POST ${base}/v1/applications -H "Authorization: Bearer ${parent}" -H 'Content-Type: application/json' -d '{"service":"diary-access","applicant":"parent-1","pupil":"pupil-1","school":"school-1","channel":"epgu","documents":["application","identity"],"data":{"information":"diary","consent":{"parent":true,"child":true}}}'`,
    '',
    `API docs: ${base}/docs   Admin pages: ${base}/admin   Tokens again: npx reglament token --role <role> [--sub <id>] [--school <id>]`,
    '',
  );
  return lines.join('\n');
}
