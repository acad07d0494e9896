/**
 * Who fuzzes which route, at which URLs, with which fields: the role the policy lets in (preferring
 * one whose pages showed the form), the concrete URLs the crawl saw, and the form's fields. Also the
 * suite wrapper: each dialect as its own suite, without the runner's 15-minute cap (10,000 inputs
 * per endpoint take longer than that; the bounded run does not).
 */
import { describe } from 'node:test';
import fc from 'fast-check';
import { DIALECTS, pgAvailable } from '../support/dialects.js';
import type { Dialect } from '../../src/platform/db/connect.js';
import { anyPathParam } from './corpus.js';
import { realParams, rolesFor, routeKey, type FormInfo, type RouteInfo, type Who, type World } from './world.js';

export interface Plan {
  who: Who;
  urls: string[];
  form: FormInfo | null;
  /** other roles' forms for this route (GET search forms may differ by role) */
  allFields: Map<string, Set<string>>;
}

export function planFor(world: World, route: RouteInfo): Plan {
  const s = world.samples.get(routeKey(route));
  const allowed = rolesFor(route, world.users);
  const withForm = allowed.find((w) => (s?.forms.get(w)?.length ?? 0) > 0);
  const withUrl = allowed.find((w) => (s?.urls.get(w)?.size ?? 0) > 0);
  const who: Who = withForm ?? withUrl ?? allowed[0] ?? 'visitor';
  const urls = new Set<string>(s?.urls.get(who) ?? []);
  const forms = s?.forms.get(who) ?? [];
  for (const f of forms) urls.add(f.action);
  if (urls.size === 0) {
    const params = realParams(world, route);
    urls.add(route.url.replace(/:(\w+)/g, (_, n: string) => encodeURIComponent(params[n]![0]!)));
  }
  const merge = (list: FormInfo[]) => {
    const fields = new Map<string, Set<string>>();
    for (const f of list) for (const [k, v] of f.fields) fields.set(k, new Set([...(fields.get(k) ?? []), ...v]));
    return fields;
  };
  const form = forms.length ? { ...forms[0]!, fields: merge(forms) } : null;
  const every = [...(s?.forms.values() ?? [])].flat();
  return { who, urls: [...urls], form, allFields: merge(every) };
}

/** The route's pattern with each parameter drawn from real ids and junk. */
export function patternUrl(world: World, route: RouteInfo): fc.Arbitrary<string> {
  const params = realParams(world, route);
  const names = Object.keys(params);
  if (!names.length) return fc.constant(route.url);
  return fc.tuple(...names.map((n) => anyPathParam(params[n]!))).map((values) => {
    let i = 0;
    return route.url.replace(/:(\w+)/g, () => values[i++]!);
  });
}

/** One suite per dialect (PostgreSQL skipped visibly without a server), with no time cap. */
export function forEachFuzzDialect(name: string, fn: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) {
    if (dialect === 'postgres' && !pgAvailable()) {
      describe.skip(`${name} [postgres: no server; run through npm test]`, () => {});
      continue;
    }
    describe(`${name} [${dialect}]`, { timeout: Infinity }, () => fn(dialect));
  }
}
