/**
 * Renders a statement's Markdown to safe HTML (pure). Raw HTML is off (SECURITY.md): markdown-it
 * escapes every `<` and refuses `javascript:`/`vbscript:`/`data:` links. Images are not rendered (the
 * CSP allows only same-origin images, and a remote image would be a tracking pixel). Figure embeds
 * `{{figure:…}}` become inline tokens rendered from the already-resolved {@link EmbedViews}: the
 * renderer never touches the database.
 */
import MarkdownIt from 'markdown-it';
import type { Locale } from '../../platform/i18n/locales.js';
import { formatDate, formatNumber, type T } from '../../platform/i18n/translate.js';
import type { EmbedView, EmbedViews } from './embeds/embeds.js';
import { parseEmbed } from './embeds/parse.js';
import type { Figure } from './embeds/resolve.js';

const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });
md.disable(['image']);

const STICKY = /\{\{\s*figure\s*:([^{}\n]{0,300})\}\}/y;

md.inline.ruler.before('emphasis', 'figure_embed', (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x7b || state.src.charCodeAt(state.pos + 1) !== 0x7b) return false;
  STICKY.lastIndex = state.pos;
  const m = STICKY.exec(state.src);
  if (!m) return false;
  if (!silent) {
    const token = state.push('figure_embed', '', 0);
    token.content = m[0];
  }
  state.pos += m[0].length;
  return true;
});

export interface RenderEnv {
  embeds: EmbedViews;
  t: T;
  locale: Locale;
  /** the editor's preview shows what is wrong; the public sees a neutral placeholder */
  preview: boolean;
}

md.renderer.rules.figure_embed = (tokens, idx, _options, env: RenderEnv) =>
  figureHtml(tokens[idx]!.content, env.embeds.get(tokens[idx]!.content), env);

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function valueText(f: Figure, env: RenderEnv, raw: string): string {
  if (f.status === 'withheld') return env.t('statements.figure_withheld', { min: f.min });
  if (f.percent) return `${formatNumber(env.locale, f.value)}%`;
  return inWords(raw)
    ? env.t(`statements.figure_words.${f.figure === 'cases' ? 'cases' : 'overdue'}`, { n: f.value })
    : formatNumber(env.locale, f.value);
}

/** `{{figure:overdue body=X words}}`: the count with its noun, in the plural form the number takes. */
function inWords(raw: string): boolean {
  const m = /^\{\{\s*figure\s*:([^{}\n]{0,300})\}\}$/.exec(raw);
  const parsed = m ? parseEmbed(m[1]!, raw) : null;
  return parsed?.ok === true && parsed.spec.words;
}

function metaText(f: Figure, env: RenderEnv, how: 'live' | 'frozen' | 'pending'): string {
  const date = formatDate(env.locale, f.asOf);
  const parts = [
    env.t(
      how === 'frozen'
        ? 'statements.figure_frozen'
        : how === 'pending'
          ? 'statements.figure_pending'
          : 'statements.figure_live',
      { date },
    ),
  ];
  if (f.status === 'value' && f.percent && f.x !== undefined && f.n !== undefined)
    parts.push(env.t('statements.figure_basis', { x: f.x, n: f.n }));
  return parts.join('; ');
}

/** One figure: the value, its date and a link to the page it comes from. */
export function figureHtml(raw: string, view: EmbedView | undefined, env: RenderEnv): string {
  if (!view || view.state === 'error') {
    if (!env.preview)
      return `<span class="figure figure-missing">${escapeHtml(env.t('statements.figure_unavailable'))}</span>`;
    const reason = view ? env.t(view.message, view.params) : env.t('statements.figure_unavailable');
    return `<mark class="embed-error" role="note">⚠ <code>${escapeHtml(raw)}</code> ${escapeHtml(reason)}</mark>`;
  }
  const how = view.state === 'pending' ? 'pending' : view.frozen ? 'frozen' : 'live';
  const f = view.figure;
  return (
    `<span class="figure figure-${how}${f.status === 'withheld' ? ' figure-withheld' : ''}"><strong class="figure-value">${escapeHtml(valueText(f, env, raw))}</strong>` +
    ` <small class="figure-meta">(${escapeHtml(metaText(f, env, how))}; <a href="${escapeHtml(f.source)}">${escapeHtml(env.t('statements.figure_source'))}</a>)</small></span>`
  );
}

/** Safe HTML of a statement's Markdown with its figures. */
export function renderStatementHtml(markdown: string, env: RenderEnv): string {
  return md.render(markdown, env);
}

/** Plain text of the figures' values, for feeds and e-mail (no HTML). */
export function plainText(markdown: string, env: RenderEnv): string {
  return markdown.replace(/\{\{\s*figure\s*:([^{}\n]{0,300})\}\}/g, (raw) => {
    const v = env.embeds.get(raw);
    return v && v.state !== 'error'
      ? `${valueText(v.figure, env, raw)} (${metaText(v.figure, env, v.state === 'pending' ? 'pending' : v.frozen ? 'frozen' : 'live')})`
      : env.t('statements.figure_unavailable');
  });
}
