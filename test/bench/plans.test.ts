/**
 * Query plans of the hot public reads (docs/performance.md): on SQLite the planner's choice does not
 * depend on table statistics we never gather, so the plan of an empty database is the plan at a
 * million appeals. (PostgreSQL plans depend on the data; the bench shows them at size.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase } from '../support/dialects.js';
import { plan } from '../../bench/measures.js';
import { sweepCandidates } from '../../src/modules/appeals/jobs.js';

test('report card, league table and sweep read through indexes, never a whole table', async () => {
  const t = await openTestDatabase('sqlite');
  try {
    const db = t.conn.db;
    const cells = await plan(
      t.conn,
      db
        .selectFrom('stats_body_month')
        .selectAll()
        .where('month', '>=', '2025-12')
        .where('month', '<=', '2026-11')
        .where('body_id', '=', 7),
    );
    assert.match(cells.join('\n'), /stats_body_month_body_idx/);
    const overdue = await plan(
      t.conn,
      db
        .selectFrom('stats_appeal_fact')
        .select(sql<number>`count(*)`.as('n'))
        .where('body_id', '=', 7)
        .where('open', '=', 1)
        .where('due_date', '<', '2026-11-28')
        .where('included', '=', 1),
    );
    assert.match(overdue.join('\n'), /COVERING INDEX stats_fact_overdue_idx/);
    const league = await plan(
      t.conn,
      db
        .selectFrom('stats_appeal_fact')
        .select(['body_id', sql<number>`count(*)`.as('n')])
        .where('open', '=', 1)
        .where('due_date', '<', '2026-11-28')
        .where('included', '=', 1)
        .where('body_id', 'in', [1, 2, 3])
        .groupBy('body_id'),
    );
    assert.match(league.join('\n'), /COVERING INDEX stats_fact_overdue_idx/);
    const sweep = await plan(t.conn, sweepCandidates(db, '2026-11-28'));
    assert.match(sweep.join('\n'), /COVERING INDEX appeal_sweep_idx/);
  } finally {
    await t.close();
  }
});
