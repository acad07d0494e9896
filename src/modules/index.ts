/**
 * Module routes, in a fixed order. Each module is a Fastify plugin function in its own folder.
 */
import type { FastifyInstance } from 'fastify';
import { homeRoutes } from './home/routes.js';
import { signInRoutes } from './accounts/routes-sign-in.js';
import { registerRoutes } from './accounts/routes-register.js';
import { accountRoutes } from './accounts/routes-account.js';
import { adminRoutes } from './admin/routes.js';
import { adminJobRoutes } from './admin/routes-jobs.js';
import { apiRoutes } from './api/routes.js';
import { directoryRoutes } from './directory/routes.js';
import { directoryAdminRoutes } from './directory/routes-admin.js';
import { directoryApiRoutes } from './directory/routes-api.js';
import { appealsRoutes } from './appeals/routes.js';
import { anonymousRoutes } from './anonymous/routes.js';
import { casesRoutes } from './cases/routes.js';
import { consultationRoutes } from './consultations/routes.js';
import { consultationManageRoutes } from './consultations/routes-manage.js';
import { consultationReportRoutes } from './consultations/routes-report.js';
import { consultationApiRoutes } from './consultations/routes-api.js';
import { publicationPublicRoutes } from './publication/routes-public.js';
import { publicationManageRoutes } from './publication/routes-manage.js';
import { publicationAdminRoutes } from './publication/routes-admin.js';
import { publicationApiRoutes } from './publication/routes-api.js';
import { statsRoutes } from './stats/routes.js';
import { statementPublicRoutes } from './statements/routes-public.js';
import { statementManageRoutes } from './statements/routes-manage.js';
import { eventRoutes } from './statements/routes-events.js';
import { subscriptionRoutes } from './subscriptions/routes.js';
import { contactRoutes } from './contact/routes.js';

export async function registerModules(app: FastifyInstance): Promise<void> {
  await app.register(homeRoutes);
  await app.register(signInRoutes);
  await app.register(registerRoutes);
  await app.register(accountRoutes);
  await app.register(adminRoutes);
  await app.register(adminJobRoutes);
  await app.register(apiRoutes);
  await app.register(directoryRoutes);
  await app.register(directoryAdminRoutes);
  await app.register(directoryApiRoutes);
  await app.register(appealsRoutes);
  await app.register(anonymousRoutes);
  await app.register(casesRoutes);
  await app.register(consultationRoutes);
  await app.register(consultationManageRoutes);
  await app.register(consultationReportRoutes);
  await app.register(consultationApiRoutes);
  await app.register(publicationPublicRoutes);
  await app.register(publicationManageRoutes);
  await app.register(publicationAdminRoutes);
  await app.register(publicationApiRoutes);
  await app.register(statsRoutes);
  await app.register(statementPublicRoutes);
  await app.register(statementManageRoutes);
  await app.register(eventRoutes);
  await app.register(subscriptionRoutes);
  await app.register(contactRoutes);
}
