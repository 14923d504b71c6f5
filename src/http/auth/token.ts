/**
 * @module http/auth/token
 * Bearer tokens: JWTs signed with a shared secret (HS256) or a key pair (RS256/ES256/EdDSA,
 * public key to verify, private key to sign). A token names its subject, role and, for a clerk,
 * the school; `principalOf()` turns a verified payload into the Principal every route checks.
 */
import { sign, verify } from 'hono/jwt';
import type { SignatureAlgorithm } from 'hono/utils/jwt/jwa';
import { ReglamentError } from '../../errors.js';

/** The roles a token may carry. */
export const roles = ['applicant', 'clerk', 'department', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who is calling, from a verified token. Ids only. */
export interface Principal {
  /** Subject id: a parent's roster id for an applicant, a staff id otherwise. */
  sub: string;
  role: Role;
  /** The school a clerk works for (required for clerks). */
  school?: string;
}

/** Keys of the service: what verifies tokens and, when known, what signs them. */
export interface AuthKeys {
  algorithm: SignatureAlgorithm;
  /** The HS* secret, or the PEM public key for asymmetric algorithms. */
  verifyKey: string;
  /** The HS* secret, or the PEM private key; absent when this process only verifies. */
  signKey?: string;
  /** Expected `iss` claim, when configured. */
  issuer?: string;
}

/**
 * Reads a Principal from a token payload, or fails with UNAUTHORIZED.
 *
 * @example
 * principalOf({ sub: 'clerk-1', role: 'clerk', school: 'school-1' });
 */
export function principalOf(payload: Record<string, unknown>): Principal {
  const { sub, role, school } = payload;
  if (typeof sub !== 'string' || sub === '') throw new ReglamentError('UNAUTHORIZED', 'the token has no subject');
  if (typeof role !== 'string' || !(roles as readonly string[]).includes(role)) throw new ReglamentError('UNAUTHORIZED', 'the token has no known role');
  if (role === 'clerk' && (typeof school !== 'string' || school === '')) throw new ReglamentError('UNAUTHORIZED', 'a clerk token must name a school');
  return typeof school === 'string' && school !== '' ? { sub, role: role as Role, school } : { sub, role: role as Role };
}

export interface SignOptions {
  /** Lifetime in seconds; default 24 h. */
  ttlSeconds?: number;
  /** Issued-at instant; default now. */
  now?: Date;
}

/**
 * Signs a token for a principal.
 *
 * @example
 * const token = await signToken({ sub: 'parent-1', role: 'applicant' }, keys, { ttlSeconds: 3600 });
 */
export async function signToken(principal: Principal, keys: AuthKeys, { ttlSeconds = 86_400, now = new Date() }: SignOptions = {}): Promise<string> {
  if (!keys.signKey) throw new ReglamentError('INVALID_INPUT', 'no signing key is configured (set REGLAMENT_JWT_SECRET or REGLAMENT_JWT_PRIVATE_KEY)');
  principalOf({ ...principal });
  const iat = Math.floor(now.getTime() / 1000);
  const payload: Record<string, unknown> = { ...principal, iat, nbf: iat, exp: iat + ttlSeconds };
  if (keys.issuer) payload['iss'] = keys.issuer;
  return sign(payload, keys.signKey, keys.algorithm);
}

/**
 * Verifies a bearer token and returns its principal; any failure is UNAUTHORIZED with a
 * generic message (the reason is not told to the caller).
 *
 * @example
 * const principal = await verifyToken(token, keys);
 */
export async function verifyToken(token: string, keys: AuthKeys): Promise<Principal> {
  let payload: Record<string, unknown>;
  try {
    payload = await verify(token, keys.verifyKey, keys.issuer ? { alg: keys.algorithm, iss: keys.issuer } : keys.algorithm);
  } catch (error) {
    throw new ReglamentError('UNAUTHORIZED', 'the bearer token is invalid or expired', { cause: error });
  }
  return principalOf(payload);
}
