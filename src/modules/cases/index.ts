/**
 * Human-rights cases (HURIDOCS-style): events, acts, persons, involvements, interventions, sources,
 * evidence with chain of custody, per-case access lists, encrypted identities, the thesaurus, period
 * reports, and an appeal from a case. Other modules (anonymous reports) may open a case and record
 * evidence in it.
 */
import { defineModule } from '../../platform/manifest/manifest.js';
import { evidenceVerifyCommand } from './cli.js';
import { casesEncryptedColumns } from './encrypted-columns.js';
import * as casesMigration from './migrations/2026-11-28-cases.js';
import { casesPolicies } from './policy.js';
import { casesRoutes } from './routes.js';

export { casePeopleOfAppeals } from './people-of-appeal.js';
export { createCase } from './commands/create-case.js';
export { recordEvidence, storeUpload } from './commands/evidence.js';

export const casesModule = defineModule({
  name: 'cases',
  routes: [casesRoutes],
  policies: casesPolicies,
  migrations: { '2026-11-28-0600-cases': casesMigration },
  encryptedColumns: casesEncryptedColumns,
  cli: { 'evidence verify': evidenceVerifyCommand },
});
