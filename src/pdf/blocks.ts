/**
 * @module pdf/blocks
 * The printable structure of a document's HTML: headings, paragraphs, list items and tables
 * with inline runs (bold, italic, code). The documents port writes a small, known subset of
 * HTML; this reads exactly that subset (unknown tags keep their text), so the same rendered
 * notice becomes both the printable page and the PDF.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  mono?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'item'; marker: string; depth: number; runs: Run[] }
  | { kind: 'table'; rows: { header: boolean; cells: string[] }[] }
  | { kind: 'rule' };

const skipped = new Set(['head', 'title', 'style', 'script']);
const breaking = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'table', 'tr', 'blockquote', 'dl', 'dt', 'dd', 'details', 'summary']);

/**
 * Reads document HTML into blocks.
 *
 * @example
 * htmlToBlocks('<h1>Отказ</h1><p>Заявление <b>№ 1</b></p><ol><li>Неполный пакет</li></ol>');
 * // [{ kind: 'heading', level: 1, runs: [{ text: 'Отказ' }] }, { kind: 'paragraph', runs: [...] }, { kind: 'item', marker: '1.', depth: 1, runs: [...] }]
 */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  const style = { bold: 0, italic: 0, mono: 0 };
  let runs: Run[] = [];
  let current: { kind: 'heading'; level: 1 | 2 | 3 } | { kind: 'paragraph' } | { kind: 'item'; marker: string; depth: number } = { kind: 'paragraph' };
  let skip = 0;
  let table: { header: boolean; cells: string[] }[] | null = null;
  let cell: string | null = null;
  let rowHeader = false;

  const flush = () => {
    const trimmed = trimRuns(runs);
    if (trimmed.length > 0) blocks.push({ ...current, runs: trimmed } as Block);
    runs = [];
    current = { kind: 'paragraph' };
  };

  for (const token of html.matchAll(/<!--[\s\S]*?-->|<![^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g)) {
    const [, closing, rawName, , text] = token;
    if (text !== undefined) {
      if (skip > 0) continue;
      const value = decodeEntities(text).replace(/\s+/g, ' ');
      if (cell !== null) cell += value;
      else if (value !== '') runs.push({ text: value, ...(style.bold ? { bold: true } : {}), ...(style.italic ? { italic: true } : {}), ...(style.mono ? { mono: true } : {}) });
      continue;
    }
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (skipped.has(name)) {
      skip += closing ? -1 : 1;
      continue;
    }
    if (skip > 0) continue;
    const delta = closing ? -1 : 1;
    if (name === 'b' || name === 'strong') style.bold = Math.max(0, style.bold + delta);
    else if (name === 'i' || name === 'em') style.italic = Math.max(0, style.italic + delta);
    else if (name === 'code' || name === 'kbd' || name === 'samp') style.mono = Math.max(0, style.mono + delta);
    else if (name === 'br') runs.push({ text: '\n' });
    else if (name === 'hr') {
      flush();
      blocks.push({ kind: 'rule' });
    } else if (name === 'table') {
      flush();
      if (closing) {
        if (table && table.length > 0) blocks.push({ kind: 'table', rows: table });
        table = null;
      } else table = [];
    } else if (name === 'tr' && table) {
      if (!closing) table.push({ header: false, cells: [] });
      rowHeader = false;
    } else if ((name === 'td' || name === 'th') && table) {
      if (!closing) {
        cell = '';
        rowHeader = name === 'th';
      } else if (cell !== null) {
        const row = table.at(-1) ?? (table.push({ header: false, cells: [] }), table.at(-1)!);
        row.cells.push(cell.trim());
        row.header = row.header || rowHeader;
        cell = null;
      }
    } else if (name === 'ul' || name === 'ol') {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: name === 'ol', n: 0 });
    } else if (name === 'li') {
      flush();
      if (!closing) {
        const list = lists.at(-1);
        if (list) list.n += 1;
        current = { kind: 'item', marker: list?.ordered ? `${list.n}.` : '•', depth: Math.max(1, lists.length) };
      }
    } else if (/^h[1-6]$/.test(name)) {
      flush();
      if (!closing) current = { kind: 'heading', level: Math.min(3, Number(name[1])) as 1 | 2 | 3 };
    } else if (breaking.has(name)) {
      const keep = current.kind === 'item' && !closing && (name === 'p' || name === 'div');
      if (!keep) flush();
    }
  }
  flush();
  return blocks;
}

/**
 * The plain text of blocks, one line per block (for tests and search).
 *
 * @example
 * blocksText(htmlToBlocks('<p>а <b>б</b></p>')); // 'а б'
 */
export function blocksText(blocks: Block[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'table') return block.rows.map((row) => row.cells.join(' | ')).join('\n');
      if (block.kind === 'rule') return '—';
      const text = block.runs.map((run) => run.text).join('');
      return block.kind === 'item' ? `${block.marker} ${text}` : text;
    })
    .join('\n');
}

function trimRuns(runs: Run[]): Run[] {
  const out = runs.map((run) => ({ ...run }));
  while (out.length > 0 && out[0]!.text.trim() === '' && out[0]!.text !== '\n') out.shift();
  while (out.length > 0 && out.at(-1)!.text.trim() === '') out.pop();
  if (out.length > 0) {
    out[0]!.text = out[0]!.text.replace(/^ +/, '');
    out.at(-1)!.text = out.at(-1)!.text.replace(/ +$/, '');
  }
  return out.filter((run) => run.text !== '');
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»', mdash: '—', ndash: '–', hellip: '…', numero: '№' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : match;
    }
    return named[body.toLowerCase()] ?? match;
  });
}
