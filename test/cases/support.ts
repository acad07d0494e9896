/** Helpers of the case tests: directory fixtures, a case team, and documenting a case through HTTP. */
import assert from 'node:assert/strict';
import { Agent } from '../support/agent.js';
import { buildUser, signIn, type TestUser } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';

const AT = '2026-01-01T00:00:00.000Z';

/** A territory and a body of the directory (the directory module's tables, filled directly). */
export async function directoryFixture(t: TestApp, suffix = ''): Promise<{ chui: number; bishkek: number; police: number; court: number }> {
  const db = t.db.conn.db;
  const terr = (code: string, level: 'oblast' | 'city_republican', en: string) =>
    db.insertInto('territory').values({ code: `${code}${suffix}`, level, name_ky: en, name_ru: en, name_en: en, parent_id: null, lat: null, lon: null, boundary: null, valid_from: null, valid_to: null, successor_id: null, source: null, search_key: en.toLowerCase(), created_at: AT, updated_at: AT }).returning('id').executeTakeFirstOrThrow();
  const body = (code: string, kind: 'police' | 'court', en: string, territory: number) =>
    db
      .insertInto('body')
      .values({ code: `${code}${suffix}`, kind, institution_type: null, name_ky: en, name_ru: en, name_en: en, territory_id: territory, supervisor_id: null, emails: 'office@example.kg', address: null, phone: null, website: null, contact_unknown: 0, active_from: null, active_to: null, merged_into_id: null, search_key: en.toLowerCase(), created_at: AT, updated_at: AT })
      .returning('id')
      .executeTakeFirstOrThrow();
  const chui = (await terr('41708000000000', 'oblast', `Chui oblast${suffix}`)).id;
  const bishkek = (await terr('41711000000000', 'city_republican', `Bishkek${suffix}`)).id;
  const police = (await body('police.test', 'police', `Police Department${suffix}`, chui)).id;
  const court = (await body('court.test', 'court', `Pervomaisky District Court${suffix}`, bishkek)).id;
  return { chui, bishkek, police, court };
}

export interface Team {
  lawyer: TestUser;
  lawyerAgent: Agent;
}

/** Opens a case through the form and returns its id. */
export async function openCase(agent: Agent, title = 'Detention at the border post', territoryId?: number): Promise<number> {
  const res = await agent.post('/cases', { title, summary: 'Summary of what we know', ...(territoryId ? { territory_id: String(territoryId) } : {}) });
  assert.equal(res.statusCode, 303, res.body);
  const m = /^\/cases\/(\d+)$/.exec(String(res.headers.location));
  assert.ok(m, String(res.headers.location));
  return Number(m[1]);
}

/** Posts one of the "add …" forms and expects it to be accepted. */
export async function addOk(agent: Agent, caseId: number, form: string, fields: Record<string, string | string[]>): Promise<void> {
  const res = await postForm(agent, `/cases/${caseId}/add/${form}`, fields);
  assert.equal(res.statusCode, 303, `${form}: ${res.statusCode} ${res.body.slice(0, 3000)}`);
}

/** A urlencoded POST that supports repeated keys (checkbox groups). */
export async function postForm(agent: Agent, url: string, fields: Record<string, string | string[]>) {
  const params = new URLSearchParams();
  params.append('_csrf', await agent.csrf());
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  return agent.app.inject({ method: 'POST', url, payload: params.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: agent.cookieHeader(), ...agent.headers } });
}

/** Ids of the rows of a case's table, in order. */
export async function idsOf(t: TestApp, table: 'case_event' | 'case_person' | 'case_act' | 'case_intervention' | 'case_evidence', caseId: number): Promise<number[]> {
  return (await t.db.conn.db.selectFrom(table).select('id').where('case_id', '=', caseId).orderBy('id').execute()).map((r) => r.id);
}

export async function staff(t: TestApp, role: TestUser['role']): Promise<{ user: TestUser; agent: Agent }> {
  const user = await buildUser(t, { role });
  return { user, agent: await signIn(t, user, new Agent(t.app, { 'accept-language': 'en' })) };
}
