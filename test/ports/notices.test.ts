import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createDocumentRenderer } from '../../src/ports/documents.js';
import { parties, portsOnStore } from './ports.fixture.js';

const notices = suite('notifier and documents');

const ground = { id: 'notRepresentative', applies: true, citation: 'п. 2.8.3 Регламента', text: 'Заявитель не является законным представителем', reasons: ['нет сведений: <roster>'] };

notices('a refusal notice cites every ground and says how to appeal; values are escaped', async () => {
  const { notifier } = await portsOnStore();
  const notice = await notifier.notify({ key: 'app-1:3:0', parties, template: 'refusal', to: 'applicant', state: 'refused', epguStatus: 'Отказано в предоставлении услуги', grounds: [ground] });
  assert.is(notice.title, 'Отказ в предоставлении услуги');
  assert.match(notice.html, 'п. 2.8.3 Регламента');
  assert.match(notice.html, '11.1–11.3');
  assert.match(notice.html, 'нет сведений: &lt;roster&gt;');
  assert.not.match(notice.html, '<roster>');
});

notices('the same key twice writes one notice', async () => {
  const { notifier } = await portsOnStore();
  const request = { key: 'app-1:2:0', parties, template: 'registered', to: 'applicant' as const, state: 'registered', epguStatus: 'Заявление зарегистрировано', grounds: [] };
  await notifier.notify(request);
  await notifier.notify({ ...request, template: 'refusal' });
  const list = await notifier.list('app-1');
  assert.equal(list.map((item) => item.template), ['registered']);
});

notices('an unknown template falls back to the status notice; the renderer itself refuses it', async () => {
  const { notifier } = await portsOnStore();
  const notice = await notifier.notify({ key: 'k', parties, template: 'custom', to: 'applicant', state: 's', epguStatus: 'Промежуточные результаты', grounds: [] });
  assert.match(notice.html, 'Промежуточные результаты');
  assert.throws(() => createDocumentRenderer().render('custom', {}), /no document template/);
  const renderer = createDocumentRenderer({ templates: { extract: (data) => ({ title: 'Выписка', html: `<p>${String(data['n'])}</p>` }) } });
  assert.is(renderer.render('extract', { n: 5 }).html, '<p>5</p>');
  assert.not.ok(renderer.has('toString'));
});

const audit = suite('audit log');

audit('records who saw what, found by application and actor', async () => {
  const { audit: log } = await portsOnStore();
  await log.record({ actor: { id: 'clerk-1', role: 'clerk', school: 'school-1' }, action: 'application.read', applicationId: 'app-1', pupil: 'pupil-1' });
  await log.record({ actor: { id: 'clerk-2', role: 'clerk' }, action: 'application.read', applicationId: 'app-2' });
  const found = await log.list({ applicationId: 'app-1' });
  assert.equal(found.items.map((entry) => [entry.actor.id, entry.action, entry.at]), [['clerk-1', 'application.read', '2025-09-01T05:00:00.000Z']]);
  assert.is((await log.list({ actor: 'clerk-2' })).items.length, 1);
});

notices.run();
audit.run();
