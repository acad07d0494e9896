/**
 * The owner's and staff's redaction work: add a phrase to hide, keep an automatic suggestion,
 * confirm a visible word safe, undo a choice, mark an original file safe or a recognised text checked,
 * add or delete a rule. Each is audited; a phrase to hide never with its text (it may be the very
 * name being hidden), a confirmation with the text confirmed. A published appeal is re-published with
 * the new redactions in the same transaction, so the public copy never lags behind a redaction.
 */
import { appendAudit } from '../../../platform/audit/audit-log.js';
import type { FieldCipher } from '../../../platform/crypto/field-encryption.js';
import type { Executor } from '../../../platform/db/database.js';
import { invalid } from '../../../platform/errors.js';
import type { Appeal } from '../../appeals/index.js';
import { checkRegex } from '../redaction/safe-regex.js';
import type { ChoiceKind } from '../tables.js';
import { publishAppeal } from './publish.js';

export interface ChoiceProps {
  trx: Executor;
  cipher: FieldCipher;
  appeal: Appeal;
  kind: ChoiceKind;
  value: string;
  actor: string;
  now: Date;
}

async function republishIfPublished(p: {
  trx: Executor;
  cipher: FieldCipher;
  appeal: Appeal;
  actor: string;
  now: Date;
}): Promise<void> {
  const pub = await p.trx
    .selectFrom('appeal_publication')
    .select('state')
    .where('appeal_id', '=', p.appeal.id)
    .executeTakeFirst();
  if (pub?.state === 'published')
    await publishAppeal({ trx: p.trx, cipher: p.cipher, appeal: p.appeal, actor: p.actor, now: p.now, mode: 'update' });
}

export async function addChoice(p: ChoiceProps): Promise<void> {
  const value = p.value.trim();
  // A phrase to hide needs two characters (one would hide every such letter); a confirmation any text.
  if ((p.kind === 'redact' && value.length < 2) || value.length === 0)
    throw invalid([{ field: 'value', message: 'publication.error.phrase_short' }]);
  const exists = await p.trx
    .selectFrom('redaction_choice')
    .select('id')
    .where('appeal_id', '=', p.appeal.id)
    .where('kind', '=', p.kind)
    .where('value', '=', value)
    .executeTakeFirst();
  if (!exists)
    await p.trx
      .insertInto('redaction_choice')
      .values({ appeal_id: p.appeal.id, kind: p.kind, value, created_at: p.now.toISOString(), created_by: p.actor })
      .execute();
  // The text is never written to the audit log: a phrase to hide may be the very name being hidden,
  // and a confirmation may concern text that is later withdrawn. The entry names the choice (its
  // row keeps the value while it stands), who made it and when.
  const id =
    exists?.id ??
    (
      await p.trx
        .selectFrom('redaction_choice')
        .select('id')
        .where('appeal_id', '=', p.appeal.id)
        .where('kind', '=', p.kind)
        .where('value', '=', value)
        .executeTakeFirstOrThrow()
    ).id;
  await appendAudit(p.trx, {
    actor: p.actor,
    action: `publication.${p.kind}`,
    objectType: 'appeal',
    objectId: p.appeal.id,
    data: { choice: id, length: value.length },
    at: p.now,
  });
  await republishIfPublished(p);
}

export async function removeChoice(p: Omit<ChoiceProps, 'kind' | 'value'> & { choiceId: number }): Promise<void> {
  const row = await p.trx
    .selectFrom('redaction_choice')
    .select(['id', 'kind'])
    .where('appeal_id', '=', p.appeal.id)
    .where('id', '=', p.choiceId)
    .executeTakeFirst();
  if (!row) return;
  await p.trx.deleteFrom('redaction_choice').where('id', '=', row.id).execute();
  await appendAudit(p.trx, {
    actor: p.actor,
    action: `publication.${row.kind}_removed`,
    objectType: 'appeal',
    objectId: p.appeal.id,
    at: p.now,
  });
  await republishIfPublished(p);
}

export interface RuleProps {
  trx: Executor;
  scope: 'global' | 'body' | 'appeal';
  scopeId: number | null;
  pattern: string;
  isRegex: boolean;
  replacement: string;
  note: string;
  actor: string;
  now: Date;
}

/** Adds a rule; a regular expression that could backtrack catastrophically is refused (safe-regex.ts). */
export async function addRule(p: RuleProps): Promise<number> {
  const pattern = p.pattern.trim();
  if (pattern.length < 2) throw invalid([{ field: 'pattern', message: 'publication.error.phrase_short' }]);
  if (p.isRegex) {
    const problem = checkRegex(pattern);
    if (problem) throw invalid([{ field: 'pattern', message: `publication.regex.${problem}` }]);
  }
  const row = await p.trx
    .insertInto('redaction_rule')
    .values({
      scope: p.scope,
      scope_id: p.scopeId,
      pattern,
      is_regex: p.isRegex ? 1 : 0,
      replacement: p.replacement.trim() || '[…]',
      note: p.note.trim(),
      created_at: p.now.toISOString(),
      created_by: p.actor,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(p.trx, {
    actor: p.actor,
    action: 'publication.rule_add',
    objectType: 'redaction_rule',
    objectId: row.id,
    data: { scope: p.scope, scopeId: p.scopeId, regex: p.isRegex },
    at: p.now,
  });
  return row.id;
}

export async function deleteRule(p: { trx: Executor; ruleId: number; actor: string; now: Date }): Promise<void> {
  await p.trx
    .updateTable('redaction_rule')
    .set({ deleted_at: p.now.toISOString() })
    .where('id', '=', p.ruleId)
    .where('deleted_at', 'is', null)
    .execute();
  await appendAudit(p.trx, {
    actor: p.actor,
    action: 'publication.rule_delete',
    objectType: 'redaction_rule',
    objectId: p.ruleId,
    at: p.now,
  });
}

/** Re-publishes every published appeal a new global or body rule applies to (keeps public copies current). */
export async function reapplyRule(p: {
  trx: Executor;
  cipher: FieldCipher;
  scope: 'global' | 'body' | 'appeal';
  scopeId: number | null;
  actor: string;
  now: Date;
}): Promise<number> {
  let q = p.trx
    .selectFrom('appeal')
    .innerJoin('appeal_publication', 'appeal_publication.appeal_id', 'appeal.id')
    .selectAll('appeal')
    .where('appeal_publication.state', '=', 'published');
  if (p.scope === 'body') q = q.where('appeal.body_id', '=', p.scopeId!);
  if (p.scope === 'appeal') q = q.where('appeal.id', '=', p.scopeId!);
  const rows = await q.execute();
  for (const a of rows)
    await publishAppeal({ trx: p.trx, cipher: p.cipher, appeal: a, actor: p.actor, now: p.now, mode: 'update' });
  return rows.length;
}
