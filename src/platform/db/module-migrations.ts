/**
 * Migrations of the domain modules, keyed by '<date>-<module>' so that they sort after the
 * foundation. Each module adds its own line here.
 */
import type { Migration } from 'kysely';
import * as anonymous from '../../modules/anonymous/migrations/2026-11-28-anonymous.js';
import * as cases from '../../modules/cases/migrations/2026-11-28-cases.js';
import * as consultations from '../../modules/consultations/migrations/2026-11-28-consultations.js';
import * as directory from '../../modules/directory/migrations/2026-11-28-directory.js';
import * as appeals from '../../modules/appeals/migrations/2026-11-28-appeals.js';
import * as mailInbound from '../../modules/mail-inbound/migrations/2026-11-28-mail-inbound.js';
import * as publication from '../../modules/publication/migrations/2026-11-28-publication.js';
import * as stats from '../../modules/stats/migrations/2026-11-28-stats.js';
import * as searchIndex from '../../modules/publication/migrations/2026-11-28-search-index.js';
import * as appealsSweepIndex from '../../modules/appeals/migrations/2026-11-28-appeals-sweep-index.js';
import * as appealFileOcr from '../../modules/appeals/migrations/2026-12-07-appeal-file-ocr.js';
import * as publicationFileRecognised from '../../modules/publication/migrations/2026-12-07-publication-file-recognised.js';
import * as statsIndexes from '../../modules/stats/migrations/2026-11-28-stats-indexes.js';
import * as statements from '../../modules/statements/migrations/2026-11-28-statements.js';
import * as contact from '../../modules/contact/migrations/2026-11-28-contact.js';
import * as subscriptions from '../../modules/subscriptions/migrations/2026-11-28-subscriptions.js';

export const moduleMigrations: Record<string, Migration> = {
  '2026-11-28-0100-directory': directory,
  '2026-11-28-0200-appeals': appeals,
  '2026-11-28-0210-mail-inbound': mailInbound,
  '2026-11-28-0600-cases': cases,
  '2026-11-28-0800-consultations': consultations,
  '2026-11-28-0900-anonymous': anonymous,
  '2026-11-28-1000-publication': publication,
  '2026-11-28-1010-stats': stats,
  '2026-11-28-1100-statements': statements,
  '2026-11-28-1100-subscriptions': subscriptions,
  '2026-11-28-1110-contact': contact,
  '2026-11-28-1500-stats-indexes': statsIndexes,
  '2026-11-28-1510-search-index': searchIndex,
  '2026-11-28-1530-appeals-sweep-index': appealsSweepIndex,
  '2026-12-07-0100-appeal-file-ocr': appealFileOcr,
  '2026-12-07-0110-publication-file-recognised': publicationFileRecognised,
};
