/**
 * @module admin/views/dashboard
 * The department's dashboard for one service: applications per school and state, the share of
 * terms met within term per month, average processing time in working days, and what is
 * overdue now. Charts are SVG drawn on the server.
 */
import type { Principal } from '../../http/auth/token.js';
import { barChart, lineChart } from '../../viz/charts.js';
import type { DashboardFigures } from '../data/dashboard.js';
import { formatDate, formatInstant, monthLabel } from '../data/format.js';
import { Layout } from './layout.js';

export interface DashboardProps {
  base: string;
  principal: Principal;
  services: { id: string; title: string }[];
  service: { id: string; title: string };
  figures: DashboardFigures;
  zone: string;
}

/** A number with a decimal comma, as Russian text writes it. */
const decimal = (value: number) => String(value).replace('.', ',');

/**
 * The dashboard page.
 *
 * @example
 * c.html(<DashboardPage ... />);
 */
export function DashboardPage({ base, principal, services, service, figures, zone }: DashboardProps) {
  const months = figures.months.map((m) => monthLabel(m.month));
  const perSchool = barChart({
    title: 'Заявления по школам и состояниям',
    categories: figures.schools,
    series: figures.groups.map((group) => ({ name: group.label, values: figures.schools.map((school) => figures.perSchool[school]?.[group.id] ?? 0) })),
    width: 560,
    height: 320,
    integer: true,
  });
  const share = lineChart({
    title: 'Решено в срок, % (по месяцам)',
    categories: months,
    series: [{ name: 'доля сроков, соблюдённых', values: figures.months.map((m) => m.share), colour: '#2e7d50' }],
    max: 100,
    format: (v) => `${decimal(v)}%`,
    target: { value: 100, label: '100%' },
    width: 560,
    height: 300,
  });
  const duration = barChart({
    title: 'Среднее время рассмотрения, рабочих дней',
    categories: months,
    series: [{ name: 'среднее по закрытым заявлениям', values: figures.months.map((m) => m.averageWorkingDays), colour: '#2f6db5' }],
    format: decimal,
    width: 560,
    height: 300,
  });
  return (
    <Layout title="Сводка" base={base} principal={principal} section="dashboard">
      <h1>Сводка: {service.title}</h1>
      <form class="inline" method="get">
        <label>
          Услуга
          <select name="service">
            {services.map((s) => (
              <option value={s.id} selected={s.id === service.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <button class="primary" type="submit">
          Показать
        </button>
        <span class="label">{principal.role === 'clerk' ? `школа ${principal.school}` : 'все школы'} · за 12 месяцев</span>
      </form>
      <div class="cards">
        <div class="card">
          <div class="label">В работе</div>
          <div class="figure" data-figure="open">
            {figures.open}
          </div>
          <div class="label">всего заявлений: {figures.total}</div>
        </div>
        <div class="card">
          <div class="label">Просрочено сейчас</div>
          <div class={`figure ${figures.overdueNow.length > 0 ? 'bad' : 'good'}`} data-figure="overdue">
            {figures.overdueNow.length}
          </div>
        </div>
        <div class="card">
          <div class="label">Решено в срок</div>
          <div class="figure" data-figure="share">
            {figures.shareWithinTerm === null ? '—' : `${decimal(figures.shareWithinTerm)}%`}
          </div>
        </div>
        <div class="card">
          <div class="label">Среднее время рассмотрения</div>
          <div class="figure" data-figure="average">
            {figures.averageWorkingDays === null ? '—' : decimal(figures.averageWorkingDays)}
          </div>
          <div class="label">рабочих дней от поступления до закрытия</div>
        </div>
      </div>
      <div class="charts">
        <div class="card" dangerouslySetInnerHTML={{ __html: perSchool }}></div>
        <div class="card" dangerouslySetInnerHTML={{ __html: share }}></div>
        <div class="card" dangerouslySetInnerHTML={{ __html: duration }}></div>
      </div>
      <h2>Просрочено сейчас</h2>
      {figures.overdueNow.length === 0 ? (
        <p class="empty">Нарушенных сроков нет.</p>
      ) : (
        <table data-role="overdue">
          <thead>
            <tr>
              <th>Заявление</th>
              <th>Школа</th>
              <th>Поступило</th>
              <th>Срок истёк</th>
            </tr>
          </thead>
          <tbody>
            {figures.overdueNow.map((application) => {
              const late = application.terms.filter((term) => term.metAt === null).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
              return (
                <tr>
                  <td>
                    <a class="mono" href={`${base}/applications/${encodeURIComponent(application.id)}`}>
                      {application.id}
                    </a>
                  </td>
                  <td>{application.school ?? '—'}</td>
                  <td>{formatInstant(application.receivedAt, zone)}</td>
                  <td>{late ? formatDate(late.lastDay) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
