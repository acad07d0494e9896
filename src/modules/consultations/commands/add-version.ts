/**
 * Adds a version of the draft: splits the text into articles and paragraphs, gives each paragraph its
 * stable anchor, and makes the version current. Followers of a published consultation are told
 * about a revised version. Comments stay with the paragraphs (and so the version) they were made on.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { Executor } from '../../../platform/db/database.js';
import { invalid } from '../../../platform/errors.js';
import { assignAnchors } from '../anchors.js';
import { splitDraft, type DraftFormat } from '../split-draft.js';
import { notifyFollowers, type MailDeps } from './notify-followers.js';
import { userActor } from '../../../platform/audit/actor.js';

export interface AddVersionResult {
  number: number;
  split: boolean;
  articles: number;
  paragraphs: number;
}

export async function addVersion(p: {
  trx: Executor;
  consultationId: number;
  text: string;
  /** how the text is split; a DOCX arrives here already converted to plain text */
  format: DraftFormat;
  sourceFormat: 'text' | 'markdown' | 'docx';
  changeNote: string | null;
  actorId: number;
  mail: MailDeps;
}): Promise<AddVersionResult> {
  const result = splitDraft(p.text, p.format);
  if (result.articles.length === 0) throw invalid([{ field: 'text', message: 'consultations.error_no_text' }]);
  const c = await p.trx
    .selectFrom('consultation')
    .selectAll()
    .where('id', '=', p.consultationId)
    .executeTakeFirstOrThrow();
  const last = await p.trx
    .selectFrom('consultation_version')
    .select('number')
    .where('consultation_id', '=', c.id)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const number = (last?.number ?? 0) + 1;
  const at = p.mail.now.toISOString();
  const version = await p.trx
    .insertInto('consultation_version')
    .values({
      consultation_id: c.id,
      number,
      source_format: p.sourceFormat,
      source_text: p.text,
      split_ok: result.split ? 1 : 0,
      change_note: p.changeNote,
      created_by: p.actorId,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const flat = result.articles.flatMap((a) => a.paragraphs.map((text, i) => ({ a, text, n: i + 1 })));
  const anchors = assignAnchors(flat.map((f) => f.text));
  // Inserted in chunks: PostgreSQL allows 65,535 parameters per statement and a long code has thousands of paragraphs.
  const rows = flat.map((f, i) => ({
    version_id: version.id,
    consultation_id: c.id,
    position: i + 1,
    article_number: f.a.number,
    article_heading: f.a.heading,
    chapter: f.a.chapter,
    paragraph_number: f.n,
    anchor: anchors[i]!,
    text: f.text,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await p.trx
      .insertInto('consultation_paragraph')
      .values(rows.slice(i, i + 500))
      .execute();
  await appendAudit(p.trx, {
    actor: userActor(p.actorId),
    action: 'consultation.version_add',
    objectType: 'consultation',
    objectId: c.id,
    data: {
      version: number,
      format: p.sourceFormat,
      split: result.split,
      articles: result.articles.length,
      paragraphs: rows.length,
    },
    at: p.mail.now,
  });
  await p.trx.updateTable('consultation').set({ updated_at: at }).where('id', '=', c.id).execute();
  if (c.published_at && number > 1)
    await notifyFollowers(p.trx, c, { kind: 'new_version', versionNumber: number }, p.mail);
  return {
    number,
    split: result.split,
    articles: result.articles.filter((a) => a.number !== null).length,
    paragraphs: rows.length,
  };
}
