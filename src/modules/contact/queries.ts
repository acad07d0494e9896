/** Reads of contact-form messages (the route decrypts what it shows). */
import type { Executor } from '../../platform/db/database.js';
import './tables.js';

/** The inbox: new messages first, then handled ones, newest first within each. */
export async function listMessages(db: Executor, limit = 200) {
  return db
    .selectFrom('contact_message')
    .select(['id', 'subject_enc', 'status', 'created_at', 'handled_at'])
    .orderBy((eb) => eb.case().when('status', '=', 'new').then(0).else(1).end())
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function findMessage(db: Executor, id: number) {
  return db.selectFrom('contact_message').selectAll().where('id', '=', id).executeTakeFirst();
}

export type ContactMessage = NonNullable<Awaited<ReturnType<typeof findMessage>>>;
