/** Atom 1.0 feeds (RFC 4287), built as escaped text: entries are the public (redacted) copies only. */

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface FeedEntry {
  id: string;
  title: string;
  link: string;
  updated: string;
  summary: string;
}

export function atomFeed(f: {
  id: string;
  title: string;
  selfLink: string;
  altLink: string;
  updated: string;
  entries: FeedEntry[];
}): string {
  const entries = f.entries
    .map(
      (e) =>
        `  <entry>\n    <id>${esc(e.id)}</id>\n    <title>${esc(e.title)}</title>\n    <link href="${esc(e.link)}"/>\n    <updated>${esc(e.updated)}</updated>\n    <summary>${esc(e.summary)}</summary>\n  </entry>\n`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n  <id>${esc(f.id)}</id>\n  <title>${esc(f.title)}</title>\n  <link rel="self" href="${esc(f.selfLink)}"/>\n  <link href="${esc(f.altLink)}"/>\n  <updated>${esc(f.updated)}</updated>\n  <author><name>Achyk</name></author>\n${entries}</feed>\n`;
}
