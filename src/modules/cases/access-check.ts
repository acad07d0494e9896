/**
 * The one way routes reach a case: load it and its access list, ask the policy, and answer 404 (the
 * same as a missing case) when the rule says no. Used by every page, API route, download and export.
 */
import type { FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { can } from '../../platform/policy/policy.js';
import type { CaseAccess } from './policy.js';
import { findCaseRow, loadAccess, type CaseRow } from './queries.js';
import { parseRecordId } from '../../platform/http/validation.js';

export type CaseAction = 'case.read' | 'case.edit' | 'case.export' | 'case.manage';

export async function requireCase(
  request: FastifyRequest,
  idParam: string,
  action: CaseAction,
): Promise<{ row: CaseRow; access: CaseAccess }> {
  const id = parseRecordId(idParam);
  const row = id === null ? undefined : await findCaseRow(request.server.achyk.db, id);
  if (!row) throw notFound();
  const access = await loadAccess(request.server.achyk.db, row.id);
  if (!can(request.ctx.user, action, access)) throw notFound();
  return { row, access };
}
