/**
 * `POST /api/v1/redaction/suggest`: the same detector the publication uses (known identities in
 * every form, names, phones, personal numbers, documents, addresses, plates, cards, links), for the
 * organisation's other tools. Staff only: the texts sent may be confidential, and nothing of them is
 * stored or logged (the request body is never logged; the audit log is not written for a read).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { apiErrorResponses } from '../../platform/http/api-errors.js';
import { SUGGESTION_KINDS } from './redaction/patterns.js';
import { emptyRedaction, redactText } from './redaction/redact.js';

/** Longest text accepted (the JSON body limit of 1 MB bounds it further for Cyrillic text). */
export const MAX_SUGGEST_TEXT = 1_000_000;

const SuggestBody = Type.Object(
  {
    text: Type.String({ maxLength: MAX_SUGGEST_TEXT, description: 'the text to look at (plain text)' }),
    lang: Type.Union([Type.Literal('ky'), Type.Literal('ru'), Type.Literal('en')], {
      description:
        'the language of the text: decides words that are names in one language and ordinary words in another (Kyrgyz «Ким» “who”)',
    }),
    names: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
        maxItems: 100,
        description: 'full names (and contacts) known to the caller: always hidden, in every inflected form',
      }),
    ),
  },
  { additionalProperties: false },
);

const SpanOut = Type.Object({
  start: Type.Integer({ description: 'offset of the first character (UTF-16 code units, as JavaScript counts)' }),
  end: Type.Integer({ description: 'offset after the last character' }),
  kind: Type.Union(SUGGESTION_KINDS.map((k) => Type.Literal(k))),
});

export async function redactionApiRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: Static<typeof SuggestBody> }>(
    '/api/v1/redaction/suggest',
    {
      config: { policy: 'publication.suggest', api: true },
      schema: {
        summary: 'Find personal data in a text and redact it',
        description:
          'Staff only. Returns the passages to hide (merged, in order) and the text with each replaced by `[…]`. Known names are found in every Russian and Kyrgyz case, with initials and in Latin transliteration; unknown names by name lists and endings. Nothing is stored.',
        tags: ['publication'],
        security: [{ bearer: [] }],
        body: SuggestBody,
        response: { 200: Type.Object({ spans: Type.Array(SpanOut), redacted: Type.String() }), ...apiErrorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      const r = redactText(
        b.text,
        { ...emptyRedaction(), knownNames: b.names ?? [], language: b.lang },
        MAX_SUGGEST_TEXT,
      );
      // Report each merged span with the kind of the suggestion it starts with.
      const spans = r.spans.map((s) => ({
        start: s.start,
        end: s.end,
        kind: s.kind === 'manual' || s.kind === 'rule' ? ('name' as const) : s.kind,
      }));
      return { spans, redacted: r.text };
    },
  );
}
