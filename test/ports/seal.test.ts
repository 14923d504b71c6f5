import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isReglamentError } from '../../src/errors.js';
import { createSealer } from '../../src/ports/seal.js';

const seal = suite('sealing secrets at rest (AES-256-GCM)');

const secret = 'seal-secret-'.padEnd(40, 'x');
const code = 'abcdefgh-jkmnpqrstuvwxyz2';

function refused(open: () => unknown): void {
  try {
    open();
  } catch (error) {
    assert.ok(isReglamentError(error, 'INTERNAL'), String(error));
    return;
  }
  assert.unreachable('expected the sealed value to be refused');
}

seal('opens what it sealed under the same secret and place; the stored form never holds the plaintext', () => {
  const sealed = createSealer({ secret }).seal(code, 'app-1/app-1:4:0:code');
  assert.is(sealed.alg, 'A256GCM');
  assert.not.ok(JSON.stringify(sealed).includes(code));
  assert.not.ok(JSON.stringify(sealed).includes(code.split('-')[1]!));
  assert.is(createSealer({ secret }).open(sealed, 'app-1/app-1:4:0:code'), code, 'another sealer on the same secret (a restart)');
});

seal('a fresh nonce per seal: the same text seals differently', () => {
  const sealer = createSealer({ secret });
  const first = sealer.seal(code, 'p');
  const second = sealer.seal(code, 'p');
  assert.is.not(first.iv, second.iv);
  assert.is.not(first.data, second.data);
});

seal('refuses another place, another key, or an altered value', () => {
  const sealer = createSealer({ secret });
  const sealed = sealer.seal(code, 'app-1/app-1:4:0:code');
  refused(() => sealer.open(sealed, 'app-2/app-2:4:0:code'));
  refused(() => createSealer({ secret: 'another-secret-'.padEnd(40, 'y') }).open(sealed, 'app-1/app-1:4:0:code'));
  const flipped = Buffer.from(sealed.data, 'base64url');
  flipped[0] = flipped[0]! ^ 1;
  refused(() => sealer.open({ ...sealed, data: flipped.toString('base64url') }, 'app-1/app-1:4:0:code'));
  refused(() => sealer.open({ ...sealed, tag: Buffer.alloc(16).toString('base64url') }, 'app-1/app-1:4:0:code'));
});

seal('without a secret the key is random per sealer; a short secret is refused', () => {
  const sealed = createSealer().seal(code, 'p');
  refused(() => createSealer().open(sealed, 'p'));
  assert.throws(() => createSealer({ secret: 'short' }), (error: unknown) => isReglamentError(error, 'INVALID_INPUT'));
});

seal.run();
