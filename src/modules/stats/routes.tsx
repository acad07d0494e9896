/** Public statistics pages: home, report cards, league tables, the map, the open-data page and downloads. */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { sendPage, viewContext } from '../../platform/http/page.js';
import { sendPublicPage } from '../../platform/http/page-cache.js';
import { pickText } from '../../platform/i18n/translate.js';
import { Layout } from '../../platform/render/layout.js';
import { isAppealKind } from '../appeals/index.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { REFERENCE_DIR } from '../../platform/project-root.js';
import { mapLayers } from '../directory/index.js';
import { findBodyById } from '../directory/index.js';
import { BODY_KINDS } from '../directory/index.js';
import { figuresOf } from './figures.js';
import { shrinkPath } from './shrink-path.js';
import { DATASETS, exportStream, FORMATS, type Dataset, type Format } from './open-data.js';
import { parsePeriod } from './period.js';
import { cachedLeagueTable, cachedRegionTotals, cachedReportCard } from './queries.js';
import { lastRefresh, statsState } from './refresh.js';
import { ReportCardPage } from './views/card.js';
import { DataPage, StatsHome } from './views/home.js';
import { LeaguePage } from './views/league.js';
import { MapPage } from './views/map.js';
import { parseRecordId } from '../../platform/http/validation.js';

type Q = Record<string, string | undefined>;
/** The choropleth is drawn 600 px wide (the directory's map is 1000): small enough for phones and the page budget. */
const MAP_SCALE = 0.6;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The "Attributions" section of reference/NOTICE.md, shown on the data page (read once). */
function attributions(): string {
  try {
    const text = fs.readFileSync(path.join(REFERENCE_DIR, 'NOTICE.md'), 'utf8');
    const m = /## Attributions\n([\s\S]*?)\n## /.exec(text);
    return (m?.[1] ?? text).trim();
  } catch {
    return '';
  }
}

