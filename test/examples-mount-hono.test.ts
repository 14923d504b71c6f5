import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../examples/mount-hono/index.js';

const mount = suite('examples/mount-hono');

mount('the API answers under /reglament and the portal keeps its own routes', async () => {
  const result = await main();
  assert.equal(result.portal, { status: 200, text: 'Портал муниципальных услуг' });
  assert.is(result.workflows.status, 200);
  assert.ok(result.workflows.services.includes('journal-extract'), result.workflows.services.join(', '));
  assert.is(result.created.status, 201);
  assert.is(result.created.state, 'received');
  assert.is(result.read, 200);
});

mount.run();
