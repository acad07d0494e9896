/**
 * Who may do what with consultations. Route-level rules take no resource; record-level rules take
 * the record. Every page, export and form of the module goes through these.
 */
import { definePolicies, hasRole, type Actor, type ActionsOf } from '../../platform/policy/policy.js';

/** Coordinators and administrators run consultations (create, edit, publish, versions, hearings, report). */
export const isCoordinator = (u: Actor | null): boolean => hasRole(u, 'admin', 'coordinator');

export interface ConsultationRecord {
  published_at: string | null;
}

export interface AnswerRecord {
  /** users named drafters of this consultation */
  drafterIds: readonly number[];
}

export const consultationsPolicies = definePolicies({
  /** Listing and reading: anyone (record-level: published, or the reader is a coordinator). */
  'consultations.list': () => true,
  'consultations.read': (u, c) => !!c && ((c as ConsultationRecord).published_at !== null || isCoordinator(u)),
  'consultations.manage': (u) => isCoordinator(u),
  /** Any signed-in account reaches the participation routes; the record rules below decide. */
  'consultations.participate': (u) => !!u && u.status !== 'disabled',
  /** Commenting, replying, flagging and following need a confirmed e-mail address (an active account). */
  'consultations.comment': (u) => !!u && u.status === 'active',
  /** Answers: the consultation's drafters, coordinators and administrators. */
  'consultations.answer': (u, r) =>
    isCoordinator(u) || (!!u && u.status === 'active' && !!r && (r as AnswerRecord).drafterIds.includes(u.id)),
  /** Moderation (hide, restore, the queue of flagged comments): administrators and coordinators. */
  'consultations.moderate': (u) => isCoordinator(u),
});

declare module '../../platform/policy/policy.js' {
  interface PolicyActions extends ActionsOf<typeof consultationsPolicies> {}
}
