/**
 * Issue #10 part 3, forms: every POST form route of the inventory gets generated bodies, urlencoded
 * and multipart, as a user its policy lets in: the form's own fields with offered values or hostile
 * text, fields left out, fields repeated (arrays), unknown keys, a missing or wrong CSRF token, path
 * parameters that are real ids or junk. Never a 5xx, never an error logged, every refusal a specific
 * 4xx, every page inert. FUZZ_RUNS inputs per route (bounded by default; 10,000 in test:fuzz).
 * Run from endpoints.test.ts (one crawled world serves the form, API and page suites).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tinyPdf } from '../appeals/support.js';
import { anyText, UNKNOWN_KEYS } from './corpus.js';
import { patternUrl, planFor } from './plan.js';
import { fuzzEndpoint, runsPerEndpoint, selected, Tally } from './runner.js';
import { postAs, type FilePart } from './send.js';
import { routeKey, type World } from './world.js';

const WRONG_CSRF = 'x'.repeat(43);

/** Fuzzes every POST form route of the world's app; returns the figures. */
export async function fuzzForms(
  world: World,
  label: string,
  runs = runsPerEndpoint(20),
): Promise<{ tally: Tally; line: string }> {
  const tally = new Tally(`forms ${label}`);
  const forms = world.routes.filter((r) => r.method === 'POST' && !r.api);
  assert.ok(forms.length > 50, `only ${forms.length} form routes found`);
  let withFields = 0;
  for (const route of forms) {
    if (!selected(routeKey(route))) continue;
    const plan = planFor(world, route);
    const agent = await world.agent(plan.who);
    const csrf = await agent.csrf();
    const fields = [...(plan.form?.fields ?? new Map<string, Set<string>>())].filter(([k]) => k !== '_csrf');
    if (plan.form) withFields++;
    const names = fields.map(([k]) => k);
    const fileFields = new Set([
      ...(plan.form?.files ?? []),
      ...fields.filter(([k]) => /file|upload|attachment/i.test(k)).map(([k]) => k),
    ]);
    const value = (offered: Set<string>) =>
      fc.option(
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...(offered.size ? [...offered] : [''])) },
          { weight: 3, arbitrary: anyText() },
        ),
        { freq: 8, nil: undefined },
      );
    const file: fc.Arbitrary<FilePart | null> = fc.option(
      fc
        .record({
          name: fc.oneof(
            fc.constantFrom('a.pdf', '../../etc/passwd', 'a\\b.pdf', 'x\u202efdp.exe', 'a\u0000.pdf'),
            anyText().map((s) => s.slice(0, 300)),
          ),
          type: fc.constantFrom(
            'application/pdf',
            'image/png',
            'image/jpeg',
            'text/plain',
            'application/octet-stream',
            'text/html',
          ),
          data: fc.oneof(
            fc.constant(tinyPdf('Fuzz')),
            fc.uint8Array({ maxLength: 256 }).map((a) => Buffer.from(a)),
            fc.constant(Buffer.alloc(0)),
            fc.constant(Buffer.from('<script>alert(7331)</script>')),
          ),
        })
        .map((f) => ({ field: [...fileFields][0] ?? 'file', ...f })),
      { freq: 2, nil: null },
    );
    const arbitrary = fc.record({
      url: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...plan.urls) },
        { weight: 1, arbitrary: patternUrl(world, route) },
      ),
      values: fc.tuple(...fields.map(([, offered]) => value(offered))),
      repeat: fc.oneof(
        { weight: 5, arbitrary: fc.constant<string[]>([]) },
        { weight: 1, arbitrary: fc.subarray(names, { maxLength: Math.min(2, names.length) }) },
      ),
      extra: fc.oneof(
        { weight: 5, arbitrary: fc.constant<[string, string][]>([]) },
        {
          weight: 1,
          arbitrary: fc.array(
            fc.tuple(
              fc.oneof(
                fc.constantFrom(...UNKNOWN_KEYS),
                anyText().map((s) => s.slice(0, 30)),
              ),
              anyText(),
            ),
            { minLength: 1, maxLength: 3 },
          ),
        },
      ),
      csrf: fc.constantFrom(...Array<string>(18).fill('good'), 'missing', 'wrong'),
      encoding: plan.form?.multipart
        ? fc.constantFrom<'multipart' | 'urlencoded'>('multipart', 'multipart', 'multipart', 'urlencoded')
        : fc.constantFrom<'multipart' | 'urlencoded'>(
            'urlencoded',
            'urlencoded',
            'urlencoded',
            'urlencoded',
            'multipart',
          ),
      file: fileFields.size || plan.form?.multipart ? file : fc.constant(null),
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
        const pairs: [string, string][] = [];
        input.values.forEach((v, i) => {
          const name = names[i]!;
          if (v === undefined || fileFields.has(name)) return;
          pairs.push([name, v]);
          if (input.repeat.includes(name)) pairs.push([name, v]);
        });
        pairs.push(...input.extra);
        return postAs(agent, {
          url: input.url,
          pairs,
          csrf: input.csrf === 'good' ? csrf : input.csrf === 'wrong' ? WRONG_CSRF : null,
          encoding: input.encoding,
          files: input.file ? [input.file] : [],
          lang: input.lang,
        });
      },
    });
    await world.repair();
  }
  const line = `${tally.summary()}; ${withFields} of ${forms.length} forms found on the crawled pages (fuzzed with their own fields)`;
  return { tally, line };
}
