/**
 * @module viz/colour
 * The calm → alarming colour scale of the diagrams and charts: green while nothing is overdue,
 * amber as overdue applications appear, red when half of a state's applications are overdue.
 */

export interface Swatch {
  fill: string;
  stroke: string;
}

/** Colours of a state with no counts to show, and of an empty state. */
export const neutral: Swatch = { fill: '#eef3fa', stroke: '#4a6896' };
export const empty: Swatch = { fill: '#f6f7f9', stroke: '#9aa3b2' };

const stops: { at: number; fill: [number, number, number]; stroke: [number, number, number] }[] = [
  { at: 0, fill: [226, 242, 231], stroke: [46, 125, 80] },
  { at: 0.25, fill: [255, 240, 196], stroke: [184, 134, 11] },
  { at: 0.5, fill: [250, 212, 208], stroke: [183, 28, 28] },
];

/**
 * The swatch for a share of overdue applications (0..1; at 0.5 and above fully alarming).
 *
 * @example
 * alarmSwatch(0); // { fill: '#e2f2e7', stroke: '#2e7d50' }
 * alarmSwatch(0.6).stroke; // '#b71c1c'
 */
export function alarmSwatch(share: number): Swatch {
  const t = Math.min(Math.max(Number.isFinite(share) ? share : 0, 0), 0.5);
  let i = 0;
  while (i < stops.length - 2 && t > stops[i + 1]!.at) i++;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  const k = (t - a.at) / (b.at - a.at);
  return { fill: hex(mix(a.fill, b.fill, k)), stroke: hex(mix(a.stroke, b.stroke, k)) };
}

/**
 * The swatch for a state holding `count` applications of which `overdue` are past a term.
 *
 * @example
 * stateSwatch(0, 0) === empty; // true
 */
export function stateSwatch(count: number, overdue: number): Swatch {
  if (count <= 0) return overdue > 0 ? alarmSwatch(1) : empty;
  return alarmSwatch(overdue / count);
}

function mix(a: [number, number, number], b: [number, number, number], k: number): [number, number, number] {
  return [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * k)) as [number, number, number];
}

function hex(rgb: [number, number, number]): string {
  return `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
