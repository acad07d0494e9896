/** Helpers of the case tests: directory fixtures, a case team, and documenting a case through HTTP. */
import assert from 'node:assert/strict';
import { Agent } from '../support/agent.js';
import { buildBody, buildTerritory, buildUser, signIn, type TestUser } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';

/** Two territories and two bodies of the directory, made by the factories. */
export async function directoryFixture(
  t: TestApp,
  suffix = '',
): Promise<{ chui: number; bishkek: number; police: number; court: number }> {
  const chui = await buildTerritory(t, {
    code: `41708000000000${suffix}`,
    level: 'oblast',
    name_ky: `Chui oblast${suffix}`,
    name_ru: `Chui oblast${suffix}`,
    name_en: `Chui oblast${suffix}`,
  });
  const bishkek = await buildTerritory(t, {
    code: `41711000000000${suffix}`,
    level: 'city_republican',
    name_ky: `Bishkek${suffix}`,
    name_ru: `Bishkek${suffix}`,
    name_en: `Bishkek${suffix}`,
  });
  const body = (code: string, kind: 'police' | 'court', en: string, territory: number) =>
    buildBody(t, {
      code: `${code}${suffix}`,
      kind,
      name_ky: en,
      name_ru: en,
      name_en: en,
      territory_id: territory,
      emails: 'office@example.kg',
    });
  const police = await body('police.test', 'police', `Police Department${suffix}`, chui);
  const court = await body('court.test', 'court', `Pervomaisky District Court${suffix}`, bishkek);
  return { chui, bishkek, police, court };
}

export interface Team {
  lawyer: TestUser;
  lawyerAgent: Agent;
}

/** Opens a case through the form and returns its id. */
export async function openCase(
  agent: Agent,
  title = 'Detention at the border post',
  territoryId?: number,
): Promise<number> {
  const res = await agent.post('/cases', {
    title,
    summary: 'Summary of what we know',
    ...(territoryId ? { territory_id: String(territoryId) } : {}),
  });
  assert.equal(res.statusCode, 303, res.body);
  const m = /^\/cases\/(\d+)$/.exec(String(res.headers.location));
  assert.ok(m, String(res.headers.location));
  return Number(m[1]);
}

/** Posts one of the "add …" forms and expects it to be accepted. */
export async function addOk(
  agent: Agent,
  caseId: number,
  form: string,
  fields: Record<string, string | string[]>,
): Promise<void> {
  const res = await postForm(agent, `/cases/${caseId}/add/${form}`, fields);
  assert.equal(res.statusCode, 303, `${form}: ${res.statusCode} ${res.body.slice(0, 3000)}`);
}

/** A urlencoded POST that supports repeated keys (checkbox groups). */
export async function postForm(agent: Agent, url: string, fields: Record<string, string | string[]>) {
  const params = new URLSearchParams();
  params.append('_csrf', await agent.csrf());
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  return agent.app.inject({
    method: 'POST',
    url,
    payload: params.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: agent.cookieHeader(), ...agent.headers },
  });
}

/** Ids of the rows of a case's table, in order. */
export async function idsOf(
  t: TestApp,
  table: 'case_event' | 'case_person' | 'case_act' | 'case_intervention' | 'case_evidence',
  caseId: number,
): Promise<number[]> {
  return (await t.db.conn.db.selectFrom(table).select('id').where('case_id', '=', caseId).orderBy('id').execute()).map(
    (r) => r.id,
  );
}

export async function staff(t: TestApp, role: TestUser['role']): Promise<{ user: TestUser; agent: Agent }> {
  const user = await buildUser(t, { role });
  return { user, agent: await signIn(t, user, new Agent(t.app, { 'accept-language': 'en' })) };
}
