/**
 * Who may do what with publication. Reading public material is open to everyone (visibility is
 * decided by visibility.ts, not here). Publishing, redacting and withdrawing an appeal belongs to
 * the people who may read the original (its owner, and NGO coordinators and lawyers for NGO
 * appeals); marking an original file safe to publish is for NGO staff who checked it; rules that
 * apply to many appeals (global, per body) are for administrators.
 */
import { definePolicies, hasRole, isStaff, type ActionsOf } from '../../platform/policy/policy.js';
import { canReadAppeal, type AppealAccess } from '../appeals/index.js';

function isAppealAccess(r: unknown): r is AppealAccess {
  return !!r && typeof r === 'object' && 'owner_id' in r && 'ngo' in r;
}

export const publicationPolicies = definePolicies({
  /** Public pages, search, feeds and the public API. */
  'publication.public': () => true,
  /** Review redactions, preview, publish, withdraw (record level: the appeal). */
  'publication.manage': (u, r) =>
    r === undefined ? !!u && u.status === 'active' : isAppealAccess(r) && canReadAppeal(u, r),
  /** Mark an original document safe to publish (record level: the appeal). */
  'publication.mark_safe': (u, r) =>
    hasRole(u, 'coordinator', 'lawyer') && (r === undefined || (isAppealAccess(r) && canReadAppeal(u, r))),
  /** Global and per-body redaction rules. */
  'publication.rules': (u) => hasRole(u, 'admin', 'coordinator'),
  /** The redaction detector as an API for the organisation's tools (texts may be confidential). */
  'publication.suggest': (u) => isStaff(u),
});

declare module '../../platform/policy/policy.js' {
  interface PolicyActions extends ActionsOf<typeof publicationPolicies> {}
}
