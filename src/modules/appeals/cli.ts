/** `achyk calendar due --kind KIND --from YYYY-MM-DD [--lang ky|ru|en]`: the due date and why. */
import type { CliCommand } from '../../platform/cli/command.js';
import { AppError } from '../../platform/errors.js';
import { translator } from '../../platform/i18n/translate.js';
import { APPEAL_KINDS, type AppealLanguage } from './kinds.js';
import { dueFor } from './due.js';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export const calendarDueCommand: CliCommand = {
  summary: 'print the due date of an appeal kind received on a day, and which days were skipped and why',
  async run(args, cli) {
    const kind = option(args, 'kind');
    const from = option(args, 'from');
    const lang = (option(args, 'lang') ?? 'en') as AppealLanguage;
    if (!kind || !from || !['ky', 'ru', 'en'].includes(lang)) {
      console.error(
        `Usage: achyk calendar due --kind KIND --from YYYY-MM-DD [--lang ky|ru|en]\nKinds: ${APPEAL_KINDS.join(', ')}`,
      );
      process.exitCode = 2;
      return;
    }
    const runtime = await cli.openRuntime();
    try {
      const d = await dueFor(runtime.conn.db, kind, from, lang);
      console.log(`${d.due}`);
      console.log(`${d.legalBasis}${d.disputed ? ' (disputed)' : ''}`);
      console.log(`registration due ${d.registrationDue}; answer: ${d.term} ${d.unit} days`);
      for (const line of d.explanation) console.log(`  - ${line}`);
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid') {
        const t = translator(lang);
        for (const f of err.fields) console.error(`${f.field}: ${t(f.message, f.params)}`);
        process.exitCode = 2;
        return;
      }
      throw err;
    } finally {
      await runtime.close();
    }
  },
};
