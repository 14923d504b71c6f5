import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { signToken, type Principal } from '../../src/http/auth/token.js';
import { startService, type RunningService } from './service.js';

const chromiumPath = '/usr/bin/chromium';
const artifacts = join(import.meta.dirname, '..', 'artifacts');
const browserTest = suite('admin pages in Chromium');

type ApplicationItem = { id: string; state: string; terms?: { overdue?: boolean }[] };

/** Every application of a service through the API, following the cursor. */
async function listAll(service: RunningService, token: string, query: string): Promise<ApplicationItem[]> {
  const items: ApplicationItem[] = [];
  let cursor: string | null = null;
  do {
    const response = await fetch(`${service.url}/v1/applications?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    assert.is(response.status, 200, `GET /v1/applications?${query}`);
    const page = (await response.json()) as { items: ApplicationItem[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** POST to the API as `token`; the JSON answer (fails the test on a non-2xx status). */
async function post(service: RunningService, token: string, path: string, body: unknown, version?: number): Promise<{ id: string; version: number; state: string }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(version === undefined ? {} : { 'if-match': `"${version}"` }) };
  const response = await fetch(`${service.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const answer = await response.text();
  assert.ok(response.ok, `POST ${path}: ${response.status} ${answer}`);
  return JSON.parse(answer) as { id: string; version: number; state: string };
}

/**
 * Files diary-access applications in the demo municipality through the API, the way schools
 * would, and carries them to different states: one left unregistered for a month (overdue),
 * one to access (credential letter), one refused (the applicant represents no pupil), one
 * refused at intake (documents missing).
 */
async function fileApplications(service: RunningService, sign: (principal: Principal) => Promise<string>): Promise<void> {
  const clerk1 = await sign({ sub: 'clerk-1', role: 'clerk', school: 'school-1' });
  const clerk2 = await sign({ sub: 'clerk-2', role: 'clerk', school: 'school-2' });
  const data = { information: 'diary', consent: { parent: true, child: true } };
  const file = (token: string, applicant: string, pupil: string, school: string, documents: string[], receivedAt?: string) =>
    post(service, token, '/v1/applications', { service: 'diary-access', applicant, pupil, school, channel: 'personal', documents, data, ...(receivedAt ? { receivedAt } : {}) });
  const carry = async (application: { id: string; version: number }, token: string, events: string[]) => {
    let version = application.version;
    for (const type of events) version = (await post(service, token, `/v1/applications/${application.id}/events`, { type }, version)).version;
  };
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
  await file(clerk1, 'parent-1', 'pupil-1', 'school-1', ['application', 'identity'], monthAgo);
  await carry(await file(clerk1, 'parent-1', 'pupil-2', 'school-1', ['application', 'identity']), clerk1, ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE', 'ISSUE_CREDENTIALS']);
  await carry(await file(clerk2, 'parent-4', 'pupil-5', 'school-2', ['application', 'identity']), clerk2, ['REGISTER', 'CHECK_DOCUMENTS', 'DECIDE']);
  await carry(await file(clerk2, 'parent-3', 'pupil-4', 'school-2', ['application']), clerk2, ['REGISTER', 'CHECK_DOCUMENTS']);
}

function countBy(items: ApplicationItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.state] = (counts[item.state] ?? 0) + 1;
  return counts;
}

if (!existsSync(chromiumPath)) {
  if (process.env['CI']) {
    browserTest('Chromium is installed on CI', () => assert.unreachable(`${chromiumPath} is missing: .ci/run installs it with scripts/chromium.sh`));
  } else {
    console.log(`test/browser/admin: skipped locally, ${chromiumPath} is missing (scripts/chromium.sh installs it; CI always runs this test)`);
  }
} else {
  browserTest('department: sign in, diary-access diagram counts match the API, a state, an application, its PDF', async () => {
    const { chromium } = await import('playwright-core');
    mkdirSync(artifacts, { recursive: true });
    const service = await startService();
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
    const problems: string[] = [];
    try {
      const keys = { algorithm: 'HS256' as const, verifyKey: service.secret, signKey: service.secret };
      const sign = (principal: Principal) => signToken(principal, keys);
      await fileApplications(service, sign);
      const token = await sign({ sub: 'department-1', role: 'department' });
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true, locale: 'ru-RU' });
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()} (${page.url()})`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message} (${page.url()})`));

      await page.goto(`${service.url}/admin`);
      assert.match(new URL(page.url()).pathname, /^\/admin\/login$/, 'a signed-out visit lands on the login form');
      await page.screenshot({ path: join(artifacts, 'admin-login.png') });
      await page.fill('textarea[name=token]', token);
      await Promise.all([page.waitForURL(`${service.url}/admin`), page.click('button[type=submit]')]);

      await Promise.all([page.waitForURL(/\/admin\/workflows\/diary-access$/), page.click('a[href="/admin/workflows/diary-access"] >> nth=0')]);
      await page.screenshot({ path: join(artifacts, 'admin-diary-access.png'), fullPage: true });

      const drawn = await page.$$eval('svg g.state[data-kind]:not([data-kind=compound]):not([data-kind=parallel])', (groups) =>
        groups.map((g) => ({ state: g.getAttribute('data-state')!, count: Number(g.getAttribute('data-count')), overdue: Number(g.getAttribute('data-overdue')) })),
      );
      assert.ok(drawn.length >= 3, 'the diagram has its states');
      const all = countBy(await listAll(service, token, 'service=diary-access'));
      const overdue = countBy(await listAll(service, token, 'service=diary-access&overdue=true'));
      assert.is(Object.values(all).reduce((a, b) => a + b, 0), 4, 'the four applications filed');
      assert.ok(drawn.some((d) => d.overdue > 0), 'the month-old unregistered application shows as overdue');
      for (const { state, count, overdue: late } of drawn) {
        assert.is(count, all[state] ?? 0, `applications in ${state}`);
        assert.is(late, overdue[state] ?? 0, `overdue in ${state}`);
      }

      const busy = drawn.filter((d) => d.count > 0).map((d) => d.state);
      let pdf: Buffer | null = null;
      for (const state of busy) {
        await Promise.all([page.waitForURL(/\/states\//), page.click(`svg a[data-state-link="${state}"]`)]);
        await page.screenshot({ path: join(artifacts, `admin-state-${state}.png`), fullPage: true });
        const rows = await page.$$eval('tr[data-application] a', (links) => links.map((a) => (a as unknown as { href: string }).href));
        assert.is(rows.length, all[state], `the list of ${state} shows its applications`);
        for (const href of rows) {
          await page.goto(href);
          const link = await page.$('a[data-role=pdf]');
          if (!link) continue;
          await page.screenshot({ path: join(artifacts, 'admin-application.png'), fullPage: true });
          const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
          pdf = readFileSync((await download.path())!);
          break;
        }
        if (pdf) break;
        await page.goto(`${service.url}/admin/workflows/diary-access`);
      }
      assert.ok(pdf, 'some diary-access application has a document to download');
      assert.is(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const pages = /\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(pdf.toString('latin1'));
      assert.ok(pages && Number(pages[1]) >= 1, 'the PDF has pages');

      await page.goto(`${service.url}/admin/dashboard?service=diary-access`);
      await page.screenshot({ path: join(artifacts, 'admin-dashboard.png'), fullPage: true });
      assert.equal(problems, [], 'no console errors');
    } finally {
      await browser.close();
      await service.stop();
    }
  });
}

browserTest.run();
