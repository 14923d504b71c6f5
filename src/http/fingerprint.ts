/**
 * @module http/fingerprint
 * The fingerprint of a command request, kept with its Idempotency-Key: a SHA-256 of the
 * method, the path and the body in canonical JSON (object keys sorted), so a retry that
 * serialises the same body differently is still the same request, and a reused key with a
 * different body is told apart (422 IDEMPOTENCY_CONFLICT).
 */
import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth.
 *
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }); // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The fingerprint of one request.
 *
 * @example
 * requestFingerprint('POST', '/v1/applications', body); // 'sha256:3f1c…'
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return `sha256:${createHash('sha256').update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`).digest('hex')}`;
}
