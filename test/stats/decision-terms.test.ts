import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { decisionTermsOf, type TermsOfWorkflow } from '../../src/stats/decision-terms.js';

const dir = new URL('../../workflows/', import.meta.url);
const shipped = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as TermsOfWorkflow);

const terms = suite('decision terms');

terms('the terms that start where registration ends, for every shipped workflow', () => {
  assert.equal(decisionTermsOf(shipped), {
    'access-termination': ['termination'],
    appeal: ['review', 'reviewShort'],
    'diary-access': ['credentials'],
    'journal-extract': ['extract', 'extractInPerson'],
    'typo-correction': ['correction'],
  });
});

terms('a term starting in a later state is not a decision term', () => {
  const workflow: TermsOfWorkflow = {
    service: 's',
    terms: [
      { name: 'registration', from: 'received', until: ['registered', 'intake'] },
      { name: 'answer', from: 'registered', until: 'done' },
      { name: 'inside', from: 'intake.check', until: 'done' },
      { name: 'notice', from: 'done', until: 'sent' },
      { name: 'lookalike', from: 'registeredLater', until: 'done' },
    ],
  };
  assert.equal(decisionTermsOf([workflow]), { s: ['answer', 'inside'] });
});

terms.run();
