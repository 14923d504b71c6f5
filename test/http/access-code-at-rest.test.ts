/**
 * The one-time e-diary access code is never at rest in plain text: the whole service on a SQLite
 * file in a fresh data dir (development: the seal key is generated there, like the token secret),
 * every byte of that dir and every log line searched for the code after it is issued, after it
 * is shown, and after the store is closed.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '../../src/http/auth/token.js';
import { createLogger } from '../../src/http/logger.js';
import { loadDemoRoster } from '../../src/demo/load.js';
import { loadConfig } from '../../src/service/config.js';
import { sealKeyFileName } from '../../src/service/keys.js';
import { createService } from '../../src/service/service.js';
import { diaryAccess, fakeClock, principals, type Who } from './harness.js';

const atRest = suite('access code at rest: nowhere in the data dir or the logs');

async function bytesOf(dir: string): Promise<Buffer> {
  const names = await readdir(dir);
  return Buffer.concat(await Promise.all(names.map((name) => readFile(join(dir, name)))));
}

function holds(bytes: Buffer, text: string): boolean {
  return bytes.includes(Buffer.from(text, 'utf8'));
}

atRest('issued, shown once and closed: the code is in no byte of the SQLite files and in no log line', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'reglament-code-'));
  const lines: string[] = [];
  try {
    const config = loadConfig({ NODE_ENV: 'development', REGLAMENT_DEMO: '0', REGLAMENT_DATA_DIR: dataDir, REGLAMENT_DISPATCH: 'inline', REGLAMENT_LOG_LEVEL: 'debug' });
    const service = await createService({ config, clock: fakeClock('2025-04-29T05:00:00.000Z'), logger: createLogger({ level: 'debug', write: (line) => lines.push(line) }) });
    await loadDemoRoster(service.ports.roster, '2025-04');
    const tokens = Object.fromEntries(await Promise.all(Object.entries(principals).map(async ([who, principal]) => [who, await signToken(principal, service.auth)]))) as Record<Who, string>;
    const call = (who: Who, method: string, path: string, json?: unknown, headers: Record<string, string> = {}) =>
      service.app.request(path, { method, headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json', ...headers }, ...(json === undefined ? {} : { body: JSON.stringify(json) }) });

    const filed = (await (await call('parent1', 'POST', '/v1/applications', diaryAccess())).json()) as { id: string; version: number };
    let version = filed.version;
    for (const type of ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE', 'ISSUE_CREDENTIALS']) {
      const reply = await call('clerk1', 'POST', `/v1/applications/${filed.id}/events`, { type }, { 'if-match': `"${version}"` });
      assert.is(reply.status, 200, type);
      version = ((await reply.json()) as { version: number }).version;
    }
    const afterIssue = await bytesOf(dataDir);
    const grant = await service.ports.access.get(filed.id);
    assert.ok(grant, 'the access was provisioned');
    assert.ok((await readdir(dataDir)).includes(sealKeyFileName), 'the development seal key is kept in the data dir');

    const listed = (await (await call('parent1', 'GET', `/v1/applications/${filed.id}/notices`)).json()) as { items: { id: string; template: string }[] };
    const notice = listed.items.find((item) => item.template === 'accessCode')!;
    const page = await (await call('parent1', 'GET', `/v1/applications/${filed.id}/documents/${encodeURIComponent(notice.id)}.html`)).text();
    const code = /<code>([^<]+)<\/code>/.exec(page)![1]!;
    const [lookup, secret] = code.split('-') as [string, string];
    assert.ok((await service.ports.access.redeem(code))?.pupil === 'pupil-1', 'what was shown is the real code');
    const history = await (await call('admin', 'GET', `/v1/applications/${filed.id}`)).text();
    const audit = JSON.stringify(await service.ports.audit.list({ applicationId: filed.id }));
    const afterReveal = await bytesOf(dataDir);
    await service.close();
    const afterClose = await bytesOf(dataDir);

    // The lookup half is the access record's index (not a secret): finding it proves the search sees the records.
    assert.ok(holds(afterIssue, lookup), 'the search reads the stored records');
    for (const [moment, bytes] of [['after issue', afterIssue], ['after reveal', afterReveal], ['after close', afterClose]] as const) {
      assert.not.ok(holds(bytes, code), `no code in the SQLite files ${moment}`);
      assert.not.ok(holds(bytes, secret), `no secret half in the SQLite files ${moment}`);
    }
    assert.ok(lines.length > 0, 'the service logged its requests');
    for (const text of [lines.join('\n'), history, audit]) {
      assert.not.ok(text.includes(secret), 'no code in logs, history or the audit log');
    }
    assert.match(audit, 'notice.reveal');
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

atRest.run();
