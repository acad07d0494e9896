/** Helpers of the publication tests: a sent appeal through the real pages, published through the real form. */
import type { FieldCipher } from '../../src/platform/crypto/field-encryption.js';
import type { Executor } from '../../src/platform/db/database.js';
import type { Appeal } from '../../src/modules/appeals/queries.js';
import { publishAppeal } from '../../src/modules/publication/commands/publish.js';
import { addChoice } from '../../src/modules/publication/commands/redactions.js';
import { buildSnapshot } from '../../src/modules/publication/commands/snapshot.js';
import type { Agent } from '../support/agent.js';
import { draftThroughWizard } from '../appeals/support.js';

/** Drafts and records (channel paper) an appeal; returns its id. */
export async function sentAppeal(agent: Agent, bodyId: number, fields: Record<string, string>): Promise<number> {
  const id = await draftThroughWizard(agent, bodyId, { channel: 'paper', submitted_on: '2026-03-02', ...fields });
  const res = await agent.post(`/appeals/${id}/send`);
  if (res.statusCode !== 303) throw new Error(`not sent: ${res.statusCode} ${res.body.slice(0, 800)}`);
  return id;
}

export async function event(agent: Agent, id: number, form: Record<string, string>): Promise<void> {
  const res = await agent.post(`/appeals/${id}/events`, form);
  if (res.statusCode !== 303) throw new Error(`event refused: ${res.statusCode} ${res.body.slice(0, 800)}`);
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The words and numbers the confirmation step still asks about, as listed on the publication page. */
export async function openReviewItems(agent: Agent, id: number): Promise<string[]> {
  const page = await agent.get(`/appeals/${id}/publication`);
  if (page.statusCode !== 200) throw new Error(`publication page: ${page.statusCode}`);
  return [
    ...page.body.matchAll(
      /<input type="hidden" name="kind" value="safe"\/><input type="hidden" name="value" value="([^"]*)"\/>/g,
    ),
  ].map((m) => unescapeHtml(m[1]!));
}

/** Goes through the confirmation step as a person would who judges every remaining item safe: one click each. */
export async function confirmAllSafe(agent: Agent, id: number): Promise<string[]> {
  const items = await openReviewItems(agent, id);
  for (const value of items) {
    const res = await agent.post(`/appeals/${id}/publication/choices`, { kind: 'safe', value });
    if (res.statusCode !== 303) throw new Error(`confirmation refused: ${res.statusCode} ${res.body.slice(0, 800)}`);
  }
  return items;
}

/** Confirms what is left (see confirmAllSafe), then publishes. */
export async function publish(agent: Agent, id: number): Promise<void> {
  await confirmAllSafe(agent, id);
  const res = await agent.post(`/appeals/${id}/publication/publish`);
  if (res.statusCode !== 303) throw new Error(`not published: ${res.statusCode} ${res.body.slice(0, 1500)}`);
}

/**
 * For tests that publish through the command rather than the page: records a "safe" choice for
 * every item the confirmation step lists (what confirmAllSafe does through the page), then publishes.
 */
export async function confirmAndPublish(p: {
  trx: Executor;
  cipher: FieldCipher;
  appeal: Appeal;
  actor: string;
  now: Date;
}): Promise<void> {
  const snap = await buildSnapshot(p.trx, p.cipher, p.appeal);
  for (const item of snap.review.filter((r) => !r.confirmed))
    await addChoice({ ...p, kind: 'safe', value: item.value });
  await publishAppeal(p);
}
