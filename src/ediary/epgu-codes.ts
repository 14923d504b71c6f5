/**
 * @module ediary/epgu-codes
 * ЕПГУ status codes live in configuration, never in code: the workflows name each state's
 * status («Заявление зарегистрировано», …), and a municipality maps those names to the numeric
 * codes of the ЕПГУ API version it is integrated with (codes differ between versions). This
 * module reads that mapping (a JSON file or object), checks it covers every name the
 * workflows use, and answers `codeOf(name)`.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { WorkflowDefinition } from '../definition/types.js';
import { ReglamentError } from '../errors.js';

/** The configuration file's shape: `{ "apiVersion": "…", "codes": { "<status name>": 3 } }`. */
export interface EpguCodesConfig {
  /** Which ЕПГУ API version (or integration spec) the codes come from. */
  apiVersion: string;
  codes: Record<string, string | number>;
}

export interface EpguCodes {
  readonly apiVersion: string;
  /** The code of a status name; INVALID_INPUT when the configuration has none. */
  codeOf(name: string): string | number;
}

const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile({
  type: 'object',
  additionalProperties: false,
  required: ['apiVersion', 'codes'],
  properties: {
    $comment: { type: 'string' },
    apiVersion: { type: 'string', minLength: 1 },
    codes: { type: 'object', additionalProperties: { type: ['string', 'integer'] } },
  },
});

/**
 * Every ЕПГУ status name the given workflows use, sorted: the list a mapping must cover.
 *
 * @example
 * epguStatusNames(ediaryWorkflows()) // ['Жалоба получена', 'Заявление зарегистрировано', …]
 */
export function epguStatusNames(definitions: WorkflowDefinition[]): string[] {
  return [...new Set(definitions.flatMap((definition) => Object.values(definition.epguStatus)))].sort((a, b) => a.localeCompare(b, 'ru'));
}

/**
 * Loads and checks a mapping. Throws INVALID_INPUT naming the first status without a code.
 *
 * @example
 * const epgu = loadEpguCodes('/etc/reglament/epgu-codes.json', ediaryWorkflows());
 * epgu.codeOf('Заявление зарегистрировано')
 */
export function loadEpguCodes(source: string | EpguCodesConfig, definitions: WorkflowDefinition[]): EpguCodes {
  const config: unknown = typeof source === 'string' ? JSON.parse(readFileSync(source, 'utf8')) : source;
  if (!validate(config)) {
    const error = validate.errors![0]!;
    throw new ReglamentError('INVALID_INPUT', `ЕПГУ codes: ${error.instancePath || '/'} ${error.message}`, { path: error.instancePath || '/' });
  }
  const { apiVersion, codes } = config as EpguCodesConfig;
  const missing = epguStatusNames(definitions).filter((name) => !Object.hasOwn(codes, name));
  if (missing.length > 0) {
    throw new ReglamentError('INVALID_INPUT', `ЕПГУ codes (${apiVersion}): no code for status «${missing[0]}»${missing.length > 1 ? ` and ${missing.length - 1} more` : ''}`, {
      path: '/codes',
      details: { missing },
    });
  }
  return {
    apiVersion,
    codeOf(name) {
      if (!Object.hasOwn(codes, name)) throw new ReglamentError('INVALID_INPUT', `ЕПГУ codes (${apiVersion}): no code for status «${name}»`, { path: '/codes' });
      return codes[name]!;
    },
  };
}
