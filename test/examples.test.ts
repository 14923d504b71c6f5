import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../examples/embedded/index.js';

const embedded = suite('examples/embedded');

embedded('carries one application from receipt to the issued certificate', async () => {
  const log = console.log;
  console.log = () => {};
  try {
    const { application, notices, steps } = await main();
    assert.is(application.state, 'issued');
    assert.is(application.status, 'closed');
    assert.is(application.epguStatus, 'Услуга оказана');
    assert.equal(notices, ['Заявление зарегистрировано', 'Услуга оказана']);
    assert.is(steps, 4);
    assert.ok(application.terms.every((term) => term.metAt !== null));
  } finally {
    console.log = log;
  }
});

embedded.run();
