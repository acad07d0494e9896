/**
 * Every module, in order: the order of their routes, seeds and CLI help. The app, the migrator, the
 * policy registry, the seeder, the CLI and the job runner receive this list (src/app.ts,
 * src/bootstrap.ts, src/cli/main.ts, src/seed/seed.ts); nothing else imports the modules.
 * A module may import another only through that module's index.ts, and never one that imports it
 * back (test/platform/module-boundaries.test.ts, the `boundaries` lint rule).
 */
import type { ModuleManifest } from '../platform/manifest/manifest.js';
import { accountsModule } from './accounts/index.js';
import { adminModule } from './admin/index.js';
import { anonymousModule } from './anonymous/index.js';
import { apiModule } from './api/index.js';
import { appealsModule } from './appeals/index.js';
import { bulkImportModule } from './bulk-import/index.js';
import { calendarModule } from './calendar/index.js';
import { casesModule } from './cases/index.js';
import { consultationsModule } from './consultations/index.js';
import { contactModule } from './contact/index.js';
import { directoryModule } from './directory/index.js';
import { homeModule } from './home/index.js';
import { publicationModule } from './publication/index.js';
import { statementsModule } from './statements/index.js';
import { statsModule } from './stats/index.js';
import { subscriptionsModule } from './subscriptions/index.js';

export const modules: readonly ModuleManifest[] = [
  calendarModule,
  homeModule,
  accountsModule,
  adminModule,
  apiModule,
  // The directory's seed comes first: the other modules' demo records refer to its bodies.
  directoryModule,
  appealsModule,
  anonymousModule,
  casesModule,
  consultationsModule,
  publicationModule,
  statsModule,
  statementsModule,
  subscriptionsModule,
  contactModule,
  bulkImportModule,
];