export async function statsRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.achyk;
  const read = { config: { policy: 'stats.read' } } as const;
  const credits = attributions();

  app.get('/stats', read, async (request, reply) =>
    sendPage(reply, <StatsHome ctx={viewContext(request)} updated={await lastRefresh(db)} />),
  );

  app.get<{ Params: { id: string }; Querystring: Q }>('/stats/bodies/:id', read, async (request, reply) => {
    const id = parseRecordId(request.params.id) ?? NaN;
    const body = Number.isNaN(id) ? undefined : await findBodyById(db, id);
    if (!body) throw notFound();
    const today = kyrgyzDateOf(now());
    const q = request.query;
    const { period, error } = parsePeriod(str(q.from), str(q.to), today);
    const kind = isAppealKind(q.kind) ? q.kind : '';
    const name = pickText(
      { ky: body.name_ky ?? undefined, ru: body.name_ru ?? undefined, en: body.name_en ?? undefined },
      request.ctx.locale,
    ).text;
    const { version, updated } = await statsState(db);
    const page = async () => {
      const card = error ? null : await cachedReportCard(db, body.id, period, today, kind || undefined);
      return (
        <ReportCardPage
          ctx={viewContext(request)}
          bodyId={body.id}
          bodyName={name}
          card={card}
          from={str(q.from) ?? period.from}
          to={str(q.to) ?? period.to}
          kind={kind}
          error={error}
          updated={updated}
        />
      );
    };
    if (error) return sendPage(reply, await page(), 400);
    // The same page for every anonymous visitor until the figures, the body's names or the day change.
    return sendPublicPage(
      request,
      reply,
      `${version}|${today}|${updated}|${JSON.stringify([body.name_ky, body.name_ru, body.name_en])}`,
      page,
    );
  });

  app.get<{ Querystring: Q }>('/stats/league', read, async (request, reply) => {
    const today = kyrgyzDateOf(now());
    const q = request.query;
    const { period, error } = parsePeriod(str(q.from), str(q.to), today);
    const kind = isAppealKind(q.kind) ? q.kind : '';
    const bodyKind = (BODY_KINDS as readonly string[]).includes(q.body_kind ?? '') ? q.body_kind! : '';
    const oblast = parseRecordId(q.oblast) ?? undefined;
    const rows = error
      ? []
      : await cachedLeagueTable(
          db,
          { period, kind: kind || undefined, bodyKind: bodyKind || undefined, oblastId: oblast },
          today,
        );
    const bodies = new Map(
      (rows.length
        ? await db
            .selectFrom('body')
            .select(['id', 'name_ky', 'name_ru', 'name_en'])
            .where(
              'id',
              'in',
              rows.map((r) => r.bodyId),
            )
            .execute()
        : []
      ).map((b) => [b.id, b]),
    );
    const name = (n: { name_ky: string | null; name_ru: string | null; name_en: string | null } | undefined) =>
      n
        ? pickText(
            { ky: n.name_ky ?? undefined, ru: n.name_ru ?? undefined, en: n.name_en ?? undefined },
            request.ctx.locale,
          ).text
        : '';
    const oblasts = (
      await db
        .selectFrom('territory')
        .select(['id', 'name_ky', 'name_ru', 'name_en'])
        .where('level', 'in', ['oblast', 'city_republican'])
        .orderBy('code')
        .execute()
    ).map((o) => ({ id: o.id, name: name(o) }));
    return sendPage(
      reply,
      <LeaguePage
        ctx={viewContext(request)}
        rows={rows.map((r) => ({ ...r, name: name(bodies.get(r.bodyId)) }))}
        from={str(q.from) ?? period.from}
        to={str(q.to) ?? period.to}
        kind={kind}
        bodyKind={bodyKind}
        oblast={oblast === undefined ? '' : String(oblast)}
        oblasts={oblasts}
        error={error}
        updated={await lastRefresh(db)}
      />,
      error ? 400 : 200,
    );
  });

  app.get<{ Querystring: Q }>('/stats/map', read, async (request, reply) => {
    const today = kyrgyzDateOf(now());
    const q = request.query;
    const { period, error } = parsePeriod(str(q.from), str(q.to), today);
    const kind = isAppealKind(q.kind) ? q.kind : '';
    const level = q.level === 'rayon' ? 'rayon' : 'oblast';
    const layers = await mapLayers(db, request.ctx.locale);
    const totals = error ? new Map() : await cachedRegionTotals(db, level, period, kind || undefined);
    const regions = (level === 'oblast' ? layers.oblasts : layers.rayons).map((r) => {
      const tot = totals.get(r.id);
      return {
        id: r.id,
        name: r.name,
        lang: r.lang,
        d: shrinkPath(r.d, MAP_SCALE),
        figures: tot ? figuresOf(tot) : null,
      };
    });
    return sendPage(
      reply,
      <MapPage
        ctx={viewContext(request)}
        level={level}
        regions={regions}
        width={Math.round(layers.width * MAP_SCALE)}
        height={Math.round(layers.height * MAP_SCALE)}
        from={str(q.from) ?? period.from}
        to={str(q.to) ?? period.to}
        kind={kind}
        error={error}
        updated={await lastRefresh(db)}
      />,
      error ? 400 : 200,
    );
  });

  app.get('/data', read, async (request, reply) =>
    sendPage(reply, <DataPage ctx={viewContext(request)} attributions={credits} />),
  );

  app.get<{ Params: { file: string } }>(
    '/data/:file',
    read,
    async (request: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) => {
      const m = /^([a-z]+)\.([a-z0-9]+)$/.exec(request.params.file);
      const dataset = m?.[1] as Dataset | undefined;
      const format = m?.[2] as Format | undefined;
      if (
        !dataset ||
        !format ||
        !(DATASETS as readonly string[]).includes(dataset) ||
        !(FORMATS as readonly string[]).includes(format)
      ) {
        const ctx = viewContext(request);
        return sendPage(
          reply,
          <Layout ctx={ctx} title={ctx.t('error.title')}>
            <h1>{ctx.t('error.title')}</h1>
            <p role="alert">{ctx.t('stats.unknown_format', { datasets: DATASETS.join(', ') })}</p>
            <p>
              <a href="/data">{ctx.t('stats.data_title')}</a>
            </p>
          </Layout>,
          404,
        );
      }
      const attribution =
        'Achyk (CC BY 4.0). Administrative divisions: Open Admin Data (CC BY 4.0). Boundaries: MoES Kyrgyz Republic / UN OCHA (CC BY-IGO 3.0).';
      reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="achyk-${dataset}.${format}"`)
        .header('link', `<${app.achyk.config.publicUrl}/data#${dataset}>; rel="describedby"`);
      return reply.send(exportStream(db, dataset, format, app.achyk.config.publicUrl, attribution));
    },
  );
}
