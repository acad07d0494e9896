/** Public routes: search, published appeals, safe original files, Atom feeds. All through visibility.ts. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { AppError, notFound } from '../../platform/errors.js';
import { sendPage, viewContext } from '../../platform/http/page.js';
import { sendPublicPage } from '../../platform/http/page-cache.js';
import type { MessageKey } from '../../platform/i18n/catalog.js';
import { pickText, translator } from '../../platform/i18n/translate.js';
import { storedPath } from '../../platform/files/store.js';
import { isAppealKind } from '../appeals/index.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { findBodyById } from '../directory/index.js';
import { atomFeed } from '../../platform/render/atom.js';
import { findPublished, latestPublished, publishedEvents, publishedFiles } from './queries.js';
import { searchPublic, type SearchFilters, type SearchResult, type StatusGroup } from './search.js';
import { PublicAppealPage, SearchPage } from './views/public.js';
import { parseRecordId, RECORD_ID_DIGITS } from '../../platform/http/validation.js';

type Q = Record<string, string | undefined>;
const int = (v: string | undefined) => parseRecordId(v) ?? undefined;

export function filtersOf(q: Q): SearchFilters {
  const status = ['open', 'answered', 'closed'].includes(q.status ?? '') ? (q.status as StatusGroup) : undefined;
  return {
    body: int(q.body),
    kind: isAppealKind(q.kind) ? q.kind : undefined,
    status,
    territory: int(q.territory),
    year: int(q.year),
  };
}

export async function publicationPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db, config, now } = app.achyk;
  const pub = { config: { policy: 'publication.public' } } as const;

  app.get<{ Querystring: Q }>('/search', pub, async (request, reply) => {
    const q = typeof request.query.q === 'string' ? request.query.q : '';
    const filters = filtersOf(request.query);
    let result: SearchResult | null = null;
    let error: MessageKey | null = null;
    let errorParams: Record<string, string | number> | undefined;
    try {
      result = await searchPublic(db, q, filters, int(request.query.page) ?? 1);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'invalid') throw e;
      error = e.fields[0]?.message ?? 'error.invalid';
      errorParams = e.fields[0]?.params;
    }
    const bodyIds = [
      ...new Set([
        ...(result?.hits.map((h) => h.bodyId) ?? []),
        ...(result?.facets.body.map((f) => Number(f.value)) ?? []),
      ]),
    ];
    const terrIds = result?.facets.territory.map((f) => Number(f.value)) ?? [];
    const bodyNames = new Map(
      (bodyIds.length
        ? await db
            .selectFrom('body')
            .select(['id', 'name_ky', 'name_ru', 'name_en'])
            .where('id', 'in', bodyIds)
            .execute()
        : []
      ).map((b) => [b.id, b]),
    );
    const territoryNames = new Map(
      (terrIds.length
        ? await db
            .selectFrom('territory')
            .select(['id', 'name_ky', 'name_ru', 'name_en'])
            .where('id', 'in', terrIds)
            .execute()
        : []
      ).map((b) => [b.id, b]),
    );
    return sendPage(
      reply,
      <SearchPage
        ctx={viewContext(request)}
        query={q.slice(0, 1000)}
        filters={filters}
        result={result}
        error={error}
        errorParams={errorParams}
        bodyNames={bodyNames}
        territoryNames={territoryNames}
      />,
      error ? 400 : 200,
    );
  });

  app.get<{ Params: { id: string } }>('/published/:id', pub, async (request, reply) => {
    const a = await findPublished(db, int(request.params.id) ?? 0);
    if (!a) throw notFound();
    // The same page for every anonymous visitor until what it shows changes: the fields read above
    // (the public copy, the appeal, its body), the public events and files (rewritten only by a
    // publication, which replaces the publication version read with them), or the day.
    const version = `${kyrgyzDateOf(now())}|${crypto.createHash('sha256').update(JSON.stringify(a)).digest('base64url')}`;
    return sendPublicPage(request, reply, version, async () => {
      const [events, files] = await Promise.all([publishedEvents(db, a.id), publishedFiles(db, a.id)]);
      return <PublicAppealPage ctx={viewContext(request)} appeal={a} events={events} files={files} />;
    });
  });

  app.get<{ Params: { id: string; fileId: string } }>('/published/:id/files/:fileId', pub, async (request, reply) => {
    const a = await findPublished(db, int(request.params.id) ?? 0);
    const fileId = int(request.params.fileId);
    if (!a || fileId === undefined) throw notFound();
    const pf = (await publishedFiles(db, a.id)).find((f) => f.file_id === fileId && f.original_safe === 1);
    if (!pf) throw notFound();
    const file = await db
      .selectFrom('appeal_file')
      .select(['stored_name', 'mime'])
      .where('id', '=', fileId)
      .where('appeal_id', '=', a.id)
      .executeTakeFirst();
    if (!file) throw notFound();
    const full = storedPath(config.dataDir, file.stored_name);
    if (!fs.existsSync(full)) throw notFound();
    return reply
      .type(file.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(pf.name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(fs.createReadStream(full));
  });

  const feed = (reply: import('fastify').FastifyReply, body: string) =>
    reply.type('application/atom+xml; charset=utf-8').send(body);

  app.get<{ Params: { file: string } }>('/feeds/bodies/:file', pub, async (request, reply) => {
    const m = new RegExp(`^(${RECORD_ID_DIGITS})\\.atom$`).exec(request.params.file);
    const body = m ? await findBodyById(db, Number(m[1])) : undefined;
    if (!body) throw notFound();
    const t = translator(request.ctx.locale);
    const name = pickText(
      { ky: body.name_ky ?? undefined, ru: body.name_ru ?? undefined, en: body.name_en ?? undefined },
      request.ctx.locale,
    ).text;
    const rows = await latestPublished(db, { bodyId: body.id, limit: 50 });
    return feed(
      reply,
      atomFeed({
        id: `${config.publicUrl}/feeds/bodies/${body.id}.atom`,
        title: t('publication.feed_body_title', { body: name }),
        selfLink: `${config.publicUrl}/feeds/bodies/${body.id}.atom`,
        altLink: `${config.publicUrl}/stats/bodies/${body.id}`,
        updated: rows[0]?.updated_at ?? '2026-01-01T00:00:00.000Z',
        entries: rows.map((r) => ({
          id: `${config.publicUrl}/published/${r.id}`,
          title: r.subject,
          link: `${config.publicUrl}/published/${r.id}`,
          updated: r.updated_at,
          summary: r.text.slice(0, 500),
        })),
      }),
    );
  });

  app.get<{ Querystring: Q }>('/feeds/search.atom', pub, async (request, reply) => {
    const q = typeof request.query.q === 'string' ? request.query.q : '';
    const t = translator(request.ctx.locale);
    let result: SearchResult;
    try {
      result = await searchPublic(db, q, filtersOf(request.query), 1);
    } catch (e) {
      if (e instanceof AppError && e.code === 'invalid')
        return reply
          .code(400)
          .type('text/plain; charset=utf-8')
          .send(t(e.fields[0]?.message ?? 'error.invalid', e.fields[0]?.params));
      throw e;
    }
    const self = `${config.publicUrl}/feeds/search.atom?q=${encodeURIComponent(q)}`;
    return feed(
      reply,
      atomFeed({
        id: self,
        title: t('publication.feed_search_title', { q }),
        selfLink: self,
        altLink: `${config.publicUrl}/search?q=${encodeURIComponent(q)}`,
        updated: result.hits[0]?.publishedAt ?? '2026-01-01T00:00:00.000Z',
        entries: result.hits.map((h) => ({
          id: `${config.publicUrl}/published/${h.appealId}`,
          title: h.title,
          link: `${config.publicUrl}/published/${h.appealId}`,
          updated: h.publishedAt,
          summary: h.snippet.map((s) => s.text).join(''),
        })),
      }),
    );
  });
}
