/**
 * `achyk appeals import FILE.ndjson --owner EMAIL [--dry-run]`: an NGO's spreadsheet of appeals
 * (exported as one JSON object per line, see docs/appeals-import.md) becomes appeals owned by one
 * of its staff. The whole file is checked first and nothing is written if any line is wrong; then
 * it is read again and written in batches (streamed: a file of millions of lines never sits in memory).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../../platform/cli/command.js';
import { UsageError } from '../../platform/cli/command.js';
import { progressBar } from '../../platform/cli/progress.js';
import { translator } from '../../platform/i18n/translate.js';
import { cliLocale } from '../../platform/cli/locale.js';
import {
  importAppeals,
  loadImportContext,
  recomputeTouchedCells,
  validateImportRows,
  type ImportContext,
  type TouchedCells,
} from './import-appeals.js';
import type { ImportFieldError } from '../appeals/index.js';

const CHUNK = 5000;
const SHOWN_ERRORS = 50;

/** Parsed lines of the file, a chunk at a time, with the line number of the first. */
async function* chunks(
  file: string,
): AsyncGenerator<{ lines: number[]; values: unknown[]; errors: ImportFieldError[] }> {
  const input = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lines: number[] = [];
  let values: unknown[] = [];
  let errors: ImportFieldError[] = [];
  let n = 0;
  for await (const line of input) {
    n++;
    if (line.trim() === '') continue;
    try {
      values.push(JSON.parse(line));
      lines.push(n);
    } catch {
      errors.push({ line: n, field: '', message: 'appeals.import.bad_json' });
    }
    if (values.length >= CHUNK) {
      yield { lines, values, errors };
      lines = [];
      values = [];
      errors = [];
    }
  }
  if (values.length || errors.length) yield { lines, values, errors };
}

async function check(file: string, context: ImportContext): Promise<{ rows: number; errors: ImportFieldError[] }> {
  let rows = 0;
  const errors: ImportFieldError[] = [];
  for await (const c of chunks(file)) {
    errors.push(...c.errors);
    c.values.forEach((v, i) => {
      const r = validateImportRows([v], context, c.lines[i]);
      errors.push(...r.errors);
      rows += r.rows.length;
    });
  }
  return { rows, errors };
}

export const appealsImportCommand: CliCommand = {
  summary:
    'import appeals from an NDJSON file (checked whole first; nothing written on any error): FILE --owner EMAIL [--dry-run]',
  async run(args, cli) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { owner: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    });
    const file = positionals[0];
    if (!file)
      throw new UsageError(
        'achyk appeals import needs a file: achyk appeals import FILE.ndjson --owner EMAIL [--dry-run]',
      );
    if (!fs.existsSync(file)) throw new UsageError(`No such file: ${file}`);
    if (!values.owner) throw new UsageError('give the NGO staff member who will own the appeals: --owner EMAIL');
    const t = translator(cliLocale());
    const runtime = await cli.openRuntime();
    try {
      const db = runtime.conn.db;
      const owner = await db
        .selectFrom('user')
        .select(['id', 'role', 'status'])
        .where('email', '=', values.owner.toLowerCase())
        .executeTakeFirst();
      if (!owner || owner.status !== 'active' || !['coordinator', 'lawyer'].includes(owner.role))
        throw new UsageError(
          `${values.owner} is not an active coordinator or lawyer: imported appeals belong to the NGO's staff.`,
        );
      const context = await loadImportContext(db);
      const checked = await check(file, context);
      if (checked.errors.length) {
        for (const e of checked.errors.slice(0, SHOWN_ERRORS))
          console.error(`line ${e.line}${e.field ? `, ${e.field}` : ''}: ${t(e.message, e.params)}`);
        if (checked.errors.length > SHOWN_ERRORS) console.error(`… and ${checked.errors.length - SHOWN_ERRORS} more`);
        console.error(`Nothing was imported (${checked.errors.length} problems).`);
        process.exitCode = 2;
        return;
      }
      if (values['dry-run']) {
        console.log(`${checked.rows} appeals are ready to import (dry run: nothing written).`);
        return;
      }
      const bar = progressBar();
      bar.start(checked.rows, 'appeals');
      const cells: TouchedCells = new Map();
      let done = 0;
      let published = 0;
      const now = new Date();
      for await (const c of chunks(file)) {
        const r = await importAppeals(db, c.values, {
          ownerId: owner.id,
          actor: 'cli',
          now,
          context,
          deferCells: cells,
          onProgress: (n) => bar.update(done + n),
        });
        done += r.imported;
        published += r.published;
      }
      bar.stop();
      await recomputeTouchedCells(db, cells);
      console.log(`Imported ${done} appeals (${published} published).`);
    } finally {
      await runtime.close();
    }
  },
};
