/**
 * Statistics: per-body facts and aggregates kept up to date with the appeals (the refresh job), report
 * cards, league tables, choropleth maps, open data, the statistics API, and each appeal owner's
 * statistical consent (a section of the publication page). Other modules embed figures
 * (`cachedReportCard`) and the bulk import writes facts through `recordImportedFacts`.
 */
import { extend } from '../../platform/manifest/extensions.js';
import { defineModule } from '../../platform/manifest/manifest.js';
import { managePageSections } from '../publication/index.js';
import { statsRebuildCommand } from './cli.js';
import { statsRefresh } from './jobs.js';
import * as statsMigration from './migrations/2026-11-28-stats.js';
import * as statsIndexes from './migrations/2026-11-28-stats-indexes.js';
import { statsPolicies } from './policy.js';
import { statsApiRoutes } from './routes-api.js';
import { consentSection, statsConsentRoutes } from './routes-consent.js';
import { statsRoutes } from './routes.js';

export { recordImportedFacts, recomputeTouchedCells, type TouchedCells } from './commands/import-facts.js';
export { MIN_SAMPLE } from './figures.js';
export { parsePeriod } from './period.js';
export { cachedReportCard } from './queries.js';
export { lastRefresh } from './refresh.js';

export const statsModule = defineModule({
  name: 'stats',
  routes: [statsRoutes, statsApiRoutes, statsConsentRoutes],
  policies: statsPolicies,
  migrations: { '2026-11-28-1010-stats': statsMigration, '2026-11-28-1500-stats-indexes': statsIndexes },
  schedules: [statsRefresh],
  cli: { 'stats rebuild': statsRebuildCommand },
  extensions: [extend(managePageSections, consentSection)],
});
