/**
 * A real service for HTTP tests: the composition root with the shipped workflows, an in-memory
 * SQLite store, a fake clock, the demo roster, and a token per demo role. Nothing is faked but
 * time.
 */
import { signToken, type Principal } from '../../src/http/auth/token.js';
import { silentLogger } from '../../src/http/logger.js';
import { loadDemoRoster } from '../../src/demo/load.js';
import { loadConfig } from '../../src/service/config.js';
import { createService, type Service } from '../../src/service/service.js';
import { createSqliteStore } from '../../src/store/sqlite/index.js';

export const secret = 'test-secret-'.padEnd(40, 'x');

export const principals = {
  parent1: { sub: 'parent-1', role: 'applicant' },
  parent2: { sub: 'parent-2', role: 'applicant' },
  parent3: { sub: 'parent-3', role: 'applicant' },
  parent4: { sub: 'parent-4', role: 'applicant' },
  clerk1: { sub: 'clerk-1', role: 'clerk', school: 'school-1' },
  clerk2: { sub: 'clerk-2', role: 'clerk', school: 'school-2' },
  department: { sub: 'department-1', role: 'department' },
  admin: { sub: 'admin-1', role: 'admin' },
} satisfies Record<string, Principal>;

export type Who = keyof typeof principals;

export interface FakeClock {
  now(): string;
  set(instant: string): void;
}

export function fakeClock(start: string): FakeClock {
  let current = new Date(start).toISOString();
  return { now: () => current, set: (instant) => (current = new Date(instant).toISOString()) };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface Harness {
  service: Service;
  clock: FakeClock;
  tokens: Record<Who, string>;
  call(method: string, path: string, options?: { as?: Who; token?: string; json?: unknown; body?: string; headers?: Record<string, string> }): Promise<Reply>;
  close(): Promise<void>;
}

/** A diary-access application of parent-1 for pupil-1 (school-1), complete. */
export function diaryAccess(overrides: Record<string, unknown> = {}) {
  return {
    service: 'diary-access',
    applicant: 'parent-1',
    pupil: 'pupil-1',
    school: 'school-1',
    channel: 'epgu',
    documents: ['application', 'identity'],
    data: { information: 'diary', consent: { parent: true, child: true } },
    ...overrides,
  };
}

export async function startHarness(start = '2025-04-29T05:00:00.000Z'): Promise<Harness> {
  const clock = fakeClock(start);
  const store = createSqliteStore({ file: ':memory:' });
  await store.init();
  // Inline dispatch: a notice exists when the command answers, so tests need not wait for a loop.
  const config = loadConfig({ NODE_ENV: 'test', REGLAMENT_JWT_SECRET: secret, REGLAMENT_DATA_DIR: '/nonexistent-reglament-test', REGLAMENT_DISPATCH: 'inline' });
  const service = await createService({ config, clock, store, logger: silentLogger });
  await loadDemoRoster(service.ports.roster, '2025-04');
  const now = new Date();
  const tokens = Object.fromEntries(await Promise.all(Object.entries(principals).map(async ([who, principal]) => [who, await signToken(principal, service.auth, { now })]))) as Record<Who, string>;
  async function call(method: string, path: string, options: { as?: Who; token?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token ?? (options.as ? tokens[options.as] : undefined);
    if (token) headers['authorization'] = `Bearer ${token}`;
    let body: string | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    const response = await service.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed, text };
  }
  return {
    service,
    clock,
    tokens,
    call,
    async close() {
      await service.close();
      await store.dispose();
    },
  };
}

/** Files an application as `who` and returns its body (asserting 201 is left to the caller). */
export async function file(harness: Harness, who: Who, application: Record<string, unknown>): Promise<Reply> {
  return harness.call('POST', '/v1/applications', { as: who, json: application });
}

/** Sends an event with the given If-Match version. */
export async function send(harness: Harness, who: Who, id: string, event: Record<string, unknown>, version: number, headers: Record<string, string> = {}): Promise<Reply> {
  return harness.call('POST', `/v1/applications/${id}/events`, { as: who, json: event, headers: { 'if-match': `"${version}"`, ...headers } });
}
