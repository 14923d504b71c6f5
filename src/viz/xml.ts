/**
 * @module viz/xml
 * Escaping for text and attribute values written into SVG and HTML by hand.
 */

/**
 * Escapes `& < > " '` so any text (a Russian title, a guard name) is safe in XML text and attributes.
 *
 * @example
 * escapeXml('Рассмотрение <заявления> & "проверка"'); // 'Рассмотрение &lt;заявления&gt; &amp; &quot;проверка&quot;'
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char]!);
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Formats a coordinate with at most one decimal, to keep SVG output small and stable.
 *
 * @example
 * num(12.3456); // '12.3'
 */
export function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}
