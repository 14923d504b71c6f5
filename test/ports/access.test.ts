import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parties, portsOnStore } from './ports.fixture.js';

const access = suite('access provisioner');

access('issues a one-time code once, stores only its hash', async () => {
  const { access: port, store } = await portsOnStore();
  const issued = await port.provision({ key: 'app-1:4:0', parties });
  assert.ok(issued && /^[a-z2-9]{8}-[a-z2-9]{16}$/.test(issued.code));
  assert.is(await port.provision({ key: 'app-1:4:0', parties }), null);
  const stored = JSON.stringify(await store.getRecord('access', 'app-1'));
  assert.not.ok(stored.includes(issued!.code.split('-')[1]!));
  const grant = await port.redeem(issued!.code);
  assert.is(grant!.pupil, 'pupil-1');
  assert.is(await port.redeem(issued!.code), null);
});

access('a wrong secret or a revoked grant does not redeem', async () => {
  const { access: port } = await portsOnStore();
  const issued = await port.provision({ key: 'k1', parties });
  const [lookup] = issued!.code.split('-');
  assert.is(await port.redeem(`${lookup}-aaaaaaaaaaaaaaaa`), null);
  await port.revoke({ key: 'k2', applicationId: 'app-1' });
  assert.is(await port.redeem(issued!.code), null);
  assert.ok((await port.get('app-1'))!.revokedAt);
});

access('destroying the data leaves a destruction record, once', async () => {
  const { access: port, store } = await portsOnStore();
  await port.provision({ key: 'k1', parties });
  await port.destroy({ key: 'k3', applicationId: 'app-1' });
  await port.destroy({ key: 'k3', applicationId: 'app-1' });
  assert.is(await port.get('app-1'), null);
  const records = await store.findRecords('destruction', { applicationId: 'app-1' });
  assert.is(records.items.length, 1);
  assert.equal((records.items[0]!.data as { destroyed: string[] }).destroyed, ['access']);
});

access.run();
