/** Fixtures for the statistics tests: appeals inserted with known dates (no letters, no wizard). */
import { buildAppeal } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';

export interface FactInput {
  bodyId: number;
  ownerId: number;
  kind?: 'application' | 'complaint' | 'information_request';
  state: 'sent' | 'registered' | 'answered' | 'classified' | 'closed';
  receivedOn: string;
  dueDate: string;
  answeredOn?: string | null;
  classification?: 'satisfied' | 'partially_satisfied' | 'refused' | 'redirected' | 'formal' | null;
  refusalReason?: 'no_grounds' | 'not_competent' | null;
}

/**
 * Inserts a sent appeal with the given dates and returns its id (the appeal factory, with no
 * registration recorded and nothing implied that the fact does not say).
 */
export async function insertAppeal(t: TestApp, f: FactInput): Promise<number> {
  return buildAppeal(t, {
    bodyId: f.bodyId,
    ownerId: f.ownerId,
    kind: f.kind ?? 'application',
    state: f.state,
    language: 'ru',
    channel: 'paper',
    receivedOn: f.receivedOn,
    dueDate: f.dueDate,
    registrationNumber: null,
    registrationDue: null,
    answeredOn: f.answeredOn ?? null,
    classification: f.classification ?? null,
    refusalReason: f.refusalReason ?? null,
  });
}
