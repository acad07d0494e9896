/**
 * Folds the messages still written in TypeScript (`defineMessages({ 'key': { ky, ru, en } })` in any
 * file under src/) into the ICU MessageFormat catalogues `locales/ky.json`, `locales/ru.json` and
 * `locales/en.json`, then deletes the TypeScript files that held nothing but messages.
 *
 *   npx tsx scripts/i18n/convert-messages.ts                  fold, write, delete the TS message files
 *   npx tsx scripts/i18n/convert-messages.ts --dry-run        say what it would do, change nothing
 *   npx tsx scripts/i18n/convert-messages.ts --keep-sources   fold and write, leave the TS files
 *   npx tsx scripts/i18n/convert-messages.ts --prune-unused   also drop catalogue keys no code uses
 *   npx tsx scripts/i18n/convert-messages.ts --baseline=REF   compare with the TS messages at git REF
 *
 * Re-runnable and idempotent: with no `defineMessages` left it changes nothing. Three-way, so that a
 * branch still editing the old messages.ts files can be merged after the conversion:
 * - a key only in TS is added (its `{name}` placeholders are already ICU; braces and apostrophes that
 *   ICU treats as syntax are quoted, and every converted text is checked to render exactly as before),
 *   unless it was removed from the JSON since the baseline (an unused key) and is unchanged in TS;
 * - a key in TS and in JSON whose TS text is unchanged since the baseline keeps its JSON text (which
 *   may have gained plurals since); a TS text that differs from the baseline replaces the JSON text,
 *   and the script names the keys where the JSON had been edited too, for a person to look at;
 * - a key that was in a baseline file, is in JSON, and is no longer in any TS file was deleted by that
 *   branch: it is removed from JSON.
 * The baseline is the commit the JSON catalogues were converted from (BASELINE below).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compileMessage, parseMessage } from '../../src/platform/i18n/message-format.js';
import { serialise } from './catalogue-file.js';
import { isUsed, scanUsage, sourceFiles } from './key-usage.js';
import { legacyInterpolate, legacyPlaceholders, toIcu } from './legacy.js';
import { isMessagesOnly, messagesInSource, type TsMessage } from './ts-messages.js';

/** The main commit whose TypeScript messages the JSON catalogues were made from. */
const BASELINE = '67d1057c325dafd68f166af162c37b44ad51ac61';
const LANGS = ['ky', 'ru', 'en'] as const;
type Lang = (typeof LANGS)[number];
type Catalogues = Record<Lang, Record<string, string>>;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const keepSources = args.includes('--keep-sources');
const pruneUnused = args.includes('--prune-unused');
const baselineRef = args.find((a) => a.startsWith('--baseline='))?.slice('--baseline='.length) ?? BASELINE;

const rel = (p: string) => path.relative(root, p);

function readCatalogues(): Catalogues {
  const out = {} as Catalogues;
  for (const l of LANGS) {
    const file = path.join(root, 'locales', `${l}.json`);
    out[l] = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : {};
  }
  return out;
}

function currentTsMessages(): { messages: TsMessage[]; files: string[] } {
  const files = sourceFiles(path.join(root, 'src')).filter((f) => {
    const text = fs.readFileSync(f, 'utf8');
    return text.includes('defineMessages(') && messagesInSource(rel(f), text).length > 0;
  });
  return { messages: files.flatMap((f) => messagesInSource(rel(f), fs.readFileSync(f, 'utf8'))), files };
}

