/**
 * The consultation report: for each article and paragraph of the current version, the comments by
 * stance and the drafters' answers; comments on wording that a later version changed are listed
 * apart. The same data feed the printable page, the CSV and the JSON downloads, so the three always
 * agree. Commenters appear as "Participant N" unless they chose to be named; hidden comments are
 * left out and only counted.
 */
import { stringify } from 'csv-stringify/sync';
import type { Executor } from '../../platform/db/database.js';
import { consultationPhase, type Phase } from './phase.js';
import { loadComments, type CommentView } from './queries.js';
import type { Outcome, Stance } from './tables.js';

export interface ReportAuthor {
  participant: number;
  /** only when the commenter chose to be named */
  name: string | null;
}

export interface ReportReply {
  id: number;
  author: ReportAuthor;
  format: 'text' | 'markdown';
  body: string;
  createdAt: string;
}

export interface ReportComment {
  id: number;
  author: ReportAuthor;
  stance: Stance;
  format: 'text' | 'markdown';
  body: string;
  proposedWording: string | null;
  versionNumber: number;
  createdAt: string;
  answer: { outcome: Outcome; reasons: string } | null;
  replies: ReportReply[];
}

export interface Tally {
  comments: number;
  support: number;
  oppose: number;
  neutral: number;
  answered: number;
  accepted: number;
  partly_accepted: number;
  rejected: number;
}

export interface ReportParagraph {
  anchor: string;
  versionNumber: number;
  articleNumber: string | null;
  articleHeading: string;
  paragraphNumber: number;
  text: string;
  tally: Tally;
  comments: ReportComment[];
}

export interface ReportArticle {
  number: string | null;
  heading: string;
  tally: Tally;
  paragraphs: ReportParagraph[];
}

export interface ConsultationReport {
  consultation: {
    id: number;
    title: string;
    summary: string;
    opensOn: string;
    closesOn: string;
    officialUrl: string | null;
    bodyCode: string;
  };
  phase: Phase;
  /** false while the report is interim */
  final: boolean;
  reportPublishedAt: string | null;
  conclusion: string | null;
  currentVersion: number | null;
  totals: Tally & { participants: number; hidden: number };
  articles: ReportArticle[];
  /** comments on paragraphs whose wording is no longer in the current version */
  earlier: ReportParagraph[];
  hearings: { heldOn: string; place: string; participants: number; minutesSha256: string | null }[];
}

export const emptyTally = (): Tally => ({
  comments: 0,
  support: 0,
  oppose: 0,
  neutral: 0,
  answered: 0,
  accepted: 0,
  partly_accepted: 0,
  rejected: 0,
});

function count(t: Tally, c: ReportComment): void {
  t.comments++;
  t[c.stance]++;
  if (c.answer) {
    t.answered++;
    t[c.answer.outcome]++;
  }
}

const author = (c: CommentView): ReportAuthor => ({ participant: c.participantNo, name: c.authorName });

