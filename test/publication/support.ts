/** Helpers of the publication tests: a sent appeal through the real pages, published through the real form. */
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

export async function publish(agent: Agent, id: number): Promise<void> {
  const res = await agent.post(`/appeals/${id}/publication/publish`);
  if (res.statusCode !== 303) throw new Error(`not published: ${res.statusCode} ${res.body.slice(0, 1500)}`);
}
