import { existsSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isReglamentError } from '../../src/errors.js';
import { findFonts } from '../../src/pdf/fonts.js';
import { htmlToPdf } from '../../src/pdf/render.js';

const pdf = suite('htmlToPdf');
const hasFonts = existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');

/** Page count from the PDF's page tree (`/Type /Pages ... /Count N`). */
function pageCount(bytes: Buffer): number {
  const match = /\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(bytes.toString('latin1'));
  return match ? Number(match[1]) : 0;
}

if (!hasFonts) {
  console.log('test/pdf/render: skipped locally, no DejaVu fonts (apt-get install fonts-dejavu-core); CI installs them');
} else {
  pdf('writes a PDF with its title and embedded DejaVu, the same bytes for the same input and clock', async () => {
    const html = '<h1>Отказ в предоставлении услуги</h1><p>Заявление № 1: отказано.</p>';
    const a = await htmlToPdf(html, { title: 'Отказ в предоставлении услуги', createdAt: new Date('2025-09-01T00:00:00Z') });
    const b = await htmlToPdf(html, { title: 'Отказ в предоставлении услуги', createdAt: new Date('2025-09-01T00:00:00Z') });
    assert.is(a.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.is(pageCount(a), 1);
    assert.match(a.toString('latin1'), /DejaVuSans/);
    assert.ok(a.equals(b), 'deterministic');
  });

  pdf('breaks a long document onto more pages', async () => {
    const html = `<h1>Выписка из классного журнала</h1>${'<p>Строка выписки с отметками по предметам за учебный период.</p>'.repeat(120)}`;
    const bytes = await htmlToPdf(html, { title: 'Выписка', createdAt: new Date('2025-09-01T00:00:00Z') });
    assert.ok(pageCount(bytes) >= 3, `pages: ${pageCount(bytes)}`);
  });
}

pdf('a directory without DejaVu is an error naming the package to install', () => {
  try {
    findFonts('/nonexistent-font-dir');
    assert.unreachable('should throw');
  } catch (error) {
    assert.ok(isReglamentError(error, 'INTERNAL'));
    assert.match(error.message, /fonts-dejavu-core/);
  }
});

pdf.run();
