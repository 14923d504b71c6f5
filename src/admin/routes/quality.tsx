/**
 * @module admin/routes/quality
 * `/admin/quality`: staff upload an e-journal export and see its quality report. The form is
 * read as a stream (fields first, then the file), the file goes through the same import and
 * rules as the API's `POST /v1/reports/journal-quality` under the same large limit, and
 * nothing is stored. A raw CSV or JSON Lines body (with the fields in the query) works too.
 * A clerk checks their own school only.
 */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isReglamentError } from '../../errors.js';
import { journalQualityReport, type JournalQualityOptions } from '../../http/routes/journal-quality.js';
import { reportSchool } from '../../http/routes/report-access.js';
import querySchema from '../../http/schemas/journal-quality-query.json' with { type: 'json' };
import { journalFormatOf, limitedChunks } from '../../http/upload.js';
import { compileValidator } from '../../http/validation.js';
import type { JournalFormat } from '../../quality/import.js';
import type { AdminContext, AdminEnv } from '../app.js';
import { boundaryOf, readUploadForm } from '../multipart.js';
import { QualityPage } from '../views/quality.js';

type FormFields = { from?: string; to?: string; asOf?: string; school?: string };

const checkFields = compileValidator<FormFields>(querySchema, { coerce: true, prefix: '/query' });

/** The fields the user filled in (empty inputs left out), checked like the API's query. */
function fieldsOf(raw: Record<string, string | undefined>): FormFields {
  const filled = Object.fromEntries(['from', 'to', 'asOf', 'school'].flatMap((name) => (raw[name]?.trim() ? [[name, raw[name]!.trim()]] : [])));
  return checkFields(filled);
}

function formatOfFile(filename: string, contentType: string): JournalFormat {
  return /\.csv$/i.test(filename) || contentType === 'text/csv' ? 'csv' : 'jsonl';
}

/** Why an upload failed, in Russian, with the status to answer; undefined for an unexpected error. */
function failureOf(error: unknown, maxBytes: number): { status: 400 | 403 | 413 | 415; text: string } | undefined {
  if (error instanceof HTTPException && error.status === 413) {
    return { status: 413, text: `Файл больше ${Math.floor(maxBytes / (1024 * 1024))} МБ. Такую выгрузку проверьте командой «reglament quality report».` };
  }
  if (error instanceof HTTPException && error.status === 415) return { status: 415, text: 'Нужен файл CSV или JSON Lines.' };
  if (isReglamentError(error, 'FORBIDDEN')) return { status: 403, text: 'Специалист школы проверяет только журнал своей школы.' };
  if (isReglamentError(error, 'INVALID_INPUT') || isReglamentError(error, 'INVALID_DATE')) return { status: 400, text: `Ошибка в данных формы или файла: ${error.message}` };
  return undefined;
}

/**
 * Routes of the journal quality page.
 *
 * @example
 * admin.route('/', qualityRoutes(ctx, { calendar, clock, maxBytes: 200 * 1024 * 1024 }));
 */
export function qualityRoutes(ctx: AdminContext, options: JournalQualityOptions) {
  const { basePath: base } = ctx;
  const app = new Hono<AdminEnv>();

  app.get('/quality', (c) => c.html(<QualityPage base={base} principal={c.get('principal')} form={{}} maxBytes={options.maxBytes} />));

  app.post('/quality', async function upload(c: Context<AdminEnv>) {
    const principal = c.get('principal');
    let form: FormFields = {};
    try {
      const boundary = boundaryOf(c.req.header('content-type'));
      const chunks = limitedChunks(c.req.raw, options.maxBytes);
      let file: AsyncIterable<Uint8Array>;
      let format: JournalFormat;
      if (boundary) {
        const read = await readUploadForm(chunks, boundary);
        form = fieldsOf(read.fields);
        if (!read.file || read.file.filename === '') {
          return c.html(<QualityPage base={base} principal={principal} form={form} maxBytes={options.maxBytes} error="Выберите файл выгрузки журнала." />, 400);
        }
        file = read.file.chunks;
        format = formatOfFile(read.file.filename, read.file.contentType);
      } else {
        format = journalFormatOf(c.req.header('content-type'));
        form = fieldsOf(c.req.query());
        file = chunks;
      }
      const report = await journalQualityReport(file, { ...form, format, school: reportSchool(principal, form.school) }, options);
      return c.html(<QualityPage base={base} principal={principal} form={form} maxBytes={options.maxBytes} report={report} />);
    } catch (error) {
      const failure = failureOf(error, options.maxBytes);
      if (!failure) throw error;
      return c.html(<QualityPage base={base} principal={principal} form={form} maxBytes={options.maxBytes} error={failure.text} />, failure.status);
    }
  });

  return app;
}
