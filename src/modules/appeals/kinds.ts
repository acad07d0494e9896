/**
 * The vocabulary of appeals: kinds (each with its law), the states of the life cycle, channels,
 * classifications of answers and escalation targets. Plain constants shared by schema, views and SQL.
 */

/**
 * Kinds of appeal. Application, complaint and proposal fall under Law No. 67 of 4 May 2007 "On the
 * procedure for considering appeals of citizens"; information requests under Law No. 217 of
 * 29 December 2023 "On access to information"; corruption reports have their own rule (see
 * rules/default-rules.ts for why its default is the general appeals term).
 */
export const APPEAL_KINDS = [
  'application',
  'complaint',
  'proposal',
  'information_request',
  'corruption_report',
] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const isAppealKind = (v: unknown): v is AppealKind =>
  typeof v === 'string' && (APPEAL_KINDS as readonly string[]).includes(v);

/** Stored states of the life cycle (see lifecycle.ts and the diagram in docs/appeals.md). */
export const APPEAL_STATES = [
  'draft',
  'sent',
  'registered',
  'extended',
  'redirected',
  'answered',
  'classified',
  'closed',
] as const;
export type AppealState = (typeof APPEAL_STATES)[number];

/** States in which the body still owes an answer: the deadline runs. */
export const OPEN_STATES: readonly AppealState[] = ['sent', 'registered', 'extended', 'redirected'];

/** How the appeal reached the body. */
export const CHANNELS = ['email', 'paper', 'portal'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ['ky', 'ru', 'en'] as const;
export type AppealLanguage = (typeof LANGUAGES)[number];

/** What the answer amounted to, as judged by the citizen or the NGO lawyer. */
export const CLASSIFICATIONS = ['satisfied', 'partially_satisfied', 'refused', 'redirected', 'formal'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Structured reasons of a refusal (required when the classification is 'refused'). */
export const REFUSAL_REASONS = [
  'not_competent',
  'no_grounds',
  'insufficient_information',
  'confidential',
  'repeated_appeal',
  'no_reason_given',
  'other',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Where an escalation complaint goes. */
export const ESCALATION_TARGETS = ['supervisor', 'prosecutor', 'ombudsman'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

export const TERM_UNITS = ['working', 'calendar'] as const;
