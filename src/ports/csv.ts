/**
 * @module ports/csv
 * A small RFC 4180 CSV reader (quotes, doubled quotes, CRLF) returning rows as objects keyed
 * by the header line.
 */

/**
 * Parses CSV text with a header line.
 *
 * @example
 * parseCsv('school,pupil\ns1,"p ""1"""\n') // [{ school: 's1', pupil: 'p "1"' }]
 */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"', i++);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',' || char === ';') (row.push(cell), (cell = ''));
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      (row = []), (cell = '');
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) (row.push(cell), rows.push(row));
  const [header, ...body] = rows.filter((line) => line.some((value) => value.trim() !== ''));
  if (!header) return [];
  const names = header.map((name) => name.trim().replace(/^\uFEFF/, ''));
  return body.map((line) => Object.fromEntries(names.map((name, index) => [name, (line[index] ?? '').trim()])));
}
