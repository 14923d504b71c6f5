/**
 * @module http/notices
 * Which notices (and the documents attached to them) a caller may read:
 *
 * - a parent sees the notices addressed to them; a notice that carries the pupil's data (a
 *   journal extract) only while the roster still names them that pupil's legal representative;
 * - staff see every notice of an application they may see, except the body of a one-time
 *   access code, which only its addressee may read (staff holding it could sign in as the parent).
 *
 * The code itself is never in a listed notice: it is sealed at rest (`sealed: true`) and shown
 * once by the document routes (`admin/documents`, `readDocument`); the listing never reveals it,
 * so a client that syncs the list cannot use up the one showing.
 */
import type { WorkflowRegistry } from '../definition/registry.js';
import type { Roster } from '../ports/roster.js';
import type { Notice } from '../ports/types.js';
import type { ApplicationView } from '../runtime/types.js';
import type { Principal } from './auth/token.js';

/** Templates whose body only the applicant may read. */
export const applicantOnlyTemplates = new Set(['accessCode']);

export type NoticeView = Omit<Notice, 'html'> & { html: string | null };

/** What a caller may do with one notice: read it, see only that it exists, or not see it. */
export type NoticeAccess = 'read' | 'listed' | 'hidden';

/**
 * The access rule for the notices of one application and one caller.
 *
 * @example
 * const access = await noticeAccess({ principal, application: view, workflows, roster });
 * access(notice); // 'read'
 */
export async function noticeAccess({ principal, application, workflows, roster }: { principal: Principal; application: ApplicationView; workflows: WorkflowRegistry; roster: Pick<Roster, 'isRepresentative'> }): Promise<(notice: Notice) => NoticeAccess> {
  if (principal.role !== 'applicant') return (notice) => (applicantOnlyTemplates.has(notice.template) ? 'listed' : 'read');
  const specs = workflows.has(application.service, application.workflowVersion) ? (workflows.get(application.service, application.workflowVersion).definition.notices ?? []) : [];
  const withPupilData = new Set(specs.filter((spec) => spec.document !== undefined).map((spec) => spec.template));
  const represents = application.pupil !== null && (await roster.isRepresentative(principal.sub, application.pupil));
  return (notice) => {
    if (notice.to !== 'applicant') return 'hidden';
    return withPupilData.has(notice.template) && !represents ? 'listed' : 'read';
  };
}

/**
 * The notices as the caller may see them (a listed-only notice has `html: null`).
 *
 * @example
 * visibleNotices(await notifier.list(id), access);
 */
export function visibleNotices(notices: Notice[], access: (notice: Notice) => NoticeAccess): NoticeView[] {
  const out: NoticeView[] = [];
  for (const notice of notices) {
    const level = access(notice);
    if (level === 'read') out.push(notice);
    else if (level === 'listed') out.push({ ...notice, html: null });
  }
  return out;
}
