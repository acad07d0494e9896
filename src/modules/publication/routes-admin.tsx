/** Administrators' and coordinators' redaction rules (global and per body): list, add, delete. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound, type FieldError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { ErrorSummary, Field, PostForm } from '../../platform/render/components.js';
import { Layout } from '../../platform/render/layout.js';
import type { ViewContext } from '../../platform/render/view-context.js';
import { addRule, deleteRule, reapplyRule } from './commands/redactions.js';
import { parseRecordId } from '../../platform/http/validation.js';
import { requestActor } from '../../platform/audit/actor.js';

type Rule = {
  id: number;
  scope: string;
  scope_id: number | null;
  pattern: string;
  is_regex: number;
  replacement: string;
  note: string;
};

function RulesPage({
  ctx,
  rules,
  errors,
  input,
}: {
  ctx: ViewContext;
  rules: Rule[];
  errors: FieldError[];
  input: Record<string, string>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('publication.rules_title')}>
      <h1>{t('publication.rules_title')}</h1>
      <p>{t('publication.rules_lead')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      {rules.length === 0 ? (
        <p>{t('publication.rules_none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('publication.rules_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('publication.rule_pattern')}</th>
                <th scope="col">{t('publication.rule_scope')}</th>
                <th scope="col">{t('publication.rule_replacement')}</th>
                <th scope="col">{t('publication.rule_note')}</th>
                <th scope="col">{t('publication.action')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr>
                  <th scope="row">
                    <code>{r.pattern}</code> {r.is_regex ? `(${t('publication.rule_regex')})` : ''}
                  </th>
                  <td>
                    {r.scope === 'body'
                      ? `${t('publication.rule_scope.body')}: ${r.scope_id}`
                      : t('publication.rule_scope.global')}
                  </td>
                  <td>{r.replacement}</td>
                  <td>{r.note}</td>
                  <td>
                    <PostForm ctx={ctx} action={`/admin/redaction-rules/${r.id}/delete`} class="inline">
                      <button type="submit">{t('publication.delete')}</button>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PostForm ctx={ctx} action="/admin/redaction-rules">
        <Field ctx={ctx} name="pattern" label={t('publication.rule_pattern')} value={input.pattern} errors={errors} />
        <div class="field">
          <input type="checkbox" id="field-is_regex" name="is_regex" value="1" checked={input.is_regex === '1'} />{' '}
          <label for="field-is_regex">{t('publication.rule_regex')}</label>
        </div>
        <Field
          ctx={ctx}
          name="body_id"
          label={t('publication.rule_body')}
          hint={t('publication.rule_scope.body')}
          value={input.body_id}
          errors={errors}
          inputmode="numeric"
        />
        <Field
          ctx={ctx}
          name="replacement"
          label={t('publication.rule_replacement')}
          value={input.replacement ?? '[…]'}
          errors={errors}
        />
        <Field ctx={ctx} name="note" label={t('publication.rule_note')} value={input.note} errors={errors} />
        <button type="submit">{t('publication.add')}</button>
      </PostForm>
    </Layout>
  );
}

export async function publicationAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db, cipher, now } = app.achyk;
  const rules = { config: { policy: 'publication.rules' } } as const;
  const list = () =>
    db
      .selectFrom('redaction_rule')
      .select(['id', 'scope', 'scope_id', 'pattern', 'is_regex', 'replacement', 'note'])
      .where('scope', 'in', ['global', 'body'])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[] = [],
    input: Record<string, string> = {},
  ) =>
    sendPage(
      reply,
      <RulesPage ctx={viewContext(request)} rules={await list()} errors={errors} input={input} />,
      errors.length ? 422 : 200,
    );

  app.get('/admin/redaction-rules', rules, async (request, reply) => page(request, reply));

  app.post('/admin/redaction-rules', rules, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const input = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
    const bodyId = input.body_id?.trim() ? (parseRecordId(input.body_id.trim()) ?? NaN) : null;
    if (
      Number.isNaN(bodyId) ||
      (bodyId !== null && !(await db.selectFrom('body').select('id').where('id', '=', bodyId).executeTakeFirst()))
    ) {
      return page(request, reply, [{ field: 'body_id', message: 'appeals.error.body_unknown' }], input);
    }
    try {
      const actor = requestActor(request);
      const scope = bodyId === null ? 'global' : 'body';
      await db.transaction().execute(async (trx) => {
        await addRule({
          trx,
          scope,
          scopeId: bodyId,
          pattern: (input.pattern ?? '').slice(0, 1000),
          isRegex: input.is_regex === '1',
          replacement: (input.replacement ?? '').slice(0, 100),
          note: (input.note ?? '').slice(0, 500),
          actor,
          now: now(),
        });
        await reapplyRule({ trx, cipher, scope, scopeId: bodyId, actor, now: now() });
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'invalid') return page(request, reply, e.fields, input);
      throw e;
    }
    return redirectTo(reply, '/admin/redaction-rules');
  });

  app.post<{ Params: { id: string } }>('/admin/redaction-rules/:id/delete', rules, async (request, reply) => {
    const id = parseRecordId(request.params.id) ?? 0;
    // Only the rules this page lists (global and per body). A rule of one appeal belongs to that appeal's
    // publication page, for the people who may read the appeal: here its id is "not found", like a missing one.
    await db.transaction().execute(async (trx) => {
      const rule = await trx
        .selectFrom('redaction_rule')
        .select('id')
        .where('id', '=', id)
        .where('scope', 'in', ['global', 'body'])
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!rule) throw notFound();
      await deleteRule({ trx, ruleId: rule.id, actor: requestActor(request), now: now() });
    });
    return redirectTo(reply, '/admin/redaction-rules');
  });
}
