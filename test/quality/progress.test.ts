import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createProgressBar, renderProgress } from '../../src/quality/progress.js';

const progress = suite('progress bar');

progress('renders the share of bytes and the records read', () => {
  assert.is(renderProgress(512, 1024, 12000, 20), '[##########..........]  50%  12,000 records');
  assert.is(renderProgress(2048, 1024, 1, 4), '[####] 100%  1 records');
  assert.is(renderProgress(10, undefined, 7), '7 records', 'stdin has no known size');
});

progress('redraws at most every 100 ms, always at the end, and clears the line', () => {
  const writes: string[] = [];
  let now = 0;
  const bar = createProgressBar({ write: (text: string) => writes.push(text) }, 100, () => now);
  now = 200;
  bar.update(10, 1);
  now = 250;
  bar.update(20, 2);
  bar.update(100, 9);
  bar.done();
  assert.is(writes.length, 3);
  assert.match(writes[0]!, /^\r\[.*\]  10%  1 records\u001b\[K$/);
  assert.match(writes[1]!, /100%  9 records/);
  assert.is(writes[2], '\r\u001b[K');
});

progress('a bar that never drew clears nothing', () => {
  const writes: string[] = [];
  createProgressBar({ write: (text: string) => writes.push(text) }, 100).done();
  assert.equal(writes, []);
});

progress.run();
