/**
 * The test factories (test/support/factories.ts) make records the app itself accepts: an appeal in
 * each state carries the facts of that state and shows on its owner's page, a case opens for its
 * lawyer, a reporter finds a report by its receipt, a statement is public. Missing parents (owner,
 * body) are made; the factories work with an app or with the bare database.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { findByReceipt } from '../../src/modules/anonymous/commands/find-by-receipt.js';
import { APPEAL_STATES } from '../../src/modules/appeals/kinds.js';
import { Agent } from '../support/agent.js';
import { forEachDialect, openTestDatabase } from '../support/dialects.js';
import {
  buildAppeal,
  buildBody,
  buildCase,
  buildReport,
  buildStatement,
  buildTerritory,
  buildUser,
  FIXED_AT,
  signIn,
} from '../support/factories.js';
import { buildTestApp, TEST_SCRYPT_LOG2N, type TestApp } from '../support/test-app.js';

forEachDialect('test factories', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('an appeal in every state, with the facts that state implies, on its owner’s page', async () => {
    const owner = await buildUser(t);
    const agent = await signIn(t, owner, new Agent(t.app, { 'accept-language': 'en' }));
    const db = t.db.conn.db;
    for (const state of APPEAL_STATES) {
      const id = await buildAppeal(t, { state, ownerId: owner.id, subject: `Appeal in state ${state}` });
      const a = await db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(a.state, state);
      assert.equal(a.sent_at === null, state === 'draft', `${state}: sent_at`);
      assert.equal(a.registration_number !== null, !['draft', 'sent'].includes(state), `${state}: registration`);
      assert.equal(a.answered_on !== null, ['answered', 'classified', 'closed'].includes(state), `${state}: answer`);
      assert.equal(a.classification !== null, ['classified', 'closed'].includes(state), `${state}: classification`);
      assert.equal(a.redirected_to_body_id !== null, state === 'redirected', `${state}: redirection`);
      assert.equal(a.closed_on !== null, state === 'closed', `${state}: closed`);
      const page = await agent.get(`/appeals/${id}`);
      assert.equal(page.statusCode, 200, `${state}: ${page.body.slice(0, 300)}`);
      assert.match(page.body, new RegExp(`Appeal in state ${state}`));
    }
  });

  test('missing parents are made: an appeal without owner or body gets both', async () => {
    const id = await buildAppeal(t);
    const a = await t.db.conn.db
      .selectFrom('appeal')
      .select(['owner_id', 'body_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(await t.db.conn.db.selectFrom('user').select('id').where('id', '=', a.owner_id).executeTakeFirst());
    assert.ok(await t.db.conn.db.selectFrom('body').select('id').where('id', '=', a.body_id).executeTakeFirst());
  });

  test('territories and bodies show in the directory; a case, a report and a statement are found where people look', async () => {
    const oblast = await buildTerritory(t, { name_en: 'Factory oblast' });
    const body = await buildBody(t, { name_en: 'Factory agency', territory_id: oblast });
    const anon = new Agent(t.app, { 'accept-language': 'en' });
    assert.match((await anon.get(`/directory/bodies/${body}`)).body, /Factory agency/);
    const made = await buildCase(t, { title: 'Factory case' });
    assert.match(made.reference, /^HR-\d{4}-\d{4}$/);
    const members = await t.db.conn.db
      .selectFrom('case_member')
      .select(['user_id', 'access'])
      .where('case_id', '=', made.id)
      .execute();
    assert.deepEqual(members, [{ user_id: made.userId, access: 'edit' }]);
    const report = await buildReport(t, { what: 'Factory report' });
    assert.equal(
      await findByReceipt(t.db.conn.db, t.cipher, { log2n: TEST_SCRYPT_LOG2N, r: 8, p: 1 }, report.receipt),
      report.id,
    );
    const statement = await buildStatement(t, { input: { title_en: 'Factory statement' } });
    const slug = (
      await t.db.conn.db.selectFrom('statement').select('slug').where('id', '=', statement).executeTakeFirstOrThrow()
    ).slug;
    assert.match((await anon.get(`/statements/${slug}`)).body, /Factory statement/);
    const draft = await buildStatement(t, { published: false });
    const draftSlug = (
      await t.db.conn.db.selectFrom('statement').select('slug').where('id', '=', draft).executeTakeFirstOrThrow()
    ).slug;
    assert.equal((await anon.get(`/statements/${draftSlug}`)).statusCode, 404);
  });

  test('without an app, records are dated FIXED_AT and the owner is made in the database', async () => {
    const bare = await openTestDatabase(dialect);
    try {
      const id = await buildAppeal(bare.conn.db, { state: 'registered' });
      const a = await bare.conn.db
        .selectFrom('appeal')
        .select(['created_at', 'owner_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(a.created_at, FIXED_AT);
      assert.ok(a.owner_id > 0);
    } finally {
      await bare.close();
    }
  });
});
