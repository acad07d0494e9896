/**
 * Issue #10 part 3, upload abuse: every form with a file input (found by the crawl, plus the
 * anonymous reporter's two upload steps, which only appear mid-flow) first gets a good file of each
 * common type, to learn what it accepts; then wrong magic bytes for the declared type, truncated
 * PDF/PNG/JPEG/DOCX, 0 bytes, one byte over the route's limit, executables and SVG with script, two
 * files at once, and file names with path separators, NUL and control characters, an RTL override,
 * CR/LF, or thousands of characters. Content abuse must get a specific 4xx with nothing stored (no
 * row, no file); a hostile name may instead be accepted only if it is not stored as given and no file
 * lands outside the data directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { MAX_FILE_BYTES as APPEAL_MAX } from '../../src/platform/files/store.js';
import { MAX_FILE_BYTES as ANONYMOUS_MAX } from '../../src/modules/anonymous/files/upload.js';
import { EVIDENCE_MAX_BYTES } from '../../src/modules/cases/commands/evidence.js';
import { DRAFT_FILE_MAX } from '../../src/modules/consultations/schema.js';
import { tinyDocx, tinyPdf } from '../appeals/support.js';
import { follow, sendReport, reporter } from '../anonymous/support.js';
import type { Agent } from '../support/agent.js';
import { checkResponse, errorLogs } from './check.js';
import { selected, Tally } from './runner.js';
import { keepCookies, multipart, withoutCsrf, type FilePart } from './send.js';
import { parseForms, routeMatcher, rolesFor, routeKey, type FormInfo, type World } from './world.js';

/** Upload limits by route (the modules' own constants; the directory's is private to its routes). */
const LIMITS: Record<string, number> = {
  'POST /appeals/:id/files': APPEAL_MAX,
  'POST /cases/:id/add/evidence': EVIDENCE_MAX_BYTES,
  'POST /report/send': ANONYMOUS_MAX,
  'POST /report/files': ANONYMOUS_MAX,
  'POST /consultations/:id/versions': DRAFT_FILE_MAX,
  'POST /consultations/:id/hearings': DRAFT_FILE_MAX,
  'POST /admin/directory/import': 1024 * 1024,
};

interface Kind {
  ext: string;
  type: string;
  data: Buffer;
  /** may be cut in half to make a truncated file of the kind */
  binary: boolean;
}

async function goodFiles(world: World, admin: Agent): Promise<Kind[]> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 10, b: 10 } } })
    .png()
    .toBuffer();
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 10, g: 10, b: 200 } } })
    .jpeg()
    .toBuffer();
  const kinds: Kind[] = [
    { ext: 'pdf', type: 'application/pdf', data: tinyPdf('Fuzz upload'), binary: true },
    { ext: 'png', type: 'image/png', data: png, binary: true },
    { ext: 'jpg', type: 'image/jpeg', data: jpeg, binary: true },
    {
      ext: 'docx',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      data: tinyDocx('Fuzz upload'),
      binary: true,
    },
    {
      ext: 'txt',
      type: 'text/plain',
      data: Buffer.from('Статья 1. Fuzz upload.\n\nСтатья 2. Второй абзац.\n'),
      binary: false,
    },
  ];
  // A CSV the directory import accepts: its own export.
  const exported = world.routes.find((r) => r.method === 'GET' && r.url === '/admin/directory/export/:file');
  if (exported) {
    const res = await admin.get('/admin/directory/export/bodies.csv');
    if (res.statusCode === 200) kinds.push({ ext: 'csv', type: 'text/csv', data: res.rawPayload, binary: false });
  }
  return kinds;
}

const TRUNCATED = 'truncated file';

