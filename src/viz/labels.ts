/**
 * @module viz/labels
 * What a diagram writes for states and transitions, in Russian where the definition says it:
 * state descriptions and ЕПГУ status names, event titles, and the built-in guards in words.
 */

/** The part of one state's config the diagrams read. */
export interface StateConfigLike {
  id?: string;
  type?: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  initial?: string;
  states?: Record<string, StateConfigLike>;
  on?: Record<string, unknown>;
  always?: unknown;
  after?: Record<string, unknown>;
  onDone?: unknown;
  description?: string;
  [key: string]: unknown;
}

/** The regulation parts of a definition that name things for people. */
export interface NamingLike {
  epguStatus?: Record<string, string>;
  events?: Record<string, { title?: string; [key: string]: unknown }>;
  rules?: Record<string, { text?: string; group?: string; [key: string]: unknown }>;
}

/**
 * The title of a state for people: its description, else its own ЕПГУ status name, else its key.
 *
 * @example
 * stateLabel({}, 'registered', { epguStatus: { registered: 'Заявление зарегистрировано' } }); // 'Заявление зарегистрировано'
 */
export function stateLabel(config: StateConfigLike, path: string, naming: NamingLike = {}): string {
  const candidates = [config.description, naming.epguStatus?.[path]];
  for (const candidate of candidates) if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  return path.split('.').pop() ?? path;
}

/**
 * The second line under a state's title: its key, so states with the same ЕПГУ status stay
 * distinguishable and staff can match the diagram with the API's `state` field.
 *
 * @example
 * stateSubtitle({}, 'access.active', {}); // null (the title already is the key)
 * stateSubtitle({ description: 'Доступ предоставлен' }, 'access.active', {}); // 'active'
 */
export function stateSubtitle(config: StateConfigLike, path: string, naming: NamingLike = {}): string | null {
  const key = path.split('.').pop() ?? path;
  return stateLabel(config, path, naming) === key ? null : key;
}

/**
 * The label of a transition: the event's title (or type) and, in brackets, what its guard checks.
 *
 * @example
 * transitionLabel('DECIDE', { type: 'anyRuleApplies', params: { group: 'refusalGrounds' } }, { events: { DECIDE: { title: 'Принять решение' } } });
 * // 'Принять решение [есть основания: refusalGrounds]'
 */
export function transitionLabel(event: string | null, guard: unknown, naming: NamingLike = {}, description?: string): string {
  const name = description?.trim() || (event === null ? 'сразу' : (naming.events?.[event]?.title?.trim() || event));
  const condition = guardLabel(guard);
  return condition === null ? name : `${name} [${condition}]`;
}

/**
 * What a guard checks, in words: the built-in guards of the workflow format get Russian
 * phrases; an injected guard is shown by its name.
 *
 * @example
 * guardLabel({ type: 'eventHas', params: { field: 'personalVisit', equals: true } }); // 'personalVisit = true'
 */
export function guardLabel(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard !== 'object') return 'условие';
  const { type, params = {} } = guard as { type?: string; params?: Record<string, unknown> };
  const rules = Array.isArray(params.rules) ? params.rules.join(', ') : typeof params.group === 'string' ? params.group : null;
  switch (type) {
    case 'anyRuleApplies':
      return `есть основания: ${rules ?? '?'}`;
    case 'noRuleApplies':
      return `нет оснований: ${rules ?? '?'}`;
    case 'ruleApplies':
      return `применимо: ${String(params.rule ?? '?')}`;
    case 'eventHas':
    case 'contextHas':
      return 'equals' in params ? `${String(params.field)} = ${JSON.stringify(params.equals)}` : `есть ${String(params.field)}`;
    default:
      return typeof type === 'string' ? type : 'условие';
  }
}

/**
 * Splits a label into lines of at most `width` characters at spaces (a longer word stays whole).
 *
 * @example
 * wrapText('Отказано в предоставлении услуги', 20); // ['Отказано в', 'предоставлении услуги']
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

/**
 * Approximate width in pixels of a text in DejaVu Sans at `fontSize`: the diagrams are laid out
 * on the server where no browser measures text, so sizes come from the font's typical advances.
 *
 * @example
 * textWidth('Рассмотрение', 13); // ≈ 106
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const char of text) em += advance(char);
  return Math.ceil(em * fontSize * (bold ? 1.12 : 1));
}

function advance(char: string): number {
  if (' .,:;!|il\'[]()'.includes(char)) return 0.34;
  if (/[A-ZА-ЯЁМШЩЖЮ]/.test(char) || /[мшщжюыф]/.test(char)) return 0.78;
  if (/[0-9]/.test(char)) return 0.64;
  return 0.62;
}
