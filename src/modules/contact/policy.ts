/**
 * Who may do what with the contact form. Decided:
 * - anyone may write, signed in or not (the message is never linked to an account);
 * - coordinators and administrators read the inbox, mark messages handled and delete them. Other
 *   staff do not: messages may be about anything, including people, and go to whoever answers
 *   for the organisation.
 */
import { definePolicies, hasRole, type Actor, type ActionsOf } from '../../platform/policy/policy.js';

export const INBOX_ROLES = ['coordinator', 'admin'] as const;
export const isContactStaff = (u: Actor | null): u is Actor => hasRole(u, ...INBOX_ROLES);

export const contactPolicies = definePolicies({
  /** The public contact form. */
  'contact.send': () => true,
  /** The staff inbox: read, mark handled, delete. */
  'contact.inbox': (u) => isContactStaff(u),
});

declare module '../../platform/policy/policy.js' {
  interface PolicyActions extends ActionsOf<typeof contactPolicies> {}
}
