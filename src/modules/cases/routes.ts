/**
 * The case module's routes, registered as one plugin (so @fastify/multipart stays scoped to the
 * evidence routes inside it). Split by action: list/page/forms, corrections, access, evidence, export/API,
 * reports, thesaurus, appeal from a case.
 */
import type { FastifyInstance } from 'fastify';
import { caseAccessRoutes } from './routes-access.js';
import { caseAppealRoutes } from './routes-appeal.js';
import { caseEditRoutes } from './routes-edit.js';
import { caseRoutes } from './routes-cases.js';
import { evidenceRoutes } from './routes-evidence.js';
import { caseExportRoutes } from './routes-export.js';
import { caseReportRoutes } from './routes-reports.js';
import { thesaurusRoutes } from './routes-thesaurus.js';

export async function casesRoutes(app: FastifyInstance): Promise<void> {
  await app.register(caseRoutes);
  await app.register(caseEditRoutes);
  await app.register(caseAccessRoutes);
  await app.register(evidenceRoutes);
  await app.register(caseExportRoutes);
  await app.register(caseReportRoutes);
  await app.register(thesaurusRoutes);
  await app.register(caseAppealRoutes);
}
