/**
 * Public statement routes: list, archive by year and tag, one statement, Atom feeds per language, the
 * source page of case figures, and the stylesheet. Every list and page goes through visibility.ts;
 * a statement that is not public answers 404 like a missing one.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { sendPage, viewContext } from '../../platform/http/page.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { pickText, translator } from '../../platform/i18n/translate.js';
import { can } from '../../platform/policy/policy.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { atomFeed } from '../../platform/render/atom.js';
import { findEmbeds, type EmbedSpec } from './embeds/parse.js';
import { casesPeriod, MIN_CASE_COUNT, resolveFigure } from './embeds/resolve.js';
import { figureHtml } from './markdown.js';
import { presentStatement } from './present.js';
import { findStatement, listPublicStatements, publicTags, publicYears, textsOf, type StatementRow } from './queries.js';
import { idOfSlug } from './slug.js';
import { CSS_PATH, STATEMENTS_CSS } from './styles.js';
import { CasesFigurePage, ListPage, StatementPage, type ListItem } from './views/public.js';
import { isPublic } from './visibility.js';

type Q = Record<string, string | undefined>;
const pub = { config: { policy: 'statements.public' } } as const;

/** A list item in the reader's language (with fallback to a written one). */
export function listItem(s: StatementRow, locale: Locale): ListItem {
  const texts = textsOf(s);
  const title = pickText({ ky: texts.ky?.title, ru: texts.ru?.title, en: texts.en?.title }, locale);
  return {
    slug: s.slug,
    kind: s.kind,
    title: title.text,
    lang: title.lang,
    summary: texts[title.lang]?.summary ?? '',
    publishedAt: s.published_at!,
  };
}

