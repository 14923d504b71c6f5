import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCsvReader, detectDelimiter } from '../../src/quality/csv.js';

interface Read {
  rows: [string[], number][];
  errors: [number, string][];
  delimiter: string | undefined;
}

function read(chunks: string[]): Read {
  const result: Read = { rows: [], errors: [], delimiter: undefined };
  const reader = createCsvReader({ row: (fields, line) => result.rows.push([fields, line]), error: (line, message) => result.errors.push([line, message]) });
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  result.delimiter = reader.delimiter;
  return result;
}

/** Feeds the text one character at a time: every state must survive a chunk boundary. */
function readByChar(text: string): Read {
  return read([...text]);
}

const csv = suite('csv reader');

csv('drops the BOM and picks ; when the header uses it', () => {
  const result = read(['\uFEFFШкола;Класс;Предмет\n1;5А;Математика, алгебра\n']);
  assert.is(result.delimiter, ';');
  assert.equal(result.rows, [[['Школа', 'Класс', 'Предмет'], 1], [['1', '5А', 'Математика, алгебра'], 2]]);
});

csv('picks , when the header uses it', () => {
  assert.is(detectDelimiter('school,class,"a;b"'), ',');
  assert.is(detectDelimiter('a\tb\tc'), '\t');
  assert.is(detectDelimiter('single'), ',');
});

csv('quoted fields hold delimiters, doubled quotes and line breaks; lines are counted from the record start', () => {
  const text = 'a;b\n"x;y";"say ""hi"""\n"two\nlines";z\nlast;row\n';
  for (const result of [read([text]), readByChar(text)]) {
    assert.equal(result.rows, [
      [['a', 'b'], 1],
      [['x;y', 'say "hi"'], 2],
      [['two\nlines', 'z'], 3],
      [['last', 'row'], 5],
    ]);
  }
});

csv('CRLF line ends, also when split between chunks; blank lines skipped; no final newline', () => {
  const expected = [[['a', 'b'], 1], [['1', '2'], 2], [['"q"', ''], 4]];
  assert.equal(read(['a,b\r\n1,2\r\n\r\n"""q""",\r\n']).rows, expected);
  assert.equal(read(['a,b\r', '\n1,2\r', '\n\r\n"""q""",']).rows, expected);
  assert.equal(readByChar('a,b\r\n1,2\r\n\r\n"""q""",').rows, expected);
});

csv('a quote inside an unquoted field is kept as text', () => {
  assert.equal(read(['a;b\n5"А";x\n']).rows[1], [['5"А"', 'x'], 2]);
});

csv('text after a closing quote is an error for that record only', () => {
  const result = read(['a;b\n"x"y;1\nok;2\n']);
  assert.equal(result.errors, [[2, 'text after the closing quote of a field']]);
  assert.equal(result.rows, [[['a', 'b'], 1], [['ok', '2'], 3]]);
});

csv('an unclosed quote at the end of the file is an error on the line it opened', () => {
  const result = read(['a;b\n1;2\n"open;3\nmore\n']);
  assert.equal(result.errors, [[3, 'a quoted field is not closed before the end of the file']]);
  assert.is(result.rows.length, 2);
});

csv('an empty input gives nothing', () => {
  const result = read(['']);
  assert.equal(result.rows, []);
  assert.equal(result.errors, []);
});

csv.run();
