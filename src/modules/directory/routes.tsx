/** Public pages of the directory: browse, search, map, territory and body pages. */
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { sendPage, viewContext } from '../../platform/http/page.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { mapLayers } from './map-data.js';
import {
  bodiesInTerritory,
  changesOf,
  childTerritories,
  findBodyById,
  findTerritoryById,
  searchBodies,
  searchTerritories,
  subordinateBodies,
  supervisorChain,
  territoryAncestors,
  topTerritories,
} from './queries.js';
import { IdParams, SearchQuery } from './schema.js';
import type { BodyKind } from './tables.js';
import { BodyPage } from './views/body.js';
import { DirectoryHome } from './views/home.js';
import { MapPage } from './views/map.js';
import { SearchPage } from './views/search.js';
import { TerritoryPage } from './views/territory.js';

const NATIONAL_KINDS: BodyKind[] = ['cabinet', 'ministry', 'agency', 'court', 'prosecutor', 'ombudsman'];

export async function directoryRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.achyk;
  const read = { config: { policy: 'directory.read' } } as const;

  app.get('/directory', read, async (request, reply) => {
    const top = await topTerritories(db);
    // National bodies: ministries, agencies, courts, the Ombudsman, the Cabinet, and the top of the
    // prosecution (a prosecutor's office with no supervisor); territorial offices are under their territory.
    const national = (
      await db
        .selectFrom('body')
        .selectAll()
        .where('kind', 'in', NATIONAL_KINDS)
        .where('active_to', 'is', null)
        .orderBy('id')
        .execute()
    ).filter((b) => b.kind !== 'prosecutor' || b.supervisor_id === null);
    return sendPage(reply, <DirectoryHome ctx={viewContext(request)} top={top} national={national} />);
  });

  app.get<{ Querystring: { q?: string; kind?: BodyKind | '' } }>(
    '/directory/search',
    { ...read, schema: { querystring: SearchQuery } },
    async (request, reply) => {
      const q = (request.query.q ?? '').trim();
      const kind = request.query.kind || undefined;
      const [territories, bodies] =
        q || kind
          ? await Promise.all([
              kind ? [] : searchTerritories(db, { q, limit: 30 }),
              searchBodies(db, { q, kind, limit: 100 }),
            ])
          : [[], []];
      return sendPage(
        reply,
        <SearchPage
          ctx={viewContext(request)}
          query={q}
          kind={kind ?? ''}
          territories={territories}
          bodies={bodies}
          today={kyrgyzDateOf(now())}
        />,
      );
    },
  );

  app.get('/directory/map', read, async (request, reply) => {
    const layers = await mapLayers(db, request.ctx.locale);
    return sendPage(reply, <MapPage ctx={viewContext(request)} {...layers} />);
  });

  app.get<{ Params: { id: string } }>(
    '/directory/territories/:id',
    { ...read, schema: { params: IdParams } },
    async (request, reply) => {
      const territory = await findTerritoryById(db, Number(request.params.id));
      if (!territory) throw notFound();
      const { boundary, ...summary } = territory;
      const manage = viewContext(request).can('directory.manage');
      const [ancestors, units, bodies, successor, history] = await Promise.all([
        territoryAncestors(db, territory),
        childTerritories(db, territory.id),
        bodiesInTerritory(db, territory.id),
        territory.successor_id === null ? null : findTerritoryById(db, territory.successor_id),
        manage ? changesOf(db, 'territory', territory.id) : null,
      ]);
      const map =
        territory.level === 'oblast' && boundary ? await mapLayers(db, request.ctx.locale, territory.id) : null;
      return sendPage(
        reply,
        <TerritoryPage
          ctx={viewContext(request)}
          territory={summary}
          ancestors={ancestors}
          units={units}
          bodies={bodies}
          successor={successor ?? null}
          today={kyrgyzDateOf(now())}
          map={map && map.rayons.length ? { regions: map.rayons, width: map.width, height: map.height } : null}
          history={history}
        />,
      );
    },
  );

  app.get<{ Params: { id: string } }>(
    '/directory/bodies/:id',
    { ...read, schema: { params: IdParams } },
    async (request, reply) => {
      const body = await findBodyById(db, Number(request.params.id));
      if (!body) throw notFound();
      const manage = viewContext(request).can('directory.manage');
      const territory = body.territory_id === null ? undefined : await findTerritoryById(db, body.territory_id);
      const place = territory
        ? [...(await territoryAncestors(db, territory)), (({ boundary: _b, ...s }) => s)(territory)]
        : [];
      const [chain, subordinates, mergedInto, history] = await Promise.all([
        supervisorChain(db, body.id),
        subordinateBodies(db, body.id),
        body.merged_into_id === null ? undefined : findBodyById(db, body.merged_into_id),
        manage ? changesOf(db, 'body', body.id) : null,
      ]);
      return sendPage(
        reply,
        <BodyPage
          ctx={viewContext(request)}
          body={body}
          place={place}
          chain={chain}
          subordinates={subordinates}
          mergedInto={mergedInto ?? null}
          today={kyrgyzDateOf(now())}
          history={history}
        />,
      );
    },
  );
}
