/**
 * Loading a consultation for a request, through the policy: a consultation the user may not read
 * (an unpublished one, for anyone but coordinators) answers 404 exactly like a missing one.
 */
import type { FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n/catalog.js';
import { can } from '../../platform/policy/policy.js';
import { findConsultation, type ConsultationRow } from './queries.js';
import { parseRecordId } from '../../platform/http/validation.js';

export async function readableConsultation(request: FastifyRequest, rawId: string): Promise<ConsultationRow> {
  const id = parseRecordId(rawId);
  const c = id === null ? undefined : await findConsultation(request.server.achyk.db, id);
  if (!c || !can(request.ctx.user, 'consultations.read', c)) throw notFound();
  return c;
}

export function parseId(raw: string): number {
  const id = parseRecordId(raw);
  if (id === null) throw notFound();
  return id;
}

/** Messages shown after a redirect (`?m=…`): a fixed list, so the query cannot inject text. */
const FLASH: Record<string, MessageKey> = {
  posted: 'consultations.comment.posted',
  flagged: 'consultations.flagged_ok',
  answered: 'consultations.answer.saved',
  moderated: 'consultations.mod_done',
  created: 'consultations.created',
  saved: 'consultations.saved',
  published: 'consultations.published_ok',
  drafter: 'consultations.drafter_added',
  hearing: 'consultations.hearing.added',
  report: 'consultations.report_published_ok',
};

export function flashFor(request: FastifyRequest): string | null {
  const m = (request.query as Record<string, unknown> | undefined)?.m;
  const key = typeof m === 'string' ? FLASH[m] : undefined;
  return key ? request.ctx.t(key) : null;
}
