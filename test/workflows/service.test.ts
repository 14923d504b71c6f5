/**
 * The e-diary service as a whole: five definitions load and check, a municipality's overrides
 * change terms, every state has an ЕПГУ status name, every ground cites the regulation, every
 * notice a workflow names has a Russian template, ЕПГУ codes come from configuration.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ediaryTemplates, ediaryWorkflows } from '../../src/ediary/service.js';
import { epguStatusNames, loadEpguCodes } from '../../src/ediary/epgu-codes.js';
import { builtinTemplates } from '../../src/ports/templates.js';
import { local, setup } from './fixture.js';

const definitions = ediaryWorkflows();
const test = suite('e-diary service definitions');

test('five workflows, each a checked definition', () => {
  assert.equal(definitions.map((definition) => definition.service), ['journal-extract', 'diary-access', 'access-termination', 'appeal', 'typo-correction']);
});

test('refusal grounds of the regulation cite Постановление № 174 and its part on refusals', () => {
  for (const definition of definitions.filter((item) => item.service !== 'appeal')) {
    for (const [id, rule] of Object.entries(definition.rules ?? {})) {
      if (rule.group === 'refusalGrounds') assert.match(rule.citation, /№ 174, «Основаниями для отказа в предоставлении муниципальной услуги», основание [1-4]$/, `${definition.service}/${id}`);
      if (rule.group === 'intakeRefusal') assert.match(rule.citation, '«Основание для отказа в приёме документов»', `${definition.service}/${id}`);
    }
  }
  const extractGrounds = Object.values(definitions[0]!.rules!).filter((rule) => rule.group === 'refusalGrounds').map((rule) => rule.citation.at(-1));
  assert.equal(extractGrounds, ['1', '2', '3', '4']);
});

test('every term has a citation; every notice template exists', () => {
  for (const definition of definitions) {
    for (const term of definition.terms ?? []) assert.ok(term.citation && term.citation.length > 20, `${definition.service}/${term.name}`);
    for (const notice of definition.notices ?? []) assert.ok(notice.template in ediaryTemplates || notice.template in builtinTemplates, notice.template);
  }
});

test("a municipality's overrides change a term without copying the file", async () => {
  const [, access] = ediaryWorkflows({ overrides: { 'diary-access': { parameters: { credentialsWorkingDays: 5 } } } });
  assert.is(access!.terms!.find((term) => term.name === 'credentials')!.workingDays, 5);
  const t = await setup(local('2025-10-31 10:00'));
  const application = await t.walk(await t.submit({ service: 'diary-access', documents: ['application', 'identity'], data: { information: 'diary', consent: { parent: true, child: true } } }), ['REGISTER']);
  assert.is(t.term(application, 'credentials')?.lastDay, '2025-11-17', 'the default stays 10 working days');
});

test('ЕПГУ codes are configuration: every status name must be mapped', () => {
  const names = epguStatusNames(definitions);
  assert.ok(names.includes('Заявление зарегистрировано') && names.includes('Отказано в приёме документов') && names.includes('Промежуточные результаты'));
  const codes = Object.fromEntries(names.map((name, index) => [name, index + 1]));
  const epgu = loadEpguCodes({ apiVersion: 'test', codes }, definitions);
  assert.is(epgu.codeOf('Заявление зарегистрировано'), codes['Заявление зарегистрировано']);
  const { ['Услуга оказана']: _left, ...partial } = codes;
  assert.throws(() => loadEpguCodes({ apiVersion: 'test', codes: partial }, definitions), /no code for status «Услуга оказана»/);
  assert.throws(() => loadEpguCodes({ apiVersion: 'test', codes: { x: true } } as never, definitions), /ЕПГУ codes/);
});

test.run();
