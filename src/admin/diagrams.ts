/**
 * @module admin/diagrams
 * Graphs and layouts of the registered workflows, computed once per service version (layout is
 * the costly step) and painted with fresh counts on every request.
 */
import type { CompiledWorkflow } from '../definition/compile.js';
import type { WorkflowRegistry } from '../definition/registry.js';
import { workflowGraph, type DefinitionLike, type WorkflowGraph } from '../viz/graph.js';
import { layoutWorkflow, type WorkflowLayout } from '../viz/layout.js';

export interface Diagram {
  workflow: CompiledWorkflow;
  graph: WorkflowGraph;
  layout: WorkflowLayout;
}

const cache = new WeakMap<CompiledWorkflow, Promise<Diagram>>();

/**
 * The newest version of a service with its graph and layout (WORKFLOW_NOT_FOUND when unknown).
 *
 * @example
 * const { graph, layout } = await diagramOf(workflows, 'diary-access');
 */
export function diagramOf(workflows: WorkflowRegistry, service: string): Promise<Diagram> {
  const workflow = workflows.get(service);
  let diagram = cache.get(workflow);
  if (!diagram) {
    const graph = workflowGraph(workflow.definition as unknown as DefinitionLike);
    diagram = layoutWorkflow(graph, { reserveCounts: true }).then((layout) => ({ workflow, graph, layout }));
    cache.set(workflow, diagram);
  }
  return diagram;
}

/**
 * The graph of a service's newest version, without layout.
 *
 * @example
 * graphOf(workflows, 'diary-access').nodes.length;
 */
export function graphOf(workflows: WorkflowRegistry, service: string): WorkflowGraph {
  return workflowGraph(workflows.get(service).definition as unknown as DefinitionLike);
}
