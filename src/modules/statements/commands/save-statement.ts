/**
 * Creating and editing statements (coordinators). A draft or a scheduled statement is edited in
 * place. A public one can only be corrected: the change needs a note, becomes a new version (the
 * previous one is kept) and is shown publicly as "Corrected on <date>: <note>". Every write is
 * audited in the same transaction; nothing is written when a check fails.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { invalid, type FieldError } from '../../../platform/errors.js';
import { checkEmbeds, freezeEmbeds } from '../embeds/embeds.js';
import { slugFor } from '../slug.js';
import type { StatementTexts } from '../tables.js';
import { isPublic } from '../visibility.js';
import { checkTexts, parseTags, sameTexts, textColumns, type StatementInput } from './statement-input.js';
import { userActor } from '../../../platform/audit/actor.js';

/** The texts that may hold figure embeds (a summary too: it is shown in feeds and shared links). */
export const embedFields = (t: StatementTexts) => ({
  body_ky: t.body_ky,
  body_ru: t.body_ru,
  body_en: t.body_en,
  summary_ky: t.summary_ky,
  summary_ru: t.summary_ru,
  summary_en: t.summary_en,
});

function tagsOrError(input: StatementInput, errors: FieldError[]): string[] {
  const tags = parseTags(input.tags);
  if (!tags) errors.push({ field: 'tags', message: 'statements.error_tag' });
  return tags ?? [];
}

async function writeTags(trx: Executor, id: number, tags: string[]): Promise<void> {
  await trx.deleteFrom('statement_tag').where('statement_id', '=', id).execute();
  if (tags.length)
    await trx
      .insertInto('statement_tag')
      .values(tags.map((tag) => ({ statement_id: id, tag })))
      .execute();
}

const firstTitle = (t: StatementTexts) => t.title_en ?? t.title_ru ?? t.title_ky;

/** Creates a draft. A draft needs at least a title in one language (so it can be found in the list). */
export async function createStatement(p: {
  trx: Executor;
  input: StatementInput;
  actorId: number;
  now: Date;
}): Promise<number> {
  const texts = textColumns(p.input);
  const errors: FieldError[] = [];
  const tags = tagsOrError(p.input, errors);
  if (!firstTitle(texts)) errors.push({ field: 'title_ky', message: 'statements.error_no_text' });
  if (errors.length) throw invalid(errors);
  const at = p.now.toISOString();
  const row = await p.trx
    .insertInto('statement')
    .values({
      kind: p.input.kind,
      slug: 'new',
      tags: tags.join(', '),
      ...texts,
      published_at: null,
      version: 0,
      created_by: p.actorId,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await p.trx
    .updateTable('statement')
    .set({ slug: slugFor(row.id, firstTitle(texts)) })
    .where('id', '=', row.id)
    .execute();
  await writeTags(p.trx, row.id, tags);
  await appendAudit(p.trx, {
    actor: userActor(p.actorId),
    action: 'statement.create',
    objectType: 'statement',
    objectId: row.id,
    data: { kind: p.input.kind },
    at: p.now,
  });
  return row.id;
}

/** Saves an edit: in place for drafts and scheduled statements, as a dated correction once public. Returns what happened. */
export async function updateStatement(p: {
  trx: Executor;
  id: number;
  input: StatementInput;
  actorId: number;
  now: Date;
}): Promise<'saved' | 'corrected'> {
  const before = await p.trx.selectFrom('statement').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
  const texts = textColumns(p.input);
  const errors: FieldError[] = [];
  const tags = tagsOrError(p.input, errors);
  const at = p.now.toISOString();
  const note = p.input.correction_note?.trim() ?? '';

  if (before.published_at === null) {
    if (!firstTitle(texts)) errors.push({ field: 'title_ky', message: 'statements.error_no_text' });
    if (errors.length) throw invalid(errors);
    await p.trx
      .updateTable('statement')
      .set({ kind: p.input.kind, tags: tags.join(', '), ...texts, updated_at: at })
      .where('id', '=', p.id)
      .execute();
    await writeTags(p.trx, p.id, tags);
    await appendAudit(p.trx, {
      actor: userActor(p.actorId),
      action: 'statement.update',
      objectType: 'statement',
      objectId: p.id,
      at: p.now,
    });
    return 'saved';
  }

  // Scheduled or public: the text must stay publishable, with every figure resolvable.
  errors.push(...checkTexts(texts));
  const pub = isPublic(before, p.now);
  if (pub && !note) errors.push({ field: 'correction_note', message: 'statements.error_correction_note' });
  if (pub && note && sameTexts(before, texts) && before.kind === p.input.kind)
    errors.push({ field: 'correction_note', message: 'statements.error_no_change' });
  if (errors.length) throw invalid(errors);
  const embedErrors = await checkEmbeds(p.trx, embedFields(texts), p.now);
  if (embedErrors.length) throw invalid(embedErrors, 'statements.error_embeds');

  if (!pub) {
    await p.trx
      .updateTable('statement')
      .set({ kind: p.input.kind, tags: tags.join(', '), ...texts, updated_at: at })
      .where('id', '=', p.id)
      .execute();
    await p.trx
      .updateTable('statement_version')
      .set({ ...texts, created_at: at })
      .where('statement_id', '=', p.id)
      .where('number', '=', before.version)
      .execute();
    await writeTags(p.trx, p.id, tags);
    await freezeEmbeds(p.trx, p.id, Object.values(embedFields(texts)), p.now);
    await appendAudit(p.trx, {
      actor: userActor(p.actorId),
      action: 'statement.update',
      objectType: 'statement',
      objectId: p.id,
      data: { scheduled: true },
      at: p.now,
    });
    return 'saved';
  }

  const number = before.version + 1;
  await p.trx
    .insertInto('statement_version')
    .values({ statement_id: p.id, number, ...texts, correction_note: note, created_by: p.actorId, created_at: at })
    .execute();
  await p.trx
    .updateTable('statement')
    .set({ kind: p.input.kind, tags: tags.join(', '), ...texts, version: number, updated_at: at })
    .where('id', '=', p.id)
    .execute();
  await writeTags(p.trx, p.id, tags);
  // Figures already frozen keep the value quoted at publication; a figure added by the correction is frozen now.
  await freezeEmbeds(p.trx, p.id, Object.values(embedFields(texts)), p.now);
  await appendAudit(p.trx, {
    actor: userActor(p.actorId),
    action: 'statement.correct',
    objectType: 'statement',
    objectId: p.id,
    data: { version: number },
    at: p.now,
  });
  return 'corrected';
}
