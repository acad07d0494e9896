/**
 * The statistics consent of one appeal, shown on the owner's publication page (a section added
 * through publication's extension point) and changed here: the people who may manage the appeal's
 * publication decide whether it counts in the public figures.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { redirectTo } from '../../platform/http/page.js';
import { can } from '../../platform/policy/policy.js';
import { appealFor } from '../appeals/index.js';
import type { ManagePageSection } from '../publication/index.js';
import { countsInStatistics, setStatisticsConsent } from './commands/consent.js';
import { ConsentSection } from './views/consent.js';
import { requestActor } from '../../platform/audit/actor.js';

/** The section on /appeals/:id/publication. */
export const consentSection: ManagePageSection = {
  async render({ db, ctx, appeal }) {
    return <ConsentSection ctx={ctx} appealId={appeal.id} included={await countsInStatistics(db, appeal.id)} />;
  },
};

export async function statsConsentRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.achyk;

  app.post<{ Params: { id: string } }>(
    '/appeals/:id/publication/consent',
    { config: { policy: 'publication.manage' } },
    async (request, reply) => {
      const appeal = await appealFor(request, request.params.id, 'appeals.read');
      if (!can(request.ctx.user, 'publication.manage', appeal)) throw new AppError('not_found');
      const include = ((request.body ?? {}) as Record<string, unknown>).include === '1';
      await db
        .transaction()
        .execute((trx) =>
          setStatisticsConsent({ trx, appealId: appeal.id, include, actor: requestActor(request), now: now() }),
        );
      return redirectTo(reply, `/appeals/${appeal.id}/publication`);
    },
  );
}
