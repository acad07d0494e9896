/**
 * Embeds of a statement's texts, resolved for display, checked before publication and frozen at it.
 * Live embeds are resolved at render time; frozen ones are read from `statement_embed`, which keeps
 * the value and date of the moment of publication even when the live figure changes later.
 */
import type { Executor } from '../../../platform/db/database.js';
import type { FieldError } from '../../../platform/errors.js';
import type { MessageKey } from '../../../platform/i18n/catalog.js';
import { findEmbeds } from './parse.js';
import { parseStoredFigure, resolveFigure, type Figure } from './resolve.js';

/** What the renderer shows for one embed (keyed by the embed's raw text). */
export type EmbedView =
  | { state: 'figure'; figure: Figure; frozen: boolean }
  /** a `freeze` embed of an unpublished statement: the live value now, frozen when published */
  | { state: 'pending'; figure: Figure }
  | { state: 'error'; message: MessageKey; params: Record<string, string> };

export type EmbedViews = Map<string, EmbedView>;

/** The frozen figures of a statement, by embed key. */
export async function frozenFigures(db: Executor, statementId: number): Promise<Map<string, Figure>> {
  const rows = await db
    .selectFrom('statement_embed')
    .select(['embed_key', 'figure'])
    .where('statement_id', '=', statementId)
    .execute();
  const out = new Map<string, Figure>();
  for (const r of rows) {
    const f = parseStoredFigure(r.figure);
    if (f) out.set(r.embed_key, f);
  }
  return out;
}

/** Resolves every embed of the texts for display at `now`. */
export async function resolveEmbeds(
  db: Executor,
  texts: (string | null)[],
  p: { now: Date; frozen: Map<string, Figure>; published: boolean },
): Promise<EmbedViews> {
  const out: EmbedViews = new Map();
  for (const text of texts) {
    if (!text) continue;
    for (const e of findEmbeds(text)) {
      if (out.has(e.ok ? e.spec.raw : e.raw)) continue;
      if (!e.ok) {
        out.set(e.raw, { state: 'error', message: e.message, params: e.params });
        continue;
      }
      const stored = e.spec.freeze ? p.frozen.get(e.spec.key) : undefined;
      if (stored) {
        out.set(e.spec.raw, { state: 'figure', figure: stored, frozen: true });
        continue;
      }
      const r = await resolveFigure(db, e.spec, p.now);
      if (!r.ok) out.set(e.spec.raw, { state: 'error', message: r.message, params: r.params });
      else if (e.spec.freeze && !p.published) out.set(e.spec.raw, { state: 'pending', figure: r.figure });
      else out.set(e.spec.raw, { state: 'figure', figure: r.figure, frozen: false });
    }
  }
  return out;
}

/** The field errors of texts whose embeds cannot be resolved (publication is refused while any remain). */
export async function checkEmbeds(
  db: Executor,
  fields: Record<string, string | null>,
  now: Date,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    const views = await resolveEmbeds(db, [text], { now, frozen: new Map(), published: true });
    for (const v of views.values()) {
      if (v.state === 'error') {
        errors.push({ field, message: v.message, params: v.params });
        break;
      }
    }
  }
  return errors;
}

/**
 * Stores the value and date of every `freeze` embed not yet frozen (at publication, and for embeds
 * added by a correction at the correction). Returns the number frozen now.
 */
export async function freezeEmbeds(
  trx: Executor,
  statementId: number,
  texts: (string | null)[],
  now: Date,
): Promise<number> {
  const existing = await frozenFigures(trx, statementId);
  let n = 0;
  for (const text of texts) {
    if (!text) continue;
    for (const e of findEmbeds(text)) {
      if (!e.ok || !e.spec.freeze || existing.has(e.spec.key)) continue;
      const r = await resolveFigure(trx, e.spec, now);
      if (!r.ok) continue; // checkEmbeds refused publication before this point
      await trx
        .insertInto('statement_embed')
        .values({
          statement_id: statementId,
          embed_key: e.spec.key,
          figure: JSON.stringify(r.figure),
          frozen_at: now.toISOString(),
        })
        .execute();
      existing.set(e.spec.key, r.figure);
      n++;
    }
  }
  return n;
}
