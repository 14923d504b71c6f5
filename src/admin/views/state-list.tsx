/**
 * @module admin/views/state-list
 * The applications in one state of a service (a nested state lists its children's), with
 * their school, receipt and terms; each opens its own page.
 */
import type { Principal } from '../../http/auth/token.js';
import type { ApplicationRecord } from '../../store/types.js';
import type { TermView } from '../data/application.js';
import { formatInstant } from '../data/format.js';
import { Layout } from './layout.js';
import { TermBadge } from './terms.js';

export interface StateListRow {
  application: ApplicationRecord;
  stateTitle: string;
  terms: TermView[];
}

export interface StateListProps {
  base: string;
  principal: Principal;
  service: { id: string; title: string };
  state: { id: string; title: string };
  rows: StateListRow[];
  zone: string;
  overdueOnly: boolean;
  nextHref: string | null;
}

/**
 * The list page.
 *
 * @example
 * c.html(<StateListPage ... />);
 */
export function StateListPage({ base, principal, service, state, rows, zone, overdueOnly, nextHref }: StateListProps) {
  const here = `${base}/workflows/${encodeURIComponent(service.id)}/states/${encodeURIComponent(state.id)}`;
  return (
    <Layout title={state.title} base={base} principal={principal} section="workflows">
      <div class="crumbs">
        <a href={base}>Услуги</a> › <a href={`${base}/workflows/${encodeURIComponent(service.id)}`}>{service.title}</a> › {state.title}
      </div>
      <h1>
        {state.title} <span class="label mono">{state.id}</span>
      </h1>
      <p>
        {overdueOnly ? (
          <a href={here}>Показать все</a>
        ) : (
          <a href={`${here}?overdue=1`}>Только с нарушенным сроком</a>
        )}
      </p>
      {rows.length === 0 ? (
        <p class="empty">Заявлений нет.</p>
      ) : (
        <table data-role="applications">
          <thead>
            <tr>
              <th>Заявление</th>
              <th>Школа</th>
              <th>Поступило</th>
              <th>Состояние</th>
              <th>Сроки</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ application, stateTitle, terms }) => (
              <tr data-application={application.id}>
                <td>
                  <a class="mono" href={`${base}/applications/${encodeURIComponent(application.id)}`}>
                    {application.id}
                  </a>
                  <div class="label">{application.channel ?? ''}</div>
                </td>
                <td>{application.school ?? '—'}</td>
                <td>{formatInstant(application.receivedAt, zone)}</td>
                <td>
                  {stateTitle}
                  {application.status === 'closed' && <div class="label">закрыто</div>}
                </td>
                <td>
                  {terms.length === 0 ? (
                    <span class="label">—</span>
                  ) : (
                    terms.map((term) => (
                      <div>
                        <span class="label">{term.title}:</span> <TermBadge term={term} zone={zone} />
                      </div>
                    ))
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextHref && (
        <p>
          <a href={nextHref}>Следующая страница →</a>
        </p>
      )}
    </Layout>
  );
}
