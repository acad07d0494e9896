/**
 * Who may do what in the directory. Reading is public: the directory is what citizens use to find
 * where to send an appeal. Changing it is for administrators, who also answer for the CSV imports.
 */
import { definePolicy, hasRole } from '../../platform/policy/policy.js';

/** Browse, search, map, body and territory pages, and the read API. */
definePolicy('directory.read', () => true);
/** Create, edit, merge, deactivate; import and export; see the history of changes. */
definePolicy('directory.manage', (u) => hasRole(u, 'admin'));
