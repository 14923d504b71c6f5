/**
 * @module ediary/notice-parts
 * Pieces every e-diary notice is built from: the subject line, the ЕПГУ status, the grounds of
 * a decision with their citations and reasons. Values are escaped; ids only, no names.
 */
import { escapeHtml, page } from '../ports/html.js';
import type { RenderedDocument } from '../ports/types.js';
import type { RuleResult } from '../store/types.js';

/** «Заявление № … по услуге «…»», from the data the notifier passes. */
export function subjectLine(data: Record<string, unknown>): string {
  const application = (data['application'] ?? {}) as Record<string, unknown>;
  const service = data['serviceTitle'] ? ` по услуге «${escapeHtml(data['serviceTitle'])}»` : '';
  return `Заявление № ${escapeHtml(application['id'])}${service}`;
}

/** The ЕПГУ status line, when the notice has one. */
export function statusLine(data: Record<string, unknown>): string {
  return data['epguStatus'] ? `<p>Статус: ${escapeHtml(data['epguStatus'])}</p>` : '';
}

/**
 * The grounds that apply, numbered, each with its text, citation and reasons.
 *
 * @example
 * groundsList({ grounds: [{ id: 'notRepresentative', applies: true, citation: '… основание 3', text: 'Заявитель не является…', reasons: [] }] })
 * // '<ol class="grounds"><li><p>Заявитель не является….</p><p class="citation">Основание: … основание 3.</p></li></ol>'
 */
export function groundsList(data: Record<string, unknown>): string {
  const list = (Array.isArray(data['grounds']) ? (data['grounds'] as RuleResult[]) : []).filter((ground) => ground.applies);
  const items = list.map((ground) => {
    const reasons = ground.reasons.length ? `<ul>${ground.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul>` : '';
    return `<li><p>${escapeHtml(ground.text)}.</p><p class="citation">Основание: ${escapeHtml(ground.citation)}.</p>${reasons}</li>`;
  });
  return items.length ? `<ol class="grounds">${items.join('')}</ol>` : '';
}

/** A rendered notice: title, then body sections in order. */
export function notice(title: string, ...sections: string[]): RenderedDocument {
  return { title, html: page(title, sections.join('')) };
}

/** A rendered document attached to a notice (e.g. the journal extract). */
export function attached(data: Record<string, unknown>): string {
  const document = data['document'] as { title?: string; html?: string } | undefined;
  if (!document?.html) return '';
  // The document is a whole page already escaped by its own template; keep only its body.
  const body = /<body>([\s\S]*)<\/body>/.exec(document.html)?.[1] ?? document.html;
  return `<section class="document">${body}</section>`;
}
