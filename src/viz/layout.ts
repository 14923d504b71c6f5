/**
 * @module viz/layout
 * Places a workflow graph with ELK's layered (Sugiyama) algorithm, in process: nested states
 * become boxes holding their children, transitions are routed orthogonally around them, and
 * their labels get room of their own. Nothing is fetched and no worker is started.
 *
 * ELK rather than dagre: dagre lays out compound nodes but cannot route an edge that leaves or
 * enters a cluster (e.g. `TERMINATE` from the whole `access` state), and places edge labels
 * only at a midpoint; ELK handles hierarchy-crossing edges natively (INCLUDE_CHILDREN) and
 * is what the state-machine visualisers of the XState ecosystem use for the same reason.
 */
import elkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { GraphEdge, GraphNode, WorkflowGraph } from './graph.js';
import { textWidth, wrapText } from './labels.js';

export interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

/** A placed state (or an initial marker, `node: null`), in absolute diagram coordinates. */
export interface PlacedNode extends Box {
  id: string;
  node: GraphNode | null;
  /** The state's title, wrapped as sized. */
  lines: string[];
  subtitleLines: string[];
}

/** The label lines of one transition within an arrow's label box. */
export interface EdgeLabelPart {
  edge: GraphEdge;
  lines: string[];
}

/**
 * A routed arrow: every transition between the same two states shares one arrow, its label
 * listing each of them (a regulation often lets five termination grounds lead from one state
 * to the same end). The arrow from an initial marker has no transitions.
 */
export interface PlacedEdge {
  id: string;
  edges: GraphEdge[];
  points: Point[];
  label: (Box & { parts: EdgeLabelPart[] }) | null;
}

export interface WorkflowLayout {
  graph: WorkflowGraph;
  width: number;
  height: number;
  /** Parents before children, so drawing in order paints nested states on top. */
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export interface LayoutOptions {
  /** 'DOWN' (default) or 'RIGHT'. */
  direction?: 'DOWN' | 'RIGHT';
  /** Leave a row in each state for application counts (the admin diagram). */
  reserveCounts?: boolean;
}

/** Font metrics shared with the SVG renderer so boxes fit their text. */
export const metrics = { title: 13, subtitle: 10.5, edge: 11, lineHeight: 1.3, countsRow: 22, padding: 10, wrap: 24, edgeWrap: 30 } as const;

// elk.bundled.js is CommonJS with an ES-style typing; under NodeNext the constructor is the module itself.
const ElkConstructor = ((elkBundled as unknown as { default?: unknown }).default ?? elkBundled) as new () => ELK;
const elk = new ElkConstructor();

/**
 * Lays out a workflow graph.
 *
 * @example
 * const layout = await layoutWorkflow(workflowGraph(definition), { reserveCounts: true });
 * layout.nodes.find((n) => n.id === 'review'); // { x, y, width, height, ... }
 */
export async function layoutWorkflow(graph: WorkflowGraph, options: LayoutOptions = {}): Promise<WorkflowLayout> {
  const { direction = 'DOWN', reserveCounts = false } = options;
  const texts = new Map<string, { lines: string[]; subtitleLines: string[] }>();
  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = { id: '__root__', layoutOptions: rootOptions(direction), children: [], edges: [] };

  for (const node of graph.nodes) {
    const lines = wrapText(node.label, metrics.wrap);
    const subtitleLines = node.subtitle ? wrapText(node.subtitle, metrics.wrap + 8) : [];
    texts.set(node.id, { lines, subtitleLines });
    const elkNode: ElkNode = { id: node.id, ...stateSize(node, lines, subtitleLines, reserveCounts), children: [], edges: [] };
    if (node.children.length > 0) {
      const top = headerHeight(lines, subtitleLines, reserveCounts) + metrics.padding;
      // The box must hold its own title as well as its children. ELK (0.11) reads a compound
      // node's minimum size transposed when the direction is DOWN, so the pair is swapped there.
      const minWidth = stateSize(node, lines, subtitleLines, reserveCounts).width + 12;
      const minHeight = top + 40;
      const minimum = direction === 'DOWN' ? `(${minHeight}, ${minWidth})` : `(${minWidth}, ${minHeight})`;
      elkNode.layoutOptions = { 'elk.padding': `[top=${top},left=16,bottom=16,right=16]`, 'elk.nodeSize.constraints': 'MINIMUM_SIZE', 'elk.nodeSize.minimum': minimum };
      delete elkNode.width;
      delete elkNode.height;
    }
    elkNodes.set(node.id, elkNode);
    (node.parent === null ? root : elkNodes.get(node.parent)!).children!.push(elkNode);
  }
  addInitialMarkers(graph, root, elkNodes);
  const bundles = bundleEdges(graph.edges);
  for (const [id, members] of bundles) {
    const lines = members.flatMap((edge) => labelLines(edge, members.length));
    const label = { text: id, width: Math.max(...lines.map((line) => textWidth(line, metrics.edge))) + 34, height: lines.length * metrics.edge * metrics.lineHeight + 4 };
    const elkEdge: ElkExtendedEdge = { id, sources: [members[0]!.source], targets: [members[0]!.target], labels: [label] };
    containerOf(members[0]!.source, members[0]!.target, graph, root, elkNodes).edges!.push(elkEdge);
  }

  const laid = await elk.layout(root);
  return collect(graph, laid, texts, bundles);
}

function rootOptions(direction: 'DOWN' | 'RIGHT'): Record<string, string> {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': direction,
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.spacing.nodeNodeBetweenLayers': '36',
    'elk.spacing.nodeNode': '28',
    'elk.spacing.edgeNode': '14',
    'elk.spacing.edgeEdge': '10',
    'elk.spacing.edgeLabel': '3',
    'elk.edgeLabels.placement': 'CENTER',
    'elk.padding': '[top=16,left=16,bottom=16,right=16]',
  };
}

