/**
 * @module viz/mermaid
 * A workflow graph as Mermaid `stateDiagram-v2` text, for documentation that renders Mermaid
 * (Git hosting, wikis). States keep their Russian titles; nested states become composite
 * blocks; initial and final states use `[*]`.
 */
import { anyState, type GraphNode, type WorkflowGraph } from './graph.js';

/**
 * Writes a graph as Mermaid text.
 *
 * @example
 * workflowMermaid(workflowGraph(definition));
 * // stateDiagram-v2
 * //   state "Заявление получено" as received
 * //   [*] --> received
 * //   received --> registered : Зарегистрировать
 */
export function workflowMermaid(graph: WorkflowGraph): string {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const lines = ['stateDiagram-v2', `  %% ${clean(graph.title)}`];

  const emit = (ids: string[], indent: string): void => {
    for (const id of ids) {
      const node = byId.get(id)!;
      if (node.label !== mermaidId(node.id) || node.kind === 'any') lines.push(`${indent}state "${clean(titleOf(node))}" as ${mermaidId(node.id)}`);
      if (node.children.length > 0) {
        lines.push(`${indent}state ${mermaidId(node.id)} {`);
        const initial = node.children.find((child) => byId.get(child)?.initial);
        if (initial) lines.push(`${indent}  [*] --> ${mermaidId(initial)}`);
        emit(node.children, `${indent}  `);
        lines.push(`${indent}}`);
      }
      if (node.kind === 'final') lines.push(`${indent}${mermaidId(node.id)} --> [*]`);
    }
  };

  if (graph.initial) lines.push(`  [*] --> ${mermaidId(graph.initial)}`);
  emit(graph.roots, '  ');
  for (const edge of graph.edges) lines.push(`  ${mermaidId(edge.source)} --> ${mermaidId(edge.target)} : ${clean(edge.label)}`);
  return lines.join('\n') + '\n';
}

/**
 * The Mermaid id of a state path: dots become double underscores; Mermaid keywords get a prefix.
 *
 * @example
 * mermaidId('access.active'); // 'access__active'
 */
export function mermaidId(path: string): string {
  if (path === anyState) return 'any_state';
  const id = path.replaceAll('.', '__').replace(/[^A-Za-z0-9_]/g, '_');
  return reserved.has(id) ? `s_${id}` : id;
}

const reserved = new Set(['end', 'state', 'note', 'direction', 'class', 'classDef', 'style', 'as']);

function titleOf(node: GraphNode): string {
  return node.subtitle ? `${node.label} (${node.subtitle})` : node.label;
}

/** Mermaid ends a label at a newline and reads `;`, `"`, `#` and angle brackets as syntax. */
function clean(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replaceAll('"', "'").replaceAll(';', ',').replaceAll('#', '№').replaceAll('<', '‹').replaceAll('>', '›');
}
