/**
 * Who may do what with statements, press releases and events. Reading is public (which records are
 * public is decided by visibility.ts, at query time); writing, previewing, publishing and correcting
 * belong to coordinators and administrators.
 */
import { definePolicies, hasRole, type Actor, type ActionsOf } from '../../platform/policy/policy.js';

export const isStatementEditor = (u: Actor | null): boolean => hasRole(u, 'admin', 'coordinator');

export const statementsPolicies = definePolicies({
  /** Public pages, archives, feeds, figure pages and calendar files. */
  'statements.public': () => true,
  /** Drafts, previews, publication, scheduling and corrections of statements and events. */
  'statements.manage': (u) => isStatementEditor(u),
});

declare module '../../platform/policy/policy.js' {
  interface PolicyActions extends ActionsOf<typeof statementsPolicies> {}
}
