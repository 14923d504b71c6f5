/**
 * @module http/openapi/operations
 * Every endpoint of the service, as documented in /openapi.json. Request schemas are the same
 * objects the validators compile (passed in, completed with the loaded services and events);
 * response schemas are the JSON files beside them.
 */
import type { RequestSchemas } from '../request-schemas.js';
import applicationSchema from '../schemas/application.json' with { type: 'json' };
import auditPageSchema from '../schemas/audit-page.json' with { type: 'json' };
import auditQuerySchema from '../schemas/audit-query.json' with { type: 'json' };
import deadlineQuerySchema from '../schemas/deadline-query.json' with { type: 'json' };
import deadlineSchema from '../schemas/deadline.json' with { type: 'json' };
import healthSchema from '../schemas/health.json' with { type: 'json' };
import historyEntrySchema from '../schemas/history-entry.json' with { type: 'json' };
import meSchema from '../schemas/me.json' with { type: 'json' };
import noticeSchema from '../schemas/notice.json' with { type: 'json' };
import problemSchema from '../schemas/problem.json' with { type: 'json' };
import rosterImportSchema from '../schemas/roster-import.json' with { type: 'json' };
import rosterResultSchema from '../schemas/roster-result.json' with { type: 'json' };
import definitionSchema from '../schemas/workflow-definition.json' with { type: 'json' };
import workflowQuerySchema from '../schemas/workflow-query.json' with { type: 'json' };
import summarySchema from '../schemas/workflow-summary.json' with { type: 'json' };
import journalQualityQuerySchema from '../schemas/journal-quality-query.json' with { type: 'json' };
import journalQualityReportSchema from '../schemas/journal-quality-report.json' with { type: 'json' };
import serviceStatsQuerySchema from '../schemas/service-stats-query.json' with { type: 'json' };
import serviceStatsSchema from '../schemas/service-stats.json' with { type: 'json' };
import { journalMediaTypes } from '../upload.js';
import type { Operation } from './operation.js';

const everyone = ['applicant', 'clerk', 'department', 'admin'] as const;
const problemBody = (description: string) => ({ description, schema: problemSchema, contentType: 'application/problem+json' });
const id = { type: 'string', minLength: 1, maxLength: 200 };
const etag = { ETag: { description: 'The application version, quoted: send it back in If-Match.', schema: { type: 'string' } } };

const detailSchema = {
  title: 'ApplicationDetail',
  allOf: [
    applicationSchema,
    {
      type: 'object',
      required: ['history', 'notices'],
      properties: {
        history: { type: 'array', items: historyEntrySchema },
        notices: { type: 'array', items: { type: 'object', description: 'Notices without their HTML; read one at /notices/{noticeId}.' } },
      },
    },
  ],
};
const pageSchema = { title: 'ApplicationPage', type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: applicationSchema }, nextCursor: { type: ['string', 'null'] } } };
const noticeList = { title: 'NoticeList', type: 'object', required: ['items'], properties: { items: { type: 'array', items: noticeSchema } } };
const documentList = {
  title: 'DocumentList',
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'template', 'title', 'to', 'createdAt', 'html', 'pdf'],
        properties: { id: { type: 'string' }, template: { type: 'string' }, title: { type: 'string' }, to: { type: 'string' }, createdAt: { type: 'string' }, html: { type: 'string', description: 'URL of the HTML' }, pdf: { type: 'string', description: 'URL of the PDF' } },
      },
    },
  },
};
const workflowList = { title: 'WorkflowList', type: 'object', required: ['items'], properties: { items: { type: 'array', items: summarySchema } } };

/**
 * The documented operations.
 *
 * @example
 * buildOpenApi(operationsOf(requestSchemas(workflows)), { version });
 */
