import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { defaultQualityRules, loadQualityRules } from '../../src/quality/rules.js';

const raw = () => JSON.parse(readFileSync(new URL('../../rules/quality.json', import.meta.url), 'utf8')) as Record<string, any>;

function rejects(value: unknown, path: RegExp | string, message: RegExp): void {
  try {
    loadQualityRules(value);
    assert.unreachable('should have thrown');
  } catch (error) {
    const { code, path: at } = error as { code?: string; path?: string };
    assert.is(code, 'INVALID_DEFINITION');
    if (typeof path === 'string') assert.is(at, path);
    else assert.match(at ?? '', path);
    assert.match((error as Error).message, message);
  }
}

const rules = suite('quality rules as data');

rules('the regulation rules load, each with a citation quoting the regulation', () => {
  const set = defaultQualityRules();
  assert.is(set.timeZone, 'Asia/Yekaterinburg');
  assert.equal(Object.keys(set.rules), ['markEnteredLate', 'interimEnteredLate', 'currentEntryMissingInDiary', 'interimMissingInDiary']);
  assert.is(set.rules.markEnteredLate!.term.calendarDays, 5);
  assert.is(set.rules.interimEnteredLate!.term.calendarDays, 2);
  assert.match(set.rules.markEnteredLate!.citation, /не более 5 дней от даты проведения урока/);
  assert.match(set.rules.interimEnteredLate!.citation, /не позднее 2 дней после окончания учебного периода/);
  assert.match(set.rules.currentEntryMissingInDiary!.citation, /доля отметок и пропусков уроков/);
  assert.equal(new Set(Object.values(set.rules).map((rule) => rule.counter)), new Set(['lateMarks', 'lateInterimMarks', 'missingInDiary']));
});

rules('parameters change the terms without touching the rules', () => {
  const value = raw();
  value.parameters.markCalendarDays = 3;
  assert.is(loadQualityRules(value).rules.markEnteredLate!.term.calendarDays, 3);
});

rules('the schema rejects unknown keys, missing citations and bad terms', () => {
  const extra = raw();
  extra.rules.markEnteredLate.severity = 'high';
  rejects(extra, '/rules/markEnteredLate', /must NOT have additional properties/);
  const noCitation = raw();
  delete noCitation.rules.interimEnteredLate.citation;
  rejects(noCitation, '/rules/interimEnteredLate', /citation/);
  const badDone = raw();
  badDone.rules.markEnteredLate.done = 'gradedAt';
  rejects(badDone, '/rules/markEnteredLate/done', /must be equal to one of the allowed values/);
});

rules('an unknown parameter, a built-in counter name and a broken scope are refused', () => {
  const unknown = raw();
  unknown.rules.markEnteredLate.term.calendarDays = { $param: 'nope' };
  rejects(unknown, '/rules/markEnteredLate/term/calendarDays', /unknown parameter "nope"/);
  const counter = raw();
  counter.rules.markEnteredLate.counter = 'records';
  rejects(counter, '/rules/markEnteredLate/counter', /built-in/);
  const scope = raw();
  scope.rules.markEnteredLate.scope = { type: 'object', properties: { kind: { type: 'strung' } } };
  rejects(scope, '/rules/markEnteredLate/scope', /not a valid JSON Schema/);
  const param = raw();
  param.parameters.markCalendarDays = 'five';
  rejects(param, '/rules/markEnteredLate/term/calendarDays', /integer/);
});

rules.run();
