/** achyk jobs run: runs the due jobs once (for cron, alongside or instead of the in-process runner). */
import { runDueJobs } from '../../platform/jobs/queue.js';
import type { CliCommand } from '../../platform/cli/command.js';

export const jobsRunCommand: CliCommand = {
  summary: 'run the jobs that are due now (mail, reminders, sweeps), then exit',
  async run(_args, cli) {
    const runtime = await cli.openRuntime();
    try {
      const total = { done: 0, retried: 0, failed: 0 };
      for (;;) {
        const r = await runDueJobs({ db: runtime.conn.db, services: runtime, now: new Date(), limit: 100 });
        total.done += r.done;
        total.retried += r.retried;
        total.failed += r.failed;
        if (r.done + r.retried + r.failed < 100) break;
      }
      console.log(`Jobs: ${total.done} done, ${total.retried} to retry later, ${total.failed} failed.`);
    } finally {
      await runtime.close();
    }
  },
};
