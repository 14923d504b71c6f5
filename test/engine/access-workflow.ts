/**
 * @module test/engine/access-workflow
 * A small access workflow for core tests: nested states, effect actions, a stored timer,
 * assignFromEvent, an injected guard and an injected effect producer.
 */
export const accessWorkflow = {
  service: 'test-access',
  version: '1.0.0',
  title: 'Доступ (тест)',
  initial: 'received',
  documents: { access: [{ id: 'application', title: 'Заявление' }, { id: 'consent', title: 'Согласие на обработку персональных данных' }] },
  rules: {
    noConsent: { group: 'refusalGrounds', citation: 'п. 2.8.4', text: 'Нет согласия на обработку персональных данных', requires: { properties: { documents: { required: ['consent'] } } } },
  },
  terms: [{ name: 'credentials', workingDays: 10, from: 'registered', until: ['access', 'refused'], reminder: { workingDaysBefore: 1 } }],
  timers: [{ name: 'destroyData', state: 'terminated', calendarDays: 30, send: 'DESTROY' }],
  epguStatus: { received: 'Заявление получено', registered: 'Заявление зарегистрировано', access: 'Услуга оказана', refused: 'Отказано в предоставлении услуги', terminated: 'Доступ прекращён', destroyed: 'Доступ прекращён' },
  notices: [{ state: 'refused', template: 'refusal' }, { state: 'access.active', template: 'result' }],
  states: {
    received: { on: { ADD_DOCUMENTS: { actions: { type: 'assignFromEvent', params: { fields: ['documents'] } } }, REGISTER: 'registered' } },
    registered: {
      on: {
        DECIDE: [
          { guard: { type: 'anyRuleApplies', params: { group: 'refusalGrounds' } }, target: 'refused' },
          { guard: 'isWeekdayRequest', target: 'access', actions: ['provisionAccess', { type: 'audited', params: { what: 'grant' } }] },
        ],
      },
    },
    access: {
      initial: 'active',
      states: { active: { on: { TERMINATE: { target: '#test-access.terminated', actions: [{ type: 'revokeAccess', params: { reason: 'termination' } }] } } } },
    },
    terminated: { on: { DESTROY: 'destroyed' } },
    destroyed: { type: 'final', entry: ['destroyPersonalData'] },
    refused: { type: 'final' },
  },
};

export const accessImplementations = {
  guards: { isWeekdayRequest: ({ event }: { event: Record<string, unknown> }) => event['weekend'] !== true },
  actions: { audited: (_: unknown, params: unknown) => ({ type: 'renderDocument', template: `audit-${(params as { what: string }).what}` }) },
};
