/**
 * @module ports/templates
 * The built-in notice templates, in Russian: registration, refusal (with every ground, its
 * citation and reasons, and how to appeal), result, term reminders for staff, an access code,
 * and a generic status notice. Every value is escaped.
 */
import type { RuleResult } from '../store/types.js';
import { escapeHtml, page, paragraph } from './html.js';
import type { Template } from './types.js';

const appeal =
  'Решение может быть обжаловано в досудебном (внесудебном) порядке в соответствии со статьями 11.1–11.3 ' +
  'Федерального закона от 27.07.2010 № 210-ФЗ «Об организации предоставления государственных и муниципальных услуг».';

function subject(data: Record<string, unknown>): string {
  const application = (data['application'] ?? {}) as Record<string, unknown>;
  const service = data['serviceTitle'] ? ` по услуге «${escapeHtml(data['serviceTitle'])}»` : '';
  return `Заявление № ${escapeHtml(application['id'])}${service}`;
}

function grounds(list: unknown): string {
  const items = (Array.isArray(list) ? (list as RuleResult[]) : []).map((ground) => {
    const reasons = ground.reasons.length ? `<ul>${ground.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul>` : '';
    return `<li><p>${escapeHtml(ground.text)} (${escapeHtml(ground.citation)})</p>${reasons}</li>`;
  });
  return items.length ? `<ol class="grounds">${items.join('')}</ol>` : '';
}

function status(data: Record<string, unknown>): string {
  return data['epguStatus'] ? paragraph(`Статус: ${String(data['epguStatus'])}`) : '';
}

function term(data: Record<string, unknown>): string {
  const value = (data['term'] ?? {}) as Record<string, unknown>;
  return paragraph(`Срок «${String(value['name'] ?? '')}» истекает ${String(value['lastDay'] ?? '')} (24:00 по местному времени).`);
}

/**
 * The code itself (rendered only into the sealed page), or, in the stored notice, that it is
 * waiting to be shown once (`issuedOn` absent) or was shown on `issuedOn`.
 */
function accessCodeLine(data: Record<string, unknown>): string {
  if (data['code'] !== undefined) return `<p>Одноразовый код доступа: <code>${escapeHtml(data['code'])}</code></p>`;
  if (data['issuedOn'] !== undefined) return paragraph(`Код доступа выдан ${String(data['issuedOn'])}; повторно он не показывается.`);
  return paragraph('Код доступа подготовлен. Он показывается один раз: заявителю при первом открытии этого уведомления либо классным руководителем при выдаче в общеобразовательной организации.');
}

/** Built-in templates by name. */
export const builtinTemplates: Record<string, Template> = {
  status: (data) => ({ title: 'Изменение статуса заявления', html: page('Изменение статуса заявления', `<p>${subject(data)}</p>${status(data)}`) }),
  registered: (data) => ({ title: 'Заявление зарегистрировано', html: page('Заявление зарегистрировано', `<p>${subject(data)} зарегистрировано.</p>${status(data)}`) }),
  accepted: (data) => ({ title: 'Заявление принято к рассмотрению', html: page('Заявление принято к рассмотрению', `<p>${subject(data)} принято к рассмотрению.</p>${status(data)}`) }),
  intakeRefusal: (data) => ({
    title: 'Отказ в приёме документов',
    html: page('Отказ в приёме документов', `<p>${subject(data)}: в приёме документов отказано по следующим основаниям:</p>${grounds(data['grounds'])}${paragraph(appeal)}`),
  }),
  refusal: (data) => ({
    title: 'Отказ в предоставлении услуги',
    html: page('Отказ в предоставлении услуги', `<p>${subject(data)}: в предоставлении услуги отказано по следующим основаниям:</p>${grounds(data['grounds'])}${paragraph(appeal)}`),
  }),
  result: (data) => {
    const document = data['document'] as { title?: string; html?: string } | undefined;
    const attached = document?.html ? `<section class="document"><h2>${escapeHtml(document.title)}</h2>${document.html}</section>` : '';
    return { title: 'Услуга оказана', html: page('Услуга оказана', `<p>${subject(data)}: услуга оказана.</p>${status(data)}${attached}`) };
  },
  accessCode: (data) => ({
    title: 'Код доступа к электронному дневнику',
    html: page('Код доступа к электронному дневнику', `<p>${subject(data)}.</p>${accessCodeLine(data)}${paragraph('Не сообщайте код третьим лицам. Код действует один раз.')}`),
  }),
  accessEnded: (data) => ({ title: 'Доступ к электронному дневнику прекращён', html: page('Доступ к электронному дневнику прекращён', `<p>${subject(data)}: доступ прекращён.</p>${status(data)}`) }),
  termReminder: (data) => ({ title: 'Напоминание о сроке', html: page('Напоминание о сроке', `<p>${subject(data)}.</p>${term(data)}`) }),
  termOverdue: (data) => ({ title: 'Срок нарушен', html: page('Срок нарушен', `<p>${subject(data)}: срок истёк, действие не выполнено.</p>${term(data)}`) }),
};
