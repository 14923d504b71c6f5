/**
 * @module admin/views/quality
 * The journal quality page: the upload form for an e-journal export and, after an upload, the
 * report as a table per school, class, subject and teacher (records, late marks, late interim
 * marks, entries missing from the diary, the share on time, coloured), the rules with their
 * citations and the rejected lines.
 */
import type { Principal } from '../../http/auth/token.js';
import type { journalQualityReport } from '../../http/routes/journal-quality.js';
import type { QualityCounts } from '../../quality/types.js';
import { formatDate, plural } from '../data/format.js';
import { Layout } from './layout.js';
import { Share, ShareFigure } from './share.js';

export type QualityReportView = Awaited<ReturnType<typeof journalQualityReport>>;

export interface QualityPageProps {
  base: string;
  principal: Principal;
  /** Values to show in the form again. */
  form: { from?: string; to?: string; asOf?: string; school?: string };
  report?: QualityReportView;
  /** Largest upload, bytes (shown next to the file input). */
  maxBytes: number;
  error?: string;
}

const dimensionTitles: Record<string, string> = { school: 'Школа', class: 'Класс', subject: 'Предмет', teacher: 'Учитель' };

function CountCells({ counts }: { counts: QualityCounts }) {
  const alarm = (n: number) => (n > 0 ? <span class="badge bad">{n}</span> : <span>0</span>);
  return (
    <>
      <td class="num">{counts.records}</td>
      <td class="num">{alarm(counts.lateMarks)}</td>
      <td class="num">{alarm(counts.lateInterimMarks)}</td>
      <td class="num">{alarm(counts.missingInDiary)}</td>
      <td class="num">{counts.pending}</td>
      <td class="num">
        <Share value={counts.shareOnTime} />
      </td>
    </>
  );
}

function ReportTable({ report }: { report: QualityReportView }) {
  return (
    <table>
      <thead>
        <tr>
          {report.groupBy.map((dimension) => (
            <th>{dimensionTitles[dimension] ?? dimension}</th>
          ))}
          <th class="num">Записей</th>
          <th class="num">Отметки с опозданием</th>
          <th class="num">Аттестация с опозданием</th>
          <th class="num">Нет в дневнике</th>
          <th class="num">Срок не истёк</th>
          <th class="num">Доля в срок</th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((row) => (
          <tr>
            {report.groupBy.map((dimension) => (
              <td>{row[dimension] ?? ''}</td>
            ))}
            <CountCells counts={row.counts} />
          </tr>
        ))}
        <tr class="total">
          <th colspan={report.groupBy.length}>Итого</th>
          <CountCells counts={report.totals} />
        </tr>
      </tbody>
    </table>
  );
}

/**
 * The journal quality page.
 *
 * @example
 * c.html(<QualityPage base="/admin" principal={principal} form={{}} maxBytes={209715200} />);
 */
export function QualityPage({ base, principal, form, report, maxBytes, error }: QualityPageProps) {
  const megabytes = Math.floor(maxBytes / (1024 * 1024));
  return (
    <Layout title="Качество ведения журнала" base={base} principal={principal} section="quality">
      <h1>Качество ведения электронного журнала</h1>
      <p class="muted">
        Проверка выгрузки электронного журнала по срокам регламента: отметка — не позднее 5 дней от даты урока, отметка промежуточной аттестации — не позднее 2 дней после окончания
        периода, каждая отметка и пропуск — в дневнике обучающегося в те же сроки. Файл не сохраняется.
      </p>
      <form class="inline card noprint" method="post" action={`${base}/quality`} enctype="multipart/form-data">
        <label>
          Уроки с
          <input type="date" name="from" value={form.from ?? ''} />
        </label>
        <label>
          по
          <input type="date" name="to" value={form.to ?? ''} />
        </label>
        <label>
          Дата проверки
          <input type="date" name="asOf" value={form.asOf ?? ''} />
        </label>
        {principal.role === 'clerk' ? (
          <span class="label">школа {principal.school}</span>
        ) : (
          <label>
            Школа (код)
            <input type="text" name="school" value={form.school ?? ''} maxlength={200} />
          </label>
        )}
        <label>
          Выгрузка журнала (CSV или JSON Lines, до {megabytes} МБ)
          <input type="file" name="journal" accept=".csv,.jsonl,.ndjson,.json,text/csv,application/x-ndjson" required />
        </label>
        <button class="primary" type="submit">
          Проверить
        </button>
      </form>
      {error && <p class="error">{error}</p>}
      {report && <QualityReportSection report={report} />}
    </Layout>
  );
}

function QualityReportSection({ report }: { report: QualityReportView }) {
  const { import: imported } = report;
  return (
    <section>
      <div class="cards">
        <div class="card">
          <div class="label">Записей проверено</div>
          <div class="figure">{report.totals.records}</div>
          <div class="label">
            {report.asOf ? `на ${formatDate(report.asOf)}` : 'без даты проверки'}
            {report.filter.school ? ` · школа ${report.filter.school}` : ''}
          </div>
        </div>
        <div class="card">
          <div class="label">Доля записей в срок</div>
          <ShareFigure value={report.totals.shareOnTime} />
        </div>
        <div class="card">
          <div class="label">Нарушения</div>
          <div>
            отметки с опозданием: <b>{report.totals.lateMarks}</b>, аттестация с опозданием: <b>{report.totals.lateInterimMarks}</b>, нет в дневнике: <b>{report.totals.missingInDiary}</b>
          </div>
        </div>
      </div>
      <h2>По школам, классам, предметам и учителям</h2>
      {report.rows.length === 0 ? <p class="empty">В выгрузке нет записей за выбранный период.</p> : <ReportTable report={report} />}
      <h2>Правила</h2>
      <ul>
        {report.rules.map((rule) => (
          <li>
            {rule.text}: нарушено {rule.late + rule.missing} из {rule.applicable}
            <div class="label">{rule.citation}</div>
          </li>
        ))}
      </ul>
      <h2>Отклонённые строки</h2>
      {imported.rejected === 0 ? (
        <p class="muted">Прочитаны все строки выгрузки: {imported.accepted}.</p>
      ) : (
        <>
          <p>
            Прочитано {imported.accepted}, отклонено {imported.rejected} {plural(imported.rejected, ['строка', 'строки', 'строк'])}
            {imported.errors.length < imported.rejected ? ` (показаны первые ${imported.errors.length})` : ''}.
          </p>
          <table>
            <thead>
              <tr>
                <th class="num">Строка</th>
                <th>Поле</th>
                <th>Причина</th>
              </tr>
            </thead>
            <tbody>
              {imported.errors.map((error) => (
                <tr>
                  <td class="num">{error.line}</td>
                  <td class="mono">{error.field ?? '—'}</td>
                  <td>{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
