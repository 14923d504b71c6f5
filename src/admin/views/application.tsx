/**
 * @module admin/views/application
 * One application: who filed it for which pupil (ids), where it stands, its terms with working
 * days left, the timeline of its history (who, when, what, the grounds that applied with their
 * citations), and its notices and documents to open, print or download as PDF.
 */
import type { Principal } from '../../http/auth/token.js';
import type { Notice } from '../../ports/types.js';
import type { ApplicationRecord } from '../../store/types.js';
import type { TermView, TimelineItem } from '../data/application.js';
import { formatInstant } from '../data/format.js';
import { Layout, roleNames } from './layout.js';
import { TermBadge } from './terms.js';

export interface ApplicationPageProps {
  base: string;
  principal: Principal;
  application: ApplicationRecord;
  service: { id: string; title: string };
  stateTitle: string;
  epguStatus: string | null;
  terms: TermView[];
  timeline: TimelineItem[];
  notices: Notice[];
  zone: string;
}

const recipients: Record<string, string> = { applicant: 'заявителю', staff: 'специалисту', department: 'в Управление образования' };

/**
 * The application page.
 *
 * @example
 * c.html(<ApplicationPage ... />);
 */
export function ApplicationPage(props: ApplicationPageProps) {
  const { base, principal, application, service, stateTitle, epguStatus, terms, timeline, notices, zone } = props;
  const docs = `${base}/applications/${encodeURIComponent(application.id)}/documents`;
  return (
    <Layout title={`Заявление ${application.id}`} base={base} principal={principal} section="workflows">
      <div class="crumbs">
        <a href={base}>Услуги</a> › <a href={`${base}/workflows/${encodeURIComponent(service.id)}`}>{service.title}</a> › заявление
      </div>
      <h1>
        Заявление <span class="mono">{application.id}</span>
      </h1>
      <div class="grid2">
        <div>
          <div class="card">
            <table>
              <tbody>
                <tr>
                  <th>Услуга</th>
                  <td>
                    {service.title} <span class="label">версия {application.workflowVersion}</span>
                  </td>
                </tr>
                <tr>
                  <th>Состояние</th>
                  <td data-role="state" data-state={application.state}>
                    <strong>{stateTitle}</strong> <span class="label mono">{application.state}</span>
                    {application.status === 'closed' && <span class="badge">закрыто</span>}
                  </td>
                </tr>
                {epguStatus && (
                  <tr>
                    <th>Статус на ЕПГУ</th>
                    <td>{epguStatus}</td>
                  </tr>
                )}
                <tr>
                  <th>Школа</th>
                  <td>{application.school ?? '—'}</td>
                </tr>
                <tr>
                  <th>Заявитель / обучающийся</th>
                  <td class="mono">
                    {application.applicant ?? '—'} / {application.pupil ?? '—'}
                  </td>
                </tr>
                <tr>
                  <th>Поступило</th>
                  <td>
                    {formatInstant(application.receivedAt, zone)} <span class="label">{application.channel ?? ''}</span>
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          <h2>История</h2>
          <ol class="timeline" data-role="timeline">
            {timeline.map((item) => (
              <li data-version={String(item.version)}>
                <div class="when">
                  {formatInstant(item.at, zone)} · {roleNames[item.actor.role] ?? (item.actor.role === 'system' ? 'система' : item.actor.role)} <span class="mono">{item.actor.id}</span>
                </div>
                <div>
                  <strong>{item.eventTitle}</strong>
                  {item.from !== null && item.from !== item.to ? (
                    <span>
                      {' '}
                      — {item.fromTitle} → <strong>{item.toTitle}</strong>
                    </span>
                  ) : item.from === null ? (
                    <span> — {item.toTitle}</span>
                  ) : null}
                </div>
                {item.details.length > 0 && (
                  <div class="label">
                    {item.details.map(([key, value]) => (
                      <span class="mono">
                        {key}: {value.length > 80 ? `${value.slice(0, 79)}…` : value}{' '}
                      </span>
                    ))}
                  </div>
                )}
                {item.grounds.map((ground) => (
                  <div class="ground" data-rule={ground.id}>
                    <div>
                      <strong>{ground.text}</strong>
                    </div>
                    <div class="citation">{ground.citation}</div>
                    {ground.reasons.length > 0 && (
                      <ul>
                        {ground.reasons.map((reason) => (
                          <li>{reason}</li>
                        ))}
                      </ul>
                    )}
                  </div>
                ))}
                {item.checked.length > 0 && (
                  <details>
                    <summary class="label">Проверено и не применимо: {item.checked.length}</summary>
                    {item.checked.map((rule) => (
                      <div class="ground passed">
                        {rule.text} <span class="citation">({rule.citation})</span>
                      </div>
                    ))}
                  </details>
                )}
              </li>
            ))}
          </ol>
        </div>
        <div>
          <h2 style="margin-top:0">Сроки</h2>
          {terms.length === 0 ? (
            <p class="empty">Сроков нет.</p>
          ) : (
            <table data-role="terms">
              <tbody>
                {terms.map((term) => (
                  <tr data-term={term.name}>
                    <td>
                      <strong>{term.title}</strong>
                      {term.provisional && <div class="label">предварительно: календарь года ещё не утверждён</div>}
                    </td>
                    <td>
                      <TermBadge term={term} zone={zone} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Уведомления и документы</h2>
          {notices.length === 0 ? (
            <p class="empty">Уведомлений нет.</p>
          ) : (
            <table data-role="documents">
              <tbody>
                {notices.map((notice) => (
                  <tr data-document={notice.id} data-template={notice.template}>
                    <td>
                      <strong>{notice.title}</strong>
                      <div class="label">
                        {formatInstant(notice.createdAt, zone)} · {recipients[notice.to] ?? notice.to}
                      </div>
                    </td>
                    <td style="white-space:nowrap">
                      <a href={`${docs}/${encodeURIComponent(notice.id)}.html`} target="_blank" rel="noopener">
                        Открыть
                      </a>{' '}
                      · <a href={`${docs}/${encodeURIComponent(notice.id)}.pdf`} data-role="pdf">PDF</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </Layout>
  );
}
