/**
 * @module admin/views/stats
 * The service statistics page: per service the applications, open and decided, the share
 * decided within term (coloured), overdue now, the average processing time in working days and
 * the decisions by outcome; then the appeals and how they ended.
 */
import type { Principal } from '../../http/auth/token.js';
import type { serviceStatsFor } from '../../http/routes/service-stats.js';
import { formatInstant } from '../data/format.js';
import { Layout } from './layout.js';
import { Share, ShareFigure } from './share.js';

export type ServiceStatsView = Awaited<ReturnType<typeof serviceStatsFor>>;

export interface StatsPageProps {
  base: string;
  principal: Principal;
  stats: ServiceStatsView;
  /** Titles of the services, by id. */
  titles: Record<string, string>;
  form: { from?: string; to?: string; service?: string; school?: string };
  zone: string;
}

/** Russian names of the final states the statistics count outcomes by. */
const outcomeNames: Record<string, string> = {
  answeredSatisfied: 'жалоба удовлетворена',
  answeredRejected: 'в удовлетворении отказано',
  refused: 'отказ',
  issued: 'выдано',
  access: 'доступ предоставлен',
};

const days = (value: number | null) => (value === null ? '—' : value.toFixed(1).replace('.', ','));

function Outcomes({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts);
  if (entries.length === 0) return <span class="muted">—</span>;
  return (
    <>
      {entries.map(([state, count]) => (
        <span class="badge" title={state}>
          {outcomeNames[state] ?? state}: {count}
        </span>
      ))}
    </>
  );
}

/**
 * The statistics page.
 *
 * @example
 * c.html(<StatsPage base="/admin" principal={principal} stats={stats} titles={titles} form={{}} zone="Asia/Yekaterinburg" />);
 */
export function StatsPage({ base, principal, stats, titles, form, zone }: StatsPageProps) {
  const { appeals } = stats;
  return (
    <Layout title="Статистика услуг" base={base} principal={principal} section="stats">
      <h1>Статистика услуг</h1>
      <form class="inline noprint" method="get" action={`${base}/stats`}>
        <label>
          Поступили с
          <input type="date" name="from" value={form.from ?? ''} />
        </label>
        <label>
          по
          <input type="date" name="to" value={form.to ?? ''} />
        </label>
        <label>
          Услуга
          <select name="service">
            <option value="">все услуги</option>
            {Object.entries(titles).map(([id, title]) => (
              <option value={id} selected={id === form.service}>
                {title}
              </option>
            ))}
          </select>
        </label>
        {principal.role !== 'clerk' && (
          <label>
            Школа (код)
            <input type="text" name="school" value={form.school ?? ''} maxlength={200} />
          </label>
        )}
        <button class="primary" type="submit">
          Показать
        </button>
        <span class="label">
          {stats.filter.school ? `школа ${stats.filter.school}` : 'все школы'} · на {formatInstant(stats.asOf, zone)}
        </span>
      </form>
      <table>
        <thead>
          <tr>
            <th>Услуга</th>
            <th class="num">Заявлений</th>
            <th class="num">В работе</th>
            <th class="num">Решено</th>
            <th class="num">Решено в срок</th>
            <th class="num">С нарушением срока</th>
            <th class="num">Просрочено сейчас</th>
            <th class="num">Среднее время, раб. дней</th>
            <th>Решения</th>
          </tr>
        </thead>
        <tbody>
          {stats.services.map((row) => (
            <tr>
              <td>{titles[row.service] ?? row.service}</td>
              <td class="num">{row.applications}</td>
              <td class="num">{row.open}</td>
              <td class="num">{row.decided}</td>
              <td class="num">
                <Share value={row.shareDecidedWithinTerm} />
              </td>
              <td class="num">{row.decidedLate}</td>
              <td class="num">{row.overdue > 0 ? <span class="badge bad">{row.overdue}</span> : 0}</td>
              <td class="num">{days(row.averageWorkingDays)}</td>
              <td>
                <Outcomes counts={row.decisions} />
              </td>
            </tr>
          ))}
          <tr class="total">
            <th>Итого</th>
            <th class="num">{stats.totals.applications}</th>
            <th class="num">{stats.totals.open}</th>
            <th class="num">{stats.totals.decided}</th>
            <th class="num">
              <Share value={stats.totals.shareDecidedWithinTerm} />
            </th>
            <th class="num">{stats.totals.decidedLate}</th>
            <th class="num">{stats.totals.overdue}</th>
            <th class="num">{days(stats.totals.averageWorkingDays)}</th>
            <th />
          </tr>
        </tbody>
      </table>
      {stats.services.length === 0 && <p class="empty">Заявлений по этим условиям нет.</p>}
      <h2>Досудебные жалобы</h2>
      <div class="cards">
        <div class="card">
          <div class="label">Жалоб</div>
          <div class="figure">{appeals.appeals}</div>
          <div class="label">в работе: {appeals.open}, рассмотрено: {appeals.decided}</div>
        </div>
        <div class="card">
          <div class="label">Рассмотрено в срок</div>
          <ShareFigure value={appeals.shareDecidedWithinTerm} />
        </div>
        <div class="card">
          <div class="label">Исходы</div>
          <Outcomes counts={appeals.outcomes} />
          <div class="label">По услугам</div>
          <Outcomes counts={Object.fromEntries(Object.entries(appeals.byAppealedService).map(([service, count]) => [titles[service] ?? service, count]))} />
        </div>
      </div>
    </Layout>
  );
}
