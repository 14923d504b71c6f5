/**
 * @module viz
 * `reglament/viz`: workflow diagrams and small charts, pure (no I/O). A definition becomes a
 * graph, the graph a layout (ELK, in process), the layout an SVG string or Mermaid text.
 *
 * @example
 * import { renderWorkflow } from 'reglament/viz';
 * const svg = await renderWorkflow(definition, { counts: { states: { review: { count: 4, overdue: 1 } } } });
 */
export { workflowGraph, anyState } from './graph.js';
export type { DefinitionLike, EdgeKind, GraphEdge, GraphNode, NodeKind, WorkflowGraph } from './graph.js';
export { layoutWorkflow } from './layout.js';
export type { LayoutOptions, PlacedEdge, PlacedNode, WorkflowLayout } from './layout.js';
export { renderSvg } from './svg.js';
export type { DiagramCounts, SvgOptions } from './svg.js';
export { workflowMermaid, mermaidId } from './mermaid.js';
export { renderWorkflow } from './render.js';
export type { DiagramFormat, RenderOptions } from './render.js';
export { alarmSwatch, stateSwatch } from './colour.js';
export { stateLabel, transitionLabel, guardLabel } from './labels.js';
export { transitionCounts, matchEntry } from './flow.js';
export type { FlowEntry } from './flow.js';
export { barChart, lineChart, niceMax, palette } from './charts.js';
export type { BarChartInput, ChartSeries, LineChartInput } from './charts.js';
