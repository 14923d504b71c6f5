/**
 * @module viz/charts
 * Two small chart kinds for the department dashboard, drawn as SVG strings on the server:
 * stacked or grouped bars over categories, and lines over periods. Each bar and point carries
 * `data-series`, `data-category` and `data-value`, so the figures can be read back.
 */
import { escapeXml as x, num } from './xml.js';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  colour?: string;
}

export interface ChartInput {
  title: string;
  /** One label per category (bars) or period (lines). */
  categories: string[];
  series: ChartSeries[];
  width?: number;
  height?: number;
  /** How a value is written on the axis and labels, e.g. `(v) => `${v}%``. */
  format?: (value: number) => string;
  /** Top of the value axis; default: the largest value rounded up. */
  max?: number;
  /** Values are counts: axis ticks fall on whole numbers. */
  integer?: boolean;
}

export interface BarChartInput extends ChartInput {
  /** Stack the series in one bar per category (default) or put them side by side. */
  stacked?: boolean;
}

export interface LineChartInput extends ChartInput {
  /** A dashed reference line, e.g. 100 for "all decided within term". */
  target?: { value: number; label: string };
}

/** Calm, colour-blind-friendly series colours (Okabe–Ito order, darkened for text contrast). */
export const palette = ['#2f6db5', '#d17a00', '#2e8b57', '#b8457a', '#5c5c8a', '#8a6d3b', '#3a8fa3'];

const font = 'DejaVu Sans, Noto Sans, Arial, sans-serif';
const margin = { top: 40, right: 16, bottom: 64, left: 52 };
const legendLine = 17;

/**
 * Bars per category, stacked by series.
 *
 * @example
 * barChart({ title: 'Заявления по школам', categories: ['Школа № 1', 'Школа № 2'],
 *   series: [{ name: 'Рассмотрение', values: [4, 2] }, { name: 'Доступ предоставлен', values: [10, 7] }] });
 */
export function barChart(input: BarChartInput): string {
  const { categories, series, stacked = true, width = 640, height = 300, format = String } = input;
  const totals = categories.map((_, i) => (stacked ? series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0) : Math.max(0, ...series.map((s) => s.values[i] ?? 0))));
  const largest = Math.max(0, ...totals);
  const max = input.max ?? (input.integer ? Math.max(4, Math.ceil(largest / 4) * 4) : niceMax(largest));
  const frame = chartFrame(input, width, height, max, format);
  const band = frame.plotWidth / Math.max(1, categories.length);
  const barWidth = Math.min(56, band * 0.62);
  const parts: string[] = [];
  categories.forEach((category, i) => {
    let base = 0;
    series.forEach((s, k) => {
      const raw = s.values[i] ?? null;
      if (raw === null) return;
      const value = raw;
      const w = stacked ? barWidth : barWidth / series.length;
      const left = margin.left + i * band + (band - barWidth) / 2 + (stacked ? 0 : k * w);
      const top = frame.y(base + value);
      const h = frame.y(base) - top;
      parts.push(`<rect x="${num(left)}" y="${num(top)}" width="${num(w)}" height="${num(Math.max(0, h))}" fill="${colourOf(s, k)}" data-series="${x(s.name)}" data-category="${x(category)}" data-value="${value}"><title>${x(`${category}: ${s.name} — ${format(value)}`)}</title></rect>`);
      if (stacked) base += value;
    });
    const centre = margin.left + i * band + band / 2;
    if (series.some((s) => s.values[i] !== null && s.values[i] !== undefined)) {
      parts.push(`<text x="${num(centre)}" y="${num(frame.y(totals[i]!) - 5)}" text-anchor="middle" font-size="11" font-weight="700" fill="#1f2937">${x(format(totals[i]!))}</text>`);
    }
    if (showLabel(i, band)) parts.push(categoryLabel(category, centre, frame.labelsY, band * (band < 44 ? 2 : 1)));
  });
  return frame.wrap(parts, series);
}

/**
 * Lines over periods; a `null` value leaves a gap (no data that month).
 *
 * @example
 * lineChart({ title: 'Решено в срок, %', categories: ['2025-09', '2025-10'], series: [{ name: 'в срок', values: [92, 100] }],
 *   max: 100, format: (v) => `${v}%`, target: { value: 100, label: 'цель' } });
 */
