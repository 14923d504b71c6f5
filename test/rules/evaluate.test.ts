import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileRules, evaluateRules } from '../../src/rules/compile.js';
import type { RuleSpec } from '../../src/definition/types.js';
import { isReglamentError } from '../../src/errors.js';

const documents = {
  access: [
    { id: 'application', title: 'Заявление о предоставлении доступа' },
    { id: 'identity', title: 'Документ, удостоверяющий личность' },
  ],
};

const rules: Record<string, RuleSpec> = {
  incompletePackage: {
    group: 'intakeRefusal',
    citation: 'п. 2.7 Регламента',
    text: 'Представлен неполный комплект документов',
    requires: { required: ['documents'], properties: { documents: { required: ['application', 'identity'] } } },
  },
  notRepresentative: {
    group: 'refusalGrounds',
    citation: 'п. 2.8.3 Регламента',
    text: 'Заявитель не является родителем (законным представителем) обучающегося',
    requires: { required: ['roster'], properties: { roster: { required: ['representative'], properties: { representative: { const: true } } } } },
    messages: { '/roster/representative': 'по данным школы заявитель не является законным представителем' },
  },
  notAboutMarks: {
    group: 'refusalGrounds',
    citation: 'п. 2.8.1 Регламента',
    text: 'Запрашиваемая информация не относится к текущей успеваемости',
    when: { properties: { data: { required: ['topic'], properties: { topic: { not: { enum: ['marks', 'diary'] } } } } } },
    reason: 'запрошены сведения не об успеваемости',
  },
  pupilEnrolled: {
    citation: 'п. 1.2 Регламента',
    text: 'Обучающийся не числится в школе',
    requires: { properties: { roster: { properties: { pupilSchool: { type: 'string', pattern: '^school-' } } } } },
  },
};

const evaluate = suite('evaluateRules');

evaluate('returns every rule with applies, citation, text and reasons', () => {
  const results = evaluateRules(rules, { documents: { application: true, identity: true }, roster: { representative: true, pupilSchool: 'school-1' }, data: { topic: 'marks' } }, documents);
  assert.equal(results.map((result) => [result.id, result.applies, result.reasons]), [
    ['incompletePackage', false, []],
    ['notRepresentative', false, []],
    ['notAboutMarks', false, []],
    ['pupilEnrolled', false, []],
  ]);
  assert.is(results[1]!.citation, 'п. 2.8.3 Регламента');
});

evaluate('a missing document is named by its title', () => {
  const [incomplete] = evaluateRules(rules, { documents: { application: true }, roster: { representative: true } }, documents);
  assert.equal(incomplete, {
    id: 'incompletePackage',
    applies: true,
    citation: 'п. 2.7 Регламента',
    text: 'Представлен неполный комплект документов',
    reasons: ['нет документа: Документ, удостоверяющий личность'],
  });
});

evaluate('every failure is a reason; the rule\'s own message wins; no value is quoted', () => {
  const compiled = compileRules(rules, documents);
  assert.equal(compiled.evaluate('incompletePackage', { documents: {} }).reasons, ['нет документа: Заявление о предоставлении доступа', 'нет документа: Документ, удостоверяющий личность']);
  assert.equal(compiled.evaluate('notRepresentative', { roster: { representative: false } }).reasons, ['по данным школы заявитель не является законным представителем']);
  assert.equal(compiled.evaluate('notRepresentative', {}).reasons, ['нет сведений: roster']);
  const enrolled = compiled.evaluate('pupilEnrolled', { roster: { pupilSchool: 'Иванов Иван, гимназия' } });
  assert.equal(enrolled.reasons, ['неверный формат: roster/pupilSchool']);
  assert.not.match(JSON.stringify(enrolled), 'Иванов');
});

evaluate('a `when` rule applies when the facts match, with its reason', () => {
  const compiled = compileRules(rules, documents);
  assert.equal(compiled.evaluate('notAboutMarks', { data: { topic: 'canteen' } }).reasons, ['запрошены сведения не об успеваемости']);
  assert.is(compiled.evaluate('notAboutMarks', { data: { topic: 'diary' } }).applies, false);
  assert.equal(compiled.groups.get('refusalGrounds'), ['notRepresentative', 'notAboutMarks']);
});

evaluate('a schema ajv rejects is INVALID_DEFINITION at the rule', () => {
  try {
    compileRules({ bad: { citation: 'x', text: 'y', requires: { propertes: {} } } });
    assert.unreachable();
  } catch (error) {
    assert.ok(isReglamentError(error, 'INVALID_DEFINITION'));
    assert.is((error as { path: string }).path, '/rules/bad/requires');
  }
});

evaluate.run();
