/**
 * @module bench/run-all
 * `npm run bench [-- --quick]`: runs every `bench/*.bench.ts` in its own process, one after the
 * other (never in parallel: they would measure each other), takes the last line of each — one
 * JSON object by convention — and writes one Markdown table of the figures and of the ratios
 * against the peers measured in the same run, to stdout and to `bench/RESULTS.md`.
 * `--quick` passes small sizes (seconds, not minutes; for smoke runs, not for quoting).
 * A bench that fails or prints no JSON line is reported as failed and the exit status is 1.
 */
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatResults, type BenchOutcome } from './results.js';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const quick = process.argv.includes('--quick');

/** Small sizes per bench for `--quick`: environment variables and arguments they read. */
const quickSizes: Record<string, { env?: Record<string, string>; args?: string[] }> = {
  engine: { env: { BENCH_APPLICATIONS: '200' } },
  http: { env: { BENCH_HTTP_SECONDS: '2', BENCH_HTTP_APPLICATIONS: '3000' } },
  quality: { env: { RECORDS: '100000', PEER_RECORDS: '20000' } },
  store: { args: ['--count', '20000'] },
};

function runBench(name: string): Promise<BenchOutcome> {
  const sizes = quick ? (quickSizes[name] ?? {}) : {};
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `${name}.bench.ts`, ...(sizes.args ?? [])], {
      cwd: benchDir,
      env: { ...process.env, ...sizes.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      process.stderr.write(chunk);
    });
    child.on('close', (code) => {
      const seconds = (Date.now() - started) / 1000;
      const last = output.trim().split('\n').at(-1) ?? '';
      try {
        const figures = JSON.parse(last) as Record<string, unknown>;
        resolve(code === 0 ? { name, seconds, figures } : { name, seconds, error: `exit status ${code}` });
      } catch {
        resolve({ name, seconds, error: code === 0 ? 'no JSON line at the end' : `exit status ${code}` });
      }
    });
  });
}

const names = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length))
  .sort();
const outcomes: BenchOutcome[] = [];
for (const name of names) {
  process.stderr.write(`\n== bench/${name}.bench.ts${quick ? ' (--quick)' : ''}\n`);
  outcomes.push(await runBench(name));
}
const markdown = formatResults(outcomes, { quick, node: process.version, at: new Date().toISOString() });
writeFileSync(new URL('RESULTS.md', import.meta.url), markdown);
process.stdout.write(`\n${markdown}`);
if (outcomes.some((outcome) => 'error' in outcome)) process.exitCode = 1;
