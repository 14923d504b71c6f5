import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { command } from '../../../src/cli/commands/render.js';
import { isReglamentError } from '../../../src/errors.js';

const render = suite('reglament render');
const example = join(import.meta.dirname, '..', '..', '..', 'examples', 'embedded', 'workflow.json');
let dir = '';

render.before.each(() => {
  dir = mkdtempSync(join(tmpdir(), 'reglament-render-'));
});
render.after.each(() => rmSync(dir, { recursive: true, force: true }));

render('writes an SVG of the workflow to --out', async () => {
  const out = join(dir, 'diagram.svg');
  assert.is(await command.run([example, '--out', out]), 0);
  const svg = readFileSync(out, 'utf8');
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  for (const state of ['received', 'registered', 'preparing', 'issued', 'refused']) assert.ok(svg.includes(`data-state="${state}"`), state);
});

render('writes Mermaid text with --format mermaid', async () => {
  const out = join(dir, 'diagram.mmd');
  assert.is(await command.run([example, '--format', 'mermaid', '--out', out]), 0);
  const text = readFileSync(out, 'utf8');
  assert.ok(text.startsWith('stateDiagram-v2\n'));
  assert.match(text, /received --> registered : Зарегистрировать заявление/);
});

render('rejects an unknown format and a missing file with the right codes', async () => {
  for (const [argv, code] of [
    [[example, '--format', 'png'], 'INVALID_INPUT'],
    [[], 'INVALID_INPUT'],
    [[join(dir, 'missing.json')], 'INVALID_DEFINITION'],
  ] as const) {
    try {
      await command.run([...argv]);
      assert.unreachable(`${argv.join(' ')} should fail`);
    } catch (error) {
      assert.ok(isReglamentError(error, code), `${argv.join(' ')}: ${String(error)}`);
    }
  }
});

render.run();
