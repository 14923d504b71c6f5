/**
 * @module ports/access
 * The default access provisioner: a one-time access code per application, `<lookup>-<secret>`.
 * Only the lookup part and an scrypt hash (with salt) of the secret are stored; the code is
 * returned once. Revocation and the destruction of the data kept for the access are recorded.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/types.js';
import type { AccessGrant, AccessPort, Clock } from './types.js';

export interface AccessProvisionerOptions {
  store: Store;
  clock: Clock;
  /** Random bytes source (injected for tests); default node:crypto. */
  random?: (size: number) => Buffer;
}

/** Record kinds this port writes. */
export const accessKinds = { access: 'access', destruction: 'destruction' } as const;

interface AccessData extends AccessGrant {
  lookup: string;
  salt: string;
  hash: string;
  issuedBy: string;
  revokedBy: string | null;
}

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

function encode(bytes: Buffer): string {
  return [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
}

function hashOf(secret: string, salt: string): string {
  return scryptSync(secret, Buffer.from(salt, 'hex'), 32).toString('hex');
}

function grant(data: AccessData): AccessGrant {
  const { applicationId, applicant, pupil, issuedAt, redeemedAt, revokedAt } = data;
  return { applicationId, applicant, pupil, issuedAt, redeemedAt, revokedAt };
}

/**
 * Creates the access provisioner.
 *
 * @example
 * const access = createAccessProvisioner({ store, clock });
 * const issued = await access.provision({ key: 'a1:4:0', parties }); // { code: 'k3m9x2qa-...' }
 * await access.redeem(issued.code); // the grant; a second redeem returns null
 */
export function createAccessProvisioner({ store, clock, random = randomBytes }: AccessProvisionerOptions): AccessPort {
  async function load(applicationId: string): Promise<AccessData | null> {
    return ((await store.getRecord(accessKinds.access, applicationId))?.data as AccessData | undefined) ?? null;
  }
  async function save(data: AccessData): Promise<void> {
    await store.putRecord({ kind: accessKinds.access, id: data.applicationId, keys: { lookup: data.lookup, ...(data.pupil ? { pupil: data.pupil } : {}) }, data, createdAt: data.issuedAt });
  }
  return {
    async provision({ key, parties }) {
      const existing = await load(parties.applicationId);
      if (existing?.issuedBy === key) return null;
      const lookup = encode(random(8));
      const secret = encode(random(16));
      const salt = random(16).toString('hex');
      await save({
        applicationId: parties.applicationId,
        applicant: parties.applicant,
        pupil: parties.pupil,
        issuedAt: clock.now(),
        redeemedAt: null,
        revokedAt: null,
        lookup,
        salt,
        hash: hashOf(secret, salt),
        issuedBy: key,
        revokedBy: null,
      });
      return { code: `${lookup}-${secret}` };
    },
    async redeem(code) {
      const [lookup, secret] = code.split('-');
      if (!lookup || !secret) return null;
      const found = (await store.findRecords(accessKinds.access, { lookup }, { limit: 1 })).items[0];
      const data = found?.data as AccessData | undefined;
      if (!data || data.redeemedAt !== null || data.revokedAt !== null) return null;
      const expected = Buffer.from(data.hash, 'hex');
      const actual = Buffer.from(hashOf(secret, data.salt), 'hex');
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
      const redeemed = { ...data, redeemedAt: clock.now() };
      await save(redeemed);
      return grant(redeemed);
    },
    async revoke({ key, applicationId }) {
      const data = await load(applicationId);
      if (!data || data.revokedAt !== null) return;
      await save({ ...data, revokedAt: clock.now(), revokedBy: key });
    },
    async get(applicationId) {
      const data = await load(applicationId);
      return data ? grant(data) : null;
    },
    async destroy({ key, applicationId }) {
      if (await store.getRecord(accessKinds.destruction, key)) return;
      const existed = await store.deleteRecord(accessKinds.access, applicationId);
      const at = clock.now();
      await store.putRecord({
        kind: accessKinds.destruction,
        id: key,
        keys: { applicationId },
        data: { applicationId, at, destroyed: existed ? ['access'] : [], basis: '152-ФЗ, ст. 21: цель обработки достигнута' },
        createdAt: at,
      });
    },
  };
}
