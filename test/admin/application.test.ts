import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { setupAdmin } from './fixture.js';

const page = suite('admin application page and documents');
let f: Awaited<ReturnType<typeof setupAdmin>>;
page.before.each(async () => {
  f = await setupAdmin();
});

const auditOf = async (applicationId: string) => (await f.ports.audit.list({ applicationId })).items;

page('shows the timeline: who, when, what, and the grounds that applied with their citation', async () => {
  const html = await (await f.get(`/admin/applications/${f.applications.refused.id}`)).text();
  assert.match(html, /data-state="refused"/);
  assert.match(html, /Отказано в предоставлении услуги/);
  const steps = [...html.matchAll(/<li data-version="(\d+)">/g)].map((m) => m[1]);
  assert.equal(steps, ['1', '2', '3']);
  assert.match(html, /02\.09\.2025 11:00 · специалист школы <span class="mono">clerk-school-2<\/span>/);
  assert.match(html, /<strong>Принять решение<\/strong>/);
  assert.match(html, /data-rule="notRepresentative"[\s\S]*?Заявитель не является родителем \(законным представителем\) обучающегося[\s\S]*?п\. 2\.9 образца[\s\S]*?по данным школы заявитель не является законным представителем обучающегося/);
  assert.match(html, /Проверено и не применимо: 1/);
});

page('shows the terms with working days left by the calendar', async () => {
  const html = await (await f.get(`/admin/applications/${f.applications.registered.id}`)).text();
  assert.match(html, /data-term="registration"[\s\S]*?выполнен в срок 01\.09\.2025 10:00/);
  // The five-working-day certificate term from Monday 1 September ends Monday 8 September: today.
  assert.match(html, /data-term="certificate"[\s\S]*?сегодня последний день/);
  f.clock.at = '2025-09-04T06:00:00.000Z';
  const earlier = await (await f.get(`/admin/applications/${f.applications.registered.id}`)).text();
  assert.match(earlier, /data-term="certificate"[\s\S]*?осталось 2 рабочих дня \(до 08\.09\.2025\)/);
});

page('reading an application as staff writes an audit record; a page the clerk may not see writes none', async () => {
  const id = f.applications.refused.id;
  assert.is((await auditOf(id)).length, 0);
  await f.get(`/admin/applications/${id}`, 'clerk2');
  const [entry] = await auditOf(id);
  assert.equal({ actor: entry!.actor, action: entry!.action, pupil: entry!.pupil, school: entry!.school }, { actor: { id: 'clerk-school-2', role: 'clerk', school: 'school-2' }, action: 'application.read', pupil: 'pupil-3', school: 'school-2' });
  const other = await f.get(`/admin/applications/${id}`, 'clerk1');
  assert.is(other.status, 404, 'another school’s application does not exist for this clerk');
  assert.is((await auditOf(id)).length, 1);
});

page('lists the notices and serves each as printable HTML, audited', async () => {
  const id = f.applications.refused.id;
  const html = await (await f.get(`/admin/applications/${id}`)).text();
  const refusal = /data-document="([^"]+)" data-template="refusal"/.exec(html);
  assert.ok(refusal, 'the refusal notice is listed');
  const doc = await f.get(`/admin/applications/${id}/documents/${encodeURIComponent(refusal[1]!)}.html`);
  assert.is(doc.status, 200);
  assert.match(doc.headers.get('content-security-policy')!, /default-src 'none'/);
  const text = await doc.text();
  assert.match(text, /<h1>Отказ в предоставлении услуги<\/h1>/);
  assert.match(text, /п\. 2\.9 образца/);
  const actions = (await auditOf(id)).map((entry) => entry.action).sort();
  assert.equal(actions, ['application.read', 'document.read']);
  assert.is((await f.get(`/admin/applications/${id}/documents/nope.html`)).status, 404);
  assert.is((await f.get(`/admin/applications/${id}/documents/${encodeURIComponent(refusal[1]!)}.docx`)).status, 400);
});

page('the credential letter: supervisors never open the one-time code, the school clerk prints it once, audited; then it reads «выдан»', async () => {
  const { issued } = f.applications;
  const code = 'abcdefgh-jkmnpqrstuvwxyz23456789';
  const parties = { applicationId: issued.id, service: issued.service, school: issued.school, applicant: issued.applicant, pupil: issued.pupil };
  const notice = await f.ports.notifier.notify({ key: `${issued.id}:9:0:code`, parties, template: 'accessCode', to: 'applicant', state: issued.state, epguStatus: '', grounds: [], secret: { code } });
  const letter = `/admin/applications/${issued.id}/documents/${encodeURIComponent(notice.id)}.html`;
  for (const who of ['department', 'admin'] as const) {
    const text = await (await f.get(letter, who)).text();
    assert.not.ok(text.includes(code), `${who} does not see the code`);
    assert.match(text, 'показывается один раз');
  }
  assert.is((await f.get(letter, 'clerk2')).status, 404, 'another school’s clerk');
  assert.match(await (await f.get(letter, 'clerk1')).text(), `<code>${code}</code>`);
  const second = await (await f.get(letter, 'clerk1')).text();
  assert.not.ok(second.includes(code), 'printed once');
  assert.match(second, 'Код доступа выдан 08.09.2025');
  const reveals = (await auditOf(issued.id)).filter((entry) => entry.action === 'notice.reveal');
  assert.equal(reveals.map((entry) => [entry.actor.id, entry.pupil, entry.school]), [['clerk-school-1', 'pupil-2', 'school-1']]);
});

if (existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')) {
  page('downloads a notice as a PDF', async () => {
    const id = f.applications.issued.id;
    const html = await (await f.get(`/admin/applications/${id}`)).text();
    const result = /data-document="([^"]+)" data-template="result"/.exec(html)!;
    const response = await f.get(`/admin/applications/${id}/documents/${encodeURIComponent(result[1]!)}.pdf`);
    assert.is(response.status, 200);
    assert.is(response.headers.get('content-type'), 'application/pdf');
    assert.match(response.headers.get('content-disposition')!, /^attachment; filename="[\w-]+-result\.pdf"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.is(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(bytes.toString('latin1'), /\/Type \/Pages[\s\S]*?\/Count 1/);
  });
} else {
  console.log('test/admin/application: PDF download skipped locally, no DejaVu fonts (CI installs fonts-dejavu-core)');
}

page.run();
