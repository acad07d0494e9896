/** The platform's CLI commands, by name ("user add" is a two-word command); modules add theirs through their manifests. */
import type { CliCommand } from '../../platform/cli/command.js';
import { backupCommand, restoreCommand } from '../../platform/backup/cli.js';
import { auditVerifyCommand, keysRotateCommand, migrateCommand, serveCommand } from './basic.js';
import { userAddCommand, userDisableCommand, userResetPasswordCommand } from './users.js';
import { jobsRunCommand } from './jobs.js';

export const platformCommands: Record<string, CliCommand> = {
  serve: serveCommand,
  migrate: migrateCommand,
  'user add': userAddCommand,
  'user disable': userDisableCommand,
  'user reset-password': userResetPasswordCommand,
  'audit verify': auditVerifyCommand,
  'keys rotate': keysRotateCommand,
  'jobs run': jobsRunCommand,
  backup: backupCommand,
  restore: restoreCommand,
};
