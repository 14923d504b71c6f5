import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { blocksText, htmlToBlocks } from '../../src/pdf/blocks.js';
import { createDocumentRenderer } from '../../src/ports/documents.js';

const blocks = suite('htmlToBlocks');

blocks('reads headings, paragraphs with bold and code runs, and skips the head', () => {
  const result = htmlToBlocks('<!doctype html><html><head><title>Т</title><style>p{}</style></head><body><h1>Выписка</h1><p>Код: <code>AB-12</code> и <b>важно</b> &amp; &laquo;кавычки&raquo;</p></body></html>');
  assert.equal(result[0], { kind: 'heading', level: 1, runs: [{ text: 'Выписка' }] });
  assert.equal(result[1], { kind: 'paragraph', runs: [{ text: 'Код: ' }, { text: 'AB-12', mono: true }, { text: ' и ' }, { text: 'важно', bold: true }, { text: ' & «кавычки»' }] });
  assert.is(result.length, 2);
});

blocks('numbers ordered items, nests bullets under them, and reads tables', () => {
  const result = htmlToBlocks('<ol><li><p>Первое (п. 1)</p><ul><li>причина</li></ul></li><li>Второе</li></ol><table><tr><th>Предмет</th><th>Отметки</th></tr><tr><td>Математика</td><td>5, 4</td></tr></table>');
  assert.is(blocksText(result), '1. Первое (п. 1)\n• причина\n2. Второе\nПредмет | Отметки\nМатематика | 5, 4');
  assert.equal(result.filter((b) => b.kind === 'item').map((b) => (b as { depth: number }).depth), [1, 2, 1]);
  const table = result.find((b) => b.kind === 'table') as { rows: { header: boolean }[] };
  assert.equal(table.rows.map((row) => row.header), [true, false]);
});

blocks('keeps every ground and citation of a rendered refusal notice', () => {
  const notice = createDocumentRenderer().render('refusal', {
    application: { id: 'A-1' },
    grounds: [{ id: 'notRepresentative', applies: true, citation: 'п. 2.8.3 Регламента', text: 'Заявитель не является законным представителем', reasons: ['по данным школы'] }],
  });
  const text = blocksText(htmlToBlocks(notice.html));
  assert.match(text, /^Отказ в предоставлении услуги\n/);
  assert.match(text, /1\. Заявитель не является законным представителем \(п\. 2\.8\.3 Регламента\)\n• по данным школы/);
  assert.match(text, /210-ФЗ/);
});

blocks.run();
