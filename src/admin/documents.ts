/**
 * @module admin/documents
 * An application's printable documents — its notices (refusals with their grounds, the
 * credential letter, the result with the journal extract) as rendered HTML by the documents
 * port — served as the HTML page or as PDF. Used by the admin pages and the API route.
 */
import type { Context } from 'hono';
import { ReglamentError } from '../errors.js';
import { htmlToPdf } from '../pdf/render.js';
import type { PdfFonts } from '../pdf/fonts.js';
import type { Notice, NotifierPort } from '../ports/types.js';
import type { ApplicationRecord } from '../store/types.js';

export type DocumentFormat = 'html' | 'pdf';

/**
 * Splits `<id>.html` / `<id>.pdf` from a route parameter.
 *
 * @example
 * parseDocumentFile('a1:3:0.pdf'); // { id: 'a1:3:0', format: 'pdf' }
 */
export function parseDocumentFile(file: string): { id: string; format: DocumentFormat } {
  const match = /^(.+)\.(html|pdf)$/.exec(file);
  if (!match) throw new ReglamentError('INVALID_INPUT', 'a document is asked for as <id>.html or <id>.pdf', { path: '/doc' });
  return { id: match[1]!, format: match[2] as DocumentFormat };
}

/**
 * The notice `id` of an application, or APPLICATION_NOT_FOUND-like 404 (INVALID_INPUT is not
 * right here: the document simply does not exist for this application).
 *
 * @example
 * const notice = await findDocument(notifier, application.id, 'a1:3:0');
 */
export async function findDocument(notifier: NotifierPort, applicationId: string, id: string): Promise<Notice> {
  const notice = (await notifier.list(applicationId)).find((item) => item.id === id);
  if (!notice) throw new ReglamentError('APPLICATION_NOT_FOUND', `application ${applicationId} has no document ${id}`, { path: '/doc', details: { document: id } });
  return notice;
}

export interface DocumentResponseOptions {
  application: ApplicationRecord;
  serviceTitle: string;
  format: DocumentFormat;
  /** The instant written into the PDF. */
  now: string;
  fonts?: PdfFonts | undefined;
}

/**
 * Answers with the document as HTML (inline, scripts impossible) or as a PDF attachment.
 *
 * @example
 * return documentResponse(c, notice, { application, serviceTitle, format: 'pdf', now: clock.now() });
 */
export async function documentResponse(c: Context, notice: Notice, { application, serviceTitle, format, now, fonts }: DocumentResponseOptions): Promise<Response> {
  const name = `${application.id}-${notice.template}`.replace(/[^A-Za-z0-9_-]/g, '_');
  c.header('Cache-Control', 'no-store');
  if (format === 'html') {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    return c.html(notice.html);
  }
  const pdf = await htmlToPdf(notice.html, {
    title: notice.title,
    subtitle: `Заявление № ${application.id} · ${serviceTitle}`,
    createdAt: new Date(now),
    ...(fonts ? { fonts } : {}),
  });
  c.header('Content-Type', 'application/pdf');
  c.header('Content-Disposition', `attachment; filename="${name}.pdf"`);
  return c.body(new Uint8Array(pdf));
}
