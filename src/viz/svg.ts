/**
 * @module viz/svg
 * A laid-out workflow as one standalone SVG string: states as boxes (nested states inside their
 * parent, final states with a double border, a dot with an arrow for each initial state),
 * transitions as arrows with their event and guard. Given counts, each state shows how many
 * applications sit in it and how many are overdue, coloured calm → alarming, and each arrow
 * how many applications took it. Every element carries `data-*` attributes naming its state or
 * transition, so pages and tests can find it.
 */
import { empty, neutral, stateSwatch, type Swatch } from './colour.js';
import type { GraphEdge } from './graph.js';
import type { PlacedEdge, PlacedNode, Point, WorkflowLayout } from './layout.js';
import { metrics } from './layout.js';
import { escapeXml as x, num } from './xml.js';

/** Counts to paint on a diagram. Keys: state paths; transition keys from `GraphEdge.key`. */
export interface DiagramCounts {
  states?: Record<string, { count: number; overdue: number }>;
  transitions?: Record<string, number>;
}

export interface SvgOptions {
  counts?: DiagramCounts;
  /** Link of a state box (e.g. the list of its applications); no link when it returns null. */
  stateHref?: (state: string) => string | null;
  /** Accessible title; defaults to the graph's title. */
  title?: string;
}

const font = 'DejaVu Sans, Noto Sans, Arial, sans-serif';
const ink = '#1f2937';
const muted = '#5b6475';

/**
 * Renders a layout as an SVG document (no XML declaration, so it also inlines into HTML).
 *
 * @example
 * const svg = renderSvg(await layoutWorkflow(workflowGraph(definition)));
 * writeFileSync('diary-access.svg', svg);
 */
