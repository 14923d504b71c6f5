/**
 * @module ports/html
 * Escaping for the HTML the document templates produce, and the page frame they share.
 */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML content and attribute values.
 *
 * @example
 * escapeHtml('<b>"Школа" & Ко</b>') // '&lt;b&gt;&quot;Школа&quot; &amp; Ко&lt;/b&gt;'
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => entities[char]!);
}

/** A complete HTML page with a title and already escaped body HTML. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

/** A paragraph of escaped text. */
export function paragraph(text: unknown): string {
  return `<p>${escapeHtml(text)}</p>`;
}
