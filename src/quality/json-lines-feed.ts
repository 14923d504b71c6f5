/**
 * @module quality/json-lines-feed
 * Splits JSON Lines text into lines across chunks (LF or CRLF, a leading BOM dropped, blank
 * lines skipped) and reads each: first in place by the fast path, else by `JSON.parse`. Lines
 * are numbered from 1.
 */
import type { Accept, FastLine, Feed, Reject } from './feed.js';

/**
 * A JSON Lines reader.
 *
 * @example
 * const feed = jsonLinesFeed(accept, reject, () => false);
 * feed.push('{"school":"s1"}\n');
 * feed.end(); // accept({ school: 's1' }, 1, describe)
 */
export function jsonLinesFeed(accept: Accept, reject: Reject, fast: FastLine): Feed {
  let rest = '';
  let line = 0;
  let first = true;
  const describe = (field: string) => `field "${field}"`;

  function readLine(text: string, start: number, end: number): void {
    line++;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    if (fast(text, start, end)) return;
    const content = text.slice(start, end);
    if (content.trim().length === 0) return;
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch {
      // The parser's own message quotes the line, which may hold personal data: not repeated.
      reject(line, null, 'not valid JSON');
      return;
    }
    accept(raw, line, describe);
  }

  return {
    push(text) {
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      let start = 0;
      let newline = text.indexOf('\n');
      if (newline >= 0 && rest.length > 0) {
        const head = rest + text.slice(0, newline);
        rest = '';
        readLine(head, 0, head.length);
        start = newline + 1;
        newline = text.indexOf('\n', start);
      }
      while (newline >= 0) {
        readLine(text, start, newline);
        start = newline + 1;
        newline = text.indexOf('\n', start);
      }
      rest += text.slice(start);
    },
    end() {
      if (rest.length > 0) readLine(rest, 0, rest.length);
      rest = '';
    },
  };
}
