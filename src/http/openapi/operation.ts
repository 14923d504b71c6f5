/**
 * @module http/openapi/operation
 * What a route file says about each of its endpoints, for the OpenAPI document. The schemas
 * named here are the very objects its validators compile, so the document cannot drift from
 * what is enforced.
 */
import type { Role } from '../auth/token.js';

export interface ResponseSpec {
  description: string;
  /** JSON Schema of the body; a schema with a `title` becomes a named component. */
  schema?: object;
  /** Default `application/json`; problems use `application/problem+json`; several when the client may get either. */
  contentType?: string | string[];
  headers?: Record<string, { description: string; schema: object }>;
  /** OpenAPI links: how a value of this response feeds another operation. */
  links?: Record<string, { operationId: string; parameters: Record<string, string> }>;
}

export interface HeaderSpec {
  name: string;
  required: boolean;
  description: string;
  schema: object;
}

/** One endpoint as documented. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, e.g. `/v1/applications/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Roles allowed; absent means no token is needed. */
  roles?: readonly Role[];
  /** Path parameters and their schemas. */
  params?: Record<string, object>;
  /** Object schema of the query string; each property becomes a parameter. */
  query?: object;
  headers?: HeaderSpec[];
  /** JSON Schema of the JSON body. */
  body?: object;
  /** A body that is not JSON (an uploaded file): its media types and their schemas. */
  upload?: { description: string; content: Record<string, object> };
  responses: Record<string, ResponseSpec>;
}
