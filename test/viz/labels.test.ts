import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { guardLabel, stateLabel, stateSubtitle, textWidth, transitionLabel, wrapText } from '../../src/viz/labels.js';

const labels = suite('labels');
const naming = { epguStatus: { registered: 'Заявление зарегистрировано' }, events: { DECIDE: { title: 'Принять решение' } } };

labels('a state is titled by its description, then its own ЕПГУ status, then its key', () => {
  assert.is(stateLabel({ description: 'Проверка документов' }, 'registered', naming), 'Проверка документов');
  assert.is(stateLabel({}, 'registered', naming), 'Заявление зарегистрировано');
  assert.is(stateLabel({}, 'access.active', naming), 'active');
  assert.is(stateSubtitle({}, 'registered', naming), 'registered');
  assert.is(stateSubtitle({}, 'access.active', naming), null);
});

labels('a transition is titled by its event and what its guard checks', () => {
  assert.is(transitionLabel('DECIDE', undefined, naming), 'Принять решение');
  assert.is(transitionLabel('OTHER', 'isPersonalVisit', naming), 'OTHER [isPersonalVisit]');
  assert.is(transitionLabel(null, { type: 'noRuleApplies', params: { rules: ['a', 'b'] } }, naming), 'сразу [нет оснований: a, b]');
  assert.is(transitionLabel('DECIDE', undefined, naming, 'Решение по жалобе'), 'Решение по жалобе');
  assert.is(guardLabel({ type: 'eventHas', params: { field: 'personalVisit' } }), 'есть personalVisit');
  assert.is(guardLabel({ type: 'ruleApplies', params: { rule: 'notRepresentative' } }), 'применимо: notRepresentative');
});

labels('wraps at spaces within the width, keeping a long word whole', () => {
  assert.equal(wrapText('Отказано в предоставлении услуги', 20), ['Отказано в', 'предоставлении', 'услуги']);
  assert.equal(wrapText('Доступ', 3), ['Доступ']);
  assert.equal(wrapText('', 10), ['']);
});

labels('estimates wider text for capitals, bold and larger sizes', () => {
  assert.ok(textWidth('ШКОЛА', 13) > textWidth('школа', 13));
  assert.ok(textWidth('школа', 13, true) > textWidth('школа', 13));
  assert.ok(textWidth('школа', 26) >= 2 * textWidth('школа', 13) - 1);
});

labels.run();
