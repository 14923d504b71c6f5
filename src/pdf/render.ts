/**
 * @module pdf/render
 * A document's HTML as an A4 PDF with Cyrillic text, written by pdfkit with DejaVu fonts.
 *
 * Why pdfkit and not a headless browser: a municipal server often runs a certified Linux
 * (Astra, RED OS) in a closed network where installing and sandboxing a 300 MB browser for a
 * one-page letter is a burden and an attack surface; pdfkit is plain JavaScript, starts in
 * milliseconds, needs only the DejaVu fonts every distribution packages, and writes the same
 * bytes for the same input (creation date from the injected clock). The documents are short,
 * structured notices, for which a small HTML subset is all the layout needed.
 */
import PDFDocument from 'pdfkit';
import { htmlToBlocks, type Block, type Run } from './blocks.js';
import { findFonts, type PdfFonts } from './fonts.js';

export interface PdfOptions {
  /** Document title (PDF metadata and the running header). */
  title: string;
  /** A line under the running header, e.g. the service and application number. */
  subtitle?: string;
  /** Creation date written into the PDF (inject the clock; default now). */
  createdAt?: Date;
  fonts?: PdfFonts;
}

const page = { size: 'A4' as const, margin: 56 };
const ink = '#1f2937';
const muted = '#5b6475';

/**
 * Renders document HTML (the documents port's output) to PDF bytes.
 *
 * @example
 * const pdf = await htmlToPdf(notice.html, { title: notice.title, subtitle: `Заявление № ${id}`, createdAt: new Date(clock.now()) });
 * pdf.subarray(0, 5).toString(); // '%PDF-'
 */
export async function htmlToPdf(html: string, options: PdfOptions): Promise<Buffer> {
  return blocksToPdf(htmlToBlocks(html), options);
}

/**
 * Renders blocks to PDF bytes.
 *
 * @example
 * await blocksToPdf([{ kind: 'heading', level: 1, runs: [{ text: 'Выписка' }] }], { title: 'Выписка' });
 */
export async function blocksToPdf(blocks: Block[], { title, subtitle, createdAt = new Date(), fonts = findFonts() }: PdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({ size: page.size, margin: page.margin, bufferPages: true, info: { Title: title, Producer: 'reglament', Creator: 'reglament', CreationDate: createdAt, ModDate: createdAt }, lang: 'ru-RU', displayTitle: true } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  doc.registerFont('mono', fonts.mono);
  doc.font('regular').fillColor(ink);

  if (subtitle) doc.font('regular').fontSize(9).fillColor(muted).text(subtitle).moveDown(0.8).fillColor(ink);
  for (const block of blocks) writeBlock(doc, block);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - page.margin + 18;
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin while the footer is written.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8.5).fillColor(muted);
    doc.text(`${title} · стр. ${i - range.start + 1} из ${range.count}`, page.margin, bottom, { width: doc.page.width - 2 * page.margin, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}

function writeBlock(doc: PDFKit.PDFDocument, block: Block): void {
  const width = doc.page.width - 2 * page.margin;
  switch (block.kind) {
    case 'heading': {
      const size = [17, 14, 12][block.level - 1]!;
      doc.moveDown(block.level === 1 ? 0.2 : 0.6);
      writeRuns(doc, block.runs.map((run) => ({ ...run, bold: true })), size, { x: page.margin, width });
      doc.moveDown(0.5);
      return;
    }
    case 'paragraph':
      writeRuns(doc, block.runs, 11, { x: page.margin, width });
      doc.moveDown(0.55);
      return;
    case 'item': {
      const indent = 18 * block.depth;
      const y = doc.y;
      doc.font('regular').fontSize(11).fillColor(ink).text(block.marker, page.margin + indent - 16, y, { width: 16, lineBreak: false });
      writeRuns(doc, block.runs, 11, { x: page.margin + indent + 2, y, width: width - indent - 2 });
      doc.moveDown(0.3);
      return;
    }
    case 'table':
      writeTable(doc, block.rows, width);
      doc.moveDown(0.6);
      return;
    case 'rule':
      doc.moveTo(page.margin, doc.y).lineTo(page.margin + width, doc.y).strokeColor('#c8ced8').stroke();
      doc.moveDown(0.6);
  }
}

function writeRuns(doc: PDFKit.PDFDocument, runs: Run[], size: number, at: { x: number; y?: number; width: number }): void {
  doc.fillColor(ink).fontSize(size);
  runs.forEach((run, i) => {
    doc.font(run.mono ? 'mono' : run.bold ? 'bold' : run.italic ? 'italic' : 'regular');
    const options = { width: at.width, continued: i < runs.length - 1 };
    if (i === 0) doc.text(run.text, at.x, at.y ?? doc.y, options);
    else doc.text(run.text, options);
  });
}

function writeTable(doc: PDFKit.PDFDocument, rows: { header: boolean; cells: string[] }[], width: number): void {
  const widths = columnWidths(doc, rows, width);
  const pad = 4;
  const header = rows[0]?.header ? rows[0] : null;
  const writeRow = (row: { header: boolean; cells: string[] }, top: number, height: number) => {
    let x = page.margin;
    row.cells.forEach((cell, i) => {
      const w = widths[i] ?? widths.at(-1)!;
      if (row.header) doc.rect(x, top, w, height).fill('#eef1f5');
      doc.rect(x, top, w, height).strokeColor('#c8ced8').stroke();
      doc.font(row.header ? 'bold' : 'regular').fillColor(ink).text(cell, x + pad, top + pad, { width: w - 2 * pad });
      x += w;
    });
  };
  const heightOf = (row: { header: boolean; cells: string[] }) => {
    doc.font(row.header ? 'bold' : 'regular').fontSize(10);
    return Math.max(...row.cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? widths.at(-1)!) - 2 * pad }))) + 2 * pad;
  };
  for (const row of rows) {
    const height = heightOf(row);
    if (doc.y + height > doc.page.height - page.margin) {
      doc.addPage();
      // A table that runs onto the next page repeats its header row there.
      if (header && row !== header) {
        const h = heightOf(header);
        writeRow(header, doc.y, h);
        doc.y += h;
      }
    }
    const top = doc.y;
    doc.fontSize(10);
    writeRow(row, top, height);
    doc.x = page.margin;
    doc.y = top + height;
  }
}

/** Column widths in proportion to their longest text, each at least a sixth of an even share. */
function columnWidths(doc: PDFKit.PDFDocument, rows: { header: boolean; cells: string[] }[], width: number): number[] {
  const columns = Math.max(...rows.map((row) => row.cells.length));
  doc.font('regular').fontSize(10);
  const wants = Array.from({ length: columns }, (_, i) => Math.min(width, Math.max(24, ...rows.map((row) => doc.widthOfString(row.cells[i] ?? '') + 10))));
  const total = wants.reduce((sum, w) => sum + w, 0);
  if (total <= width) return wants.map((w) => (w * width) / total);
  const floor = width / columns / 6;
  const scaled = wants.map((w) => Math.max(floor, (w * width) / total));
  const sum = scaled.reduce((a, b) => a + b, 0);
  return scaled.map((w) => (w * width) / sum);
}
