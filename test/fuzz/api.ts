/**
 * Issue #10 part 3, JSON API: every route under /api/v1 gets generated requests shaped by its own
 * OpenAPI description (the document the server publishes): bodies of the right shape with hostile
 * values, wrong types at every level, unknown keys, missing required keys, malformed JSON, wrong
 * content types; query strings and path parameters likewise; a good token, another role's, a
 * malformed one or none. Never a 5xx, every refusal JSON naming the field.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/platform/db/database.js';
import { anyText, DATES, NUMBERS, UNKNOWN_KEYS } from './corpus.js';
import { patternUrl, planFor } from './plan.js';
import { fuzzEndpoint, runsPerEndpoint, selected, Tally } from './runner.js';
import { rolesFor, routeKey, type RouteInfo, type Who, type World } from './world.js';

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  pattern?: string;
  format?: string;
}
interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** Values of a wrong type (whatever the schema wants, one of these is not it). */
const wrongType = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    // eslint-disable-next-line no-loss-of-precision -- 1e309 is Infinity on purpose: an overflowing number in a request
    fc.constantFrom(1e309, -0, 2 ** 53 + 1, -1, 0),
    anyText(),
    fc.array(fc.oneof(fc.integer(), anyText()), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...UNKNOWN_KEYS), fc.oneof(fc.integer(), anyText()), { maxKeys: 3 }),
    fc.constant({ a: { b: { c: { d: { e: [[[[[]]]]] } } } } }),
  );

/** A value for the schema: mostly its shape with hostile contents, sometimes the wrong type. */
function fromSchema(schema: Schema | undefined, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: shaped(schema, ids, depth) }, { weight: 1, arbitrary: wrongType() });
}

function shaped(schema: Schema | undefined, ids: string[], depth: number): fc.Arbitrary<unknown> {
  if (!schema) return anyText();
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((s) => shaped(s, ids, depth)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const realIds = ids.map(Number).filter(Number.isInteger);
  switch (type) {
    case 'integer':
    case 'number':
      return fc.oneof(
        fc.constantFrom(...(realIds.length ? realIds : [1])),
        fc.integer(),
        fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 1, 1.5, 1e21),
      );
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(shaped(schema.items, ids, depth + 1), { maxLength: 4 });
    case 'object': {
      if (depth > 3) return fc.constant({});
      const props = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      return fc
        .tuple(
          fc.tuple(
            ...props.map(([name, s]) =>
              fc.option(fromSchema(s, ids, depth + 1), { freq: required.has(name) ? 12 : 3, nil: undefined }),
            ),
          ),
          fc.oneof(
            { weight: 6, arbitrary: fc.constant<[string, unknown][]>([]) },
            {
              weight: 1,
              arbitrary: fc.array(
                fc.tuple(
                  fc.oneof(
                    fc.constantFrom(...UNKNOWN_KEYS),
                    anyText().map((s) => s.slice(0, 30)),
                  ),
                  wrongType(),
                ),
                { minLength: 1, maxLength: 2 },
              ),
            },
          ),
        )
        .map(([values, extra]) => {
          const out: Record<string, unknown> = {};
          props.forEach(([name], i) => {
            if (values[i] !== undefined) out[name] = values[i];
          });
          // defineProperty, so "__proto__" becomes a real key of the JSON text, as an attacker sends it.
          for (const [k, v] of extra)
            Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
          return out;
        });
    }
    default:
      return fc.oneof(
        { weight: 4, arbitrary: anyText() },
        { weight: 1, arbitrary: fc.constantFrom(...DATES, ...NUMBERS, ...ids) },
      );
  }
}

/** A query-string value as text (what a URL can carry). */
function queryValue(schema: Schema | undefined, ids: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: shaped(schema, ids, 0).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
    },
    { weight: 1, arbitrary: anyText() },
  );
}

/** The role whose pages showed the most of this API's area (so its ids are records the role sees). */
function apiRole(world: World, route: RouteInfo): Who {
  const allowed = rolesFor(route, world.users);
  const area = `/${route.url.split('/')[3] ?? ''}`;
  let best: Who = allowed[0] ?? 'visitor';
  let most = -1;
  for (const w of allowed) {
    let n = 0;
    for (const [k, s] of world.samples) if (k.split(' ')[1]!.startsWith(area)) n += s.urls.get(w)?.size ?? 0;
    if (n > most) [best, most] = [w, n];
  }
  return best;
}

