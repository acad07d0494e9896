/** An import report as plain text lines, translated (CLI output; the admin page renders a table). */
import type { T } from '../../platform/i18n/translate.js';
import type { ImportReport } from './commands/import-directory.js';

/** "Nothing was imported: 2 problems …" then one line per problem: "Row 3, Column emails: …". */
export function formatReport(report: ImportReport, t: T): string[] {
  const params = {
    rows: report.rows,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    count: report.problems.length,
  };
  if (report.problems.length === 0)
    return [report.dryRun ? t('directory.admin.checked', params) : t('directory.admin.imported', params)];
  return [
    t('directory.admin.rejected', params),
    ...report.problems.map(
      (p) =>
        `  ${t('directory.admin.row')} ${p.row}${p.column ? `, ${t('directory.admin.column')} ${p.column}` : ''}: ${t(p.message, p.params)}`,
    ),
  ];
}
