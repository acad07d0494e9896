/** The directory's JSON API: territories, body search, one body with its escalation chain. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { apiErrorResponses } from '../../platform/http/api-errors.js';
import {
  findBodyById,
  listTerritories,
  searchBodies,
  searchTerritories,
  supervisorChain,
  type Body,
  type TerritorySummary,
} from './queries.js';
import {
  ApiBody,
  ApiBodyDetail,
  ApiIdParams,
  ApiTerritory,
  BodiesQuery,
  TerritoriesQuery,
  type ApiBodyT,
  type ApiTerritoryT,
} from './schema.js';
import type { BodyKind, TerritoryLevel } from './tables.js';

export function apiTerritory(x: TerritorySummary): ApiTerritoryT {
  return {
    id: x.id,
    code: x.code,
    level: x.level,
    name: { ky: x.name_ky, ru: x.name_ru, en: x.name_en },
    parentId: x.parent_id,
    lat: x.lat,
    lon: x.lon,
    validFrom: x.valid_from,
    validTo: x.valid_to,
    successorId: x.successor_id,
  };
}

export function apiBody(b: Body): ApiBodyT {
  return {
    id: b.id,
    code: b.code,
    kind: b.kind,
    institutionType: b.institution_type,
    name: { ky: b.name_ky, ru: b.name_ru, en: b.name_en },
    territoryId: b.territory_id,
    supervisorId: b.supervisor_id,
    emails: b.emails ? b.emails.split(/;\s*/) : [],
    address: b.address,
    phone: b.phone,
    website: b.website,
    contactUnknown: b.contact_unknown === 1,
    activeFrom: b.active_from,
    activeTo: b.active_to,
    mergedIntoId: b.merged_into_id,
  };
}

export async function directoryApiRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.achyk;
  const config = { policy: 'directory.read', api: true } as const;

  app.get<{ Querystring: { level?: TerritoryLevel; parent?: number; q?: string; validOn?: string } }>(
    '/api/v1/territories',
    {
      config,
      schema: {
        summary: 'Territories (SOATE units): oblasts, cities, rayons, aiyl aimaks',
        description:
          'Filter by level, by parent id, by name (`q`, same folding as the body search) or by the day they exist on.',
        tags: ['directory'],
        querystring: TerritoriesQuery,
        response: { 200: Type.Object({ territories: Type.Array(ApiTerritory) }), 400: apiErrorResponses[400] },
      },
    },
    async (request) => {
      const { level, parent, q, validOn } = request.query;
      let rows = q
        ? await searchTerritories(db, { q, limit: 1000 })
        : await listTerritories(db, { level, parentId: parent, validOn });
      if (q)
        rows = rows.filter((x) => (!level || x.level === level) && (parent === undefined || x.parent_id === parent));
      return { territories: rows.map(apiTerritory) };
    },
  );

  app.get<{ Querystring: { q?: string; kind?: BodyKind; territory?: number; activeOn?: string; limit?: number } }>(
    '/api/v1/bodies',
    {
      config,
      schema: {
        summary: 'Find state bodies by name, kind and territory',
        description:
          'Every word of `q` must begin a word of the body’s name in Kyrgyz, Russian or English; Latin transliteration, н/ң, о/ө, у/ү, ö/ü and Russian adjective endings are forgiven ("ошский" finds the Osh bodies).',
        tags: ['directory'],
        querystring: BodiesQuery,
        response: { 200: Type.Object({ bodies: Type.Array(ApiBody) }), 400: apiErrorResponses[400] },
      },
    },
    async (request) => {
      const { q, kind, territory, activeOn, limit } = request.query;
      const rows = await searchBodies(db, { q, kind, territoryId: territory, activeOn, limit: limit ?? 50 });
      return { bodies: rows.map(apiBody) };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/v1/bodies/:id',
    {
      config,
      schema: {
        summary: 'One state body, with its escalation chain',
        tags: ['directory'],
        params: ApiIdParams,
        response: { 200: ApiBodyDetail, 400: apiErrorResponses[400], 404: apiErrorResponses[404] },
      },
    },
    async (request) => {
      const body = await findBodyById(db, request.params.id);
      if (!body) throw notFound();
      const chain = await supervisorChain(db, body.id);
      return { ...apiBody(body), supervisorChain: chain.map((c) => ({ id: c.id, code: c.code, kind: c.kind })) };
    },
  );
}
