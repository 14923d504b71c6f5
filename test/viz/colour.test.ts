import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { alarmSwatch, empty, stateSwatch } from '../../src/viz/colour.js';

const colour = suite('alarmSwatch / stateSwatch');
const redness = (hex: string) => parseInt(hex.slice(1, 3), 16) - parseInt(hex.slice(3, 5), 16);

colour('goes from calm green to alarming red as the overdue share grows', () => {
  const shares = [0, 0.1, 0.25, 0.4, 0.5];
  const strokes = shares.map((share) => alarmSwatch(share).stroke);
  assert.ok(redness(strokes[0]!) < 0, 'no overdue: green');
  assert.ok(redness(strokes[4]!) > 100, 'half overdue: red');
  for (let i = 1; i < strokes.length; i++) assert.ok(redness(strokes[i]!) > redness(strokes[i - 1]!), `${shares[i]} is more alarming than ${shares[i - 1]}`);
  assert.equal(alarmSwatch(0.9), alarmSwatch(0.5), 'saturates at one half');
  assert.equal(alarmSwatch(Number.NaN), alarmSwatch(0));
});

colour('an empty state is grey, a state with overdue applications is coloured by their share', () => {
  assert.is(stateSwatch(0, 0), empty);
  assert.equal(stateSwatch(4, 1), alarmSwatch(0.25));
  assert.equal(stateSwatch(4, 0), alarmSwatch(0));
});

colour.run();
