/**
 * @module ediary/appeal-route
 * How an applicant appeals a decision of the e-diary service: to whom (the head of the school,
 * or the education department for the head's own decisions), in what form and in what terms
 * (210-ФЗ art. 11.1–11.2). Every refusal notice ends with this text.
 */
import { escapeHtml } from '../ports/html.js';

/** The supervising body as the regulation's page names it. */
export const department = {
  title: 'Управление образования администрации Нижнетуринского городского округа',
  address: '624221, Свердловская обл., г. Нижняя Тура, ул. 40 лет Октября, 2 а',
  phone: '(34342) 2-76-27',
} as const;

/** Review terms of a complaint, working days from its registration (ч. 6 ст. 11.2 210-ФЗ). */
export const appealReviewWorkingDays = { standard: 15, intakeOrTypo: 5 } as const;

/**
 * The appeal paragraph of a notice, as HTML. `subject` says which review term applies:
 * 'intakeRefusal' and 'typoCorrection' are reviewed in 5 working days, others in 15.
 *
 * @example
 * appealRoute('refusal') // '<section class="appeal">…в течение 15 рабочих дней…</section>'
 */
export function appealRoute(subject: 'intakeRefusal' | 'typoCorrection' | 'refusal' | 'termination' | 'missedTerm'): string {
  const days = subject === 'intakeRefusal' || subject === 'typoCorrection' ? appealReviewWorkingDays.intakeOrTypo : appealReviewWorkingDays.standard;
  const lines = [
    'Решение может быть обжаловано в досудебном (внесудебном) порядке (статьи 11.1–11.3 Федерального закона от 27.07.2010 № 210-ФЗ «Об организации предоставления государственных и муниципальных услуг»).',
    'Жалоба подаётся руководителю общеобразовательной организации, а на решения и действия (бездействие) руководителя — в ' +
      `${department.title} (${department.address}; телефон ${department.phone}), ` +
      'в письменной форме на бумажном носителе или в электронной форме, в том числе через Единый портал государственных и муниципальных услуг (ч. 1 ст. 11.2).',
    'Жалоба регистрируется не позднее следующего рабочего дня со дня её поступления и рассматривается ' +
      `в течение ${days} рабочих дней со дня регистрации (ч. 6 ст. 11.2); ` +
      'мотивированный ответ направляется не позднее дня, следующего за днём принятия решения (ч. 8 ст. 11.2).',
    'Решение может быть обжаловано также в судебном порядке.',
  ];
  return `<section class="appeal"><h2>Порядок обжалования</h2>${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</section>`;
}
