/**
 * @module ports/seal
 * Sealing of secrets kept at rest (a one-time access code inside its notice): AES-256-GCM
 * under a key derived by HKDF-SHA256 from the service's seal secret, with the place the secret
 * belongs to (e.g. `<application>/<notice>`) as associated data, so a sealed value cannot be
 * moved to another notice. Only the ciphertext, its nonce and tag are stored.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { ReglamentError } from '../errors.js';

/** A sealed value as stored: base64url parts and the id of the key that sealed it. */
export interface SealedText {
  alg: 'A256GCM';
  /** First 16 hex digits of SHA-256 of the key: tells a rotated key from a tampered value. */
  kid: string;
  iv: string;
  tag: string;
  data: string;
}

export interface Sealer {
  seal(plaintext: string, context: string): SealedText;
  /** The plaintext; throws INTERNAL when the value was sealed under another key or altered. */
  open(sealed: SealedText, context: string): string;
}

export interface SealerOptions {
  /**
   * The seal secret (at least 32 characters, or 32 bytes). Without one, a random key for this
   * process only: nothing is ever readable at rest, but what it sealed cannot be opened after
   * a restart. The HTTP service passes the configured `REGLAMENT_SEAL_KEY`.
   */
  secret?: string | Uint8Array;
}

const info = 'reglament/seal/v1';

function keyFrom(secret: string | Uint8Array): Buffer {
  const material = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (material.length < 32) throw new ReglamentError('INVALID_INPUT', 'a seal secret has at least 32 characters', { path: '/secret' });
  return Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), info, 32));
}

/**
 * Creates a sealer.
 *
 * @example
 * const sealer = createSealer({ secret: process.env.REGLAMENT_SEAL_KEY });
 * const sealed = sealer.seal('k3m9x2qa-…', 'a1/a1:4:0:code'); // { alg: 'A256GCM', kid, iv, tag, data }
 * sealer.open(sealed, 'a1/a1:4:0:code'); // 'k3m9x2qa-…'
 */
export function createSealer({ secret = randomBytes(32) }: SealerOptions = {}): Sealer {
  const key = keyFrom(secret);
  const kid = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return {
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return { alg: 'A256GCM', kid, iv: iv.toString('base64url'), tag: cipher.getAuthTag().toString('base64url'), data: data.toString('base64url') };
    },
    open(sealed, context) {
      if (sealed.kid !== kid) throw new ReglamentError('INTERNAL', 'the value was sealed under another seal key', { details: { kid: sealed.kid } });
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64url')), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new ReglamentError('INTERNAL', 'a sealed value failed its integrity check', { cause });
      }
    },
  };
}
