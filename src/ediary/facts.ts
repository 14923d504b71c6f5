/**
 * @module ediary/facts
 * The facts the e-diary rules read: the roster's (is the applicant the pupil's legal
 * representative, is the pupil enrolled) plus, for a termination application, whether the
 * e-diary access it names is the applicant's own access to that pupil. Document data (the
 * journal) comes from the roster, for the application's own pupil only.
 */
import type { ApplicationParties, FactsPort } from '../ports/types.js';
import type { Facts } from '../rules/compile.js';
import type { Store } from '../store/types.js';

/** The link a termination application carries to the e-diary access it ends. */
export const terminatesRelation = 'terminates';

export interface EdiaryFactsOptions {
  /** The roster (or any facts port) the base facts and document data come from. */
  roster: FactsPort;
  store: Store;
}

/**
 * Wraps the roster with the facts of the e-diary workflows.
 *
 * @example
 * const facts = createEdiaryFacts({ roster: ports.roster, store });
 * await facts.factsFor(parties) // { roster: {...}, termination: { linked: 1, ownAccess: true } }
 */
export function createEdiaryFacts({ roster, store }: EdiaryFactsOptions): FactsPort {
  async function termination(parties: ApplicationParties): Promise<{ linked: number; ownAccess: boolean }> {
    const record = await store.getApplication(parties.applicationId);
    const links = (record?.links ?? []).filter((link) => link.relation === terminatesRelation);
    let own = links.length > 0;
    for (const link of links) {
      const access = await store.getApplication(link.applicationId);
      // Someone else's access, another pupil's, or one already ended cannot be terminated here.
      own &&= access !== null && access.service === 'diary-access' && access.status === 'open' && access.applicant === parties.applicant && access.pupil === parties.pupil;
    }
    return { linked: links.length, ownAccess: own };
  }
  const facts: FactsPort = {
    async factsFor(parties): Promise<Facts> {
      const base = await roster.factsFor(parties);
      return parties.service === 'access-termination' ? { ...base, termination: await termination(parties) } : base;
    },
  };
  if (roster.documentData) facts.documentData = roster.documentData.bind(roster);
  return facts;
}
