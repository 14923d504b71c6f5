/**
 * @module http/openapi/document
 * Builds the OpenAPI 3.1 document from the operations the route files declare. Named schemas
 * (those with a `title`) go to `components.schemas` and are referenced; every operation also
 * documents its problem responses, so a client (or schemathesis) knows each status it can get.
 */
import problemSchema from '../schemas/problem.json' with { type: 'json' };
import type { Operation, ResponseSpec } from './operation.js';

export interface DocumentOptions {
  title?: string;
  version: string;
  description?: string;
}

type Json = Record<string, unknown>;

/**
 * Moves titled schemas (at any depth) into components and returns `$ref`s in their place, so
 * a schema used by several operations is written once. The top schema of a parameter stays
 * inline (parameters cannot be refs to objects).
 */
function componentsCollector() {
  const schemas: Record<string, Json> = {};
  function hoist(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(hoist);
    if (value === null || typeof value !== 'object') return value;
    const out: Json = {};
    for (const [key, item] of Object.entries(value)) out[key] = key === 'properties' || key === '$defs' ? hoistEach(item) : hoist(item);
    const title = (value as { title?: unknown }).title;
    if (typeof title !== 'string') return out;
    schemas[title] ??= out;
    return { $ref: `#/components/schemas/${title}` };
  }
  function hoistEach(map: unknown): unknown {
    if (map === null || typeof map !== 'object') return map;
    return Object.fromEntries(Object.entries(map).map(([name, schema]) => [name, hoist(schema)]));
  }
  return { schemas, ref: (schema: object) => hoist(schema) as Json };
}

function queryParameters(query: object): Json[] {
  const { properties = {}, required = [] } = query as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(properties).map(([name, schema]) => {
    const { description, ...rest } = schema as Json & { description?: string };
    return { name, in: 'query', required: required.includes(name), ...(description ? { description } : {}), schema: rest };
  });
}

function problemResponses(operation: Operation): Record<string, ResponseSpec> {
  const out: Record<string, ResponseSpec> = {
    '4XX': { description: 'A problem with the request (RFC 9457): the fields at fault are listed in `errors`.', schema: problemSchema, contentType: 'application/problem+json' },
  };
  if (operation.roles) out['401'] = { description: 'No valid bearer token.', schema: problemSchema, contentType: 'application/problem+json' };
  return out;
}

/**
 * The OpenAPI document.
 *
 * @example
 * const doc = buildOpenApi([...applicationOperations, ...healthOperations], { version: '0.1.0' });
 */
export function buildOpenApi(operations: Operation[], { title = 'reglament', version, description }: DocumentOptions): Json {
  const { schemas, ref } = componentsCollector();
  const paths: Record<string, Json> = {};
  const tags = new Set<string>();
  for (const operation of operations) {
    tags.add(operation.tag);
    const parameters: Json[] = [];
    for (const [name, schema] of Object.entries(operation.params ?? {})) parameters.push({ name, in: 'path', required: true, schema });
    if (operation.query) parameters.push(...queryParameters(operation.query));
    for (const header of operation.headers ?? []) parameters.push({ name: header.name, in: 'header', required: header.required, description: header.description, schema: header.schema });
    const responses: Json = {};
    for (const [status, spec] of Object.entries({ ...problemResponses(operation), ...operation.responses })) {
      const response: Json = { description: spec.description };
      if (spec.schema) {
        const types = Array.isArray(spec.contentType) ? spec.contentType : [spec.contentType ?? 'application/json'];
        response['content'] = Object.fromEntries(types.map((type) => [type, { schema: ref(spec.schema!) }]));
      }
      if (spec.headers) response['headers'] = spec.headers;
      if (spec.links) response['links'] = spec.links;
      responses[status] = response;
    }
    const entry: Json = {
      operationId: operation.operationId,
      summary: operation.summary,
      tags: [operation.tag],
      ...(operation.description ? { description: operation.description } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(operation.body) } } } } : {}),
      ...(operation.upload
        ? { requestBody: { required: true, description: operation.upload.description, content: Object.fromEntries(Object.entries(operation.upload.content).map(([type, schema]) => [type, { schema }])) } }
        : {}),
      responses,
      security: operation.roles ? [{ bearer: [] }] : [],
    };
    if (operation.roles) entry['x-roles'] = [...operation.roles];
    (paths[operation.path] ??= {})[operation.method] = entry;
  }
  return {
    openapi: '3.1.0',
    info: { title, version, ...(description ? { description } : {}) },
    servers: [{ url: '/' }],
    tags: [...tags].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
