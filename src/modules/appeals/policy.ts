/**
 * Who may do what with appeals (SECURITY.md "Access control"). Decided:
 * - an appeal is private to its owner;
 * - an appeal filed by NGO staff (`ngo = 1`: filed by anyone whose role is not citizen) is also open
 *   to the organisation's coordinators and lawyers, who watch deadlines and escalate for the
 *   people they help. Monitors file appeals but see only their own;
 * - administrators manage rules, the calendar and the holding pen, but do not read appeals they do
 *   not own (reading case content is a separate permission);
 * - everyone else gets 404, the same answer as for a missing appeal.
 */
import { definePolicies, hasRole, type Actor, type ActionsOf } from '../../platform/policy/policy.js';

export interface AppealAccess {
  owner_id: number;
  ngo: number;
}

function isAppealAccess(r: unknown): r is AppealAccess {
  return !!r && typeof r === 'object' && 'owner_id' in r && 'ngo' in r;
}

/** The one visibility rule, used by every page, API route, download and list. */
export function canReadAppeal(user: Actor | null, appeal: AppealAccess): boolean {
  if (!user || user.status !== 'active') return false;
  if (appeal.owner_id === user.id) return true;
  return appeal.ngo === 1 && hasRole(user, 'coordinator', 'lawyer');
}

export const appealsPolicies = definePolicies({
  /** Signed-in active users file and follow their appeals. */
  'appeals.use': (u) => !!u && u.status === 'active',
  /** Record level: read an appeal (its timeline, documents, deadlines). */
  'appeals.read': (u, r) => isAppealAccess(r) && canReadAppeal(u, r),
  /** Record level: act on it (events, documents, escalation). Same people as read. */
  'appeals.act': (u, r) => isAppealAccess(r) && canReadAppeal(u, r),
  /** The NGO dashboard and acting on behalf of a person. */
  'appeals.dashboard': (u) => hasRole(u, 'coordinator', 'lawyer'),
  /** Staff may act on behalf of a person whose identity is kept encrypted. */
  'appeals.on_behalf': (u) => hasRole(u, 'coordinator', 'lawyer', 'monitor'),
  /** Rules and calendar administration. */
  'appeals.admin': (u) => hasRole(u, 'admin'),
  /** The inbound-mail holding pen. */
  'mail.holding_pen': (u) => hasRole(u, 'admin'),
});

declare module '../../platform/policy/policy.js' {
  interface PolicyActions extends ActionsOf<typeof appealsPolicies> {}
}
