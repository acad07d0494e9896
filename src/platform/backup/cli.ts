/**
 * `achyk backup FILE` and `achyk restore FILE`: the operator's side of backupDatabase/restoreDatabase.
 * Both open the database without migrating it (a backup must not change what it copies; a restore
 * migrates by itself) and show a progress bar on a terminal.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { UsageError } from '../cli/command.js';
import { progressBar, type Progress } from '../cli/progress.js';
import type { CliCommand } from '../cli/command.js';
import { verifyAuditChain } from '../audit/audit-log.js';
import { loadOrCreateKeyFile } from '../crypto/key-file.js';
import { openDatabase } from '../db/connect.js';
import { RestoreRefusedError } from './archive-format.js';
import { backupDatabase } from './backup.js';
import { restoreDatabase } from './restore.js';
import { verifyArchive, type ArchiveSummary } from './verify-archive.js';

const LABELS = { backup: 'Backing up', verify: 'Verifying ', load: 'Restoring ' } as const;

/** One bar per phase (verify, then load), fed by the onProgress callbacks. */
function phasedBar(): {
  onProgress(p: { phase: keyof typeof LABELS; done: number; total: number }): void;
  stop(): void;
} {
  let bar: Progress | null = null;
  let phase: string | null = null;
  return {
    onProgress(p) {
      if (p.phase !== phase) {
        bar?.stop();
        phase = p.phase;
        // An empty database has nothing to show (and a bar over 0 rows would read NaN%).
        bar = p.total > 0 ? progressBar() : null;
        bar?.start(p.total, LABELS[p.phase]);
      }
      bar?.update(p.done);
    },
    stop() {
      bar?.stop();
    },
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const backupCommand: CliCommand = {
  summary: 'write every table to one compressed archive: FILE [--force]; check an archive: --verify FILE',
  async run(args) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { force: { type: 'boolean' }, verify: { type: 'boolean' } },
    });
    const file = positionals[0];
    if (!file || positionals.length > 1)
      throw new UsageError('Usage: achyk backup FILE [--force]   or   achyk backup --verify FILE');
    const bar = phasedBar();
    if (values.verify) {
      try {
        const s = await verifyArchive(file, bar.onProgress);
        bar.stop();
        console.log(
          `${file} is complete and intact: ${plural(s.totalRows, 'row')} in ${plural(s.tables.length, 'table')}, made ${s.header.createdAt} on ${s.header.dialect}.`,
        );
        if (s.keyIds.length) console.log(`Its encrypted values need the key file with key(s) ${s.keyIds.join(', ')}.`);
      } finally {
        bar.stop();
      }
      return;
    }
    const config = loadConfig();
    // Opening a missing SQLite file would create an empty one (in what is probably the wrong folder).
    if (
      config.database.dialect === 'sqlite' &&
      config.database.file !== ':memory:' &&
      !fs.existsSync(config.database.file)
    ) {
      throw new UsageError(
        `There is no database at ${config.database.file}; set ACHYK_DATA_DIR or DATABASE_URL as for the server.`,
      );
    }
    const conn = openDatabase(config.database);
    try {
      const result = await backupDatabase({
        db: conn.db,
        dialect: conn.dialect,
        file,
        overwrite: values.force,
        onProgress: bar.onProgress,
      });
      bar.stop();
      console.log(
        `Backed up ${plural(result.totalRows, 'row')} in ${plural(result.tables.length, 'table')} to ${result.file} (${result.bytes} bytes).`,
      );
      console.log(
        `Encrypted fields stay encrypted in the archive: keep a copy of the key file (${config.keyFile}) in a separate safe place.`,
      );
    } finally {
      bar.stop();
      await conn.close();
    }
  },
};

export const restoreCommand: CliCommand = {
  summary: 'load a backup archive into a new, empty database (also SQLite → PostgreSQL): FILE [--without-keys]',
  async run(args, cli) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'without-keys': { type: 'boolean' } },
    });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError('Usage: achyk restore FILE [--without-keys]');
    const config = loadConfig();
    const conn = openDatabase(config.database);
    const bar = phasedBar();
    try {
      const result = await restoreDatabase({
        db: conn.db,
        dialect: conn.dialect,
        file,
        migrations: cli.migrations,
        onProgress: bar.onProgress,
        beforeWrite: (summary) => checkKeys(summary, config.keyFile, values['without-keys'] ?? false),
      });
      bar.stop();
      console.log(
        `Restored ${plural(result.totalRows, 'row')} in ${plural(result.tables.length, 'table')} into the ${conn.dialect} database.`,
      );
      if (result.migratedAfterLoad.length)
        console.log(`Then applied newer migrations: ${result.migratedAfterLoad.join(', ')}.`);
      const audit = await verifyAuditChain(conn.db);
      if (audit.ok) console.log(`Audit chain OK: ${audit.checked} entries verified.`);
      else {
        console.error(`Audit chain BROKEN at row ${audit.firstBadSeq}: ${audit.problem}`);
        process.exitCode = 1;
      }
    } finally {
      bar.stop();
      await conn.close();
    }
  },
};

/**
 * The archive's encrypted values are only readable with the keys they were made with, which live in
 * the key file, never in the archive. Restoring without them would give a database whose confidential
 * fields cannot be read, so the restore stops before writing unless told otherwise.
 */
function checkKeys(summary: ArchiveSummary, keyFile: string, withoutKeys: boolean): void {
  if (summary.keyIds.length === 0) return;
  let missing = summary.keyIds;
  if (fs.existsSync(keyFile)) {
    const { keys } = loadOrCreateKeyFile(keyFile);
    missing = summary.keyIds.filter((id) => !(id in keys.keys));
  }
  if (missing.length === 0) return;
  const why = fs.existsSync(keyFile)
    ? `the key file ${keyFile} lacks key(s) ${missing.join(', ')}`
    : `there is no key file at ${keyFile}`;
  if (withoutKeys) {
    console.error(`Warning: ${why}; encrypted fields will stay unreadable until the right key file is in place.`);
    return;
  }
  throw new RestoreRefusedError(
    `Not restoring: the archive holds values encrypted with key(s) ${summary.keyIds.join(', ')}, and ${why}. ` +
      'Copy the key file from the old installation (or set ACHYK_KEY_FILE to it) and run the restore again; ' +
      'pass --without-keys to restore anyway. Nothing was written.',
  );
}
