/**
 * @module ediary
 * The e-diary service of Постановление администрации Нижнетуринского ГО от 24.02.2021 № 174
 * as reglament workflows: the loader, the engine wiring, notices, the journal extract, facts
 * and the ЕПГУ status-code mapping.
 */
export { createEdiaryService, ediaryServices, ediaryTemplates, ediaryWorkflowFile, ediaryWorkflows, registerEdiaryWorkflows } from './service.js';
export type { EdiaryRuntime, EdiaryServiceId, EdiaryServiceOptions, EdiaryWorkflowOptions } from './service.js';
export { createEdiaryFacts, terminatesRelation } from './facts.js';
export type { EdiaryFactsOptions } from './facts.js';
export { journalExtract, schoolYearOf } from './journal-extract.js';
export { ediaryNotices } from './notices.js';
export { appealRoute, department } from './appeal-route.js';
export { epguStatusNames, loadEpguCodes } from './epgu-codes.js';
export type { EpguCodes, EpguCodesConfig } from './epgu-codes.js';
