/**
 * The overdue sweep filters open appeals by due date and by the reminder stage reached: through
 * (state, due_date) alone it fetched every open overdue row from the table to read reminder_stage
 * (120,000 random reads at a million appeals, 8 s on the loaded bench machine). This index carries
 * the stage and the id, so the sweep's query reads the index only. Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('appeal_sweep_idx').on('appeal').columns(['state', 'due_date', 'reminder_stage', 'id']).execute();
}
