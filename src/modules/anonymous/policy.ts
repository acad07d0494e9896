/**
 * Who may do what in the anonymous reporting channel. Decided:
 * - anyone may report and follow up with a receipt, signed in or not (a signed-in person's account
 *   is never linked to the report: every reporter action is recorded as 'anonymous');
 * - coordinators and lawyers work the inbox: read, triage, assign, answer, keep, convert. The inbox
 *   is shared by them (an assignment says who acts, not who may read);
 * - administrators manage users and settings but do not read reports (reading content is a separate
 *   permission, SECURITY.md); monitors and citizens never reach the inbox.
 */
import { definePolicies, hasRole, type Actor, type ActionsOf } from '../../platform/policy/policy.js';

/** Staff who read and handle anonymous reports (also the people notified and reminded). */
export const STAFF_ROLES = ['coordinator', 'lawyer'] as const;
export const isReportStaff = (u: Actor | null): u is Actor => hasRole(u, ...STAFF_ROLES);

export const anonymousPolicies = definePolicies({
  /** The reporter's pages: open to everybody. */
  'anonymous.report': () => true,
  /** The staff inbox and every action on a report. */
  'anonymous.staff': (u) => isReportStaff(u),
});

declare module '../../platform/policy/policy.js' {
  interface PolicyActions extends ActionsOf<typeof anonymousPolicies> {}
}
