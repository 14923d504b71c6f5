/**
 * @module runtime/submission
 * Checks a submission before anything is computed: shape (ajv), a known application kind,
 * documents the kind declares. Errors are INVALID_INPUT naming the field, never its value.
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { CompiledWorkflow } from '../definition/compile.js';
import { ReglamentError } from '../errors.js';
import type { Submission } from './types.js';

const id = { type: ['string', 'null'], minLength: 1, maxLength: 200 };
const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
(addFormats as unknown as (ajv: Ajv) => void)(ajv);
const validate = ajv.compile({
  type: 'object',
  additionalProperties: false,
  required: ['service'],
  properties: {
    service: { type: 'string', minLength: 1 },
    version: { type: 'string' },
    kind: { type: 'string' },
    school: id,
    applicant: id,
    pupil: id,
    channel: id,
    receivedAt: { type: 'string', format: 'date-time' },
    documents: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    data: { type: 'object' },
    links: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['applicationId', 'relation'], properties: { applicationId: { type: 'string' }, relation: { type: 'string' } } } },
  },
});

/**
 * Throws INVALID_INPUT when the submission is malformed or does not fit the workflow.
 *
 * @example
 * checkSubmission(workflow, { service: 'diary-access', kind: 'access', documents: ['application'] });
 */
export function checkSubmission(workflow: CompiledWorkflow | null, submission: Submission): void {
  if (!validate(submission)) {
    const error = validate.errors![0]!;
    const extra = error.keyword === 'additionalProperties' ? `/${String(error.params['additionalProperty'])}` : '';
    const path = `${error.instancePath}${extra}` || '/';
    throw new ReglamentError('INVALID_INPUT', `submission: ${path} ${extra ? 'is not a known field' : error.message}`, { path });
  }
  if (!workflow) return;
  const kinds = workflow.definition.documents;
  if (!kinds || Object.keys(kinds).length === 0) return;
  const kind = submission.kind ?? (Object.keys(kinds).length === 1 ? Object.keys(kinds)[0] : undefined);
  const declared = kind === undefined ? undefined : kinds[kind];
  if (!declared) throw new ReglamentError('INVALID_INPUT', `submission: /kind must be one of ${Object.keys(kinds).join(', ')}`, { path: '/kind' });
  const ids = new Set(declared.map((document) => document.id));
  (submission.documents ?? []).forEach((document, index) => {
    if (!ids.has(document)) throw new ReglamentError('INVALID_INPUT', `submission: /documents/${index} is not a document of kind ${kind}`, { path: `/documents/${index}` });
  });
}

/** The kind of a submission: given, or the only kind the workflow declares. */
export function kindOf(workflow: CompiledWorkflow, submission: Submission): string | null {
  const kinds = Object.keys(workflow.definition.documents ?? {});
  return submission.kind ?? (kinds.length === 1 ? kinds[0]! : null);
}
