import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { percentText, shareTone } from '../../src/admin/views/share.js';

const share = suite('admin: a share, coloured from calm to alarming');

share('green from 95 %, amber from 80 %, red below', () => {
  assert.is(shareTone(1), 'good');
  assert.is(shareTone(0.95), 'good');
  assert.is(shareTone(0.9499), 'warn');
  assert.is(shareTone(0.8), 'warn');
  assert.is(shareTone(0.7999), 'bad');
  assert.is(shareTone(0), 'bad');
});

share('percent with a decimal comma, one decimal', () => {
  assert.is(percentText(0.3333), '33,3 %');
  assert.is(percentText(1), '100 %');
  assert.is(percentText(0.975), '97,5 %');
});

share.run();
