/**
 * Who may do what with human-rights cases (SECURITY.md "Access control"). Decided:
 * - each case has an access list (read or edit); only people on it read the case's content: its
 *   events, persons, files, exports; the person who opens a case is put on it with edit access;
 * - coordinators manage every case's access list and workflow and see who read it, without reading
 *   its content unless they are on the list themselves (adding oneself is audited like any change);
 * - administrators manage users and the thesaurus but do not read case content unless on the list
 *   (reading case content is a separate permission);
 * - citizens never reach cases, even if someone put them on a list;
 * - a case the user may not read answers 404 everywhere, the same as a missing one.
 * The period reports are for coordinators: counts and pseudonymised summaries, never names.
 */
import { definePolicies, hasRole, type Actor, type ActionsOf } from '../../platform/policy/policy.js';
import type { AccessLevel } from './tables.js';

export interface CaseAccess {
  caseId: number;
  members: { userId: number; access: AccessLevel }[];
}

function isCaseAccess(r: unknown): r is CaseAccess {
  return !!r && typeof r === 'object' && 'caseId' in r && Array.isArray((r as CaseAccess).members);
}

const caseStaff = (u: Actor | null): u is Actor => hasRole(u, 'admin', 'coordinator', 'lawyer', 'monitor');

/** The access level the user holds on the case, or null. */
export function accessOf(user: Actor | null, c: CaseAccess): AccessLevel | null {
  if (!caseStaff(user)) return null;
  return c.members.find((m) => m.userId === user.id)?.access ?? null;
}

/** Record level: read the content of a case (pages, API, files, exports, search hits). */
export function canReadCase(user: Actor | null, c: CaseAccess): boolean {
  return accessOf(user, c) !== null;
}

/** Record level: change the content of a case. */
export function canEditCase(user: Actor | null, c: CaseAccess): boolean {
  return accessOf(user, c) === 'edit';
}

export const casesPolicies = definePolicies({
  /** The case area (lists show only what the user may read or manage). */
  'cases.use': (u) => caseStaff(u),
  /** Opening a new case. */
  'cases.create': (u) => hasRole(u, 'coordinator', 'lawyer', 'monitor'),
  'case.read': (u, r) => isCaseAccess(r) && canReadCase(u, r),
  'case.edit': (u, r) => isCaseAccess(r) && canEditCase(u, r),
  /** Identifiable exports: members only (and a fresh password, checked by the route). */
  'case.export': (u, r) => isCaseAccess(r) && canReadCase(u, r),
  /** Access list, workflow and the read trail of a case. */
  'case.manage': (u, r) => isCaseAccess(r) && hasRole(u, 'coordinator'),
  /** Period reports (aggregates and pseudonymised summaries). */
  'cases.report': (u) => hasRole(u, 'coordinator'),
  /** Editing the thesaurus. */
  'cases.thesaurus': (u) => hasRole(u, 'admin'),
});

declare module '../../platform/policy/policy.js' {
  interface PolicyActions extends ActionsOf<typeof casesPolicies> {}
}