/** Hostile file names (the accepted extension is appended). */
const BAD_NAMES = [
  '../../fuzz-evil',
  '..\\..\\fuzz-evil',
  '/etc/fuzz-evil',
  'C:\\Windows\\fuzz-evil',
  'fuzz\u0000evil',
  'fuzz\u0007\u001b[31mevil',
  'fuzz\u202eexe.evil',
  'fuzz\r\nX-Fuzz-Injected: 1',
  'fuzz"; name="evil',
  '<img src=x onerror=alert(7331)>',
  'x'.repeat(5000),
  '',
  '.',
  'CON',
  ' ',
];
const UNSAFE_STORED = /[/\\\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

interface Target {
  key: string;
  agent: Agent;
  /** the form to fill, fresh for each request (some carry single-use tokens) */
  form(): Promise<FormInfo | null>;
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

async function rowCounts(world: World): Promise<Map<string, number>> {
  const db = world.t.db.conn.db;
  // Sessions are touched by every request; nothing else may change when an upload is refused.
  const tables = (await db.introspection.getTables()).map((x) => x.name).filter((n) => n !== 'session');
  // One query for all tables (a round trip per table makes each case slow on PostgreSQL).
  const parts = tables.map((name) => sql`select ${name} as t, count(*) as n from ${sql.table(name)}`);
  const { rows } = await sql<{ t: string; n: number | string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return new Map(rows.map((r) => [r.t, Number(r.n)]));
}

interface State {
  rows: Map<string, number>;
  files: Set<string>;
}
async function state(world: World): Promise<State> {
  return { rows: await rowCounts(world), files: new Set(listFiles(world.t.dir)) };
}
function changes(a: State, b: State): string[] {
  const out: string[] = [];
  for (const [t, n] of b.rows) if ((a.rows.get(t) ?? 0) !== n) out.push(`${t} ${a.rows.get(t) ?? 0}→${n}`);
  for (const f of b.files) if (!a.files.has(f)) out.push(`new file ${path.relative(world0Dir, f)}`);
  return out;
}
let world0Dir = '';

async function submit(
  target: Target,
  form: FormInfo,
  fields: Map<string, string>,
  files: FilePart[],
): Promise<LightMyRequestResponse> {
  const pairs: [string, string][] = [...fields];
  const csrf = await target.agent.csrf();
  const mp = multipart(pairs, files);
  const action = withoutCsrf(form.action);
  const url = `${action}${action.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(csrf)}`;
  const res = await target.agent.app.inject({
    method: 'POST',
    url,
    payload: mp.body,
    headers: { 'content-type': mp.contentType, cookie: target.agent.cookieHeader(), 'accept-language': 'en' },
  });
  keepCookies(target.agent, res);
  return res;
}

/** The form's fields with offered values; empty text filled in plausibly (second variant). */
function baseFields(form: FormInfo, fill: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, values] of form.fields) {
    if (name === '_csrf' || form.files.has(name)) continue;
    const offered = [...values].find((v) => v !== '') ?? '';
    out.set(
      name,
      offered || !fill
        ? offered
        : /date|_on$|when/i.test(name)
          ? '2026-03-02'
          : /title|name|subject/i.test(name)
            ? 'Fuzz upload'
            : 'Fuzz upload text',
    );
  }
  return out;
}

async function targets(world: World): Promise<Target[]> {
  const out: Target[] = [];
  for (const [key, s] of world.samples) {
    if (!key.startsWith('POST ')) continue;
    for (const [who, forms] of s.forms) {
      const form = forms.find((f) => f.multipart && f.files.size);
      if (!form) continue;
      const route = world.routes.find((r) => routeKey(r) === key)!;
      if (!rolesFor(route, world.users).includes(who)) continue;
      const agent = await world.agent(who);
      out.push({ key, agent, form: async () => form });
      break;
    }
  }
  const match = routeMatcher(world.routes);
  const known = new Set(out.map((x) => x.key));
  // The reporter's first upload comes on step 2 (after the questionnaire), with a single-use token.
  if (match('POST', '/report/send') && !known.has('POST /report/send')) {
    const agent = reporter(world.t);
    out.push({
      key: 'POST /report/send',
      agent,
      async form() {
        const res = await agent.post('/report/new', {
          topic: 'corruption',
          body_id: '',
          what: 'Fuzz: money taken for visits.',
          when: 'March 2026',
          where: 'Building 2',
          action: 'continue',
        });
        return parseForms(res.body).find((f) => f.action.startsWith('/report/send')) ?? null;
      },
    });
  }
  // Later files come from the follow-up page, which needs the receipt.
  if (match('POST', '/report/files') && !known.has('POST /report/files')) {
    const agent = reporter(world.t);
    const { receipt } = await sendReport(agent);
    if (receipt) await follow(agent, receipt);
    out.push({
      key: 'POST /report/files',
      agent,
      async form() {
        const res = await agent.get('/report/status');
        return parseForms(res.body).find((f) => f.action.startsWith('/report/files')) ?? null;
      },
    });
  }
  return out.filter((x) => selected(x.key));
}

/** Runs the upload abuse cases against every upload form; returns the figures. */
export async function fuzzUploads(world: World, label: string): Promise<{ tally: Tally; line: string }> {
  world0Dir = world.t.dir;
  const tally = new Tally(`uploads ${label}`);
  const admin = await world.agent('admin');
  const kinds = await goodFiles(world, admin);
  const list = await targets(world);
  const accepted: string[] = [];
  const notes: string[] = [];
  for (const target of list) {
    tally.endpoints++;
    const first = await target.form();
    if (!first) {
      tally.failures.push({ endpoint: target.key, problem: 'upload form not found', input: '' });
      continue;
    }
    const fileField = [...first.files][0]!;
    // 1. What does it accept? The first good file that is stored tells the kind and the fields.
    let kind: Kind | null = null;
    let fill = false;
    search: for (const f of [false, true]) {
      for (const k of kinds) {
        const form = await target.form();
        if (!form) break search;
        const before = await state(world);
        const res = await submit(target, form, baseFields(form, f), [
          { field: fileField, name: `fuzz-good.${k.ext}`, type: k.type, data: k.data },
        ]);
        const stored = changes(before, await state(world));
        if (res.statusCode < 400 && stored.length) {
          kind = k;
          fill = f;
          break search;
        }
      }
    }
    accepted.push(`${target.key}: ${kind ? kind.ext : 'nothing accepted'}`);
    const k = kind ?? kinds[0]!;
    const other = kinds.find((x) => x.binary && x.ext !== k.ext && x.ext !== (k.ext === 'jpg' ? 'png' : 'jpg'))!;
    const limit = LIMITS[target.key];
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120, 0)]);
    const contentCases: [string, FilePart[]][] = [
      ['wrong magic bytes', [{ field: fileField, name: `fuzz.${k.ext}`, type: k.type, data: other.data }]],
      [
        'HTML declared as the accepted type',
        [
          {
            field: fileField,
            name: `fuzz.${k.ext}`,
            type: k.type,
            data: Buffer.from('<html><script>alert(7331)</script></html>'),
          },
        ],
      ],
      ['0 bytes', [{ field: fileField, name: `fuzz.${k.ext}`, type: k.type, data: Buffer.alloc(0) }]],
      ['Windows executable', [{ field: fileField, name: 'fuzz.exe', type: 'application/x-msdownload', data: exe }]],
      [
        'executable named as the accepted type',
        [{ field: fileField, name: `fuzz.exe.${k.ext}`, type: k.type, data: exe }],
      ],
      [
        'SVG with a script',
        [
          {
            field: fileField,
            name: 'fuzz.svg',
            type: 'image/svg+xml',
            data: Buffer.from(
              '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(7331)"><script>alert(7331)</script></svg>',
            ),
          },
        ],
      ],
    ];
    if (k.binary) {
      contentCases.push([
        TRUNCATED,
        [
          {
            field: fileField,
            name: `fuzz.${k.ext}`,
            type: k.type,
            data: k.data.subarray(0, Math.floor(k.data.length / 3)),
          },
        ],
      ]);
      for (const t of kinds.filter((x) => x.binary && x.ext !== k.ext))
        contentCases.push([
          `${t.ext} truncated, named .${k.ext}`,
          [{ field: fileField, name: `fuzz.${k.ext}`, type: k.type, data: t.data.subarray(0, 20) }],
        ]);
    }
    if (limit)
      contentCases.push([
        'one byte over the limit',
        [
          {
            field: fileField,
            name: `fuzz.${k.ext}`,
            type: k.type,
            data: Buffer.concat([k.data, Buffer.alloc(limit + 1 - k.data.length, 0x20)]),
          },
        ],
      ]);
    for (const [what, files] of contentCases) {
      const form = await target.form();
      if (!form) continue;
      tally.inputs++;
      const from = world.t.logs.length;
      const before = await state(world);
      const res = await submit(target, form, baseFields(form, fill), files);
      const stored = changes(before, await state(world));
      // SECURITY.md checks the type by magic bytes: a file cut short keeps them, and evidence must be
      // kept as received; such a file may be stored whole or refused, never half-stored or a 5xx.
      if (what === TRUNCATED && res.statusCode < 400) {
        notes.push(`${target.key} stores a truncated .${k.ext} (magic bytes intact)`);
        if (!checkResponse(res, { api: false }) && !errorLogs(world.t.logs, from).length) continue;
      }
      const problem =
        checkResponse(res, { api: false }) ??
        (![400, 413, 415, 422].includes(res.statusCode)
          ? `${what}: answered ${res.statusCode}, not a specific 4xx`
          : null) ??
        (stored.length ? `${what}: refused (${res.statusCode}) but stored: ${stored.join(', ')}` : null) ??
        (errorLogs(world.t.logs, from).length ? `${what}: error logged` : null);
      if (problem) tally.failures.push({ endpoint: target.key, problem, input: what });
    }
    // 2. Hostile names on good content: refused with nothing stored, or stored without the name as given.
    for (const bad of BAD_NAMES) {
      const form = await target.form();
      if (!form) continue;
      tally.inputs++;
      const name = `${bad}.${k.ext}`;
      const from = world.t.logs.length;
      const before = await state(world);
      const res = await submit(target, form, baseFields(form, fill), [
        { field: fileField, name, type: k.type, data: k.data },
      ]);
      const after = await state(world);
      const stored = changes(before, after);
      let problem = checkResponse(res, { api: false });
      if (!problem && res.statusCode >= 400 && stored.length)
        problem = `name ${JSON.stringify(name.slice(0, 60))}: refused but stored: ${stored.join(', ')}`;
      if (!problem && res.statusCode < 400 && UNSAFE_STORED.test(bad)) {
        const text = JSON.stringify(await rowsChangedText(world, before, after));
        if (text.includes(JSON.stringify(name).slice(1, -1)))
          problem = `name ${JSON.stringify(name.slice(0, 60))} stored as given`;
      }
      for (const f of after.files)
        if (!f.startsWith(world.t.dir + path.sep)) problem ??= `file written outside the data directory: ${f}`;
      if (fs.readdirSync(os.tmpdir()).some((f) => f.startsWith('fuzz-evil')))
        problem ??= 'a file named fuzz-evil appeared in the temporary directory';
      if (!problem && errorLogs(world.t.logs, from).length)
        problem = `name ${JSON.stringify(name.slice(0, 60))}: error logged`;
      if (problem) tally.failures.push({ endpoint: target.key, problem, input: JSON.stringify(name.slice(0, 80)) });
    }
    // 3. Two files where one is allowed.
    const form = await target.form();
    if (form) {
      tally.inputs++;
      const before = await state(world);
      const two: FilePart[] = Array.from({ length: 12 }, (_, i) => ({
        field: fileField,
        name: `fuzz-${i}.${k.ext}`,
        type: k.type,
        data: k.data,
      }));
      const res = await submit(target, form, baseFields(form, fill), two);
      const problem =
        checkResponse(res, { api: false }) ??
        (res.statusCode >= 400 && changes(before, await state(world)).length
          ? 'twelve files: refused but stored'
          : null);
      if (problem) tally.failures.push({ endpoint: target.key, problem, input: 'twelve files' });
    }
    await world.repair();
  }
  return {
    tally,
    line: `${tally.summary()}; accepted kinds: ${accepted.join('; ')}${notes.length ? `; notes: ${notes.join('; ')}` : ''}`,
  };
}

/** The text of every table whose row count changed (where a stored name would be). */
async function rowsChangedText(world: World, a: State, b: State): Promise<unknown[]> {
  const db = world.t.db.conn.db;
  const out: unknown[] = [];
  for (const [table, n] of b.rows) {
    if ((a.rows.get(table) ?? 0) === n) continue;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    out.push(rows);
  }
  return out;
}
