/**
 * Evidence files: size limit while streaming (413, nothing left behind), type by magic bytes, random
 * names outside the web root, SHA-256 at upload, attachment-only downloads with nosniff, the chain of
 * custody, and `achyk evidence verify` naming a file whose content changed.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { EVIDENCE_MAX_BYTES, evidenceDir, verifyEvidence } from '../../src/modules/cases/commands/evidence.js';
import { evidenceVerifyCommand } from '../../src/modules/cases/cli.js';
import { cliContext } from '../../src/cli/main.js';
import { forEachDialect } from '../support/dialects.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import type { Agent } from '../support/agent.js';
import { multipartBody, PDF, PNG } from './multipart.js';
import { directoryFixture, idsOf, openCase, staff } from './support.js';

forEachDialect('case evidence', (dialect) => {
  let t: TestApp;
  let lawyer: Agent;
  let caseId: number;

  before(async () => {
    t = await buildTestApp(dialect, { sqliteFile: true });
    await directoryFixture(t);
    lawyer = (await staff(t, 'lawyer')).agent;
    caseId = await openCase(lawyer);
  });
  after(async () => t.close());

  async function upload(name: string, content: Buffer) {
    const body = multipartBody(name, content);
    return t.app.inject({
      method: 'POST',
      url: `/cases/${caseId}/add/evidence?_csrf=${encodeURIComponent(await lawyer.csrf())}`,
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: lawyer.cookieHeader(), 'accept-language': 'en' },
    });
  }
  const filesOnDisk = () => (fs.existsSync(evidenceDir(t.dir)) ? fs.readdirSync(evidenceDir(t.dir)).sort() : []);

  test('an upload is stored under a random name outside the web root with its SHA-256, and the custody starts', async () => {
    const res = await upload('statement of the victim.pdf', PDF);
    assert.equal(res.statusCode, 303);
    const [id] = await idsOf(t, 'case_evidence', caseId);
    const row = await t.db.conn.db
      .selectFrom('case_evidence')
      .selectAll()
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    assert.equal(row.sha256, crypto.createHash('sha256').update(PDF).digest('hex'));
    assert.equal(row.size, PDF.length);
    assert.deepEqual(filesOnDisk(), [row.stored_name]);
    assert.ok(path.join(t.dir, 'evidence', row.stored_name).startsWith(t.config.dataDir));
    assert.ok(!fs.existsSync(path.resolve('public', row.stored_name)));
    const page = await lawyer.get(`/cases/${caseId}`);
    assert.ok(page.body.includes(row.sha256));
    assert.ok(page.body.includes('statement of the victim.pdf'));
    assert.match(page.body, /uploaded/);
  });

  test('an upload over the limit is refused with 413 while streaming, leaving nothing behind', async () => {
    const before = filesOnDisk();
    const rows = (await idsOf(t, 'case_evidence', caseId)).length;
    const big = Buffer.concat([PDF, Buffer.alloc(EVIDENCE_MAX_BYTES + 1 - PDF.length, 0x20)]);
    const res = await upload('huge.pdf', big);
    assert.equal(res.statusCode, 413);
    assert.deepEqual(filesOnDisk(), before);
    assert.equal((await idsOf(t, 'case_evidence', caseId)).length, rows);
  });

  test('a file whose first bytes do not match its extension, or of a refused type, is refused (422) and removed', async () => {
    const before = filesOnDisk();
    for (const [name, content, message] of [
      ['photo.pdf', PNG, /does not match its .pdf extension/],
      ['notes.txt', Buffer.from([0x4d, 0x5a, 0x00, 0x01]), /does not match its .txt extension/],
      ['tool.exe', Buffer.from('MZ'), /not accepted/],
      ['archive.zip', Buffer.from([0x50, 0x4b, 3, 4]), /not accepted/],
      ['empty.pdf', Buffer.alloc(0), /Choose a file/],
    ] as const) {
      const res = await upload(name, content);
      assert.equal(res.statusCode, 422, name);
      assert.match(res.body, message);
    }
    assert.deepEqual(filesOnDisk(), before);
    const png = await upload('photo.png', PNG);
    assert.equal(png.statusCode, 303);
  });

  test('files are served only as attachment downloads with nosniff, and each download joins the custody chain', async () => {
    const [id] = await idsOf(t, 'case_evidence', caseId);
    const res = await lawyer.get(`/cases/${caseId}/evidence/${id}/download`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/octet-stream');
    assert.match(
      String(res.headers['content-disposition']),
      /^attachment; filename="HR-\d{4}-\d{4}-evidence-\d+\.pdf"$/,
    );
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.rawPayload.toString(), PDF.toString());
    const custody = await t.db.conn.db
      .selectFrom('case_custody')
      .select(['action', 'actor'])
      .where('evidence_id', '=', id!)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      custody.map((c) => c.action),
      ['upload', 'download'],
    );
    // A file of another case through this case's URL is not found.
    const other = await openCase(lawyer, 'another');
    assert.equal((await lawyer.get(`/cases/${other}/evidence/${id}/download`)).statusCode, 404);
  });

  test('verification names a file whose content changed, on the page and through `achyk evidence verify`', async () => {
    const [id] = await idsOf(t, 'case_evidence', caseId);
    const row = await t.db.conn.db
      .selectFrom('case_evidence')
      .select('stored_name')
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    const ok = await verifyEvidence({ db: t.db.conn.db, dataDir: t.dir, actor: 'test', now: t.clock.now });
    assert.ok(ok.every((r) => r.status === 'ok'));
    fs.appendFileSync(path.join(evidenceDir(t.dir), row.stored_name), 'tampered');
    assert.equal((await lawyer.post(`/cases/${caseId}/evidence/${id}/verify`)).statusCode, 303);
    const page = await lawyer.get(`/cases/${caseId}`);
    assert.match(page.body, /the file has changed or gone missing since upload/);
    assert.match(page.body, /verified: CONTENT CHANGED/);
    if (dialect === 'sqlite') {
      const env = { ...process.env };
      const lines: string[] = [];
      const log = console.log;
      process.env.ACHYK_DATA_DIR = t.dir;
      process.env.DATABASE_URL = `sqlite:${path.join(t.dir, 'achyk.sqlite')}`;
      process.env.ACHYK_KEY_FILE = t.config.keyFile;
      console.log = (...a: unknown[]) => lines.push(a.join(' '));
      try {
        await evidenceVerifyCommand.run([], cliContext);
      } finally {
        console.log = log;
        process.env = env;
      }
      assert.equal(process.exitCode, 1);
      process.exitCode = 0;
      assert.ok(
        lines.some((l) => l.startsWith(`evidence ${id} (case ${caseId}): CONTENT CHANGED`)),
        lines.join('\n'),
      );
      assert.ok(
        lines.some((l) => /2 files checked, 1 unchanged, 1 changed or missing/.test(l)),
        lines.join('\n'),
      );
    }
  });
});
