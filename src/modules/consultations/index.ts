/**
 * Public consultations on draft laws: articles and paragraphs, versions with word diff, comments,
 * answers, moderation, followers (with the "closing soon" letters), the final report, the API, and a
 * demo consultation on a new database.
 */
import { defineModule } from '../../platform/manifest/manifest.js';
import { closingSoonJob } from './commands/notify-followers.js';
import * as consultationsMigration from './migrations/2026-11-28-consultations.js';
import { consultationsPolicies } from './policy.js';
import { consultationApiRoutes } from './routes-api.js';
import { consultationManageRoutes } from './routes-manage.js';
import { consultationReportRoutes } from './routes-report.js';
import { consultationRoutes } from './routes.js';
import { consultationsSeed } from './seed.js';

export const consultationsModule = defineModule({
  name: 'consultations',
  routes: [consultationRoutes, consultationManageRoutes, consultationReportRoutes, consultationApiRoutes],
  policies: consultationsPolicies,
  migrations: { '2026-11-28-0800-consultations': consultationsMigration },
  jobs: [closingSoonJob],
  seed: consultationsSeed,
});
