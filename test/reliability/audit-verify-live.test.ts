/**
 * The audit chain is verified on a live server (`/admin/audit`, `achyk audit verify`, and the
 * crash-safety suite after each restart) while other requests keep appending to it. A row appended
 * while the verification reads must not be reported as tampering.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appendAudit, verifyAuditChain } from '../../src/platform/audit/audit-log.js';
import { forEachDialect, openTestDatabase, type TestDatabase } from '../support/dialects.js';

forEachDialect('audit verification during concurrent appends', (dialect) => {
  let tdb: TestDatabase;
  before(async () => {
    tdb = await openTestDatabase(dialect);
  });
  after(async () => tdb.close());

  test('appends that land while the chain is being read are never reported as a broken or truncated chain', async () => {
    const db = tdb.conn.db;
    let i = 0;
    const append = () =>
      db.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: 'user:1',
          action: 'test.write',
          objectType: 'thing',
          objectId: ++i,
          data: { n: i },
        }),
      );
    for (let k = 0; k < 20; k++) await append();
    const falseAlarms: string[] = [];
    for (let attempt = 0; attempt < 15; attempt++) {
      let writing = true;
      const writer = (async () => {
        while (writing) await append();
      })();
      const result = await verifyAuditChain(db);
      writing = false;
      await writer;
      if (!result.ok) falseAlarms.push(`attempt ${attempt}: ${result.problem}`);
    }
    assert.deepEqual(falseAlarms, []);
    const quiet = await verifyAuditChain(db);
    assert.equal(quiet.ok, true, quiet.problem ?? '');
    assert.equal(quiet.checked, i);
  });
});
