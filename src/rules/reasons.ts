/**
 * @module rules/reasons
 * Why a rule fired, in Russian, from ajv's errors. Reasons name documents by their titles and
 * fields by their place in the facts; they never quote a value, so no personal data leaks.
 */
import type { ErrorObject } from 'ajv';

/** What the explanation may use: document titles and the rule's own messages per pointer. */
export interface ReasonContext {
  documentTitles: Map<string, string>;
  messages: Record<string, string>;
}

function field(pointer: string): string {
  return pointer.replace(/^\//, '').replace(/~1/g, '/').replace(/~0/g, '~') || 'сведения';
}

function generic(error: ErrorObject, pointer: string): string {
  switch (error.keyword) {
    case 'const':
    case 'enum':
      return `недопустимое значение: ${field(pointer)}`;
    case 'type':
      return `неверный тип сведений: ${field(pointer)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return `значение вне допустимых пределов: ${field(pointer)}`;
    case 'pattern':
    case 'format':
      return `неверный формат: ${field(pointer)}`;
    case 'not':
      return `недопустимые сведения: ${field(pointer)}`;
    default:
      return `не выполнено условие «${error.keyword}»: ${field(pointer)}`;
  }
}

/**
 * Turns ajv errors of a `requires` rule into reasons.
 *
 * @example
 * explain(errors, { documentTitles: new Map([['identity', 'Паспорт']]), messages: {} })
 * // ['нет документа: Паспорт']
 */
export function explain(errors: ErrorObject[] | null | undefined, context: ReasonContext): string[] {
  const reasons: string[] = [];
  for (const error of errors ?? []) {
    if (['oneOf', 'anyOf', 'allOf', 'if'].includes(error.keyword) && (errors ?? []).length > 1) continue;
    const missing = error.keyword === 'required' ? String((error.params as { missingProperty: string }).missingProperty) : null;
    const pointer = missing === null ? error.instancePath : `${error.instancePath}/${missing}`;
    const own = context.messages[pointer];
    const reason =
      own ??
      (missing !== null && error.instancePath === '/documents'
        ? `нет документа: ${context.documentTitles.get(missing) ?? missing}`
        : missing !== null
          ? `нет сведений: ${field(pointer)}`
          : generic(error, pointer));
    if (!reasons.includes(reason)) reasons.push(reason);
  }
  return reasons;
}