/** Fuzzes every JSON API route; returns the figures. */
export async function fuzzApi(
  world: World,
  label: string,
  runs = runsPerEndpoint(40),
): Promise<{ tally: Tally; line: string }> {
  const tally = new Tally(`api ${label}`);
  const doc = (await world.t.app.inject({ url: '/api/v1/openapi.json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  const routes = world.routes.filter((r) => r.api);
  let described = 0;
  for (const route of routes) {
    if (!selected(routeKey(route))) continue;
    const op = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
    if (op) described++;
    const who = apiRole(world, route);
    const token = who === 'visitor' ? null : world.tokens.get(who as Role)!;
    const otherToken = [...world.tokens.values()].find((x) => x !== token) ?? 'none';
    const ids = [...new Set([...world.params.values()].flatMap((s) => [...s]).filter((v) => /^\d+$/.test(v)))].slice(
      0,
      8,
    );
    const queryParams = (op?.parameters ?? []).filter((p) => p.in === 'query');
    const bodySchema = op?.requestBody?.content?.['application/json']?.schema;
    const plan = planFor(world, route);
    const arbitrary = fc.record({
      url: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...plan.urls.map((u) => u.split('?')[0]!)) },
        { weight: 2, arbitrary: patternUrl(world, route) },
      ),
      query: fc.tuple(
        ...queryParams.map((p) => fc.option(queryValue(p.schema, ids), { freq: p.required ? 10 : 2, nil: undefined })),
      ),
      extraQuery: fc.oneof(
        { weight: 5, arbitrary: fc.constant<[string, string][]>([]) },
        {
          weight: 1,
          arbitrary: fc.array(
            fc.tuple(fc.constantFrom(...UNKNOWN_KEYS, ...queryParams.map((p) => p.name)), anyText()),
            { minLength: 1, maxLength: 3 },
          ),
        },
      ),
      body: route.method === 'GET' ? fc.constant(undefined) : fromSchema(bodySchema ?? { type: 'object' }, ids),
      rawBody: fc.oneof(
        { weight: 12, arbitrary: fc.constant<string | null>(null) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '{',
            '{"a":',
            '[1,',
            '{"a":1}}',
            'null',
            '',
            '\u0000',
            '{"a":"\\ud800"}',
            '{"__proto__":{"role":"admin"}}',
            '1e999',
            `{"a":${'['.repeat(5000)}`,
          ),
        },
      ),
      contentType: fc.constantFrom(
        ...Array<string>(10).fill('application/json'),
        'application/json; charset=utf-16',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        '',
      ),
      auth: fc.constantFrom(...Array<string>(10).fill('own'), 'none', 'other', 'malformed', 'basic', 'huge'),
      lang: fc.constantFrom('en', 'ru', 'ky', 'xx', '*'),
    });
    await fuzzEndpoint({
      world,
      tally,
      endpoint: routeKey(route),
      api: true,
      runs,
      arbitrary,
      send: (input): Promise<LightMyRequestResponse> => {
        const params = new URLSearchParams();
        input.query.forEach((v, i) => v !== undefined && params.append(queryParams[i]!.name, v));
        for (const [k, v] of input.extraQuery) params.append(k, v);
        const qs = params.toString();
        const headers: Record<string, string> = { 'accept-language': input.lang };
        const bearer = {
          own: token,
          none: null,
          other: otherToken,
          malformed: 'achyk_not-a-token',
          basic: null,
          huge: `achyk_${'a'.repeat(8000)}`,
        }[input.auth as 'own'];
        if (bearer) headers.authorization = `Bearer ${bearer}`;
        if (input.auth === 'basic') headers.authorization = 'Basic YWRtaW46YWRtaW4=';
        let payload: string | undefined;
        if (route.method !== 'GET') {
          payload = input.rawBody ?? JSON.stringify(input.body) ?? '';
          if (input.contentType) headers['content-type'] = input.contentType;
        }
        return world.t.app.inject({
          method: route.method as 'GET' | 'POST',
          url: qs ? `${input.url}?${qs}` : input.url,
          headers,
          payload,
        });
      },
    });
  }
  return {
    tally,
    line: `${tally.summary()}; ${described} of ${routes.length} API routes described in the OpenAPI document`,
  };
}
