/**
 * The embed syntax for live figures inside a statement's Markdown (pure, unit-tested):
 *
 *   {{figure:overdue body=<body code>}}                       appeals to the body overdue now
 *   {{figure:on-time body=<code> from=2026-01 to=2026-06}}    the body's on-time rate (months optional)
 *   {{figure:cases violation=<act type> from=2026-01-01 to=2026-06-30}}  documented cases (dates optional)
 *
 * Adding the word `freeze` keeps the value and date of the moment of publication; without it the
 * figure is recomputed every time the page is shown. Adding `words` to a count (overdue, cases)
 * prints it with its noun in the right plural form ("1 overdue appeal", «5 просроченных обращений»),
 * so that the sentence around it reads correctly whatever the number. Anything that is not a well-formed embed of a
 * known figure is reported, so the editor sees a placeholder and publication is refused.
 *
 * @example parseEmbed('figure:overdue body=mvd freeze') // { ok: true, spec: { figure: 'overdue', params: { body: 'mvd' }, freeze: true, key: 'overdue body=mvd freeze', … } }
 */
import type { MessageKey } from '../../../platform/i18n/catalog.js';

export const FIGURES = ['overdue', 'on-time', 'cases'] as const;
export type FigureName = (typeof FIGURES)[number];

/** Figures that are a number of things, which `words` can name. */
const COUNTS: readonly FigureName[] = ['overdue', 'cases'];

const PARAMS: Record<FigureName, { required: string[]; optional: string[] }> = {
  overdue: { required: ['body'], optional: [] },
  'on-time': { required: ['body'], optional: ['from', 'to'] },
  cases: { required: ['violation'], optional: ['from', 'to'] },
};

export interface EmbedSpec {
  figure: FigureName;
  params: Record<string, string>;
  freeze: boolean;
  /** a count printed with its noun (presentation only: not part of `key`) */
  words: boolean;
  /** normalised text (parameters sorted): identifies a frozen value */
  key: string;
  /** the embed exactly as written, braces included */
  raw: string;
}

export type ParsedEmbed =
  { ok: true; spec: EmbedSpec } | { ok: false; raw: string; message: MessageKey; params: Record<string, string> };

/** `{{figure:…}}`; the inside may not contain braces or line breaks (so a typo cannot swallow a paragraph). */
export const EMBED_PATTERN = /\{\{\s*figure\s*:([^{}\n]{0,300})\}\}/g;

/** Parses the inside of one embed (the text after `figure:`). */
export function parseEmbed(inside: string, raw = `{{figure:${inside}}}`): ParsedEmbed {
  const words = inside.trim().split(/\s+/).filter(Boolean);
  const name = words.shift() ?? '';
  if (!(FIGURES as readonly string[]).includes(name))
    return { ok: false, raw, message: 'statements.embed_unknown_figure', params: { embed: raw, name: name || '?' } };
  const figure = name as FigureName;
  const allowed = PARAMS[figure];
  const params: Record<string, string> = {};
  let freeze = false;
  let inWords = false;
  for (const w of words) {
    if (w === 'freeze') {
      freeze = true;
      continue;
    }
    if (w === 'words' && COUNTS.includes(figure)) {
      inWords = true;
      continue;
    }
    const m = /^([a-z]+)=(\S{1,200})$/.exec(w);
    if (!m || ![...allowed.required, ...allowed.optional].includes(m[1]!))
      return { ok: false, raw, message: 'statements.embed_unknown_param', params: { embed: raw, param: w } };
    if (m[1]! in params)
      return { ok: false, raw, message: 'statements.embed_unknown_param', params: { embed: raw, param: w } };
    params[m[1]!] = m[2]!;
  }
  for (const r of allowed.required)
    if (!(r in params))
      return { ok: false, raw, message: 'statements.embed_missing_param', params: { embed: raw, param: r } };
  if ('from' in params !== 'to' in params)
    return {
      ok: false,
      raw,
      message: 'statements.embed_missing_param',
      params: { embed: raw, param: 'from' in params ? 'to' : 'from' },
    };
  const key = [
    figure,
    ...Object.keys(params)
      .sort()
      .map((k) => `${k}=${params[k]}`),
    ...(freeze ? ['freeze'] : []),
  ].join(' ');
  return { ok: true, spec: { figure, params, freeze, words: inWords, key, raw } };
}

/** Every embed of a Markdown text, in order (duplicates included). */
export function findEmbeds(markdown: string): ParsedEmbed[] {
  const out: ParsedEmbed[] = [];
  for (const m of markdown.matchAll(EMBED_PATTERN)) out.push(parseEmbed(m[1]!, m[0]));
  return out;
}