function baselineTsMessages(ref: string): Map<string, TsMessage> {
  const out = new Map<string, TsMessage>();
  let listed: string;
  try {
    listed = execFileSync('git', ['grep', '-l', 'defineMessages(', ref, '--', 'src'], { cwd: root, encoding: 'utf8' });
  } catch {
    console.warn(`# baseline ${ref} not readable with git: every TS text is taken as changed`);
    return out;
  }
  for (const line of listed.split('\n').filter(Boolean)) {
    const file = line.slice(ref.length + 1);
    const text = execFileSync('git', ['show', `${ref}:${file}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
    for (const m of messagesInSource(file, text)) out.set(m.key, m);
  }
  return out;
}

/** The converted text must render exactly as the old `t()` did, with and without parameters. */
function checkConversion(key: string, lang: Lang, old: string, icu: string): void {
  parseMessage(icu);
  const names = legacyPlaceholders(old);
  const params = Object.fromEntries(names.map((n) => [n, `«${n}»`]));
  const format = compileMessage(lang, icu);
  const a = format(params);
  const b = legacyInterpolate(old, params);
  if (a !== b)
    throw new Error(`${key} (${lang}): converted text renders ${JSON.stringify(a)}, the old one ${JSON.stringify(b)}`);
  if (format() !== old)
    throw new Error(
      `${key} (${lang}): without parameters it renders ${JSON.stringify(format())}, not ${JSON.stringify(old)}`,
    );
}

function main(): void {
  const catalogues = readCatalogues();
  const { messages, files } = currentTsMessages();
  const seen = new Map<string, string>();
  for (const m of messages) {
    if (seen.has(m.key)) throw new Error(`message key ${m.key} is defined twice (${seen.get(m.key)} and ${m.file})`);
    seen.set(m.key, m.file);
  }
  const baseline = messages.length > 0 ? baselineTsMessages(baselineRef) : new Map<string, TsMessage>();
  const added: string[] = [];
  const updated: string[] = [];
  const bothEdited: string[] = [];
  const keptRemoved: string[] = [];
  for (const m of messages) {
    const before = baseline.get(m.key);
    // Removed from the JSON since the conversion (unused) and unchanged in TS: it stays removed.
    if (catalogues.en[m.key] === undefined && before && LANGS.every((l) => before[l] === m[l])) {
      keptRemoved.push(m.key);
      continue;
    }
    for (const l of LANGS) {
      const icu = toIcu(m[l]);
      checkConversion(m.key, l, m[l], icu);
      const existing = catalogues[l][m.key];
      if (existing === undefined) {
        catalogues[l][m.key] = icu;
        if (l === 'en') added.push(m.key);
      } else if (before && before[l] === m[l]) {
        // Unchanged in TS since the conversion: the JSON text (maybe with plurals now) stays.
      } else if (existing !== icu) {
        if (before && existing !== toIcu(before[l])) bothEdited.push(`${m.key} (${l})`);
        catalogues[l][m.key] = icu;
        updated.push(`${m.key} (${l})`);
      }
    }
  }
  // Deleted by a branch: in a baseline file that is still here, gone from every TS file.
  const present = new Set(messages.map((m) => m.key));
  const fileSet = new Set(files.map(rel));
  const removed: string[] = [];
  for (const [key, m] of baseline) {
    if (fileSet.has(m.file) && !present.has(key) && catalogues.en[key] !== undefined) {
      for (const l of LANGS) delete catalogues[l][key];
      removed.push(key);
    }
  }
  if (pruneUnused) {
    const usage = scanUsage(sourceFiles(path.join(root, 'src')).filter((f) => !files.includes(f)));
    for (const key of Object.keys(catalogues.en)) {
      if (isUsed(key, usage)) continue;
      for (const l of LANGS) delete catalogues[l][key];
      removed.push(`${key} (unused)`);
    }
  }

  console.log(
    `# ${messages.length} TS messages in ${files.length} files; baseline ${baselineRef.slice(0, 12)} has ${baseline.size}`,
  );
  for (const [what, list] of [
    ['added', added],
    ['updated from TS', updated],
    ['removed', removed],
    ['left out (removed from the JSON since the baseline, unchanged in TS)', keptRemoved],
  ] as const) {
    if (list.length) console.log(`# ${what} (${list.length}): ${list.join(', ')}`);
  }
  if (bothEdited.length) {
    console.log(
      `# CHECK: edited both in TS and in JSON since the baseline; the TS text won, re-apply the JSON edit (plural, select) by hand: ${bothEdited.join(', ')}`,
    );
  }
  if (dryRun) return;
  fs.mkdirSync(path.join(root, 'locales'), { recursive: true });
  for (const l of LANGS) fs.writeFileSync(path.join(root, 'locales', `${l}.json`), serialise(catalogues[l]));
  console.log(`# wrote locales/{ky,ru,en}.json (${Object.keys(catalogues.en).length} keys)`);
  if (keepSources) return;
  const deleted: string[] = [];
  for (const f of files) {
    if (isMessagesOnly(f, fs.readFileSync(f, 'utf8'))) {
      fs.rmSync(f);
      deleted.push(rel(f));
    } else console.log(`# ${rel(f)} holds code besides messages: remove its defineMessages by hand`);
  }
  if (deleted.length) console.log(`# deleted ${deleted.join(', ')}`);
  // Anything that still imports a deleted file must now use t() and the JSON catalogue.
  const importers = sourceFiles(path.join(root, 'src')).filter((f) => {
    const text = fs.readFileSync(f, 'utf8');
    return deleted.some((d) => {
      const spec = path.relative(path.dirname(f), path.join(root, d)).replace(/\.tsx?$/, '.js');
      return text.includes(`'${spec.startsWith('.') ? spec : `./${spec}`}'`);
    });
  });
  if (importers.length) console.log(`# still importing a deleted messages file: ${importers.map(rel).join(', ')}`);
}

main();
