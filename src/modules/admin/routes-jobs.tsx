/** Administration of the job queue: what is pending, what failed, and retrying a failed job. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { notFound } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { JobsPage } from './views/jobs.js';
import { parseRecordId } from '../../platform/http/validation.js';
import { requestActor } from '../../platform/audit/actor.js';

export async function adminJobRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.achyk;

  app.get('/admin/jobs', { config: { policy: 'admin.settings' } }, async (request, reply) => {
    const counts = await db
      .selectFrom('job')
      .select(['status', sql<number>`count(*)`.as('n')])
      .groupBy('status')
      .orderBy('status')
      .execute();
    const failed = await db
      .selectFrom('job')
      .select(['id', 'kind', 'attempts', 'last_error', 'updated_at'])
      .where('status', '=', 'failed')
      .orderBy('id', 'desc')
      .limit(100)
      .execute();
    return sendPage(reply, <JobsPage ctx={viewContext(request)} counts={counts} failed={failed} />);
  });

  app.post<{ Params: { id: string } }>(
    '/admin/jobs/:id/retry',
    { config: { policy: 'admin.settings' } },
    async (request, reply) => {
      const id = parseRecordId(request.params.id) ?? NaN;
      const at = now();
      const ok = Number.isInteger(id)
        ? await db.transaction().execute(async (trx) => {
            const res = await trx
              .updateTable('job')
              .set({ status: 'queued', attempts: 0, run_at: at.toISOString(), updated_at: at.toISOString() })
              .where('id', '=', id)
              .where('status', '=', 'failed')
              .executeTakeFirst();
            if (Number(res.numUpdatedRows) !== 1) return false;
            await appendAudit(trx, {
              actor: requestActor(request),
              action: 'job.retry',
              objectType: 'job',
              objectId: id,
              at,
            });
            return true;
          })
        : false;
      if (!ok) throw notFound();
      return redirectTo(reply, '/admin/jobs');
    },
  );
}
