/**
 * @module cli/commands/render
 * `reglament render <workflow.json> [--format svg|mermaid] [--out file]`: draws a workflow
 * definition as a standalone SVG or as Mermaid `stateDiagram-v2` text. The file is loaded and
 * checked like any definition first, so a diagram is never drawn from a broken file.
 */
import { writeFileSync } from 'node:fs';
import { loadWorkflow } from '../../definition/load.js';
import { ReglamentError } from '../../errors.js';
import { renderWorkflow, type DiagramFormat } from '../../viz/render.js';
import { parseOptions, type Command } from '../command.js';

const help = `Usage: reglament render <workflow.json> [--format svg|mermaid] [--out <file>] [--direction down|right]

Draws a workflow definition: every state (nested ones inside their parent, initial and final
states marked) and every transition with its event and guard.

  --format     svg (default) or mermaid (stateDiagram-v2 text for Markdown docs)
  --out        write to this file instead of standard output
  --direction  layout of the SVG: down (default) or right

Example:
  reglament render workflows/diary-access.json --out diary-access.svg
`;

const formats: readonly DiagramFormat[] = ['svg', 'mermaid'];

export const command: Command = {
  summary: 'draw a workflow definition as SVG or Mermaid',
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      format: { type: 'string' },
      out: { type: 'string' },
      direction: { type: 'string' },
    });
    if (values.help) {
      process.stdout.write(help);
      return 0;
    }
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new ReglamentError('INVALID_INPUT', 'give exactly one workflow file', { path: '<workflow.json>' });
    const format = (values.format ?? 'svg') as DiagramFormat;
    if (!formats.includes(format)) throw new ReglamentError('INVALID_INPUT', `--format must be one of ${formats.join(', ')}`, { path: '--format' });
    const direction = (values.direction ?? 'down').toUpperCase();
    if (direction !== 'DOWN' && direction !== 'RIGHT') throw new ReglamentError('INVALID_INPUT', '--direction must be down or right', { path: '--direction' });

    const text = await renderWorkflow(loadWorkflow(file), { format, direction });
    if (values.out) writeFileSync(values.out, text);
    else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return 0;
  },
};
