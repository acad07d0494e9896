/**
 * The `achyk` CLI: one entry for everything an operator does. The platform's commands live under
 * commands/, each module's come from its manifest (`cli`); this file installs the modules, hands each
 * command its context (how to open the runtime, the migrations) and turns known errors into readable
 * messages.
 */
import { migrations, openRuntime } from '../bootstrap.js';
import { ConfigError } from '../config.js';
import { modules } from '../modules/index.js';
import { UsageError, type CliCommand, type CliContext } from '../platform/cli/command.js';
import { KeyFileError } from '../platform/crypto/key-file.js';
import { AppError } from '../platform/errors.js';
import { translator } from '../platform/i18n/translate.js';
import { installModules, moduleCommands } from '../platform/manifest/install.js';
import { platformCommands } from './commands/index.js';

export { UsageError };

const commands: Record<string, CliCommand> = { ...platformCommands, ...moduleCommands(modules) };
/** What every command receives: how to open the runtime, and the migrations this code knows. */
export const cliContext: CliContext = {
  openRuntime: (opts = {}) => openRuntime(opts.config, { migrate: opts.migrate }),
  migrations,
};

function help(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(22)} ${c.summary}`);
  return `Usage: achyk <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nConfiguration comes from environment variables (see README).`;
}

export async function main(argv: string[]): Promise<void> {
  const [first, second, ...rest] = argv;
  if (!first || first === 'help' || first === '--help' || first === '-h') {
    console.log(help());
    return;
  }
  const twoWord = second ? `${first} ${second}` : '';
  const name = twoWord in commands ? twoWord : first;
  const args = name === twoWord ? rest : argv.slice(1);
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${argv.join(' ')}".\n\n${help()}`);
    process.exitCode = 64;
    return;
  }
  try {
    // Job handlers (`jobs run`) and encrypted columns (`keys rotate`) come from the manifests.
    installModules(modules);
    await command.run(args, cliContext);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof KeyFileError || err instanceof UsageError) {
      console.error(err.message);
      process.exitCode = 2;
    } else if (err instanceof AppError) {
      const t = translator('en');
      console.error(t(err.messageKey, { seconds: 60, ...err.params }));
      for (const f of err.fields) console.error(`  ${f.field}: ${t(f.message, f.params)}`);
      process.exitCode = 1;
    } else {
      console.error(`Error: ${(err as Error).message}`);
      process.exitCode = 1;
    }
  }
}
