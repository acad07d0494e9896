/** `achyk evidence verify`: re-hashes every evidence file and reports any whose content changed. */
import type { CliCommand } from '../../platform/cli/command.js';
import { verifyEvidence } from './commands/evidence.js';

export const evidenceVerifyCommand: CliCommand = {
  summary: 'check every evidence file against the SHA-256 recorded at upload; exit 1 if any changed or is missing',
  async run(_args, cli) {
    const runtime = await cli.openRuntime();
    try {
      const results = await runtime.conn.db
        .transaction()
        .execute((trx) => verifyEvidence({ db: trx, dataDir: runtime.config.dataDir, actor: 'cli', now: new Date() }));
      const bad = results.filter((r) => r.status !== 'ok');
      for (const r of bad)
        console.log(
          `evidence ${r.id} (case ${r.caseId}): ${r.status === 'missing' ? 'FILE MISSING' : `CONTENT CHANGED (expected ${r.expected}, found ${r.actual})`}`,
        );
      console.log(
        `Evidence: ${results.length} files checked, ${results.length - bad.length} unchanged, ${bad.length} changed or missing.`,
      );
      if (bad.length) process.exitCode = 1;
    } finally {
      await runtime.close();
    }
  },
};
