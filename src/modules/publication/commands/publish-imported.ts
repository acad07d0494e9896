/**
 * The publication's part of a bulk import of appeals (src/modules/bulk-import): the automatically
 * redacted public copy of each appeal asked to be published, its public timeline events (the same
 * kinds a published appeal shows, snapshot.ts) and its search index entries, in multi-row INSERTs in
 * the caller's transaction. Only the global redaction rules apply: an imported appeal has no
 * per-appeal choices yet.
 */
import type { Executor } from '../../../platform/db/database.js';
import { searchKey } from '../../../platform/text/search-key.js';
import { redactText, type RedactionInput } from '../redaction/redact.js';
import { PUBLIC_EVENT_KINDS } from './snapshot.js';

const PUBLIC_EVENTS = new Set<string>(PUBLIC_EVENT_KINDS);

/** The redaction an import applies: the global rules, read once per import. */
export async function loadImportRedaction(db: Executor): Promise<RedactionInput> {
  const rules = await db
    .selectFrom('redaction_rule')
    .select(['pattern', 'is_regex', 'replacement'])
    .where('deleted_at', 'is', null)
    .where('scope', '=', 'global')
    .orderBy('id')
    .execute();
  return { knownNames: [], keep: [], manual: [], rules };
}

export interface ImportedCopy {
  appealId: number;
  bodyId: number;
  kind: string;
  status: string;
  territoryId: number | null;
  receivedOn: string;
  subject: string;
  text: string;
  events: { id: number; kind: string; on_date: string; text?: string | null }[];
}

async function insertChunks<T>(items: T[], perChunk: number, insert: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += perChunk) await insert(items.slice(i, i + perChunk));
}

/** Publishes the copies; returns how many. */
export async function publishImportedCopies(
  trx: Executor,
  copies: ImportedCopy[],
  p: { redaction: RedactionInput; actor: string; now: Date },
): Promise<number> {
  const at = p.now.toISOString();
  const publications: {
    appeal_id: number;
    state: 'published';
    subject: string;
    text: string;
    published_at: string;
    published_by: string;
    withdrawn_at: null;
    updated_at: string;
  }[] = [];
  const pubEvents: { appeal_id: number; event_id: number; kind: string; on_date: string; text: string | null }[] = [];
  const docs: {
    doc_type: 'appeal' | 'answer';
    appeal_id: number;
    ref_id: number;
    body_id: number;
    kind: string;
    status: string;
    territory_id: number | null;
    year: number;
    title: string;
    text: string;
    search_key: string;
    published_at: string;
  }[] = [];
  const redact = (t: string) => redactText(t, p.redaction).text;
  for (const c of copies) {
    const subject = redact(c.subject);
    const text = redact(c.text);
    publications.push({
      appeal_id: c.appealId,
      state: 'published',
      subject,
      text,
      published_at: at,
      published_by: p.actor,
      withdrawn_at: null,
      updated_at: at,
    });
    const common = {
      appeal_id: c.appealId,
      body_id: c.bodyId,
      kind: c.kind,
      status: c.status,
      territory_id: c.territoryId,
      year: Number(c.receivedOn.slice(0, 4)),
      published_at: at,
    };
    docs.push({
      ...common,
      doc_type: 'appeal',
      ref_id: c.appealId,
      title: subject,
      text,
      search_key: searchKey([subject, text]),
    });
    for (const e of c.events) {
      if (!PUBLIC_EVENTS.has(e.kind)) continue;
      const publicText = e.kind === 'answer' && e.text ? redact(e.text) : null;
      pubEvents.push({ appeal_id: c.appealId, event_id: e.id, kind: e.kind, on_date: e.on_date, text: publicText });
      if (publicText)
        docs.push({
          ...common,
          doc_type: 'answer',
          ref_id: e.id,
          title: subject,
          text: publicText,
          search_key: searchKey([subject, publicText]),
        });
    }
  }
  await insertChunks(publications, 1000, async (chunk) => {
    await trx.insertInto('appeal_publication').values(chunk).execute();
  });
  await insertChunks(pubEvents, 2000, async (chunk) => {
    await trx.insertInto('publication_event').values(chunk).execute();
  });
  await insertChunks(docs, 1000, async (chunk) => {
    await trx.insertInto('search_doc').values(chunk).execute();
  });
  return publications.length;
}
