/**
 * @module test/package/consumer
 * A fresh project that uses reglament the way an adopter does: `npm pack` of this repository,
 * `npm install <tarball>` in an empty temporary directory (with the optional peers an example
 * needs, from the local npm cache), and the examples copied in. Examples written against the
 * source tree (`../../src/...`) are re-pointed at the package's public subpaths; an import the
 * exports map does not offer is an error, because a user could not write it either.
 */
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface PackageJson {
  version: string;
  exports: Record<string, string | { types: string; default: string }>;
  devDependencies: Record<string, string>;
}

export interface Consumer {
  /** The consumer project's directory. */
  project: string;
  tarball: string;
  /** Paths inside the tarball, e.g. `package/dist/index.js`. */
  files: string[];
}

/** Maps `src/<path>.js` of an exported entry to its public specifier: `src/store/sqlite/index.js` → `reglament/sqlite`. */
export function publicSpecifiers(manifest: Pick<PackageJson, 'exports'>): Map<string, string> {
  const specifiers = new Map<string, string>();
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    if (!file.startsWith('./dist/')) continue;
    specifiers.set(`src/${file.slice('./dist/'.length)}`, subpath === '.' ? 'reglament' : `reglament/${subpath.slice(2)}`);
  }
  return specifiers;
}

/**
 * Rewrites `../../src/<path>.js` imports of an example to public specifiers.
 *
 * @example
 * rewriteImports("import { a } from '../../src/index.js';", specifiers); // "import { a } from 'reglament';"
 */
export function rewriteImports(source: string, specifiers: Map<string, string>): string {
  return source.replace(/(['"])(?:\.\.\/)+(src\/[^'"]+\.js)\1/g, (_, quote: string, path: string) => {
    const specifier = specifiers.get(path);
    if (!specifier) throw new Error(`an example imports ${path}, which the package does not export`);
    return `${quote}${specifier}${quote}`;
  });
}

function copyExamples(root: string, project: string, specifiers: Map<string, string>): void {
  cpSync(join(root, 'examples'), join(project, 'examples'), { recursive: true, filter: (path) => !path.includes('node_modules') });
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts|js|mjs)$/.test(entry.name)) writeFileSync(path, rewriteImports(readFileSync(path, 'utf8'), specifiers));
    }
  };
  walk(join(project, 'examples'));
  // `$schema` links point into the repository; in the project they point into the package.
  for (const file of readdirSync(join(project, 'examples'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json'))) {
    const path = join(project, 'examples', file);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll('../../schemas/', '../../node_modules/reglament/schemas/'));
  }
}

/**
 * Packs the repository at `root` and installs the tarball into a new project under `directory`.
 *
 * @example
 * const { project } = await createConsumer(repoRoot, mkdtempSync(join(tmpdir(), 'consumer-')));
 */
export async function createConsumer(root: string, directory: string): Promise<Consumer> {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
  const packed = await run('npm', ['pack', '--json', '--pack-destination', directory], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error('npm pack printed no result');
  const tarball = join(directory, info.filename);

  const project = join(directory, 'app');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'reglament-consumer', private: true, type: 'module' }, null, 2));
  const dev = (name: string) => `${name}@${manifest.devDependencies[name] ?? 'latest'}`;
  await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball, dev('mongodb'), dev('uvu'), dev('tsx'), dev('@types/node')],
    { cwd: project, maxBuffer: 64 * 1024 * 1024 },
  );
  // better-sqlite3 is a native peer: compiling it again would take minutes, so the project gets
  // the one `npm ci` built for this machine, as a host application that already has it would.
  const native = join(root, 'node_modules', 'better-sqlite3');
  if (!existsSync(join(project, 'node_modules', 'better-sqlite3'))) symlinkSync(native, join(project, 'node_modules', 'better-sqlite3'), 'dir');

  copyExamples(root, project, publicSpecifiers(manifest));
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, types: ['node'], jsx: 'react-jsx', jsxImportSource: 'hono/jsx' },
      include: ['examples'],
    }),
  );
  return { project, tarball, files: info.files.map((file) => `package/${file.path}`) };
}

export interface InstalledService {
  url: string;
  /** A token signed with the service's secret, as `npx reglament token` prints it. */
  token(...args: string[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts `reglament serve` from the installed package on a free port, with its own data dir.
 *
 * @example
 * const service = await startInstalledService(project);
 * const parent = await service.token('--role', 'applicant', '--sub', 'parent-1');
 */
export async function startInstalledService(project: string): Promise<InstalledService> {
  const bin = join(project, 'node_modules', 'reglament', 'bin', 'reglament.js');
  const env = { ...process.env, NODE_ENV: 'development', PORT: '0', REGLAMENT_DATA_DIR: join(project, 'data'), MONGODB_URL: '', REGLAMENT_LOG_LEVEL: 'info' };
  const child = spawn(process.execPath, [bin, 'serve'], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the service did not start: ${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`the service exited (${code}): ${output}`)));
  });
  return {
    url,
    async token(...args) {
      const { stdout } = await run(process.execPath, [bin, 'token', ...args], { cwd: project, env });
      return stdout.trim();
    },
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