export function renderSvg(layout: WorkflowLayout, options: SvgOptions = {}): string {
  const prefix = `wf-${layout.graph.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const title = options.title ?? layout.graph.title;
  const maxFlow = Math.max(0, ...layout.edges.map((arrow) => arrow.edges.reduce((sum, edge) => sum + (options.counts?.transitions?.[edge.key] ?? 0), 0)));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-label="${x(title)}" font-family="${x(font)}" data-workflow="${x(layout.graph.id)}">`,
    `<title>${x(title)}</title>`,
    `<defs><marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${muted}"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  );
  for (const node of layout.nodes) out.push(node.node ? stateBox(node, options) : initialDot(node));
  for (const edge of layout.edges) out.push(edge.edges.length > 0 ? transition(edge, prefix, options.counts, maxFlow) : initialArrow(edge, prefix));
  out.push('</svg>');
  return out.join('\n');
}

function stateBox(placed: PlacedNode, options: SvgOptions): string {
  const node = placed.node!;
  const counts = options.counts?.states;
  const stat = counts && node.kind !== 'any' ? (counts[node.id] ?? { count: 0, overdue: 0 }) : null;
  const compound = node.children.length > 0;
  const swatch: Swatch = node.kind === 'any' ? empty : stat === null ? neutral : compound ? { fill: '#fbfcfe', stroke: stateSwatch(stat.count, stat.overdue).stroke } : stateSwatch(stat.count, stat.overdue);
  const fill = compound && stat === null ? '#f8fafd' : swatch.fill;
  const alarming = stat !== null && stat.overdue > 0;
  const parts: string[] = [];
  const { x: left, y: top, width, height } = placed;
  parts.push(`<rect x="${num(left)}" y="${num(top)}" width="${num(width)}" height="${num(height)}" rx="10" fill="${fill}" stroke="${swatch.stroke}" stroke-width="${alarming ? 2.2 : 1.4}"${compound || node.kind === 'any' ? ' stroke-dasharray="6 3"' : ''}/>`);
  if (node.kind === 'final') {
    parts.push(`<rect x="${num(left + 4)}" y="${num(top + 4)}" width="${num(width - 8)}" height="${num(height - 8)}" rx="7" fill="none" stroke="${swatch.stroke}" stroke-width="1.2"/>`);
  }
  const inset = node.kind === 'final' ? 8 : 0;
  const centre = left + width / 2;
  const anchor = compound ? 'start' : 'middle';
  const textX = compound ? left + 14 : centre;
  let y = top + metrics.padding + inset + metrics.title;
  for (const line of placed.lines) {
    parts.push(`<text x="${num(textX)}" y="${num(y)}" text-anchor="${anchor}" font-size="${metrics.title}" font-weight="600" fill="${ink}">${x(line)}</text>`);
    y += metrics.title * metrics.lineHeight;
  }
  y += metrics.subtitle * metrics.lineHeight - metrics.title * metrics.lineHeight + (placed.subtitleLines.length > 0 ? 2 : 0);
  for (const line of placed.subtitleLines) {
    parts.push(`<text x="${num(textX)}" y="${num(y)}" text-anchor="${anchor}" font-size="${metrics.subtitle}" fill="${muted}">${x(line)}</text>`);
    y += metrics.subtitle * metrics.lineHeight;
  }
  if (stat !== null) parts.push(countBadge(stat, textX, y + 4, anchor, swatch));
  const data = `data-state="${x(node.id)}" data-kind="${node.kind}"${stat ? ` data-count="${stat.count}" data-overdue="${stat.overdue}"` : ''}`;
  const tooltip = `<title>${x(node.label)}${stat ? ` — заявлений: ${stat.count}, просрочено: ${stat.overdue}` : ''}</title>`;
  const body = `<g class="state" ${data}>${tooltip}${parts.join('')}</g>`;
  const href = options.stateHref?.(node.id) ?? null;
  return href === null ? body : `<a href="${x(href)}" class="state-link" data-state-link="${x(node.id)}">${body}</a>`;
}

function countBadge(stat: { count: number; overdue: number }, textX: number, y: number, anchor: string, swatch: Swatch): string {
  const overdue = stat.overdue > 0 ? `<tspan fill="#b71c1c" font-weight="700"> · просрочено ${stat.overdue}</tspan>` : '';
  const colour = stat.count === 0 ? empty.stroke : ink;
  return `<text x="${num(textX)}" y="${num(y + 8)}" text-anchor="${anchor}" font-size="12" fill="${colour}" data-role="count"><tspan font-weight="700" fill="${stat.count === 0 ? empty.stroke : swatch.stroke}">${stat.count}</tspan> заявл.${overdue}</text>`;
}

function initialDot(placed: PlacedNode): string {
  return `<circle cx="${num(placed.x + placed.width / 2)}" cy="${num(placed.y + placed.height / 2)}" r="6" fill="${ink}" data-initial="${x(placed.id.replace('__initial__:', ''))}"/>`;
}

function initialArrow(placed: PlacedEdge, prefix: string): string {
  return `<path d="${pathData(placed.points)}" fill="none" stroke="${ink}" stroke-width="1.4" marker-end="url(#${prefix}-arrow)"/>`;
}

/**
 * One arrow for all transitions between two states: the path once, then each transition's
 * label lines as its own group (with its count), so each stays findable by its key.
 */
function transition(placed: PlacedEdge, prefix: string, counts: DiagramCounts | undefined, maxFlow: number): string {
  const flowOf = (key: string) => (counts?.transitions ? (counts.transitions[key] ?? 0) : null);
  const flows = placed.edges.map((edge) => flowOf(edge.key));
  const total = flows.some((flow) => flow !== null) ? flows.reduce<number>((sum, flow) => sum + (flow ?? 0), 0) : null;
  const width = total === null || maxFlow === 0 ? 1.4 : 1.2 + (3.6 * Math.min(total, maxFlow)) / maxFlow;
  const colour = total !== null && total > 0 ? '#35507a' : muted;
  const dash = placed.edges.every((edge) => edge.kind === 'always') ? ' stroke-dasharray="5 3"' : '';
  const parts = [`<path d="${pathData(placed.points)}" fill="none" stroke="${colour}" stroke-width="${num(width)}"${dash} marker-end="url(#${prefix}-arrow)"/>`];
  const groups: string[] = [];
  if (placed.label) {
    const { x: lx, y: ly, width: lw, height: lh, parts: labelParts } = placed.label;
    parts.push(`<rect x="${num(lx - 2)}" y="${num(ly - 1)}" width="${num(lw + 4)}" height="${num(lh + 2)}" rx="3" fill="#ffffff" fill-opacity="0.92"/>`);
    let row = 0;
    for (const { edge, lines } of labelParts) {
      const flow = flowOf(edge.key);
      const texts = lines.map((line, i) => {
        const last = i === lines.length - 1 && flow !== null ? `<tspan${flow > 0 ? ' font-weight="700" fill="#35507a"' : ''}>${x(` · ${flow}`)}</tspan>` : '';
        const indent = line.startsWith(' ') ? 9 : 0;
        return `<text x="${num(lx + 3 + indent)}" y="${num(ly + (row + i + 1) * metrics.edge * metrics.lineHeight - 1)}" font-size="${metrics.edge}" fill="${muted}" data-role="label">${x(line.trimStart())}${last}</text>`;
      });
      row += lines.length;
      groups.push(transitionGroup(edge, prefix, flow, texts.join('')));
    }
  } else {
    groups.push(...placed.edges.map((edge) => transitionGroup(edge, prefix, flowOf(edge.key), '')));
  }
  return `<g class="arrow" data-source="${x(placed.edges[0]!.source)}" data-target="${x(placed.edges[0]!.target)}"${total === null ? '' : ` data-count="${total}"`}>${parts.join('')}${groups.join('')}</g>`;
}

function transitionGroup(edge: GraphEdge, prefix: string, flow: number | null, body: string): string {
  const data = `data-transition="${x(edge.key)}" data-source="${x(edge.source)}" data-target="${x(edge.target)}" data-event="${x(edge.event ?? '')}" data-kind="${edge.kind}"${flow === null ? '' : ` data-count="${flow}"`}`;
  const tooltip = edge.condition && !edge.label.includes(`[${edge.condition}]`) ? `${edge.label} [${edge.condition}]` : edge.label;
  return `<g class="transition" id="${prefix}-${edge.id}" ${data}><title>${x(tooltip)}</title>${body}</g>`;
}

function pathData(points: Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)},${num(p.y)}`).join(' ');
}
