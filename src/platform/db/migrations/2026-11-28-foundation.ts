/**
 * Foundation tables: accounts, sessions, tokens, throttling, settings and the audit chain.
 * Frozen in time: never edit a migration that has shipped; add a new one.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);

  await withId(db, db.schema.createTable('user'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('totp_secret_enc', 'text')
    .addColumn('totp_last_step', 'integer')
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('user_role_check', sql`role in ('admin','coordinator','lawyer','monitor','citizen')`)
    .addCheckConstraint('user_status_check', sql`status in ('active','unconfirmed','disabled')`)
    .execute();

  await withId(db, db.schema.createTable('recovery_code'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('recovery_code_user_idx').on('recovery_code').column('user_id').execute();

  await db.schema
    .createTable('session')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('pending_totp_enc', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('reauth_at', 'text')
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

  await withId(db, db.schema.createTable('api_token'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('email_token')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The audit chain. seq is assigned by the appender (head.seq + 1), not by a sequence, so that the
  // chain has no gaps even when a transaction rolls back.
  await db.schema
    .createTable('audit_event')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_event_object_idx').on('audit_event').columns(['object_type', 'object_id']).execute();

  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();

  // The audit log is append-only: updates and deletes raise. (Tests that tamper on purpose drop
  // these triggers first, as an attacker with database access could.)
  if (pg) {
    await sql`create function audit_event_immutable() returns trigger language plpgsql as $$
      begin raise exception 'audit_event is append-only'; end $$`.execute(db);
    await sql`create trigger audit_event_no_update before update or delete on audit_event
      for each row execute function audit_event_immutable()`.execute(db);
    await sql`create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function audit_event_immutable()`.execute(db);
  } else {
    await sql`create trigger audit_event_no_update before update on audit_event
      begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
    await sql`create trigger audit_event_no_delete before delete on audit_event
      begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
  }
}
