/**
 * Publication: the visibility rules (`wherePublished`, `canRead`), redaction suggestions and rules,
 * the publish workflow, public appeal pages, search, feeds and the public API. Other modules read
 * published appeals only through `wherePublished`, and may add sections to the owner's publication
 * page (`managePageSections`).
 */
import { defineModule } from '../../platform/manifest/manifest.js';
import * as publicationMigration from './migrations/2026-11-28-publication.js';
import * as searchIndexMigration from './migrations/2026-11-28-search-index.js';
import * as fileRecognisedMigration from './migrations/2026-12-07-publication-file-recognised.js';
import { publicationPolicies } from './policy.js';
import { publicationAdminRoutes } from './routes-admin.js';
import { publicationApiRoutes } from './routes-api.js';
import { publicationManageRoutes } from './routes-manage.js';
import { publicationPublicRoutes } from './routes-public.js';

export { loadImportRedaction, publishImportedCopies, type ImportedCopy } from './commands/publish-imported.js';
export { managePageSections, type ManagePageSection } from './extensions.js';
export type { RedactionInput } from './redaction/redact.js';
export { wherePublished } from './visibility.js';

export const publicationModule = defineModule({
  name: 'publication',
  routes: [publicationPublicRoutes, publicationManageRoutes, publicationAdminRoutes, publicationApiRoutes],
  policies: publicationPolicies,
  migrations: {
    '2026-11-28-1000-publication': publicationMigration,
    '2026-11-28-1510-search-index': searchIndexMigration,
    '2026-12-07-0110-publication-file-recognised': fileRecognisedMigration,
  },
});
