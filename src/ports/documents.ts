/**
 * @module ports/documents
 * The default documents port: renders notices and documents (e.g. a journal extract) to HTML
 * from named templates, the built-in ones plus any a service adds.
 */
import { ReglamentError } from '../errors.js';
import { builtinTemplates } from './templates.js';
import type { DocumentsPort, Template } from './types.js';

export interface DocumentRendererOptions {
  /** More templates, or replacements of built-in ones, by name. */
  templates?: Record<string, Template>;
}

/**
 * Creates the HTML renderer.
 *
 * @example
 * const documents = createDocumentRenderer({ templates: { journalExtract: (data) => ({ title: 'Выписка', html: '...' }) } });
 * documents.render('refusal', { application: { id: 'a1' }, grounds }).html
 */
export function createDocumentRenderer({ templates = {} }: DocumentRendererOptions = {}): DocumentsPort {
  const all: Record<string, Template> = { ...builtinTemplates, ...templates };
  return {
    has: (name) => Object.hasOwn(all, name),
    render(name, data) {
      const template = all[name];
      if (!template || !Object.hasOwn(all, name)) throw new ReglamentError('INVALID_INPUT', `no document template "${name}"`, { details: { template: name } });
      return template(data);
    },
  };
}
