/**
 * @module http/request-schemas
 * The request schemas of the applications API, completed with what the loaded workflows know:
 * the service ids and event types become `enum`s. The result is compiled by the validators AND
 * published in /openapi.json, so a client generator (or schemathesis) sees exactly what is
 * enforced.
 */
import { systemEvents } from '../definition/builtins.js';
import type { WorkflowRegistry } from '../definition/registry.js';
import createSchema from './schemas/application-create.json' with { type: 'json' };
import eventSchema from './schemas/event.json' with { type: 'json' };
import listSchema from './schemas/application-list-query.json' with { type: 'json' };

/** A request schema: an object schema whose properties may be completed. */
type Json = { properties: Record<string, Record<string, unknown>>; [keyword: string]: unknown };

export interface RequestSchemas {
  create: Json;
  event: Json;
  list: Json;
}

/**
 * Request schemas for the services and events of `workflows`.
 *
 * @example
 * const schemas = requestSchemas(workflows);
 * schemas.create.properties.service.enum; // ['diary-access', 'journal-extract', ...]
 */
export function requestSchemas(workflows: WorkflowRegistry): RequestSchemas {
  const services = workflows.services();
  const create = structuredClone(createSchema) as Json;
  const list = structuredClone(listSchema) as Json;
  const event = structuredClone(eventSchema) as Json;
  if (services.length > 0) {
    create.properties['service'] = { ...create.properties['service'], enum: services };
    list.properties['service'] = { ...list.properties['service'], enum: services };
  }
  const all = services.flatMap((service) => workflows.versions(service).map((version) => workflows.get(service, version).definition));
  if (all.length > 0 && all.every((definition) => definition.events !== undefined)) {
    const internal = new Set<string>(Object.values(systemEvents));
    const types = [...new Set(all.flatMap((definition) => Object.keys(definition.events!)))].filter((type) => !internal.has(type)).sort();
    if (types.length > 0) event.properties['type'] = { ...event.properties['type'], enum: types };
  }
  return { create, event, list };
}