export async function statementPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, config } = app.achyk;

  app.get(CSS_PATH, pub, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(STATEMENTS_CSS),
  );

  async function listPage(request: FastifyRequest, heading: string, rows: StatementRow[]) {
    const at = now();
    const nav = { years: await publicYears(db, at), tags: await publicTags(db, at) };
    return (
      <ListPage
        ctx={viewContext(request)}
        heading={heading}
        items={rows.map((s) => listItem(s, request.ctx.locale))}
        nav={nav}
        canManage={can(request.ctx.user, 'statements.manage')}
      />
    );
  }

  app.get('/statements', pub, async (request, reply) =>
    sendPage(
      reply,
      await listPage(request, request.ctx.t('statements.title'), await listPublicStatements(db, now(), { limit: 30 })),
    ),
  );

  app.get<{ Params: { year: string } }>('/statements/archive/:year', pub, async (request, reply) => {
    if (!/^(19|20)\d\d$/.test(request.params.year)) throw notFound();
    const year = Number(request.params.year);
    return sendPage(
      reply,
      await listPage(
        request,
        request.ctx.t('statements.archive_year', { year }),
        await listPublicStatements(db, now(), { year }),
      ),
    );
  });

  app.get<{ Params: { tag: string } }>('/statements/tags/:tag', pub, async (request, reply) => {
    const tag = request.params.tag.toLowerCase();
    if (tag.length > 40) throw notFound();
    const rows = await listPublicStatements(db, now(), { tag });
    if (!rows.length) throw notFound();
    return sendPage(reply, await listPage(request, request.ctx.t('statements.tag_title', { tag }), rows));
  });

  for (const lang of LOCALES) {
    app.get(`/statements/feed.${lang}.atom`, pub, async (_request, reply) => {
      const t = translator(lang);
      const rows = await listPublicStatements(db, now(), { lang, limit: 50 });
      const self = `${config.publicUrl}/statements/feed.${lang}.atom`;
      const updated = (s: StatementRow) => (s.updated_at > s.published_at! ? s.updated_at : s.published_at!);
      return reply.type('application/atom+xml; charset=utf-8').send(
        atomFeed({
          id: self,
          title: t('statements.feed_title', { lang: t(`lang.${lang}`) }),
          selfLink: self,
          altLink: `${config.publicUrl}/statements`,
          updated: rows.length ? rows.map(updated).sort().at(-1)! : new Date(0).toISOString(),
          entries: rows.map((s) => ({
            id: `${config.publicUrl}/statements/${s.id}`,
            title: s[`title_${lang}`]!,
            link: `${config.publicUrl}/statements/${s.slug}?lang=${lang}`,
            updated: updated(s),
            summary: s[`summary_${lang}`] ?? '',
          })),
        }),
      );
    });
  }

  /** Does a public statement quote `{{figure:cases …}}` with this violation and period? */
  async function isQuoted(violation: string, period: { from: string; to: string }, at: Date): Promise<boolean> {
    for (const s of await listPublicStatements(db, at, { limit: 1000 })) {
      for (const text of [s.body_ky, s.body_ru, s.body_en, s.summary_ky, s.summary_ru, s.summary_en]) {
        if (!text) continue;
        for (const e of findEmbeds(text)) {
          if (!e.ok || e.spec.figure !== 'cases' || e.spec.params.violation !== violation) continue;
          const p = casesPeriod(e.spec.params, kyrgyzDateOf(at));
          if (p && p.from === period.from && p.to === period.to) return true;
        }
      }
    }
    return false;
  }

  app.get<{ Querystring: Q }>('/statements/figures/cases', pub, async (request, reply) => {
    const q = request.query;
    const params: Record<string, string> = { violation: String(q.violation ?? '').slice(0, 100) };
    if (q.from !== undefined || q.to !== undefined)
      Object.assign(params, { from: String(q.from ?? ''), to: String(q.to ?? '') });
    const at = now();
    const period = casesPeriod(params, kyrgyzDateOf(at));
    // Only figures that a public statement quotes are served: an open-ended counter would let anyone
    // subtract two overlapping periods and find a single case below the minimum.
    if (!period || !(await isQuoted(params.violation!, period, at))) throw notFound();
    const spec: EmbedSpec = {
      figure: 'cases',
      params,
      freeze: false,
      words: false,
      key: '',
      raw: `{{figure:cases violation=${params.violation}}}`,
    };
    const r = await resolveFigure(db, spec, at);
    if (!r.ok) throw notFound();
    const ctx = viewContext(request);
    const html = figureHtml(
      spec.raw,
      { state: 'figure', figure: { ...r.figure, source: request.url }, frozen: false },
      { embeds: new Map(), t: ctx.t, locale: ctx.locale, preview: false },
    );
    return sendPage(
      reply,
      <CasesFigurePage
        ctx={ctx}
        violation={params.violation!}
        from={period.from}
        to={period.to}
        valueHtml={html}
        min={MIN_CASE_COUNT}
      />,
    );
  });

  app.get<{ Params: { slug: string }; Querystring: Q }>('/statements/:slug', pub, async (request, reply) => {
    const id = idOfSlug(request.params.slug);
    const s = id === null ? undefined : await findStatement(db, id);
    const at = now();
    if (!s || !isPublic(s, at)) throw notFound();
    if (request.params.slug !== s.slug)
      return reply.redirect(
        `/statements/${s.slug}${request.query.lang && LOCALES.includes(request.query.lang as Locale) ? `?lang=${request.query.lang}` : ''}`,
        301,
      );
    const ctx = viewContext(request);
    const p = await presentStatement(db, s, {
      t: ctx.t,
      locale: ctx.locale,
      asked: request.query.lang,
      now: at,
      preview: false,
      published: true,
    });
    const share = {
      title: p.view.title,
      description: p.description,
      url: `${config.publicUrl}/statements/${s.slug}`,
      type: 'article' as const,
      locale: p.view.lang,
      publishedAt: s.published_at!,
      modifiedAt: s.version > 1 ? s.updated_at : undefined,
    };
    return sendPage(reply, <StatementPage ctx={ctx} statement={p.view} share={share} />);
  });
}
