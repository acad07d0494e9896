/**
 * The bulk import of appeals (`importAppeals`, `achyk appeals import`): what a spreadsheet row
 * becomes, and that a file with one bad line writes nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { forEachDialect, openTestDatabase, type TestDatabase } from '../support/dialects.js';
import { seedDirectory } from '../../src/modules/directory/seed.js';
import { importAppeals } from '../../src/modules/bulk-import/index.js';
import { searchPublic } from '../../src/modules/publication/search.js';
import { reportCard } from '../../src/modules/stats/queries.js';

const now = new Date('2026-11-20T06:00:00.000Z');

async function setup(
  dialect: 'sqlite' | 'postgres',
): Promise<{ t: TestDatabase; owner: number; body: { id: number; code: string } }> {
  const t = await openTestDatabase(dialect);
  await t.conn.db.transaction().execute((trx) => seedDirectory(trx, now));
  const at = now.toISOString();
  const u = await t.conn.db
    .insertInto('user')
    .values({
      email: 'lawyer@ngo.kg',
      display_name: 'Lawyer',
      role: 'lawyer',
      password_hash: '!',
      status: 'active',
      locale: 'ru',
      totp_secret_enc: null,
      totp_last_step: null,
      password_changed_at: at,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const body = await t.conn.db
    .selectFrom('body')
    .select(['id', 'code'])
    .where('kind', '=', 'aiyl_okmotu')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { t, owner: u.id, body };
}

const count = async (t: TestDatabase, table: 'appeal' | 'appeal_event' | 'audit_event' | 'search_doc') =>
  Number(
    (
      await t.conn.db
        .selectFrom(table)
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

forEachDialect('bulk import of appeals', (dialect) => {
  test('a row becomes an appeal with its rule, due date, timeline, statistics and (when asked) its public copy', async () => {
    const { t, owner, body } = await setup(dialect);
    try {
      const rows = [
        {
          body: body.code,
          kind: 'complaint',
          language: 'ru',
          channel: 'paper',
          subject: 'Нет питьевой воды',
          text: 'Третий месяц нет воды. Звоните +996 555 123 456.',
          received_on: '2026-09-01',
          registered_on: '2026-09-02',
          answered_on: '2026-10-20',
          classification: 'refused',
          refusal_reason: 'no_grounds',
          events: [{ kind: 'answer', on_date: '2026-10-20', text: 'Вода будет весной.' }],
          publish: true,
        },
        {
          body: body.code,
          kind: 'information_request',
          language: 'ky',
          channel: 'email',
          subject: 'Бюджет',
          text: 'Айыл өкмөтүнүн бюджети тууралуу маалымат.',
          received_on: '2026-10-01',
        },
      ];
      const r = await importAppeals(t.conn.db, rows, { ownerId: owner, actor: 'user:1', now });
      assert.deepEqual(r.errors, []);
      assert.equal(r.imported, 2);
      assert.equal(r.published, 1);
      const appeals = await t.conn.db.selectFrom('appeal').selectAll().orderBy('id').execute();
      assert.equal(appeals[0]!.state, 'classified');
      assert.equal(appeals[0]!.ngo, 1);
      assert.ok(appeals[0]!.due_date! > '2026-09-02' && appeals[0]!.rule_id !== null);
      assert.equal(appeals[1]!.state, 'sent');
      assert.equal(
        appeals[1]!.reminder_stage,
        4,
        'an appeal already long overdue on import day is not reminded of past stages',
      );
      assert.equal(await count(t, 'appeal_event'), 2, 'the answer, and a "recorded" event for the row without events');
      const pub = await t.conn.db.selectFrom('appeal_publication').selectAll().executeTakeFirstOrThrow();
      assert.ok(!pub.text.includes('555 123 456'), 'the phone number is redacted automatically');
      const found = await searchPublic(t.conn.db, 'воды', {});
      assert.equal(found.total, 1);
      const card = await reportCard(t.conn.db, body.id, { from: '2026-01', to: '2026-11' }, '2026-11-20');
      assert.equal(card.totals.received, 2);
      assert.equal(card.overdueNow, 1);
      assert.ok((await count(t, 'audit_event')) > 0);
    } finally {
      await t.close();
    }
  });

  test('one bad row: every problem is reported by line and field, and nothing is written', async () => {
    const { t, owner, body } = await setup(dialect);
    try {
      const before = await count(t, 'audit_event');
      const good = {
        body: body.code,
        kind: 'application',
        language: 'en',
        channel: 'paper',
        subject: 'Road',
        text: 'Repair the road.',
        received_on: '2026-09-01',
      };
      const r = await importAppeals(
        t.conn.db,
        [
          good,
          { ...good, body: 'no-such-body', kind: 'wish', received_on: '2026-02-30', colour: 'red' },
          'not an object',
          { ...good, answered_on: '2026-08-01', classification: 'refused' },
        ],
        { ownerId: owner, actor: 'user:1', now },
      );
      assert.equal(r.imported, 0);
      const got = r.errors.map((e) => `${e.line}:${e.field}:${e.message}`).sort();
      assert.deepEqual(
        got,
        [
          '2:body:appeals.import.unknown_body',
          '2:colour:appeals.import.unknown_field',
          '2:kind:appeals.import.bad_value',
          '2:received_on:appeals.import.bad_date',
          '3::appeals.import.not_object',
          '4:answered_on:appeals.import.date_order',
          '4:refusal_reason:appeals.import.refusal_needed',
        ].sort(),
      );
      assert.equal(await count(t, 'appeal'), 0);
      assert.equal(await count(t, 'audit_event'), before);
    } finally {
      await t.close();
    }
  });
});
