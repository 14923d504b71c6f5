/**
 * @module stats/types
 * Service statistics for the education department: applications by service and outcome, the
 * share decided within term, processing time in working days, appeals and their outcomes.
 */

/** Counts of one service (workflow). */
export interface ServiceSummary {
  service: string;
  applications: number;
  open: number;
  closed: number;
  /** Applications by their current state; for closed ones this is the final state. */
  states: Record<string, number>;
  /** Applications whose decision term is met. */
  decided: number;
  /** Decided before the term ran out (`metAt < dueAt`, dueAt being 24:00 of the last day). */
  decidedWithinTerm: number;
  decidedLate: number;
  /** Not decided and the decision term ran out before the check instant. */
  overdue: number;
  /** decidedWithinTerm / decided; null when nothing is decided. */
  shareDecidedWithinTerm: number | null;
  /** Mean working days from registration (the decision term's start) to the decision; null when nothing is decided. */
  averageWorkingDays: number | null;
  /** Decided applications by the state the decision led to (e.g. 'access', 'refused'). */
  decisions: Record<string, number>;
}

/** Appeals (pre-trial complaints) and how they ended. */
export interface AppealSummary {
  appeals: number;
  open: number;
  decided: number;
  decidedWithinTerm: number;
  shareDecidedWithinTerm: number | null;
  /** Closed appeals by final state (e.g. 'answeredSatisfied', 'answeredRejected'). */
  outcomes: Record<string, number>;
  /** Appeals by the service of the application they are about (from the appeal's links). */
  byAppealedService: Record<string, number>;
}

/** The statistics report: plain JSON. */
export interface ServiceStats {
  report: 'service-statistics';
  /** The check instant (ISO, UTC): terms that ran out before it and are not met are overdue. */
  asOf: string;
  timeZone: string;
  /** The decision term(s) per service the report used. */
  decisionTerms: Record<string, string[]>;
  totals: Omit<ServiceSummary, 'service' | 'states' | 'decisions'>;
  services: ServiceSummary[];
  appeals: AppealSummary;
}
