/**
 * Statements and press releases (trilingual Markdown), live and frozen figure embeds, scheduling,
 * dated corrections, events with iCalendar files, archives and Atom feeds, announcements to
 * subscribers, and demo statements on a new database.
 */
import { defineModule } from '../../platform/manifest/manifest.js';
import { announceJob } from './commands/announce.js';
import * as statementsMigration from './migrations/2026-11-28-statements.js';
import { statementsPolicies } from './policy.js';
import { eventRoutes } from './routes-events.js';
import { statementManageRoutes } from './routes-manage.js';
import { statementPublicRoutes } from './routes-public.js';
import { statementsSeed } from './seed.js';

export const statementsModule = defineModule({
  name: 'statements',
  routes: [statementPublicRoutes, statementManageRoutes, eventRoutes],
  policies: statementsPolicies,
  migrations: { '2026-11-28-1100-statements': statementsMigration },
  jobs: [announceJob],
  seed: statementsSeed,
});
