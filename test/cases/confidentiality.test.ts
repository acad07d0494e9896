/**
 * A marker planted in every identity field (and in the free text of the case) must not appear in the
 * raw SQLite database file, in a backup archive, in the logs, or on any page a non-member can reach.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { backupDatabase } from '../../src/platform/backup/backup.js';
import { forEachDialect } from '../support/dialects.js';
import { databaseText } from '../support/db-dump.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import type { Agent } from '../support/agent.js';
import type { TestUser } from '../support/factories.js';
import { createApiToken } from './api-token.js';
import { multipartBody, PDF } from './multipart.js';
import { addOk, directoryFixture, idsOf, openCase, staff } from './support.js';

const M = {
  name: 'Zhyldyz MRKNAME7q',
  other_names: 'MRKALIAS7q',
  contact: '+996 700 MRKPHONE7q',
  id_number: 'ID-MRKPASS7q',
  address: 'Ulitsa MRKADDR7q 12',
  birth_date: '1911-11-11',
};
const FREE = {
  title: 'Case MRKTITLE7q',
  place: 'MRKPLACE7q',
  description: 'MRKDESC7q',
  file: 'MRKFILE7q.pdf',
  parties: 'MRKPARTIES7q',
};
const ALL = [...Object.values(M), ...Object.values(FREE)];
const found = (text: string) => ALL.filter((m) => text.includes(m));

forEachDialect('case confidentiality', (dialect) => {
  let t: TestApp;
  let lawyer: { user: TestUser; agent: Agent };
  let caseId: number;
  const nonMemberPages: string[] = [];

  before(async () => {
    t = await buildTestApp(dialect, { sqliteFile: true });
    await directoryFixture(t);
    lawyer = await staff(t, 'lawyer');
    const a = lawyer.agent;
    caseId = await openCase(a, FREE.title);
    await addOk(a, caseId, 'event', {
      title: 'Detention',
      description: FREE.description,
      place: FREE.place,
      start: '2025-05-05',
      start_precision: 'exact',
    });
    await addOk(a, caseId, 'person', { ...M, sex: 'female', age_group: 'adult', groups: ['journalist'] });
    const [eventId] = await idsOf(t, 'case_event', caseId);
    const [personId] = await idsOf(t, 'case_person', caseId);
    await addOk(a, caseId, 'act', { event_id: String(eventId), act_type: 'torture', victim_id: String(personId) });
    await addOk(a, caseId, 'intervention', {
      kind: 'lawsuit',
      on_date: '2025-06-01',
      body: 'court.test',
      parties: FREE.parties,
      response: 'pending',
    });
    const up = multipartBody(FREE.file, PDF);
    const res = await t.app.inject({
      method: 'POST',
      url: `/cases/${caseId}/add/evidence?_csrf=${encodeURIComponent(await a.csrf())}`,
      payload: up.payload,
      headers: { 'content-type': up.contentType, cookie: a.cookieHeader() },
    });
    assert.equal(res.statusCode, 303);
    await t.db.conn.db.updateTable('hr_case').set({ state: 'verified' }).where('id', '=', caseId).execute();
  });
  after(async () => t.close());

  test('members see the identity fields; the API and reports show only the pseudonym', async () => {
    const page = await lawyer.agent.get(`/cases/${caseId}`);
    assert.equal(page.statusCode, 200);
    for (const v of [...Object.values(M), FREE.title, FREE.file]) assert.ok(page.body.includes(v), v);
    const token = await createApiToken(t, lawyer.user.id);
    const api = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${caseId}`,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(api.statusCode, 200);
    for (const v of Object.values(M)) assert.ok(!api.body.includes(v), `API: ${v}`);
    assert.ok(api.body.includes('"pseudonym":"P1"'));
    const exp = await lawyer.agent.get(`/cases/${caseId}/export.json`);
    assert.equal(exp.statusCode, 200);
    assert.ok(exp.body.includes(M.name));
  });

  test('no page a non-member can reach shows any marker', async () => {
    const coordinator = await staff(t, 'coordinator');
    const outsider = await staff(t, 'lawyer');
    const admin = await staff(t, 'admin');
    const urls: [Agent, string][] = [];
    for (const who of [coordinator.agent, outsider.agent, admin.agent]) {
      for (const u of [
        '/cases',
        `/cases?q=${encodeURIComponent('MRKTITLE7q')}`,
        `/cases?q=Zhyldyz`,
        `/cases/${caseId}`,
        `/cases/${caseId}/add/person`,
        `/cases/${caseId}/evidence/1/download`,
        `/cases/${caseId}/export.json`,
        '/cases/reports?from=2025-01-01&to=2025-12-31',
        '/cases/reports.csv?from=2025-01-01&to=2025-12-31',
        `/cases/${caseId}/access`,
        `/cases/${caseId}/audit`,
        '/admin/audit',
        '/admin/thesaurus',
      ])
        urls.push([who, u]);
    }
    for (const [agent, url] of urls) {
      const res = await agent.get(url);
      nonMemberPages.push(url);
      assert.deepEqual(found(res.body), [], `${url} (${res.statusCode})`);
    }
    for (const who of [coordinator, outsider, admin]) {
      const token = await createApiToken(t, who.user.id);
      for (const url of [`/api/v1/cases/${caseId}`, '/api/v1/cases?q=MRKTITLE7q', '/api/v1/cases']) {
        const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
        assert.deepEqual(found(res.body), [], url);
      }
    }
    // The coordinator did reach the report with this case in it.
    const report = await coordinator.agent.get('/cases/reports?from=2025-01-01&to=2025-12-31');
    assert.match(report.body, /P1: Female/);
  });

  test('no marker in the logs', async () => {
    assert.ok(t.logs.length > 0);
    assert.deepEqual(found(t.logs.join('\n')), []);
  });

  test('no marker in the database: raw SQLite file (after a WAL checkpoint) or every table on PostgreSQL', async () => {
    const db = t.db.conn.db;
    if (dialect === 'sqlite') {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
      const file = path.join(t.dir, 'achyk.sqlite');
      const raw =
        fs.readFileSync(file).toString('latin1') +
        (fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`).toString('latin1') : '');
      assert.ok(raw.length > 10_000);
      // Markers are ASCII (except the name's first word), so a latin1 view finds them if present.
      assert.deepEqual(found(raw), []);
      assert.ok(raw.includes('case_person'));
    }
    const text = await databaseText(db);
    assert.deepEqual(found(text), []);
    assert.ok(text.includes('enc1:'));
    // The evidence file name is encrypted too; the stored name is random.
    const stored = await db
      .selectFrom('case_evidence')
      .select(['stored_name', 'original_name_enc'])
      .executeTakeFirstOrThrow();
    assert.match(stored.stored_name, /^[0-9a-f]{48}$/);
    assert.equal(t.cipher.decrypt(stored.original_name_enc, 'case_evidence.original_name'), FREE.file);
  });

  test('no marker in a backup archive', async () => {
    const file = path.join(t.dir, 'backup.achyk.gz');
    await backupDatabase({ db: t.db.conn.db, dialect, file });
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    assert.ok(text.includes('case_person'));
    assert.deepEqual(found(text), []);
  });

  test('a flipped ciphertext byte makes decryption fail loudly', async () => {
    const row = await t.db.conn.db.selectFrom('case_person').select('name_enc').executeTakeFirstOrThrow();
    const tampered = row.name_enc.slice(0, -3) + (row.name_enc.at(-3) === 'A' ? 'B' : 'A') + row.name_enc.slice(-2);
    assert.throws(() => t.cipher.decrypt(tampered, 'case_person.name'), /failed authentication/);
    // A ciphertext moved to another column does not decrypt either.
    assert.throws(() => t.cipher.decrypt(row.name_enc, 'case_person.address'), /failed authentication/);
  });
});