export function operationsOf(schemas: RequestSchemas, { documents = false }: { documents?: boolean } = {}): Operation[] {
  const operations: Operation[] = [
    { method: 'get', path: '/healthz', operationId: 'health', summary: 'Liveness: the process answers', tag: 'service', responses: { '200': { description: 'Alive', schema: healthSchema } } },
    { method: 'get', path: '/readyz', operationId: 'ready', summary: 'Readiness: the store answers a ping', tag: 'service', responses: { '200': { description: 'Ready', schema: healthSchema }, '503': problemBody('The store is unreachable') } },
    {
      method: 'get', path: '/metrics', operationId: 'metrics', summary: 'Prometheus metrics', tag: 'service',
      description: 'Requests by route and status, a latency histogram, applications by service and state, overdue applications.',
      responses: { '200': { description: 'Prometheus text format 0.0.4', schema: { type: 'string' }, contentType: 'text/plain' } },
    },
    { method: 'get', path: '/v1/workflows', operationId: 'listWorkflows', summary: 'The services run here', tag: 'workflows', responses: { '200': { description: 'Newest version of each service', schema: workflowList } } },
    {
      method: 'get', path: '/v1/workflows/{service}', operationId: 'getWorkflow', summary: 'A service definition', tag: 'workflows',
      params: { service: { type: 'string' } }, query: workflowQuerySchema,
      responses: { '200': { description: 'The definition as loaded, parameters resolved', schema: definitionSchema } },
    },
    {
      method: 'get', path: '/v1/calendar/deadline', operationId: 'deadline', summary: 'When a term runs out', tag: 'calendar',
      description: 'Counts N working (or calendar) days from a date by the official production calendar and the Civil Code art. 191-194. Give exactly one of workingDays and calendarDays.',
      query: deadlineQuerySchema, responses: { '200': { description: 'The end of the term', schema: deadlineSchema } },
    },
    {
      method: 'post', path: '/v1/applications', operationId: 'fileApplication', summary: 'File an application', tag: 'applications', roles: ['applicant', 'clerk', 'admin'],
      description: 'A parent files in their own name; a clerk for their school. Terms start counting from receipt. A retry with the same Idempotency-Key returns the first result and files nothing new; the same key with a different body is 422 IDEMPOTENCY_CONFLICT.',
      headers: [{ name: 'Idempotency-Key', required: false, description: 'Any 1-200 visible ASCII characters, unique per intended application.', schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' } }],
      body: schemas.create,
      responses: {
        '201': {
          description: 'Filed',
          schema: applicationSchema,
          headers: { ...etag, Location: { description: 'The application URL', schema: { type: 'string' } } },
          links: {
            GetApplication: { operationId: 'getApplication', parameters: { id: '$response.body#/id' } },
            SendEvent: { operationId: 'sendEvent', parameters: { id: '$response.body#/id', 'header.If-Match': '"1"' } },
            ListNotices: { operationId: 'listNotices', parameters: { id: '$response.body#/id' } },
            ...(documents ? { ListDocuments: { operationId: 'listDocuments', parameters: { id: '$response.body#/id' } } } : {}),
          },
        },
        '403': problemBody('Not yours to file'),
        '422': problemBody('The Idempotency-Key was used for a different request (IDEMPOTENCY_CONFLICT)'),
      },
    },
    {
      method: 'get', path: '/v1/applications', operationId: 'listApplications', summary: 'Applications the caller may see', tag: 'applications', roles: everyone,
      description: 'A parent sees their own, a clerk their school\'s, the department and admins all. `overdue=true`: open applications with a term past its end. Pages by `cursor`.',
      query: schemas.list, responses: { '200': { description: 'One page', schema: pageSchema } },
    },
    {
      method: 'get', path: '/v1/applications/{id}', operationId: 'getApplication', summary: 'An application with its history, terms and notices', tag: 'applications', roles: everyone,
      params: { id }, responses: { '200': { description: 'The application', schema: detailSchema, headers: etag }, '404': problemBody('No such application, or not yours') },
    },
    {
      method: 'post', path: '/v1/applications/{id}/events', operationId: 'sendEvent', summary: 'Send an event (register, decide, issue, ...)', tag: 'applications', roles: everyone,
      description: 'The event moves the application by its workflow. If-Match must carry the version last seen: a stale one is 409 and changes nothing. An event the state does not take is 422 and lists the allowed events.',
      params: { id },
      headers: [
        { name: 'If-Match', required: true, description: 'The version last seen, quoted: "3".', schema: { type: 'string', pattern: '^"[1-9][0-9]{0,8}"$' } },
        { name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first result; the same key with a different body is 422 IDEMPOTENCY_CONFLICT.', schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' } },
      ],
      body: schemas.event,
      responses: {
        '200': { description: 'The application after the event', schema: applicationSchema, headers: etag },
        '403': problemBody('The role may not send this event'),
        '404': problemBody('No such application, or not yours'),
        '409': problemBody('Stale If-Match version'),
        '422': problemBody('The event is not allowed now (allowedEvents lists what is), or the Idempotency-Key was used for a different request'),
        '428': problemBody('If-Match is missing'),
      },
    },
    {
      method: 'get', path: '/v1/applications/{id}/notices', operationId: 'listNotices', summary: 'Notices of an application', tag: 'documents', roles: everyone,
      params: { id }, responses: { '200': { description: 'Notices, oldest first', schema: noticeList }, '404': problemBody('No such application, or not yours') },
    },
    { method: 'get', path: '/v1/me', operationId: 'me', summary: 'The caller; for a parent, their children per the roster', tag: 'people', roles: everyone, responses: { '200': { description: 'The caller', schema: meSchema } } },
    {
      method: 'post', path: '/v1/roster', operationId: 'importRoster', summary: 'Import school roster entries', tag: 'people', roles: ['clerk', 'admin'],
      description: 'JSON as below, or text/csv with the header school,pupil[,grade][,status][,applicant][,basis]. A clerk imports only their school. Graduations and transfers end the e-diary access they concern.',
      body: rosterImportSchema, responses: { '200': { description: 'Imported', schema: rosterResultSchema }, '403': problemBody('Not your school') },
    },
    {
      method: 'get', path: '/v1/audit', operationId: 'audit', summary: 'The audit log: who read or changed what, when', tag: 'people', roles: ['admin'],
      query: auditQuerySchema, responses: { '200': { description: 'One page, oldest first', schema: auditPageSchema }, '403': problemBody('Admins only') },
    },
  ];
  operations.push(...reportOperations);
  if (documents) operations.push(...documentOperations);
  return operations;
}

const reportRoles = ['clerk', 'department', 'admin'] as const;
const journalFile = { type: 'string', description: 'The export as text: one JSON object per line, or CSV with a header row (docs/quality.md, «Import mapping»).' };

const reportOperations: Operation[] = [
  {
    method: 'post', path: '/v1/reports/journal-quality', operationId: 'journalQualityReport', summary: 'Check an e-journal export against the school\'s duties', tag: 'reports', roles: reportRoles,
    description:
      'Streams the uploaded export (JSON Lines or CSV) through the quality rules: marks within 5 days of the lesson, interim marks within 2 days after the period, every entry visible in the diary. Answers totals and one row per school, class, subject and teacher, and the rejected lines (number, field, reason; no values). Nothing is stored. The department and admins: any school; a clerk: their own school only. Larger bodies than the journal limit (200 MB by default) are 413.',
    query: journalQualityQuerySchema,
    upload: { description: 'The e-journal export.', content: Object.fromEntries(Object.keys(journalMediaTypes).map((type) => [type, journalFile])) },
    responses: { '200': { description: 'The report', schema: journalQualityReportSchema }, '403': problemBody('Another school than the clerk\'s'), '413': problemBody('The export is larger than the journal limit'), '415': problemBody('Not a JSON Lines or CSV body') },
  },
  {
    method: 'get', path: '/v1/reports/service-stats', operationId: 'serviceStats', summary: 'Service statistics: outcomes, decided within term, processing time, appeals', tag: 'reports', roles: reportRoles,
    description: 'Counts over the stored applications (received between from and to, local dates): by service and outcome, the share decided within term, the average processing time in working days, appeals and their outcomes. The department and admins: any school; a clerk: their own school only.',
    query: serviceStatsQuerySchema,
    responses: { '200': { description: 'The statistics', schema: serviceStatsSchema }, '403': problemBody('Another school than the clerk\'s') },
  },
];

const documentOperations: Operation[] = [
  {
    method: 'get', path: '/v1/applications/{id}/documents', operationId: 'listDocuments', summary: 'Printable documents: notices, the credential letter, the journal extract', tag: 'documents', roles: everyone,
    params: { id }, responses: { '200': { description: 'Documents with their HTML and PDF links', schema: documentList }, '404': problemBody('No such application, or not yours') },
  },
  {
    method: 'get', path: '/v1/applications/{id}/documents/{file}', operationId: 'readDocument', summary: 'A document as HTML or PDF', tag: 'documents', roles: everyone,
    description: '`file` is `<document id>.html` or `<document id>.pdf`. A document with the pupil\'s data goes to a parent only while the roster names them the pupil\'s legal representative.',
    params: { id, file: { type: 'string', pattern: '^.+\\.(html|pdf)$' } },
    responses: { '200': { description: 'The document', schema: { type: 'string' }, contentType: ['text/html', 'application/pdf'] }, '404': problemBody('No such document, or not yours') },
  },
];