export async function buildReport(
  db: Executor,
  consultation: {
    id: number;
    title: string;
    summary: string;
    opens_on: string;
    closes_on: string;
    official_url: string | null;
    body_code: string;
    published_at: string | null;
    report_published_at: string | null;
    report_conclusion: string | null;
  },
  now: Date,
): Promise<ConsultationReport> {
  const versions = await db
    .selectFrom('consultation_version')
    .select(['id', 'number'])
    .where('consultation_id', '=', consultation.id)
    .orderBy('number', 'desc')
    .execute();
  const current = versions[0] ?? null;
  const versionNumber = new Map(versions.map((v) => [v.id, v.number]));
  const paragraphs = await db
    .selectFrom('consultation_paragraph')
    .selectAll()
    .where('consultation_id', '=', consultation.id)
    .orderBy('version_id')
    .orderBy('position')
    .execute();
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  const all = await loadComments(db, consultation.id);
  const hidden = all.filter((c) => c.parentId === null && c.status !== 'visible').length;
  const visible = all.filter((c) => c.status === 'visible');
  const replies = new Map<number, ReportReply[]>();
  for (const c of visible) {
    if (c.parentId === null) continue;
    const list = replies.get(c.parentId) ?? [];
    list.push({ id: c.id, author: author(c), format: c.format, body: c.body, createdAt: c.createdAt });
    replies.set(c.parentId, list);
  }

  const entry = (p: (typeof paragraphs)[number]): ReportParagraph => ({
    anchor: p.anchor,
    versionNumber: versionNumber.get(p.version_id) ?? 0,
    articleNumber: p.article_number,
    articleHeading: p.article_heading,
    paragraphNumber: p.paragraph_number,
    text: p.text,
    tally: emptyTally(),
    comments: [],
  });
  const currentParagraphs = current ? paragraphs.filter((p) => p.version_id === current.id) : [];
  const byAnchor = new Map(currentParagraphs.map((p) => [p.anchor, entry(p)]));
  const earlier = new Map<number, ReportParagraph>();
  const totals = { ...emptyTally(), participants: 0, hidden };
  const participants = new Set<number>();

  for (const c of visible) {
    if (c.parentId !== null) continue;
    const p = byId.get(c.paragraphId);
    if (!p) continue;
    const rc: ReportComment = {
      id: c.id,
      author: author(c),
      stance: c.stance ?? 'neutral',
      format: c.format,
      body: c.body,
      proposedWording: c.proposedWording,
      versionNumber: versionNumber.get(p.version_id) ?? 0,
      createdAt: c.createdAt,
      answer: c.answer ? { outcome: c.answer.outcome, reasons: c.answer.reasons } : null,
      replies: replies.get(c.id) ?? [],
    };
    // A comment follows its wording: same anchor in the current version, else "earlier wording".
    let target = byAnchor.get(p.anchor);
    if (!target) {
      target = earlier.get(p.id) ?? entry(p);
      earlier.set(p.id, target);
    }
    target.comments.push(rc);
    count(target.tally, rc);
    count(totals, rc);
    participants.add(c.authorId);
  }
  totals.participants = participants.size;

  const articles: ReportArticle[] = [];
  for (const p of currentParagraphs) {
    const e = byAnchor.get(p.anchor)!;
    let a = articles[articles.length - 1];
    if (!a || a.number !== p.article_number || p.paragraph_number === 1) {
      a = { number: p.article_number, heading: p.article_heading, tally: emptyTally(), paragraphs: [] };
      articles.push(a);
    }
    a.paragraphs.push(e);
    for (const k of Object.keys(a.tally) as (keyof Tally)[]) a.tally[k] += e.tally[k];
  }
  const hearings = await db
    .selectFrom('consultation_hearing')
    .select(['held_on', 'place', 'participants', 'minutes_sha256'])
    .where('consultation_id', '=', consultation.id)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
  return {
    consultation: {
      id: consultation.id,
      title: consultation.title,
      summary: consultation.summary,
      opensOn: consultation.opens_on,
      closesOn: consultation.closes_on,
      officialUrl: consultation.official_url,
      bodyCode: consultation.body_code,
    },
    phase: consultationPhase(consultation, now),
    final: !!consultation.report_published_at,
    reportPublishedAt: consultation.report_published_at,
    conclusion: consultation.report_conclusion,
    currentVersion: current?.number ?? null,
    totals,
    articles,
    earlier: [...earlier.values()].sort((x, y) => x.versionNumber - y.versionNumber),
    hearings: hearings.map((h) => ({
      heldOn: h.held_on,
      place: h.place,
      participants: h.participants,
      minutesSha256: h.minutes_sha256,
    })),
  };
}

/** A cell that a spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection). */
export function csvSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const CSV_COLUMNS = [
  'consultation_id',
  'version',
  'article',
  'paragraph',
  'anchor',
  'comment_id',
  'reply_to',
  'participant',
  'name',
  'stance',
  'comment',
  'proposed_wording',
  'answer',
  'answer_reasons',
  'created_at',
] as const;

/** The report as CSV: one row per comment and per reply, in the order of the text. */
export function reportCsv(r: ConsultationReport): string {
  const rows: string[][] = [];
  const add = (p: ReportParagraph) => {
    for (const c of p.comments) {
      rows.push([
        String(r.consultation.id),
        String(c.versionNumber),
        p.articleNumber ?? '',
        String(p.paragraphNumber),
        p.anchor,
        String(c.id),
        '',
        String(c.author.participant),
        c.author.name ?? '',
        c.stance,
        c.body,
        c.proposedWording ?? '',
        c.answer?.outcome ?? '',
        c.answer?.reasons ?? '',
        c.createdAt,
      ]);
      for (const rep of c.replies) {
        rows.push([
          String(r.consultation.id),
          String(c.versionNumber),
          p.articleNumber ?? '',
          String(p.paragraphNumber),
          p.anchor,
          String(rep.id),
          String(c.id),
          String(rep.author.participant),
          rep.author.name ?? '',
          '',
          rep.body,
          '',
          '',
          '',
          rep.createdAt,
        ]);
      }
    }
  };
  for (const a of r.articles) for (const p of a.paragraphs) add(p);
  for (const p of r.earlier) add(p);
  // A byte-order mark so that Excel opens Cyrillic text as UTF-8.
  return `\ufeff${stringify([[...CSV_COLUMNS], ...rows.map((row) => row.map(csvSafe))], { record_delimiter: '\r\n' })}`;
}
