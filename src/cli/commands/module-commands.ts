/** CLI commands of the domain modules and platform tools added later (backup, import …). */
import type { CliCommand } from './command.js';

export const moduleCommands: Record<string, CliCommand> = {};
