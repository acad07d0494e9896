/**
 * Who may do what with statements, press releases and events. Reading is public (which records are
 * public is decided by visibility.ts, at query time); writing, previewing, publishing and correcting
 * belong to coordinators and administrators.
 */
import { definePolicy, hasRole, type Actor } from '../../platform/policy/policy.js';

export const isStatementEditor = (u: Actor | null): boolean => hasRole(u, 'admin', 'coordinator');

/** Public pages, archives, feeds, figure pages and calendar files. */
definePolicy('statements.public', () => true);
/** Drafts, previews, publication, scheduling and corrections of statements and events. */
definePolicy('statements.manage', (u) => isStatementEditor(u));
