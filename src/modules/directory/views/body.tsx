/** A body: kind, territory, contacts (or "contact unknown"), the escalation chain, its history. */
import type { MessageKey } from '../../../platform/i18n/catalog.js';
import { formatDate } from '../../../platform/i18n/translate.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { Body, TerritorySummary } from '../queries.js';
import { BodyList } from './home.js';
import {
  bodyUrl,
  HistoryTable,
  kindLabel,
  Name,
  NameFacts,
  nameText,
  RecordHeader,
  territoryUrl,
  type ChangeRow,
} from './parts.js';

export interface BodyPageProps {
  ctx: ViewContext;
  body: Body;
  /** the territory and its parents, top first */
  place: TerritorySummary[];
  chain: Body[];
  subordinates: Body[];
  mergedInto: Body | null;
  today: string;
  history: ChangeRow[] | null;
}

export function BodyPage(p: BodyPageProps) {
  const { t, locale } = p.ctx;
  const b = p.body;
  const inactive = b.active_to !== null && b.active_to <= p.today;
  const emails = b.emails ? b.emails.split(/;\s*/) : [];
  const hasContacts = emails.length > 0 || b.address || b.phone || b.website;
  return (
    <Layout ctx={p.ctx} title={nameText(p.ctx, b)}>
      <RecordHeader
        ctx={p.ctx}
        record={b}
        trail={p.place}
        ended={
          inactive
            ? {
                text: t('directory.inactive_since', { date: formatDate(locale, b.active_to!) }),
                nextLabel: t('directory.merged_into'),
                next: p.mergedInto ? { ...p.mergedInto, href: bodyUrl(p.mergedInto.id) } : null,
              }
            : null
        }
      />
      <dl class="facts">
        <dt>{t('directory.kind')}</dt>
        <dd>
          {kindLabel(p.ctx, b.kind)}
          {b.institution_type ? ` · ${t(`directory.institution.${b.institution_type}` as MessageKey)}` : ''}
        </dd>
        <dt>{t('directory.territory')}</dt>
        <dd>
          {p.place.length ? (
            <a href={territoryUrl(p.place[p.place.length - 1]!.id)}>
              <Name ctx={p.ctx} record={p.place[p.place.length - 1]!} />
            </a>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('directory.code')}</dt>
        <dd>
          <code>{b.code}</code>
        </dd>
        <NameFacts ctx={p.ctx} record={b} />
        {b.active_from ? (
          <>
            <dt>{t('directory.active_from')}</dt>
            <dd>{formatDate(locale, b.active_from)}</dd>
          </>
        ) : null}
      </dl>
      {p.ctx.can('directory.manage') ? (
        <p>
          <a href={`/admin/directory/bodies/${b.id}`}>{t('directory.edit')}</a>
        </p>
      ) : null}

      <section aria-labelledby="h-contacts">
        <h2 id="h-contacts">{t('directory.contacts')}</h2>
        {b.contact_unknown || !hasContacts ? (
          <p class="notice">
            <strong>{t('directory.contact_unknown')}.</strong> {t('directory.contact_unknown_text')}
          </p>
        ) : null}
        {hasContacts ? (
          <dl class="facts">
            {emails.length ? (
              <>
                <dt>{t('directory.emails')}</dt>
                <dd>
                  {emails.map((e, i) => (
                    <>
                      {i > 0 ? ', ' : ''}
                      <a href={`mailto:${e}`}>{e}</a>
                    </>
                  ))}
                </dd>
              </>
            ) : null}
            {b.address ? (
              <>
                <dt>{t('directory.address')}</dt>
                <dd>{b.address}</dd>
              </>
            ) : null}
            {b.phone ? (
              <>
                <dt>{t('directory.phone')}</dt>
                <dd>{b.phone}</dd>
              </>
            ) : null}
            {b.website ? (
              <>
                <dt>{t('directory.website')}</dt>
                <dd>
                  <a href={b.website} rel="noopener noreferrer">
                    {b.website}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
        ) : null}
      </section>

      <section aria-labelledby="h-chain">
        <h2 id="h-chain">{t('directory.escalation')}</h2>
        {p.chain.length === 0 ? (
          <p>{t('directory.escalation_top')}</p>
        ) : (
          <ol class="escalation-chain">
            {p.chain.map((s) => (
              <li>
                <a href={bodyUrl(s.id)}>
                  <Name ctx={p.ctx} record={s} />
                </a>{' '}
                <span class="muted">{kindLabel(p.ctx, s.kind)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      {p.subordinates.length ? (
        <section aria-labelledby="h-subordinates">
          <h2 id="h-subordinates">{t('directory.subordinates')}</h2>
          <BodyList ctx={p.ctx} bodies={p.subordinates} today={p.today} />
        </section>
      ) : null}
      {p.history ? (
        <section aria-labelledby="h-history">
          <h2 id="h-history">{t('directory.history')}</h2>
          <HistoryTable ctx={p.ctx} rows={p.history} />
        </section>
      ) : null}
    </Layout>
  );
}