function headerHeight(lines: string[], subtitleLines: string[], reserveCounts: boolean): number {
  return lines.length * metrics.title * metrics.lineHeight + subtitleLines.length * metrics.subtitle * metrics.lineHeight + (reserveCounts ? metrics.countsRow : 0);
}

function stateSize(node: GraphNode, lines: string[], subtitleLines: string[], reserveCounts: boolean): { width: number; height: number } {
  const widest = Math.max(...lines.map((line) => textWidth(line, metrics.title, true)), ...subtitleLines.map((line) => textWidth(line, metrics.subtitle)), reserveCounts ? 110 : 0);
  const finalInset = node.kind === 'final' ? 8 : 0;
  return {
    width: Math.max(120, widest + 2 * metrics.padding + 2 * finalInset),
    height: Math.ceil(headerHeight(lines, subtitleLines, reserveCounts) + 2 * metrics.padding + 2 * finalInset),
  };
}

function addInitialMarkers(graph: WorkflowGraph, root: ElkNode, elkNodes: Map<string, ElkNode>): void {
  for (const node of graph.nodes) {
    if (!node.initial) continue;
    const container = node.parent === null ? root : elkNodes.get(node.parent)!;
    const marker = `__initial__:${node.id}`;
    container.children!.push({ id: marker, width: 14, height: 14 });
    container.edges!.push({ id: `__initial_edge__:${node.id}`, sources: [marker], targets: [node.id] });
  }
}

/** ELK wants each edge in the lowest node containing both ends (the ancestor itself when one end is inside the other). */
function containerOf(source: string, target: string, graph: WorkflowGraph, root: ElkNode, elkNodes: Map<string, ElkNode>): ElkNode {
  const parents = new Map(graph.nodes.map((node) => [node.id, node.parent]));
  const chain = (id: string | null): string[] => (id === null ? [] : [...chain(parents.get(id) ?? null), id]);
  const a = chain(parents.get(source) ?? null);
  const b = chain(parents.get(target) ?? null);
  let common: string | null = null;
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) common = a[i]!;
  if (source !== target) {
    if (chain(target).includes(source)) common = source;
    else if (chain(source).includes(target)) common = target;
  }
  return common === null ? root : elkNodes.get(common)!;
}

/** A transition's label lines; in a shared arrow each starts with a bullet so wrapped lines read as one. */
function labelLines(edge: GraphEdge, shared: number): string[] {
  const lines = wrapText(edge.label, metrics.edgeWrap);
  return shared > 1 ? lines.map((line, i) => (i === 0 ? `• ${line}` : `   ${line}`)) : lines;
}

/** Transitions grouped by (source, target), in definition order; the group id is its first edge's id. */
function bundleEdges(edges: GraphEdge[]): Map<string, GraphEdge[]> {
  const byEnds = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    const ends = `${edge.source}\u0000${edge.target}`;
    const group = byEnds.get(ends);
    if (group) group.push(edge);
    else byEnds.set(ends, [edge]);
  }
  return new Map([...byEnds.values()].map((group) => [group[0]!.id, group]));
}

function collect(graph: WorkflowGraph, laid: ElkNode, texts: Map<string, { lines: string[]; subtitleLines: string[] }>, bundles: Map<string, GraphEdge[]>): WorkflowLayout {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const nodes: PlacedNode[] = [];
  const edges: PlacedEdge[] = [];
  const origin = new Map<string, Point>([['__root__', { x: 0, y: 0 }]]);

  walk(laid, { x: 0, y: 0 });
  return { graph, width: Math.ceil(laid.width ?? 0), height: Math.ceil(laid.height ?? 0), nodes, edges };

  function walk(elkNode: ElkNode, offset: Point): void {
    for (const child of elkNode.children ?? []) {
      const at = { x: offset.x + (child.x ?? 0), y: offset.y + (child.y ?? 0) };
      origin.set(child.id, at);
      const node = byId.get(child.id) ?? null;
      const text = texts.get(child.id) ?? { lines: [], subtitleLines: [] };
      nodes.push({ id: child.id, node, ...at, width: child.width ?? 0, height: child.height ?? 0, ...text });
      walk(child, at);
    }
    for (const edge of elkNode.edges ?? []) {
      const base = origin.get(edge.container ?? elkNode.id) ?? offset;
      const shift = (p: Point): Point => ({ x: base.x + p.x, y: base.y + p.y });
      const points = (edge.sections ?? []).flatMap((section) => [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]).map(shift);
      const members = bundles.get(edge.id) ?? [];
      const elkLabel = edge.labels?.[0];
      const label =
        elkLabel && members.length > 0
          ? { ...shift({ x: elkLabel.x ?? 0, y: elkLabel.y ?? 0 }), width: elkLabel.width ?? 0, height: elkLabel.height ?? 0, parts: members.map((member) => ({ edge: member, lines: labelLines(member, members.length) })) }
          : null;
      edges.push({ id: edge.id, edges: members, points, label });
    }
  }
}
