import { existsSync } from 'node:fs';
import { Hono } from 'hono';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { documentApiRoutes } from '../../src/admin/api-documents.js';
import { requireAuth } from '../../src/http/auth/middleware.js';
import { signToken } from '../../src/http/auth/token.js';
import { handleError } from '../../src/http/middleware/guards.js';
import { silentLogger } from '../../src/http/logger.js';
import { setupAdmin } from './fixture.js';

const api = suite('API: application documents');
let f: Awaited<ReturnType<typeof setupAdmin>>;
let app: Hono;

api.before.each(async () => {
  f = await setupAdmin();
  app = new Hono();
  app.onError(handleError(silentLogger));
  app.use('/v1/*', requireAuth(f.keys));
  app.route('/v1/applications', documentApiRoutes({ store: f.store, notifier: f.ports.notifier, audit: f.ports.audit, workflows: f.workflows, clock: f.clock }));
});

const as = async (path: string, token: string) => app.request(path, { headers: { authorization: `Bearer ${token}` } });

api('the parent who filed it lists their documents and opens the refusal; no audit for their own read', async () => {
  const { refused } = f.applications;
  const parent = await signToken({ sub: 'parent-3', role: 'applicant' }, f.keys);
  const list = await as(`/v1/applications/${refused.id}/documents`, parent);
  assert.is(list.status, 200);
  const { items } = (await list.json()) as { items: { template: string; html: string; pdf: string }[] };
  assert.equal(items.map((item) => item.template), ['registered', 'refusal']);
  const refusal = items.find((item) => item.template === 'refusal')!;
  assert.match(refusal.pdf, new RegExp(`^/v1/applications/${refused.id}/documents/.+\\.pdf$`));
  const html = await as(refusal.html, parent);
  assert.is(html.status, 200);
  assert.match(await html.text(), /Заявитель не является родителем/);
  assert.is((await f.ports.audit.list({ applicationId: refused.id })).items.length, 0);
});

api('another family and another school get 404 problems; staff reads are audited', async () => {
  const { refused } = f.applications;
  const stranger = await signToken({ sub: 'parent-1', role: 'applicant' }, f.keys);
  const response = await as(`/v1/applications/${refused.id}/documents`, stranger);
  assert.is(response.status, 404);
  assert.match(response.headers.get('content-type')!, /application\/problem\+json/);
  assert.is((await as(`/v1/applications/${refused.id}/documents`, f.tokens.clerk1)).status, 404);
  const items = ((await (await as(`/v1/applications/${refused.id}/documents`, f.tokens.clerk2)).json()) as { items: { html: string }[] }).items;
  assert.is((await as(items[0]!.html, f.tokens.clerk2)).status, 200);
  const audit = (await f.ports.audit.list({ applicationId: refused.id })).items;
  assert.equal(audit.map((entry) => [entry.action, entry.actor.id, (entry.details as { via: string }).via]), [['document.read', 'clerk-school-2', 'api']]);
  assert.is((await app.request(items[0]!.html)).status, 401, 'no token, no document');
});

if (existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')) {
  api('GET …/documents/{doc}.pdf is a PDF', async () => {
    const { issued } = f.applications;
    const parent = await signToken({ sub: 'parent-2', role: 'applicant' }, f.keys);
    const { items } = (await (await as(`/v1/applications/${issued.id}/documents`, parent)).json()) as { items: { template: string; pdf: string }[] };
    const response = await as(items.find((item) => item.template === 'result')!.pdf, parent);
    assert.is(response.status, 200);
    assert.is(response.headers.get('content-type'), 'application/pdf');
    assert.is(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString('latin1'), '%PDF-');
  });
}

api.run();
