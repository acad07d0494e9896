/**
 * The consultation pages' own stylesheet, served as a file at /consultations/consultations.css (the
 * CSP allows only same-origin stylesheets, never inline styles) and linked from each page's body
 * (valid HTML). Readable on a phone; the print rules give an A4 report without navigation or forms.
 */
export const CONSULTATIONS_CSS = `.consultation-page dl.facts { grid-template-columns: minmax(0, max-content) minmax(0, 1fr); }
.consultation-page dd, .consultation-page .para-text, .consultation-page .comment-text { overflow-wrap: anywhere; }
@media (max-width: 40rem) { .consultation-page dl.facts { grid-template-columns: minmax(0, 1fr); } .consultation-page dl.facts dd { margin-bottom: .5rem; } }
.pre { white-space: pre-line; }
.phase { display: inline-block; padding: .1rem .5rem; border-radius: 1rem; border: 1px solid #6e7781; font-size: .9rem; }
.phase-open { border-color: #1e6b37; color: #1e6b37; font-weight: 600; }
.phase-closed, .phase-report { color: #59636e; }
nav.actions { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; margin: 1rem 0; }
form.follow { margin: 1rem 0; }
.chapter { font-weight: 700; text-transform: uppercase; letter-spacing: .02em; margin-top: 2rem; }
.article h3 { margin-bottom: .5rem; }
.paragraph { border-left: 3px solid #d0d7de; padding: .25rem 0 .25rem .75rem; margin: .5rem 0 1rem; }
.paragraph:target, .paragraph.focus { border-left-color: #0b5cad; background: #f3f5f7; }
.para-no { margin: 0; font-size: .9rem; }
.para-text { margin: .25rem 0; }
.para-links { margin: 0; font-size: .95rem; }
.diff-changed, .diff-added { border-left-color: #b58100; }
.diff-moved { border-left-color: #0b5cad; }
del { background: #ffebe9; color: #82071e; text-decoration: line-through; }
ins { background: #dafbe1; color: #116329; text-decoration: underline; }
.comment { border: 1px solid #d0d7de; border-radius: 6px; padding: .75rem; margin: .75rem 0; }
.comment-hidden { background: #f3f5f7; }
.comment-meta { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: baseline; margin: 0 0 .5rem; }
.stance { font-size: .9rem; padding: 0 .4rem; border-radius: 4px; border: 1px solid currentColor; }
.stance-support { color: #1e6b37; }
.stance-oppose { color: #b3261e; }
.stance-neutral { color: #59636e; }
.proposed blockquote, .report-paragraph blockquote { margin: .25rem 0 .5rem; padding: .5rem .75rem; background: #f3f5f7; border-left: 3px solid #6e7781; white-space: pre-line; }
.label { font-weight: 600; margin: .5rem 0 0; }
.answer { border-left: 3px solid #0b5cad; padding-left: .75rem; margin-top: .5rem; }
.replies { margin-left: 1rem; }
details.action { margin-top: .5rem; }
details.action summary { cursor: pointer; color: #0b5cad; }
fieldset { border: 1px solid #d0d7de; border-radius: 4px; }
.checkbox { display: flex; gap: .5rem; align-items: flex-start; margin: .25rem 0; }
.checkbox label { font-weight: normal; }
.report-comment { border-left: 3px solid #d0d7de; padding-left: .75rem; margin: .75rem 0; }
.report-reply { margin-left: 1.5rem; }
table.tally td, table.tally th { text-align: right; }
table.tally td:first-child, table.tally th:first-child { text-align: left; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  .site-header, .site-footer, .skip, .lang-switch, .no-print, .demo-banner, .flash, nav.actions, form, details.action { display: none !important; }
  body { font-size: 10.5pt; color: #000; background: #fff; }
  main { max-width: none; padding: 0; }
  a { color: #000; text-decoration: none; }
  .report-comment, .report-reply, tr, .paragraph { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  .table-wrap { overflow: visible; }
}
`;

export const CSS_PATH = '/consultations/consultations.css';
