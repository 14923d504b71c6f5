/**
 * @module test/package/run-example
 * Runs an example script in a child process (as a user would, through tsx) and returns its exit
 * code and output: examples that call process.exit or run uvu suites stay out of the test process.
 */
import { spawn } from 'node:child_process';

export interface ExampleRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * @example
 * const run = await runExample('examples/custom-store/conformance.ts', { cwd: repoRoot });
 */
export function runExample(script: string, options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<ExampleRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** uvu's closing figures from a run's output (colour codes removed). */
export function uvuTotals(output: string): { total: number; passed: number; skipped: number } {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const figure = (label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(plain)?.[1] ?? Number.NaN);
  return { total: figure('Total'), passed: figure('Passed'), skipped: figure('Skipped') };
}
