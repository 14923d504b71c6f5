import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { safeNext } from '../../src/admin/session.js';
import { setupAdmin } from './fixture.js';

const session = suite('admin sign-in');
let f: Awaited<ReturnType<typeof setupAdmin>>;
session.before(async () => {
  f = await setupAdmin();
});

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
  body: new URLSearchParams(fields).toString(),
});

session('a page without a session redirects to the login form, remembering where it was going', async () => {
  const response = await f.app.request('/admin/workflows/study-certificate?from=2025-09-01');
  assert.is(response.status, 303);
  assert.is(response.headers.get('location'), '/admin/login?next=%2Fadmin%2Fworkflows%2Fstudy-certificate%3Ffrom%3D2025-09-01');
  const login = await f.app.request('/admin/login');
  assert.is(login.status, 200);
  assert.match(await login.text(), /Вход для сотрудников/);
});

session('a staff token opens a session in an HttpOnly, SameSite=Strict cookie on the admin path', async () => {
  const response = await f.app.request('http://localhost/admin/login', form({ token: `Bearer ${f.tokens.department}`, next: '/admin/dashboard' }));
  assert.is(response.status, 303);
  assert.is(response.headers.get('location'), '/admin/dashboard');
  const cookie = response.headers.get('set-cookie')!;
  assert.match(cookie, /^reglament_admin=[\w.-]+;/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  assert.match(cookie, /Path=\/admin/);
  const page = await f.app.request('/admin/dashboard', { headers: { cookie: cookie.split(';')[0]! } });
  assert.is(page.status, 200);
});

session('a wrong token is refused, and an applicant (a parent) has no admin access', async () => {
  const wrong = await f.app.request('http://localhost/admin/login', form({ token: 'not.a.token' }));
  assert.is(wrong.status, 401);
  assert.match(await wrong.text(), /Токен не подходит/);
  assert.is(wrong.headers.get('set-cookie'), null);
  const parent = await f.app.request('http://localhost/admin/login', form({ token: f.tokens.applicant }));
  assert.is(parent.status, 403);
  assert.match(await parent.text(), /Заявителям они недоступны/);
  const withCookie = await f.get('/admin', 'applicant');
  assert.is(withCookie.status, 303, 'an applicant cookie is no session either');
});

session('a form posted from another site is rejected (CSRF)', async () => {
  const response = await f.app.request('http://localhost/admin/login', { ...form({ token: f.tokens.department }), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
  assert.is(response.status, 403);
});

session('signing out clears the cookie', async () => {
  const response = await f.app.request('http://localhost/admin/logout', { method: 'POST', headers: { origin: 'http://localhost', cookie: `reglament_admin=${f.tokens.department}` } });
  assert.is(response.status, 303);
  assert.match(response.headers.get('set-cookie')!, /reglament_admin=;.*Max-Age=0/);
});

session('after signing in, only paths inside the admin pages are followed', () => {
  assert.is(safeNext('/admin/applications/1', '/admin'), '/admin/applications/1');
  assert.is(safeNext('https://evil.example/admin', '/admin'), '/admin');
  assert.is(safeNext('//evil.example', '/admin'), '/admin');
  assert.is(safeNext(undefined, '/admin'), '/admin');
});

session.run();
