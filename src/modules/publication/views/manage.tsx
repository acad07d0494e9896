/**
 * The owner's publication page: suggestions, own redactions, rules, files, preview, publish, withdraw,
 * then the sections other modules add (the statistics consent: publication/extensions.ts).
 */
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../../platform/errors.js';
import type { MessageKey } from '../../../platform/i18n/catalog.js';
import { formatDate } from '../../../platform/i18n/translate.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { PublicSnapshot } from '../commands/snapshot.js';
import { FilesSection, ReviewSection } from './manage-review.js';

export interface ManageProps {
  ctx: ViewContext;
  appealId: number;
  subject: string;
  isDraft: boolean;
  publication: { state: string; published_at: string; withdrawn_at: string | null } | null;
  snapshot: PublicSnapshot;
  choices: { id: number; kind: string; value: string }[];
  rules: { id: number; pattern: string; is_regex: number; replacement: string }[];
  canMarkSafe: boolean;
  /** sections added by other modules, rendered at the end */
  sections: ComponentChildren[];
  errors: FieldError[];
  input: Record<string, string>;
}

export function ManagePage(p: ManageProps) {
  const { ctx } = p;
  const { t } = ctx;
  const base = `/appeals/${p.appealId}/publication`;
  const pub = p.publication;
  return (
    <Layout ctx={ctx} title={t('publication.manage_title')}>
      <p>
        <a href={`/appeals/${p.appealId}`}>{p.subject}</a>
      </p>
      <h1>{t('publication.manage_title')}</h1>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="note">
        {pub?.state === 'published'
          ? t('publication.state.published', { date: formatDate(ctx.locale, pub.published_at) })
          : pub?.state === 'withdrawn'
            ? t('publication.state.withdrawn', { date: formatDate(ctx.locale, pub.withdrawn_at ?? pub.published_at) })
            : t('publication.state.private')}
        {pub?.state === 'published' ? (
          <>
            {' '}
            <a href={`/published/${p.appealId}`}>{t('publication.public_title')}</a>
          </>
        ) : null}
      </p>

      <h2>{t('publication.suggestions')}</h2>
      <p class="hint">{t('publication.known_note')}</p>
      {p.snapshot.suggestions.length === 0 ? (
        <p>{t('publication.suggestions_none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('publication.suggestions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('publication.what')}</th>
                <th scope="col">{t('publication.found')}</th>
                <th scope="col">{t('publication.action')}</th>
              </tr>
            </thead>
            <tbody>
              {p.snapshot.suggestions.map((s) => {
                const kept = p.choices.find(
                  (c) => c.kind === 'keep' && c.value.toLocaleLowerCase() === s.value.toLocaleLowerCase(),
                );
                return (
                  <tr>
                    <td>{t(`publication.suggestion_kind.${s.kind}` as MessageKey)}</td>
                    <th scope="row">{s.value}</th>
                    <td>
                      {s.kind === 'known_name' ? (
                        t('publication.hidden')
                      ) : kept ? (
                        <PostForm ctx={ctx} action={`${base}/choices/${kept.id}/delete`} class="inline">
                          {t('publication.kept')} <button type="submit">{t('publication.undo')}</button>
                        </PostForm>
                      ) : (
                        <PostForm ctx={ctx} action={`${base}/choices`} class="inline">
                          <input type="hidden" name="kind" value="keep" />
                          <input type="hidden" name="value" value={s.value} />
                          {t('publication.hidden')} <button type="submit">{t('publication.keep')}</button>
                        </PostForm>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t('publication.manual')}</h2>
      <PostForm ctx={ctx} action={`${base}/choices`}>
        <input type="hidden" name="kind" value="redact" />
        <Field
          ctx={ctx}
          name="value"
          label={t('publication.manual')}
          hint={t('publication.manual_hint')}
          value={p.input.value}
          errors={p.errors}
        />
        <button type="submit">{t('publication.add')}</button>
      </PostForm>
      {p.choices.some((c) => c.kind === 'redact') ? (
        <>
          <h3>{t('publication.manual_list')}</h3>
          <ul>
            {p.choices
              .filter((c) => c.kind === 'redact')
              .map((c) => (
                <li>
                  {c.value}{' '}
                  <PostForm ctx={ctx} action={`${base}/choices/${c.id}/delete`} class="inline">
                    <button type="submit">{t('publication.undo')}</button>
                  </PostForm>
                </li>
              ))}
          </ul>
        </>
      ) : null}

      <h2>{t('publication.rules_title')}</h2>
      <p>{t('publication.rules_lead')}</p>
      {p.rules.length ? (
        <ul>
          {p.rules.map((r) => (
            <li>
              <code>{r.pattern}</code> {r.is_regex ? `(${t('publication.rule_regex')})` : ''} → {r.replacement}
            </li>
          ))}
        </ul>
      ) : null}
      <PostForm ctx={ctx} action={`${base}/rules`}>
        <Field
          ctx={ctx}
          name="pattern"
          label={t('publication.rule_pattern')}
          value={p.input.pattern}
          errors={p.errors}
        />
        <div class="field">
          <input type="checkbox" id="field-is_regex" name="is_regex" value="1" checked={p.input.is_regex === '1'} />{' '}
          <label for="field-is_regex">{t('publication.rule_regex')}</label>
        </div>
        <Field
          ctx={ctx}
          name="replacement"
          label={t('publication.rule_replacement')}
          value={p.input.replacement ?? '[…]'}
          errors={p.errors}
        />
        <button type="submit">{t('publication.add')}</button>
      </PostForm>

      <FilesSection
        ctx={ctx}
        base={base}
        files={p.snapshot.files}
        safeFiles={new Set(p.choices.filter((c) => c.kind === 'safe_file').map((c) => Number(c.value)))}
        checkedOcr={new Set(p.choices.filter((c) => c.kind === 'ocr_checked').map((c) => Number(c.value)))}
        canMarkSafe={p.canMarkSafe}
      />

      <ReviewSection ctx={ctx} base={base} snapshot={p.snapshot} choices={p.choices} />

      <h2>{t('publication.preview')}</h2>
      <section class="preview" aria-label={t('publication.preview')}>
        <h3>{p.snapshot.subject}</h3>
        {p.snapshot.text.split(/\n{2,}/).map((para) => (
          <p>{para}</p>
        ))}
        {p.snapshot.events
          .filter((e) => e.text)
          .map((e) => (
            <div>
              <h4>{t('publication.event.answer')}</h4>
              {e.text!.split(/\n{2,}/).map((para) => (
                <p>{para}</p>
              ))}
            </div>
          ))}
        {p.snapshot.files.map((f) => (
          <div>
            <h4>{f.name}</h4>
            {f.recognised ? <p class="hint">{t('publication.file_recognised')}</p> : null}
            {f.text ? <p class="pre-wrap">{f.text}</p> : null}
            {f.withheld ? (
              <>
                <p class="hint">{t('publication.file_withheld')}</p>
                <p class="pre-wrap muted">{f.withheld}</p>
              </>
            ) : null}
          </div>
        ))}
      </section>
      {p.isDraft ? (
        <p>{t('publication.error.draft')}</p>
      ) : p.snapshot.review.some((r) => !r.confirmed) ? (
        <p class="notice">
          <a href="#field-review">{t('publication.review_blocked')}</a>
        </p>
      ) : (
        <PostForm ctx={ctx} action={`${base}/publish`}>
          <button type="submit">
            {pub?.state === 'published' ? t('publication.republish') : t('publication.publish')}
          </button>
        </PostForm>
      )}
      {pub?.state === 'published' ? (
        <PostForm ctx={ctx} action={`${base}/withdraw`}>
          <button type="submit">{t('publication.withdraw')}</button>
        </PostForm>
      ) : null}

      {p.sections}
    </Layout>
  );
}
