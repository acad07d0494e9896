/**
 * `achyk import bodies|territories FILE [--dry-run]` and `achyk export bodies|territories [FILE]`.
 * The import validates the whole file first and writes nothing if any row is wrong; problems are
 * printed one per line as "row N, column C: reason" in the language of LANG (ky, ru, else English).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from '../../platform/cli/command.js';
import type { CliCommand } from '../../platform/cli/command.js';
import { progressBar } from '../../platform/cli/progress.js';
import { cliLocale } from '../../platform/cli/locale.js';
import { translator } from '../../platform/i18n/translate.js';
import { exportDirectory } from './commands/export-directory.js';
import { importDirectory } from './commands/import-directory.js';
import { formatReport } from './report-text.js';
import { loadBoundaries } from './boundaries.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { DirectoryFile } from './csv.js';

function importCommand(file: DirectoryFile): CliCommand {
  return {
    summary: `import ${file} from a CSV file (all-or-nothing, upsert by code): FILE [--dry-run]`,
    async run(args, cli) {
      const { positionals, values } = parseArgs({
        args,
        allowPositionals: true,
        options: { 'dry-run': { type: 'boolean', default: false } },
      });
      const path = positionals[0];
      if (!path) throw new UsageError(`achyk import ${file} needs a CSV file: achyk import ${file} FILE [--dry-run]`);
      if (!fs.existsSync(path)) throw new UsageError(`No such file: ${path}`);
      const data = fs.readFileSync(path);
      const runtime = await cli.openRuntime();
      const bar = progressBar();
      try {
        let started = false;
        const report = await runtime.conn.db.transaction().execute((trx) =>
          importDirectory({
            trx,
            file,
            data,
            actor: 'cli',
            now: new Date(),
            dryRun: values['dry-run'],
            onProgress: (done, total) => {
              if (!started) bar.start(total, `Importing ${file}`);
              started = true;
              bar.update(done);
            },
          }),
        );
        bar.stop();
        const lines = formatReport(report, translator(cliLocale()));
        if (report.problems.length) {
          for (const l of lines) console.error(l);
          process.exitCode = 1;
        } else for (const l of lines) console.log(l);
      } finally {
        bar.stop();
        await runtime.close();
      }
    },
  };
}

function exportCommand(file: DirectoryFile): CliCommand {
  return {
    summary: `export every ${file === 'bodies' ? 'body' : 'territory'} as CSV (the import format): [FILE] (default: standard output)`,
    async run(args, cli) {
      const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
      const runtime = await cli.openRuntime();
      try {
        const { csv, rows } = await exportDirectory(runtime.conn.db, file);
        if (positionals[0]) {
          fs.writeFileSync(positionals[0], csv);
          console.error(`Wrote ${rows} ${file} to ${positionals[0]}.`);
        } else process.stdout.write(csv);
      } finally {
        await runtime.close();
      }
    },
  };
}

/** `achyk import boundaries FILE.geojson…`: replaces the map shapes of the territories with the same codes. */
const importBoundariesCommand: CliCommand = {
  summary: 'load map boundaries (GeoJSON with OCHA P-codes in properties.id) onto territories: FILE…',
  async run(args, cli) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length === 0) throw new UsageError('achyk import boundaries needs one or more GeoJSON files');
    for (const f of positionals) if (!fs.existsSync(f)) throw new UsageError(`No such file: ${f}`);
    const runtime = await cli.openRuntime();
    try {
      const now = new Date();
      const matched = await runtime.conn.db.transaction().execute(async (trx) => {
        const n = await loadBoundaries(trx, now, positionals);
        await appendAudit(trx, {
          actor: 'cli',
          action: 'directory.boundaries',
          objectType: 'territory',
          data: { matched: n },
          at: now,
        });
        return n;
      });
      console.log(`Boundaries loaded for ${matched} territories.`);
    } finally {
      await runtime.close();
    }
  },
};

export const directoryCommands: Record<string, CliCommand> = {
  'import boundaries': importBoundariesCommand,
  'import territories': importCommand('territories'),
  'import bodies': importCommand('bodies'),
  'export territories': exportCommand('territories'),
  'export bodies': exportCommand('bodies'),
};
