/** CLI commands of the domain modules and platform tools added later (backup, import …). */
import type { CliCommand } from './command.js';
import { backupCommand, restoreCommand } from '../../platform/backup/cli.js';
import { calendarDueCommand } from '../../modules/appeals/cli.js';
import { appealsImportCommand } from '../../modules/appeals/import-cli.js';
import { directoryCommands } from '../../modules/directory/cli.js';
import { evidenceVerifyCommand } from '../../modules/cases/cli.js';
import { statsRebuildCommand } from '../../modules/stats/cli.js';
import { subscriptionDeleteCommand } from '../../modules/subscriptions/cli.js';

export const moduleCommands: Record<string, CliCommand> = {
  'evidence verify': evidenceVerifyCommand,
  backup: backupCommand,
  restore: restoreCommand,
  'calendar due': calendarDueCommand,
  'appeals import': appealsImportCommand,
  'stats rebuild': statsRebuildCommand,
  'subscription delete': subscriptionDeleteCommand,
  ...directoryCommands,
};
