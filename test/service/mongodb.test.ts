import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { signToken } from '../../src/http/auth/token.js';
import { silentLogger } from '../../src/http/logger.js';
import { loadDemoRoster } from '../../src/demo/load.js';
import { loadConfig } from '../../src/service/config.js';
import { createService } from '../../src/service/service.js';
import { dropDatabase, freshDatabase, mongodbUrl } from '../store/fixtures/mongodb-server.js';

const mongo = suite('service on MongoDB (MONGODB_URL)');

mongo('MONGODB_URL puts the whole service on MongoDB: file, register, read back, ready', async () => {
  if (!mongodbUrl) {
    console.log('  MONGODB_URL is not set: skipped (scripts/ferretdb.sh start gives one)');
    return;
  }
  const database = freshDatabase('http');
  const [, hosts, query = ''] = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(mongodbUrl)!;
  const url = `${hosts}/${database}${query}`;
  const config = loadConfig({ NODE_ENV: 'test', MONGODB_URL: url, REGLAMENT_JWT_SECRET: 'mongo-secret-'.padEnd(40, 'x'), REGLAMENT_DISPATCH: 'inline' });
  const service = await createService({ config, logger: silentLogger });
  try {
    assert.match(service.storeDescription, new RegExp(`MongoDB database "${database}"`));
    await loadDemoRoster(service.ports.roster, '2025-04');
    const parent = await signToken({ sub: 'parent-1', role: 'applicant' }, service.auth);
    const clerk = await signToken({ sub: 'clerk-1', role: 'clerk', school: 'school-1' }, service.auth);
    const filed = await service.app.request('/v1/applications', {
      method: 'POST',
      headers: { authorization: `Bearer ${parent}`, 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'journal-extract', applicant: 'parent-1', pupil: 'pupil-1', school: 'school-1', channel: 'personal', documents: ['application', 'identity'], data: { information: 'currentProgress' } }),
    });
    assert.is(filed.status, 201);
    const { id } = (await filed.json()) as { id: string };
    const registered = await service.app.request(`/v1/applications/${id}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json', 'if-match': '"1"' },
      body: '{"type":"REGISTER"}',
    });
    assert.is(registered.status, 200);
    const read = (await (await service.app.request(`/v1/applications/${id}`, { headers: { authorization: `Bearer ${parent}` } })).json()) as { state: string; history: unknown[] };
    assert.is(read.state, 'registered');
    assert.is(read.history.length, 2);
    assert.is((await service.app.request('/readyz')).status, 200);
  } finally {
    await service.close();
    await dropDatabase(database);
  }
});

mongo.run();
