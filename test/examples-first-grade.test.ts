import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { receivedOutsidePeriod } from '../examples/first-grade/acceptance.js';
import { main } from '../examples/first-grade/index.js';

const periods = suite('examples/first-grade › acceptance periods (п. 17 of order № 458)');

periods('the first period runs 1 April – 30 June in the school’s zone', () => {
  assert.is(receivedOutsidePeriod('2025-03-31T20:59:59.000Z', 'territory', 'Europe/Moscow'), true); // 31 March, 23:59
  assert.is(receivedOutsidePeriod('2025-03-31T21:00:00.000Z', 'territory', 'Europe/Moscow'), false); // 1 April, 00:00
  assert.is(receivedOutsidePeriod('2025-06-30T20:59:00.000Z', 'priority', 'Europe/Moscow'), false);
  assert.is(receivedOutsidePeriod('2025-06-30T21:00:00.000Z', 'priority', 'Europe/Moscow'), true); // 1 July
});

periods('the second period runs 6 July – 5 September for everyone else', () => {
  assert.is(receivedOutsidePeriod('2025-04-10T09:00:00.000Z', 'general', 'Europe/Moscow'), true);
  assert.is(receivedOutsidePeriod('2025-07-05T20:59:00.000Z', 'general', 'Europe/Moscow'), true);
  assert.is(receivedOutsidePeriod('2025-07-05T21:00:00.000Z', 'general', 'Europe/Moscow'), false); // 6 July
  assert.is(receivedOutsidePeriod('2025-09-05T12:00:00.000Z', 'general', 'Europe/Moscow'), false);
  assert.is(receivedOutsidePeriod('2025-09-06T12:00:00.000Z', 'general', 'Europe/Moscow'), true);
});

const run = suite('examples/first-grade › three applications of 2025');

run('a territory child waits for 30 June, then the order is due within 3 working days', async () => {
  const { territory } = await main();
  assert.is(territory.waiting, 'waitingForAcceptanceEnd');
  assert.is(territory.orderDue, '2025-07-03'); // Tue 1, Wed 2, Thu 3 July after Mon 30 June
  assert.is(territory.state, 'enrolled');
  assert.is(territory.status, 'Ребёнок зачислен');
});

run('a child from elsewhere applying on 7 July: 5 working days, refused only for lack of places', async () => {
  const { general } = await main();
  assert.is(general.orderDue, '2025-07-14'); // 8, 9, 10, 11 and Mon 14 July
  assert.is(general.state, 'refused');
  assert.match(general.ground ?? '', /ч\. 4 ст\. 67/);
  assert.equal(general.notice, { title: 'Отказ в предоставлении услуги', citesGround: true });
});

run('an application sent in March is not accepted', async () => {
  const { early } = await main();
  assert.is(early.state, 'notAccepted');
});

periods.run();
run.run();
