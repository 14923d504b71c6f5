/**
 * @module reglament
 * The library's root: the engine, the calendar and the ports, with no database driver and no
 * web framework loaded. Adapters and the HTTP service sit behind subpath exports
 * (`reglament/sqlite`, `reglament/mongodb`, `reglament/http`, `reglament/viz`, `reglament/testing`).
 */
export { ReglamentError, isReglamentError, errorCodes } from './errors.js';
export type { ErrorCode, ReglamentErrorOptions } from './errors.js';
export type { Calendar, CalendarOptions, CalendarOverrides, DateInput, IsoDate, TermEnd, YearSummary } from './calendar/types.js';
export { createCalendar } from './calendar/calendar.js';
export { loadCalendarOverrides } from './calendar/overrides.js';
export type {
  Actor,
  ApplicationQuery,
  ApplicationRecord,
  CommitCommand,
  CommitOutcome,
  CommitSettlement,
  HistoryEntry,
  Lease,
  OutboxRecord,
  Page,
  RuleResult,
  Store,
  StoredCommand,
  StoredRecord,
  TermRecord,
  TimerRecord,
} from './store/types.js';
export type { SqliteStore, SqliteStoreOptions } from './store/sqlite/index.js';

// Workflow definitions, rules, the pure core.
export { loadWorkflow } from './definition/load.js';
export type { LoadOptions } from './definition/load.js';
export { compileWorkflow } from './definition/compile.js';
export type { CompiledWorkflow, CompileOptions, ImplementationArgs, WorkflowImplementations } from './definition/compile.js';
export { createWorkflowRegistry } from './definition/registry.js';
export type { WorkflowRegistry, WorkflowRegistryOptions } from './definition/registry.js';
export type {
  DefinitionProblem,
  DocumentSpec,
  EventSpec,
  NoticeSpec,
  RuleSpec,
  StateConfig,
  TermSpec,
  TimerSpec,
  WorkflowDefinition,
  WorkflowOverrides,
} from './definition/types.js';
export { compileRules, evaluateRules } from './rules/compile.js';
export type { CompiledRules, Facts } from './rules/compile.js';
export { applyEvent, startWorkflow } from './engine/step.js';
export type { CoreApplication, EngineEvent, StepResult } from './engine/step.js';
export type { Effect, NotifyEffect, OutboxEffect } from './engine/effects.js';
export { allowedEventsOf, statePath } from './engine/state.js';

// The runtime and the ports.
export { createEngine } from './runtime/engine.js';
export { createIdGenerator } from './runtime/ids.js';
export type { ApplicationView, CommandOptions, Engine, EngineOptions, Logger, RosterSignal, SendOptions, Submission, TermView } from './runtime/types.js';
export { createDefaultPorts } from './ports/defaults.js';
export type { DefaultPorts, DefaultPortsOptions } from './ports/defaults.js';
export { createRoster } from './ports/roster.js';
export type { PupilStatus, Roster, RosterData } from './ports/roster.js';
export { createNotifier } from './ports/notifier.js';
export type { NotifierOptions } from './ports/notifier.js';
export { createSealer } from './ports/seal.js';
export type { SealedText, Sealer, SealerOptions } from './ports/seal.js';
export { createAccessProvisioner } from './ports/access.js';
export { createDocumentRenderer } from './ports/documents.js';
export { builtinTemplates } from './ports/templates.js';
export { escapeHtml } from './ports/html.js';
export { createAuditLog } from './ports/audit.js';
export type {
  AccessGrant,
  AccessPort,
  ApplicationParties,
  AuditEntry,
  AuditPort,
  Clock,
  DocumentsPort,
  EnginePorts,
  FactsPort,
  IdGenerator,
  Notice,
  NoticeRequest,
  NotifierPort,
  RenderedDocument,
  JournalEntry,
  RosterChange,
  Template,
} from './ports/types.js';

// Journal quality: the school's duties as rules with citations, import of e-journal exports, reports.
export { buildQualityReport, createQualityReportBuilder, qualityDimensions } from './quality/report.js';
export type { QualityReportBuilder, QualityReportOptions } from './quality/report.js';
export { checkJournalRecord } from './quality/check.js';
export type { CheckJournalOptions } from './quality/check.js';
export { importJournal } from './quality/import.js';
export type { ImportJournalOptions, ImportSummary, JournalFormat, RejectedLine } from './quality/import.js';
export { defaultQualityRules, loadQualityRules } from './quality/rules.js';
export { compileQualityRules } from './quality/compile.js';
export type { CompiledQualityRule, CompileQualityOptions, QualityChecker } from './quality/compile.js';
export { formatQualityTable } from './quality/table.js';
export { columnHeaders } from './quality/columns.js';
export type {
  JournalEntryKind,
  JournalRecord,
  QualityCounts,
  QualityDimension,
  QualityEntry,
  QualityReport,
  QualityReportRow,
  QualityRule,
  QualityRuleSet,
  QualityRuleSummary,
  RuleOutcome,
} from './quality/types.js';

// The e-diary service of Постановление № 174 (five workflows, notices, the journal extract).
export {
  createEdiaryFacts,
  createEdiaryService,
  ediaryServices,
  ediaryTemplates,
  ediaryWorkflows,
  epguStatusNames,
  journalExtract,
  loadEpguCodes,
  registerEdiaryWorkflows,
} from './ediary/index.js';
export type { EdiaryRuntime, EdiaryServiceId, EdiaryServiceOptions, EdiaryWorkflowOptions, EpguCodes, EpguCodesConfig } from './ediary/index.js';

// Service statistics for the education department.
export { buildServiceStats, createServiceStatsBuilder } from './stats/aggregate.js';
export type { ServiceStatsBuilder, ServiceStatsOptions } from './stats/aggregate.js';
export { collectServiceStats } from './stats/collect.js';
export type { CollectServiceStatsOptions } from './stats/collect.js';
export { decisionTermsOf } from './stats/decision-terms.js';
export type { TermsOfWorkflow } from './stats/decision-terms.js';
export { formatServiceStats } from './stats/table.js';
export type { AppealSummary, ServiceStats, ServiceSummary } from './stats/types.js';
