/**
 * Issue #10 part 3, pages: every GET page (and download) of the inventory gets generated query
 * strings and path parameters, as a user its policy lets in: the page's own search and filter
 * fields (from its GET forms and links) with offered values or hostile text (FTS syntax, SQL, XSS,
 * scripts), unknown and repeated keys, broken percent-encoding. Never a 5xx, every page inert.
 */
import fc from 'fast-check';
import { anyText, UNKNOWN_KEYS } from './corpus.js';
import { patternUrl, planFor } from './plan.js';
import { fuzzEndpoint, runsPerEndpoint, selected, Tally } from './runner.js';
import { routeKey, type World } from './world.js';

/** Raw query strings no URLSearchParams would build. */
const RAW_QUERIES = [
  '%',
  '%ZZ',
  'q=%',
  'q=%E0%A4%A',
  '=&&=',
  'a[b][c]=1',
  'a[]=1&a[]=2',
  'q[$ne]=1',
  '__proto__[role]=admin',
  'constructor.prototype.x=1',
  'q=a&q=b&q=c',
  'page=-1',
  'page=1e9',
  'page=NaN',
  'lang=xx',
  'q=' + 'x'.repeat(5000),
  '&'.repeat(500),
  'q=%00',
  'q=%0d%0aX-Fuzz-Injected:%201',
];

/** Fuzzes every GET page route; returns the figures. */
export async function fuzzPages(
  world: World,
  label: string,
  runs = runsPerEndpoint(10),
): Promise<{ tally: Tally; line: string }> {
  const tally = new Tally(`pages ${label}`);
  const routes = world.routes.filter((r) => r.method === 'GET' && !r.api);
  let seen = 0;
  for (const route of routes) {
    if (!selected(routeKey(route))) continue;
    const plan = planFor(world, route);
    if (world.samples.get(routeKey(route))?.urls.size) seen++;
    const agent = await world.agent(plan.who);
    const keys = new Set<string>(plan.allFields.keys());
    const offered = new Map<string, Set<string>>(plan.allFields);
    for (const u of plan.urls) {
      for (const [k, v] of new URL(u, 'http://localhost').searchParams) {
        keys.add(k);
        offered.set(k, new Set([...(offered.get(k) ?? []), v]));
      }
    }
    const names = [...keys].filter((k) => k !== '_csrf');
    const arbitrary = fc.record({
      url: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...plan.urls.map((u) => u.split('?')[0]!)) },
        { weight: 1, arbitrary: patternUrl(world, route) },
      ),
      values: fc.tuple(
        ...names.map((n) =>
          fc.option(fc.oneof(fc.constantFrom(...(offered.get(n)?.size ? [...offered.get(n)!] : [''])), anyText()), {
            freq: 3,
            nil: undefined,
          }),
        ),
      ),
      extra: fc.oneof(
        { weight: 5, arbitrary: fc.constant<[string, string][]>([]) },
        {
          weight: 1,
          arbitrary: fc.array(fc.tuple(fc.constantFrom(...UNKNOWN_KEYS, ...names, 'q', 'page'), anyText()), {
            minLength: 1,
            maxLength: 3,
          }),
        },
      ),
      raw: fc.oneof(
        { weight: 8, arbitrary: fc.constant<string | null>(null) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES) },
      ),
      lang: fc.constantFrom('en', 'ru', 'ky'),
    });
    await fuzzEndpoint({
      world,
      tally,
      endpoint: routeKey(route),
      api: false,
      runs,
      arbitrary,
      send: (input) => {
        const params = new URLSearchParams();
        input.values.forEach((v, i) => v !== undefined && params.append(names[i]!, v));
        for (const [k, v] of input.extra) params.append(k, v);
        const qs = input.raw ?? params.toString();
        return agent.get(qs ? `${input.url}?${qs}` : input.url, { 'accept-language': input.lang });
      },
    });
    await world.repair();
  }
  return { tally, line: `${tally.summary()}; ${seen} of ${routes.length} pages reached by the crawl` };
}
