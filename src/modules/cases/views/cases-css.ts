/**
 * The case module's own stylesheet (served from our origin: the CSP allows no inline styles): long
 * hashes that wrap on a phone, checkbox rows, the layout of report charts, and print rules for A4
 * (margins, no navigation or forms, tables and charts not split across pages).
 */
export const CASES_CSS_URL = '/cases/assets/cases.css';
export const CASES_CSS = `
code.hash { word-break: break-all; overflow-wrap: anywhere; }
.check { display: flex; gap: .5rem; align-items: baseline; margin: .25rem 0; }
.check label { font-weight: normal; }
fieldset { border: 1px solid #d0d7de; border-radius: 4px; margin: 0 0 1rem; padding: .5rem 1rem; }
.evidence { border-top: 1px solid #d0d7de; margin-top: 1rem; }
.case-summary { white-space: pre-line; }
.report .chart { margin: 1.5rem 0; break-inside: avoid; page-break-inside: avoid; }
.report .chart h3 { margin: 0 0 .5rem; }
.report .bar-chart { max-width: 44rem; display: block; }
.report .summary-case { border-top: 1px solid #d0d7de; padding-top: .5rem; break-inside: avoid; page-break-inside: avoid; }
.report .sdg { border: 2px solid #0b5cad; padding: .5rem 1rem; }
.report-filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: end; }
.report-filters .field { min-width: 12rem; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .report-filters, .report-actions, .lang-switch, .site-header, .site-footer, .demo-banner { display: none !important; }
  .report h1 { font-size: 16pt; }
  .report h2 { font-size: 13pt; break-after: avoid; page-break-after: avoid; }
  .report table { font-size: 9.5pt; }
  .report tr, .report figure { break-inside: avoid; page-break-inside: avoid; }
  .report a { color: inherit; text-decoration: none; }
  .report rect { fill: #555; }
}
`;
