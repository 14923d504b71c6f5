/**
 * @module test/viz/workflows
 * The definitions the diagram tests draw: every file in `workflows/`, the embedded example,
 * and the fixtures here. New workflow files are covered as soon as they land.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** `[file, definition]` for each definition to draw. */
export function definitionsToDraw(): [string, Record<string, unknown>][] {
  const files = [
    ...jsonIn(join(root, 'workflows')),
    join(root, 'examples', 'embedded', 'workflow.json'),
    ...jsonIn(join(import.meta.dirname, 'fixtures')),
  ].filter((file) => existsSync(file));
  return files.map((file) => [file.slice(root.length + 1), JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>]);
}

function jsonIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).sort().map((name) => join(dir, name)) : [];
}
