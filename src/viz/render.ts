/**
 * @module viz/render
 * One call from a definition to a finished diagram: graph, layout and SVG, or Mermaid text.
 */
import { workflowGraph, type DefinitionLike } from './graph.js';
import { layoutWorkflow } from './layout.js';
import { workflowMermaid } from './mermaid.js';
import { renderSvg, type DiagramCounts } from './svg.js';

export type DiagramFormat = 'svg' | 'mermaid';

export interface RenderOptions {
  format?: DiagramFormat;
  direction?: 'DOWN' | 'RIGHT';
  /** Application counts to paint (SVG only). */
  counts?: DiagramCounts;
  /** Link of a state box (SVG only). */
  stateHref?: (state: string) => string | null;
}

/**
 * Draws a workflow definition.
 *
 * @example
 * const svg = await renderWorkflow(loadWorkflow('workflows/diary-access.json'));
 * const text = await renderWorkflow(definition, { format: 'mermaid' });
 */
export async function renderWorkflow(definition: DefinitionLike | object, options: RenderOptions = {}): Promise<string> {
  const { format = 'svg', direction = 'DOWN', counts, stateHref } = options;
  const graph = workflowGraph(definition as DefinitionLike);
  if (format === 'mermaid') return workflowMermaid(graph);
  const layout = await layoutWorkflow(graph, { direction, reserveCounts: counts !== undefined });
  return renderSvg(layout, { ...(counts ? { counts } : {}), ...(stateHref ? { stateHref } : {}) });
}
