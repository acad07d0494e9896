/**
 * Who may do what with the contact form. Decided:
 * - anyone may write, signed in or not (the message is never linked to an account);
 * - coordinators and administrators read the inbox, mark messages handled and delete them. Other
 *   staff do not: messages may be about anything, including people, and go to whoever answers
 *   for the organisation.
 */
import { definePolicy, hasRole, type Actor } from '../../platform/policy/policy.js';
// Registers the encrypted columns at boot (the policy module is loaded by every entry point).
import './encrypted-columns.js';

export const INBOX_ROLES = ['coordinator', 'admin'] as const;
export const isContactStaff = (u: Actor | null): u is Actor => hasRole(u, ...INBOX_ROLES);

/** The public contact form. */
definePolicy('contact.send', () => true);
/** The staff inbox: read, mark handled, delete. */
definePolicy('contact.inbox', (u) => isContactStaff(u));
