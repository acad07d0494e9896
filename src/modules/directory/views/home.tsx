/** The directory's front page: search, the oblasts and cities to browse, the national bodies. */
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { Body, TerritorySummary } from '../queries.js';
import { bodyUrl, kindLabel, levelLabel, Name, SearchForm, territoryUrl } from './parts.js';

export function DirectoryHome(p: { ctx: ViewContext; top: TerritorySummary[]; national: Body[] }) {
  const { t } = p.ctx;
  return (
    <Layout ctx={p.ctx} title={t('directory.title')}>
      <h1>{t('directory.title')}</h1>
      <p class="lead">{t('directory.intro')}</p>
      <SearchForm ctx={p.ctx} />
      <p>
        <a href="/directory/map">{t('directory.map_title')}</a>
        {p.ctx.can('directory.manage') ? (
          <>
            {' · '}
            <a href="/admin/directory">{t('directory.admin.link')}</a>
          </>
        ) : null}
      </p>
      <section aria-labelledby="h-top">
        <h2 id="h-top">{t('directory.top_level')}</h2>
        <ul class="directory-list">
          {p.top.map((x) => (
            <li>
              <a href={territoryUrl(x.id)}>
                <Name ctx={p.ctx} record={x} />
              </a>{' '}
              <span class="muted">{levelLabel(p.ctx, x.level)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="h-national">
        <h2 id="h-national">{t('directory.national_bodies')}</h2>
        <BodyList ctx={p.ctx} bodies={p.national} />
      </section>
      <p class="muted">{t('directory.data_note')}</p>
    </Layout>
  );
}

/** A list of bodies with their kind; inactive ones are marked. */
export function BodyList({ ctx, bodies, today }: { ctx: ViewContext; bodies: Body[]; today?: string }) {
  if (bodies.length === 0) return <p>{ctx.t('directory.no_bodies_here')}</p>;
  return (
    <ul class="directory-list">
      {bodies.map((b) => {
        const inactive = today !== undefined && b.active_to !== null && b.active_to <= today;
        return (
          <li>
            <a href={bodyUrl(b.id)}>
              <Name ctx={ctx} record={b} />
            </a>{' '}
            <span class="muted">
              {kindLabel(ctx, b.kind)}
              {inactive ? ` · ${ctx.t('directory.inactive')}` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
