/**
 * @module ediary/notices
 * The notices of the e-diary service, in Russian: every refusal and every result cites its
 * grounds and says how to appeal (to whom and in what term). The workflows name them in their
 * `notices`; `createEdiaryService` passes them to the documents port.
 */
import type { Template } from '../ports/types.js';
import { appealRoute } from './appeal-route.js';
import { attached, groundsList, notice, statusLine, subjectLine } from './notice-parts.js';

const typoLine =
  '<p>Если в выданном документе допущена опечатка или ошибка, подайте заявление об её исправлении: ' +
  'она исправляется, либо даётся мотивированный отказ, в течение 5 рабочих дней.</p>';

const destructionLine =
  '<p>Персональные данные, обрабатывавшиеся для предоставления доступа, будут уничтожены в срок, не превышающий 30 дней ' +
  '(ч. 4 и 5 ст. 21 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»); об уничтожении составляется запись.</p>';

function answerBody(data: Record<string, unknown>): string {
  const satisfied = String(data['state'] ?? '').toLowerCase().endsWith('satisfied');
  if (satisfied) {
    return (
      `<p>${subjectLine(data)}: жалоба удовлетворена (п. 1 ч. 7 ст. 11.2 Федерального закона № 210-ФЗ). ` +
      'Обжалованное решение отменено, рассмотрение заявления возобновлено; приносим извинения за доставленные неудобства (ч. 8.1 ст. 11.2).</p>'
    );
  }
  return (
    `<p>${subjectLine(data)}: в удовлетворении жалобы отказано (п. 2 ч. 7 ст. 11.2 Федерального закона № 210-ФЗ) по следующим основаниям (ч. 8.2 ст. 11.2):</p>` +
    groundsList(data)
  );
}

/**
 * The e-diary notice templates by name.
 *
 * @example
 * ediaryNotices.ediaryRefusal({ application: { id: 'a1' }, grounds, epguStatus: 'Отказано в предоставлении услуги' }).html
 * // '…в предоставлении муниципальной услуги отказано…Порядок обжалования…'
 */
export const ediaryNotices: Record<string, Template> = {
  ediaryIntakeRefusal: (data) =>
    notice('Отказ в приёме документов', `<p>${subjectLine(data)}: в приёме документов отказано.</p>`, statusLine(data), groundsList(data), '<p>После устранения недостатков заявление можно подать повторно.</p>', appealRoute('intakeRefusal')),
  ediaryRefusal: (data) =>
    notice('Отказ в предоставлении услуги', `<p>${subjectLine(data)}: в предоставлении муниципальной услуги отказано по следующим основаниям:</p>`, statusLine(data), groundsList(data), appealRoute('refusal')),
  ediaryExtractReady: (data) =>
    notice('Выписка из классного журнала подготовлена', `<p>${subjectLine(data)}: выписка подготовлена и будет выдана заявителю.</p>`, statusLine(data)),
  ediaryResult: (data) =>
    notice('Услуга оказана', `<p>${subjectLine(data)}: муниципальная услуга оказана.</p>`, statusLine(data), attached(data), typoLine, appealRoute('missedTerm')),
  ediaryAccessGranted: (data) =>
    notice(
      'Доступ к электронному дневнику предоставлен',
      `<p>${subjectLine(data)}: доступ к электронному дневнику и электронному журналу успеваемости предоставлен. Одноразовый код доступа выдаётся в общеобразовательной организации классным руководителем либо показывается один раз в отдельном уведомлении.</p>`,
      statusLine(data),
      '<p>Доступ ограничен сведениями самого заявителя и того учащегося, чьим родителем (законным представителем) является заявитель. Не сообщайте код доступа, логин и пароль третьим лицам.</p>',
      appealRoute('missedTerm'),
    ),
  ediaryAccessEnded: (data) =>
    notice('Предоставление услуги прекращено', `<p>${subjectLine(data)}: предоставление информации в форме электронного дневника и электронного журнала успеваемости прекращено по основанию:</p>`, statusLine(data), groundsList(data), destructionLine, appealRoute('termination')),
  ediaryTerminationDone: (data) =>
    notice('Заявление о прекращении исполнено', `<p>${subjectLine(data)}: доступ к электронному дневнику, указанный в заявлении, прекращён.</p>`, statusLine(data), destructionLine, appealRoute('missedTerm')),
  ediaryAppealAnswer: (data) =>
    notice('Мотивированный ответ по результатам рассмотрения жалобы', answerBody(data), statusLine(data), '<p>Решение по жалобе может быть обжаловано в судебном порядке.</p>'),
  ediaryTypoCorrected: (data) =>
    notice('Опечатки и ошибки исправлены', `<p>${subjectLine(data)}: опечатки и ошибки в выданном документе исправлены; исправленный документ прилагается.</p>`, statusLine(data), attached(data), appealRoute('typoCorrection')),
  ediaryTypoRefusal: (data) =>
    notice('Отказ в исправлении опечаток и ошибок', `<p>${subjectLine(data)}: в исправлении отказано по следующим основаниям:</p>`, statusLine(data), groundsList(data), appealRoute('typoCorrection')),
};