export function lineChart(input: LineChartInput): string {
  const { categories, series, width = 640, height = 300, format = String, target } = input;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = input.max ?? niceMax(Math.max(0, target?.value ?? 0, ...values));
  const frame = chartFrame(input, width, height, max, format);
  const step = frame.plotWidth / Math.max(1, categories.length);
  const xAt = (i: number) => margin.left + step * i + step / 2;
  const parts: string[] = [];
  if (target) {
    const y = frame.y(target.value);
    parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${num(y)}" y2="${num(y)}" stroke="#2e7d50" stroke-dasharray="6 4" stroke-width="1.2"/>`);
    parts.push(`<text x="${margin.left + 4}" y="${num(y - 4)}" font-size="10.5" fill="#2e7d50">${x(target.label)}</text>`);
  }
  series.forEach((s, k) => {
    const colour = colourOf(s, k);
    let d = '';
    s.values.forEach((value, i) => {
      if (value === null) return;
      d += `${d === '' || s.values[i - 1] === null ? 'M' : 'L'}${num(xAt(i))},${num(frame.y(value))} `;
    });
    if (d !== '') parts.push(`<path d="${d.trim()}" fill="none" stroke="${colour}" stroke-width="2.2"/>`);
    s.values.forEach((value, i) => {
      if (value === null) return;
      const category = categories[i] ?? '';
      parts.push(`<circle cx="${num(xAt(i))}" cy="${num(frame.y(value))}" r="3.8" fill="#ffffff" stroke="${colour}" stroke-width="2" data-series="${x(s.name)}" data-category="${x(category)}" data-value="${value}"><title>${x(`${category}: ${s.name} — ${format(value)}`)}</title></circle>`);
      parts.push(`<text x="${num(xAt(i))}" y="${num(frame.y(value) - 8)}" text-anchor="middle" font-size="10.5" fill="${colour}">${x(format(value))}</text>`);
    });
  });
  categories.forEach((category, i) => {
    if (showLabel(i, step)) parts.push(categoryLabel(category, xAt(i), frame.labelsY, step * (step < 44 ? 2 : 1)));
  });
  return frame.wrap(parts, series);
}

function chartFrame(input: ChartInput, width: number, height: number, max: number, format: (value: number) => string) {
  const legend = legendLayout(input.series, width - margin.left - margin.right);
  const extra = (legend.rows - 1) * legendLine;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom - extra;
  const y = (value: number) => margin.top + plotHeight - (max === 0 ? 0 : (value / max) * plotHeight);
  const grid: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const value = (max * i) / 4;
    grid.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${num(y(value))}" y2="${num(y(value))}" stroke="${i === 0 ? '#9aa3b2' : '#e5e8ee'}"/>`);
    grid.push(`<text x="${margin.left - 6}" y="${num(y(value) + 4)}" text-anchor="end" font-size="10.5" fill="#5b6475">${x(format(round(value)))}</text>`);
  }
  const wrap = (parts: string[], series: ChartSeries[]): string => {
    const keys = series.map((s, k) => {
      const at = legend.positions[k]!;
      return `<g transform="translate(${num(margin.left + at.x)},${num(height - 14 - extra + at.row * legendLine)})"><title>${x(s.name)}</title><rect width="11" height="11" y="-10" rx="2" fill="${colourOf(s, k)}"/><text x="16" font-size="11.5" fill="#1f2937">${x(legendName(s.name))}</text></g>`;
    });
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${x(input.title)}" font-family="${font}" class="chart">`,
      `<title>${x(input.title)}</title>`,
      `<text x="${margin.left}" y="22" font-size="14" font-weight="700" fill="#1f2937">${x(input.title)}</text>`,
      ...grid,
      ...parts,
      ...keys,
      '</svg>',
    ].join('\n');
  };
  return { plotWidth, plotHeight, y, wrap, labelsY: height - margin.bottom - extra + 16 };
}

/** Narrow categories get every other label, so neighbouring labels never run together. */
function showLabel(index: number, room: number): boolean {
  return room >= 44 || index % 2 === 0;
}

function categoryLabel(text: string, centre: number, y: number, room: number): string {
  const maxChars = Math.max(4, Math.floor(room / 6.5));
  const shown = text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
  return `<text x="${num(centre)}" y="${num(y)}" text-anchor="middle" font-size="11" fill="#374151"><title>${x(text)}</title>${x(shown)}</text>`;
}

/** A series name short enough for one legend line (the full name stays in its tooltip). */
function legendName(name: string): string {
  return name.length > 64 ? `${name.slice(0, 63).trimEnd()}…` : name;
}

/** Legend keys left to right, wrapping to a new row when the next would not fit. */
function legendLayout(series: ChartSeries[], width: number): { rows: number; positions: { x: number; row: number }[] } {
  const positions: { x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const s of series) {
    const w = 28 + legendName(s.name).length * 6.8;
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    positions.push({ x, row });
    x += w;
  }
  return { rows: row + 1, positions };
}

function colourOf(series: ChartSeries, k: number): string {
  return series.colour ?? palette[k % palette.length]!;
}

/**
 * The axis top for a largest value: 1, 2, 2.5 or 5 times a power of ten, at least the value.
 *
 * @example
 * niceMax(37); // 40
 */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 4, 5, 10]) if (m * power >= value) return m * power;
  return 10 * power;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
