import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { signToken } from '../../src/http/auth/token.js';
import { silentLogger } from '../../src/http/logger.js';
import { loadConfig } from '../../src/service/config.js';
import { createService } from '../../src/service/service.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';
import { fakeClock, secret } from './harness.js';

const limit = suite('REGLAMENT_JOURNAL_LIMIT: the journal export limit of the service');

limit('a journal export over the configured limit is 413 in the API and in the admin upload; under it is read', async () => {
  const store = createSqliteStore({ file: ':memory:' });
  await store.init();
  const config = loadConfig({ NODE_ENV: 'test', REGLAMENT_JWT_SECRET: secret, REGLAMENT_DATA_DIR: '/nonexistent-reglament-test', REGLAMENT_JOURNAL_LIMIT: '2048' });
  assert.is(config.journalLimitBytes, 2048);
  const service = await createService({ config, clock: fakeClock('2025-04-29T05:00:00.000Z'), store, logger: silentLogger });
  try {
    const token = await signToken({ sub: 'department-1', role: 'department' }, service.auth);
    const line = `${JSON.stringify({ school: 's', class: '5А', subject: 'math', teacher: 't', pupil: 'p', lessonDate: '2025-03-03', kind: 'mark', enteredAt: '2025-03-04', visibleInDiaryAt: '2025-03-04' })}\n`;
    const post = (body: string) => service.app.request('/v1/reports/journal-quality', { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' } });
    const small = await post(line.repeat(5));
    assert.is(small.status, 200);
    const big = await post(line.repeat(40));
    assert.is(big.status, 413);
    assert.is(big.headers.get('content-type'), 'application/problem+json');
    assert.is(((await big.json()) as { code: string }).code, 'PAYLOAD_TOO_LARGE');
    const form = new FormData();
    form.append('journal', new Blob([line.repeat(40)], { type: 'application/x-ndjson' }), 'journal.jsonl');
    const admin = await service.app.request('/admin/quality', { method: 'POST', body: form, headers: { cookie: `reglament_admin=${token}`, origin: 'http://localhost' } });
    assert.is(admin.status, 413);
  } finally {
    await service.close();
    await store.dispose();
  }
});

limit('out of range values are refused at start', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'test', REGLAMENT_JWT_SECRET: secret, REGLAMENT_JOURNAL_LIMIT: '10' }));
  assert.is(loadConfig({ NODE_ENV: 'test', REGLAMENT_JWT_SECRET: secret }).journalLimitBytes, 200 * 1024 * 1024);
});

limit.run();
