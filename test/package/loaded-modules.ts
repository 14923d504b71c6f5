/**
 * @module test/package/loaded-modules
 * Which modules a fresh Node process loads when it imports one entry point: a resolve hook
 * (module.register) appends every resolved URL to a file, and at the end the CommonJS cache is
 * added (ESM hooks do not see `require` calls made inside CommonJS packages).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const hook = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + '\\n');
  return result;
}`;

/** The package name of a resolved module URL or path (`.../node_modules/@scope/name/...` → `@scope/name`). */
export function packageOf(location: string): string | null {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(location.replaceAll('\\', '/'));
  return match?.[1] ?? null;
}

/**
 * Imports `entry` (a specifier resolved from `cwd`) in a child process and returns the packages
 * under node_modules that were loaded.
 *
 * @example
 * await loadedPackages('reglament', { cwd: project }); // ['ajv', 'luxon', 'xstate', ...]
 */
export async function loadedPackages(entry: string, options: { cwd: string; nodeArgs?: string[] }): Promise<string[]> {
  const directory = mkdtempSync(join(tmpdir(), 'reglament-loaded-'));
  const log = join(directory, 'loaded.txt');
  const registrar = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)}, import.meta.url, { data: { log: ${JSON.stringify(log)} } });`;
  const program = [
    `import { appendFileSync } from 'node:fs';`,
    `import { createRequire } from 'node:module';`,
    `await import(${JSON.stringify(entry)});`,
    `const cache = Object.keys(createRequire(${JSON.stringify(pathToFileURL(join(options.cwd, 'noop.js')).href)}).cache);`,
    `appendFileSync(${JSON.stringify(log)}, cache.join('\\n') + '\\n');`,
  ].join('\n');
  try {
    const args = [...(options.nodeArgs ?? []), '--import', `data:text/javascript,${encodeURIComponent(registrar)}`, '--input-type=module', '-e', program];
    const stderr = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: options.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(errors) : reject(new Error(`import of ${entry} failed (${code}): ${errors}`))));
    });
    void stderr;
    const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    return [...new Set(lines.map(packageOf).filter((name): name is string => name !== null))].sort();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
