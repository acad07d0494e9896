/**
 * The contact form (public, /contact) and its staff inbox (/contact/inbox), with the hourly sweep
 * that deletes handled messages after their retention period.
 */
import { defineModule } from '../../platform/manifest/manifest.js';
import { contactEncryptedColumns } from './encrypted-columns.js';
import { contactSweep } from './jobs.js';
import * as contactMigration from './migrations/2026-11-28-contact.js';
import { contactPolicies } from './policy.js';
import { contactInboxRoutes } from './routes-inbox.js';
import { contactPublicRoutes } from './routes-public.js';

export const contactModule = defineModule({
  name: 'contact',
  routes: [contactPublicRoutes, contactInboxRoutes],
  policies: contactPolicies,
  migrations: { '2026-11-28-1110-contact': contactMigration },
  schedules: [contactSweep],
  encryptedColumns: contactEncryptedColumns,
});
