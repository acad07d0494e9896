/**
 * Anonymous reports: the reporter's pages under /report (receipt codes, follow-up messages), the staff
 * inbox under /anonymous-reports, conversion into a case or an appeal, the delayed staff notification
 * and the hourly expiry sweep.
 */
import { defineModule } from '../../platform/manifest/manifest.js';
import { anonymousEncryptedColumns } from './encrypted-columns.js';
import { anonymousSweep, notifyJob } from './jobs.js';
import * as anonymousMigration from './migrations/2026-11-28-anonymous.js';
import { anonymousPolicies } from './policy.js';
import { reporterRoutes } from './routes-reporter.js';
import { staffRoutes } from './routes-staff.js';

export const anonymousModule = defineModule({
  name: 'anonymous',
  routes: [reporterRoutes, staffRoutes],
  policies: anonymousPolicies,
  migrations: { '2026-11-28-0900-anonymous': anonymousMigration },
  jobs: [notifyJob],
  schedules: [anonymousSweep],
  encryptedColumns: anonymousEncryptedColumns,
});
