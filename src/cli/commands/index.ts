/** Every CLI command, by name ("user add" is a two-word command). */
import type { CliCommand } from './command.js';
import { auditVerifyCommand, keysRotateCommand, migrateCommand, serveCommand } from './basic.js';
import { userAddCommand, userDisableCommand, userResetPasswordCommand } from './users.js';
import { jobsRunCommand } from './jobs.js';
import { moduleCommands } from './module-commands.js';

export const commands: Record<string, CliCommand> = {
  serve: serveCommand,
  migrate: migrateCommand,
  'user add': userAddCommand,
  'user disable': userDisableCommand,
  'user reset-password': userResetPasswordCommand,
  'audit verify': auditVerifyCommand,
  'keys rotate': keysRotateCommand,
  'jobs run': jobsRunCommand,
  ...moduleCommands,
};
