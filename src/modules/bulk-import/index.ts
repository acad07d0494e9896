/**
 * The bulk import of appeals (`achyk appeals import`, and the bench's generator): a workflow across
 * three modules, so it lives above them. It checks every row (appeals), then writes each batch through
 * the batch commands of the modules that own the tables: the appeals and their timelines (appeals),
 * the statistical facts (stats), the redacted public copies and search entries (publication).
 */
import { defineModule } from '../../platform/manifest/manifest.js';
import { appealsImportCommand } from './import-cli.js';

export {
  importAppeals,
  loadImportContext,
  recomputeTouchedCells,
  validateImportRows,
  type ImportContext,
  type ImportOptions,
  type ImportResult,
  type TouchedCells,
} from './import-appeals.js';

export const bulkImportModule = defineModule({ name: 'bulk-import', cli: { 'appeals import': appealsImportCommand } });
