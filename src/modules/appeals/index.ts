/**
 * Appeals: the wizard, the appeal pages and dashboard, documents, letters through the outbox with
 * signed reply addresses, escalation, the overdue sweep and reminders, the administration of rules
 * and calendar, the API, and inbound mail (its reply channel: the SMTP receiver and the holding pen,
 * under inbound/). Its lifecycle (lifecycle.ts) owns "overdue" and "may it be escalated".
 */
import { defineModule } from '../../platform/manifest/manifest.js';
import { calendarDueCommand } from './cli.js';
import { appealsEncryptedColumns } from './encrypted-columns.js';
import { holdingPenRoutes } from './inbound/routes.js';
import { startInboundMail } from './inbound/service.js';
import { appealsSweep } from './jobs.js';
import * as appealsMigration from './migrations/2026-11-28-appeals.js';
import * as appealsSweepIndex from './migrations/2026-11-28-appeals-sweep-index.js';
import * as mailInboundMigration from './migrations/2026-11-28-mail-inbound.js';
import * as appealFileOcr from './migrations/2026-12-07-appeal-file-ocr.js';
import { ocrJob } from './ocr-job.js';
import { appealsPolicies } from './policy.js';
import { appealAdminRoutes } from './routes-admin.js';
import { appealApiRoutes } from './routes-api.js';
import { appealRoutes } from './routes-appeal.js';
import { fileRoutes } from './routes-files.js';
import { wizardRoutes } from './routes-wizard.js';

export { appealFor } from './access.js';
export { loadCalendar } from './calendar-store.js';
export { attachFile } from './commands/attach-file.js';
export { createDraft } from './commands/create-draft.js';
export {
  loadAppealImportContext,
  validateImportRows,
  writeImportedAppeals,
  type AppealImportContext,
  type DueMemo,
  type ImportedAppeal,
} from './commands/import-batch.js';
export type { ImportAppealRow, ImportFieldError } from './import-row.js';
export { APPEAL_KINDS, isAppealKind, OPEN_STATES, type AppealKind, type AppealState } from './kinds.js';
export { isOpen, isOverdue, isPastDue } from './lifecycle.js';
export { needsOcr, queueOcr } from './ocr-job.js';
export { canReadAppeal, type AppealAccess } from './policy.js';
export type { Appeal } from './queries.js';

export const appealsModule = defineModule({
  name: 'appeals',
  routes: [wizardRoutes, appealRoutes, fileRoutes, appealApiRoutes, appealAdminRoutes, holdingPenRoutes],
  policies: appealsPolicies,
  migrations: {
    '2026-11-28-0200-appeals': appealsMigration,
    // Inbound mail was a module of its own when this migration was written; the key stays.
    '2026-11-28-0210-mail-inbound': mailInboundMigration,
    '2026-11-28-1530-appeals-sweep-index': appealsSweepIndex,
    '2026-12-07-0100-appeal-file-ocr': appealFileOcr,
  },
  jobs: [ocrJob],
  schedules: [appealsSweep],
  encryptedColumns: appealsEncryptedColumns,
  cli: { 'calendar due': calendarDueCommand },
  services: [
    {
      name: 'inbound mail',
      async start(app) {
        const server = await startInboundMail(app);
        return (
          server && {
            description: `Receiving mail for ${app.achyk.config.mailDomain} on SMTP port ${server.port}`,
            close: () => server.close(),
          }
        );
      },
    },
  ],
});
