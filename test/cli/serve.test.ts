import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const serve = suite('cli serve: the demo start');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits until the service printed its banner's last line (or gave up after ~60 s). */
async function started(running: Running): Promise<string> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const match = /"msg":"listening","url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(running.output());
    if (match && running.output().includes('Tokens again')) return match[1]!;
    if (running.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the service did not start:\n${running.output()}`);
}

serve('starts on a free port with the demo, answers /readyz, serves the printed tokens, stops on SIGTERM', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'reglament-serve-'));
  const running = start({ PORT: '0', HOST: '127.0.0.1', REGLAMENT_DATA_DIR: dataDir, NODE_ENV: 'development', REGLAMENT_JWT_SECRET: '', MONGODB_URL: '' });
  try {
    const base = await started(running);
    const ready = await fetch(`${base}/readyz`);
    assert.is(ready.status, 200);
    const output = running.output();
    const clerk = /clerk of school-1:\n\s+(\S+)/.exec(output)?.[1];
    const parent = /applicant parent-1[^\n]*:\n\s+(\S+)/.exec(output)?.[1];
    assert.ok(clerk && parent, output);
    assert.match(output, /curl -s -X POST http:\/\/127\.0\.0\.1:\d+\/v1\/applications/);
    const me = (await (await fetch(`${base}/v1/me`, { headers: { authorization: `Bearer ${parent}` } })).json()) as { children: { pupil: string }[] };
    assert.equal(me.children.map((child) => child.pupil).sort(), ['pupil-1', 'pupil-2'], 'the demo roster is loaded');
    const filed = await fetch(`${base}/v1/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'journal-extract', applicant: 'parent-1', pupil: 'pupil-1', school: 'school-1', channel: 'personal', documents: ['application', 'identity'], data: { information: 'currentProgress' } }),
    });
    assert.is(filed.status, 201);
    const { id } = (await filed.json()) as { id: string };
    const registered = await fetch(`${base}/v1/applications/${id}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({ type: 'REGISTER' }),
    });
    assert.is(registered.status, 200);
    let templates: string[] = [];
    for (let attempt = 0; attempt < 100 && !templates.includes('registered'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const notices = (await (await fetch(`${base}/v1/applications/${id}/notices`, { headers: { authorization: `Bearer ${parent}` } })).json()) as { items: { template: string }[] };
      templates = notices.items.map((notice) => notice.template);
    }
    assert.ok(templates.includes('registered'), 'the scheduler loop sends the notice after the command answered');
    assert.ok((await stat(join(dataDir, 'reglament.db'))).size > 0, 'the embedded store is a file in the data dir');
    assert.not.match(output, /Иван|Мария/, 'no names in logs');
    running.child.kill('SIGTERM');
    assert.is(await running.exited, 0);
    assert.match(running.output(), /"msg":"stopped"/);
  } finally {
    if (running.child.exitCode === null) running.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
});

serve('refuses to start in production without a token key, naming the variable', async () => {
  const running = start({ NODE_ENV: 'production', REGLAMENT_JWT_SECRET: '', REGLAMENT_JWT_PUBLIC_KEY: '', PORT: '0' });
  assert.is(await running.exited, 2);
  assert.match(running.output(), /INVALID_INPUT: REGLAMENT_JWT_SECRET must be set in production/);
});

serve.run();
