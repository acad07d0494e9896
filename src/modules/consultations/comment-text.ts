/**
 * Renders comments to HTML (pure). Comments are plain text or Markdown with raw HTML off
 * (SECURITY.md: "user rich text is Markdown rendered with raw HTML off"): markdown-it escapes every
 * `<`, refuses `javascript:`/`vbscript:`/`data:` links (its `validateLink`), and every link gets
 * `rel="nofollow ugc"` so that comment spam earns no search ranking. Images are not rendered: an
 * image in a comment would be a tracking pixel (and the CSP would block it anyway).
 */
import MarkdownIt from 'markdown-it';

export type CommentFormat = 'text' | 'markdown';

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.disable(['image', 'heading', 'lheading', 'table', 'code', 'fence', 'hr']);

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'nofollow ugc');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Plain text: escaped, paragraphs at blank lines, line breaks kept. */
function renderPlain(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/** Safe HTML of a comment, ready to be placed inside a `<div class="comment-text">`. */
export function renderCommentHtml(text: string, format: CommentFormat): string {
  return format === 'markdown' ? md.render(text) : renderPlain(text);
}
