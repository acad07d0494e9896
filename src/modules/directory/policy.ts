/**
 * Who may do what in the directory. Reading is public: the directory is what citizens use to find
 * where to send an appeal. Changing it is for administrators, who also answer for the CSV imports.
 */
import { definePolicies, hasRole, type ActionsOf } from '../../platform/policy/policy.js';

export const directoryPolicies = definePolicies({
  /** Browse, search, map, body and territory pages, and the read API. */
  'directory.read': () => true,
  /** Create, edit, merge, deactivate; import and export; see the history of changes. */
  'directory.manage': (u) => hasRole(u, 'admin'),
});

declare module '../../platform/policy/policy.js' {
  interface PolicyActions extends ActionsOf<typeof directoryPolicies> {}
}
