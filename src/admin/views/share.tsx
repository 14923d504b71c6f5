/**
 * @module admin/views/share
 * A share shown as a percentage with a decimal comma, coloured from calm to alarming: at least
 * 95 % green, at least 80 % amber, below that red; «—» when there was nothing to judge.
 */

/**
 * The colour class of a share (0..1).
 *
 * @example
 * shareTone(0.97); // 'good'
 */
export function shareTone(share: number): 'good' | 'warn' | 'bad' {
  return share >= 0.95 ? 'good' : share >= 0.8 ? 'warn' : 'bad';
}

/**
 * A share as Russian text: `97,5 %`.
 *
 * @example
 * percentText(0.975); // '97,5 %'
 */
export function percentText(share: number): string {
  return `${(Math.round(share * 1000) / 10).toString().replace('.', ',')} %`;
}

/**
 * A coloured share badge.
 *
 * @example
 * <Share value={row.counts.shareOnTime} />
 */
export function Share({ value }: { value: number | null }) {
  if (value === null) return <span class="muted">—</span>;
  return <span class={`badge ${shareTone(value)}`}>{percentText(value)}</span>;
}

/**
 * A share as a large figure of a card, coloured the same way.
 *
 * @example
 * <ShareFigure value={report.totals.shareOnTime} />
 */
export function ShareFigure({ value }: { value: number | null }) {
  if (value === null) return <div class="figure muted">—</div>;
  return <div class={`figure ${shareTone(value)}`}>{percentText(value)}</div>;
}
