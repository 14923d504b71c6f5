/**
 * @module admin/documents
 * An application's printable documents — its notices (refusals with their grounds, the
 * credential letter, the result with the journal extract) as rendered HTML by the documents
 * port — served as the HTML page or as PDF. Used by the admin pages and the API route.
 *
 * The credential letter's one-time code is sealed at rest and shown once (`notifier.reveal`),
 * to the first of: its addressee opening it, or a clerk of the school printing it — the
 * regulation has the code handed out at the school by the class teacher, and a parent who
 * filed online reads it in their account. Whoever comes second sees «код выдан <date>».
 */
import type { Context } from 'hono';
import { ReglamentError } from '../errors.js';
import { htmlToPdf } from '../pdf/render.js';
import type { PdfFonts } from '../pdf/fonts.js';
import type { Principal } from '../http/auth/token.js';
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

/**
 * True when reading this notice may reveal its sealed secret: the applicant it is addressed to,
 * or a clerk (of the application's school: the routes already refuse other schools).
 * Department and admin staff supervise; they never need the code itself.
 *
 * @example
 * mayReveal({ sub: 'clerk-1', role: 'clerk', school: 's1' }, application, notice); // true
 */
export function mayReveal(principal: Principal, application: Pick<ApplicationRecord, 'applicant'>, notice: Pick<Notice, 'to'>): boolean {
  if (notice.to !== 'applicant') return false;
  if (principal.role === 'applicant') return application.applicant !== null && principal.sub === application.applicant;
  return principal.role === 'clerk';
}

/**
 * The notice `id` as this caller reads it: with its sealed secret the one time `mayReveal`
 * lets them open it first, as stored otherwise.
 *
 * @example
 * const notice = await readDocument(notifier, application, 'a1:4:0:code', principal);
 */
export async function readDocument(notifier: NotifierPort, application: ApplicationRecord, id: string, principal: Principal): Promise<Notice> {
  const notice = await findDocument(notifier, application.id, id);
  if (!notice.sealed || !mayReveal(principal, application, notice)) return notice;
  const by = { id: principal.sub, role: principal.role, ...(principal.school ? { school: principal.school } : {}) };
  return (await notifier.reveal(notice.id, by)) ?? notice;
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
