import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isReglamentError } from '../../src/errors.js';
import { createDocumentRenderer } from '../../src/ports/documents.js';
import { createNotifier, sealedNoticeKind } from '../../src/ports/notifier.js';
import { createSealer } from '../../src/ports/seal.js';
import { parties, portsOnStore } from './ports.fixture.js';

const sealed = suite('notifier: a notice with a secret is sealed at rest and shown once');

const code = 'abcdefgh-jkmnpqrstuvwxyz23456789';
const parent = { id: 'parent-1', role: 'applicant' as const };
const request = { key: 'app-1:4:0:code', parties, template: 'accessCode', to: 'applicant' as const, state: 'access.active', epguStatus: '', grounds: [], secret: { code } };

sealed('the stored and listed notice leaves the secret out and says it waits to be shown once', async () => {
  const { notifier, store } = await portsOnStore();
  const written = await notifier.notify(request);
  const [listed] = await notifier.list('app-1');
  for (const notice of [written, listed!]) {
    assert.is(notice.sealed, true);
    assert.not.ok(notice.html.includes(code));
    assert.match(notice.html, 'показывается один раз');
  }
  const kept = JSON.stringify(await store.getRecord(sealedNoticeKind, request.key));
  assert.not.ok(kept.includes(code) || kept.includes(code.split('-')[1]!), 'the sealed page is ciphertext');
});

sealed('the first reveal shows the secret; the notice then says when it was shown; the reveal is audited', async () => {
  const { notifier, audit, clock } = await portsOnStore();
  await notifier.notify(request);
  clock.at = '2025-09-03T07:00:00.000Z';
  const revealed = await notifier.reveal(request.key, parent);
  assert.match(revealed!.html, `<code>${code}</code>`);
  assert.is(revealed!.sealed, undefined);
  const [after] = await notifier.list('app-1');
  assert.not.ok(after!.html.includes(code));
  assert.match(after!.html, 'Код доступа выдан 03.09.2025');
  assert.is(after!.sealed, undefined);
  const again = await notifier.reveal(request.key, parent);
  assert.equal(again, after, 'later reveals return the notice as stored');
  const entries = (await audit.list({ applicationId: 'app-1' })).items;
  assert.equal(entries.map((entry) => [entry.action, entry.actor.id, entry.pupil, entry.school, entry.at]), [['notice.reveal', 'parent-1', 'pupil-1', 'school-1', '2025-09-03T07:00:00.000Z']]);
  assert.equal(entries[0]!.details, { notice: request.key, template: 'accessCode' });
  assert.not.ok(JSON.stringify(entries).includes(code));
});

sealed('readers at the same moment: exactly one gets the secret, one audit record', async () => {
  const { notifier, audit } = await portsOnStore();
  await notifier.notify(request);
  const results = await Promise.all([1, 2, 3, 4, 5].map((n) => notifier.reveal(request.key, { id: `reader-${n}`, role: 'clerk', school: 'school-1' })));
  assert.is(results.filter((notice) => notice!.html.includes(code)).length, 1);
  assert.is((await audit.list({ applicationId: 'app-1' })).items.length, 1);
});

sealed('a repeated notify (at-least-once delivery) keeps the first sealed secret; no notice, or none sealed, reveals nothing', async () => {
  const { notifier, audit } = await portsOnStore();
  await notifier.notify(request);
  await notifier.notify({ ...request, secret: { code: 'another-code' } });
  assert.match((await notifier.reveal(request.key, parent))!.html, code);
  const plain = await notifier.notify({ key: 'app-1:2:0', parties, template: 'registered', to: 'applicant', state: 'registered', epguStatus: 'Заявление зарегистрировано', grounds: [] });
  assert.equal(await notifier.reveal(plain.id, parent), plain);
  assert.is(await notifier.reveal('no-such-notice', parent), null);
  assert.is((await audit.list({ applicationId: 'app-1' })).items.length, 1);
});

sealed('under another key (a restart without a configured one) the reveal fails and the secret stays sealed', async () => {
  const { store, clock } = await portsOnStore();
  const documents = createDocumentRenderer();
  const secret = 'seal-secret-'.padEnd(40, 'x');
  await createNotifier({ store, documents, clock, sealer: createSealer({ secret }) }).notify(request);
  try {
    await createNotifier({ store, documents, clock, sealer: createSealer() }).reveal(request.key, parent);
    assert.unreachable('another key cannot open it');
  } catch (error) {
    assert.ok(isReglamentError(error, 'INTERNAL'), String(error));
  }
  const restarted = createNotifier({ store, documents, clock, sealer: createSealer({ secret }) });
  assert.match((await restarted.reveal(request.key, parent))!.html, code, 'the configured key opens it after a restart');
});

sealed('the date it was shown is the local date of the body', async () => {
  const { store, clock } = await portsOnStore();
  const notifier = createNotifier({ store, documents: createDocumentRenderer(), clock, timeZone: 'Asia/Yekaterinburg' });
  await notifier.notify(request);
  clock.at = '2025-09-03T20:30:00.000Z';
  await notifier.reveal(request.key, parent);
  assert.match((await notifier.list('app-1'))[0]!.html, 'Код доступа выдан 04.09.2025');
});

sealed.run();
