/** `achyk stats rebuild`: recompute the statistics from all appeals (after a calendar correction). */
import type { CliCommand } from '../../platform/cli/command.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { kyrgyzDateOf } from '../calendar/index.js';
import { rebuildStats } from './refresh.js';

export const statsRebuildCommand: CliCommand = {
  summary: 'recompute every report-card figure from the appeals (run after correcting the working-day calendar)',
  async run(_args, cli) {
    const runtime = await cli.openRuntime();
    try {
      const now = new Date();
      const n = await runtime.conn.db.transaction().execute(async (trx) => {
        const looked = await rebuildStats(trx, kyrgyzDateOf(now), now);
        await appendAudit(trx, { actor: 'cli', action: 'stats.rebuild', data: { appeals: looked }, at: now });
        return looked;
      });
      console.log(`statistics rebuilt from ${n} appeals`);
    } finally {
      await runtime.close();
    }
  },
};
