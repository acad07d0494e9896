/** The statement and event pages' stylesheet, served as a same-origin file (the CSP forbids inline styles). */
export const STATEMENTS_CSS = `.statement-text, .statement-page dd { overflow-wrap: anywhere; }
.figure-value { font-variant-numeric: tabular-nums; }
.figure-meta { color: #59636e; }
.figure-missing { color: #59636e; font-style: italic; }
mark.embed-error { background: #fff8c5; border: 1px solid #b58100; padding: 0 .25rem; }
.translation-note { border-left: 3px solid #b58100; padding: .25rem .75rem; background: #fff8e6; }
.corrections { border-left: 3px solid #0b5cad; padding: .25rem .75rem; }
.preview-banner { border: 2px dashed #b58100; padding: .5rem .75rem; }
.event-past { font-weight: 600; color: #59636e; }
dl.facts { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: .25rem 1rem; }
@media (max-width: 40rem) { dl.facts { grid-template-columns: minmax(0, 1fr); } }
.pre { white-space: pre-line; }
fieldset { border: 1px solid #d0d7de; border-radius: 4px; margin: 1rem 0; }
.tags a { margin-right: .5rem; }
`;

export const CSS_PATH = '/statements/statements.css';
