import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createLogger, redact } from '../../src/http/logger.js';

const logger = suite('logger');

logger('redacts personal data and secrets at any depth', () => {
  const out = redact({ route: '/v1/x', firstName: 'Иван', nested: [{ last_name: 'Петров', Authorization: 'Bearer x', id: 'p-1' }] });
  assert.equal(out, { route: '/v1/x', firstName: '[redacted]', nested: [{ last_name: '[redacted]', Authorization: '[redacted]', id: 'p-1' }] });
});

logger('writes one JSON object a line, above the level', () => {
  const lines: string[] = [];
  const log = createLogger({ level: 'info', write: (line) => lines.push(line), now: () => new Date('2025-01-01T00:00:00Z'), redactKeys: ['pupil'] });
  log.debug('hidden');
  log.child({ requestId: 'r1' }).info('request', { status: 200, pupil: 'pupil-7', body: { name: 'Иван' } });
  assert.is(lines.length, 1);
  const line = JSON.parse(lines[0]!);
  assert.equal(line, { level: 'info', time: '2025-01-01T00:00:00.000Z', msg: 'request', requestId: 'r1', status: 200, pupil: '[redacted]', body: '[redacted]' });
});

logger('does not print error messages, which may quote input', () => {
  const lines: string[] = [];
  createLogger({ write: (line) => lines.push(line) }).error('failed', { error: new Error('bad name Иван') });
  assert.not.ok(lines[0]!.includes('Иван'));
});

logger.run();
