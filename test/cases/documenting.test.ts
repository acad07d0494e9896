import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../support/dialects.js';
import { errorBody } from '../support/http.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import type { Agent } from '../support/agent.js';
import { addOk, directoryFixture, idsOf, openCase, postForm, staff } from './support.js';

forEachDialect('documenting a case', (dialect) => {
  let t: TestApp;
  let lawyer: Agent;
  let dir: Awaited<ReturnType<typeof directoryFixture>>;
  let caseId: number;
  let eventId: number;
  let victimId: number;
  let witnessId: number;

  before(async () => {
    t = await buildTestApp(dialect);
    dir = await directoryFixture(t);
    lawyer = (await staff(t, 'lawyer')).agent;
    caseId = await openCase(lawyer, 'Journalist detained in Bishkek', dir.bishkek);
  });
  after(async () => t.close());

  test('a lawyer records an event with an imprecise date, persons, an act, involvements, interventions and a source', async () => {
    await addOk(lawyer, caseId, 'event', {
      title: 'Detention after a press conference',
      start: '2017-03',
      start_precision: 'approximate',
      start_label: 'spring 2017',
      territory_id: String(dir.bishkek),
      place: 'IVS of the Pervomaisky district',
    });
    [eventId] = await idsOf(t, 'case_event', caseId);
    await addOk(lawyer, caseId, 'person', {
      name: 'Asel Victimova',
      contact: '+996 555 000 111',
      sex: 'female',
      age_group: 'adult',
      groups: ['journalist', 'woman'],
    });
    await addOk(lawyer, caseId, 'person', { name: 'Bakyt Witnessov', sex: 'male', age_group: 'youth' });
    [victimId, witnessId] = await idsOf(t, 'case_person', caseId);
    await addOk(lawyer, caseId, 'act', {
      event_id: String(eventId),
      act_type: 'torture',
      victim_id: String(victimId),
      methods: ['beating', 'suffocation'],
    });
    const [actId] = await idsOf(t, 'case_act', caseId);
    await addOk(lawyer, caseId, 'involvement', {
      target: `act:${actId}`,
      role: 'perpetrator',
      body: 'police.test',
      degree: 'direct',
    });
    await addOk(lawyer, caseId, 'involvement', {
      target: `act:${actId}`,
      role: 'witness',
      person_id: String(witnessId),
    });
    await addOk(lawyer, caseId, 'intervention', {
      kind: 'lawsuit',
      on_date: '2017-06-01',
      act_id: String(actId),
      body: 'Pervomaisky District Court',
      parties: 'A. Victimova v. Ministry of Internal Affairs',
      claim_amount: '150 000',
      claim_currency: 'KGS',
      hearings: '2017-07-10 adjourned\n2017-09-01 claim withdrawn',
      response: 'claim_withdrawn',
      decision: 'Claim withdrawn by the plaintiff',
    });
    await addOk(lawyer, caseId, 'intervention', {
      kind: 'un_communication',
      on_date: '2018-02-01',
      mechanism: 'CAT',
      reference: 'CAT/C/123/2018',
      response: 'pending',
    });
    await addOk(lawyer, caseId, 'intervention', {
      kind: 'appeal',
      on_date: '2017-04-02',
      body: 'police.test',
      response: 'no_response',
    });
    await addOk(lawyer, caseId, 'source', {
      description: 'Interview with the victim',
      reliability: 'high',
      event_id: String(eventId),
      person_id: String(victimId),
    });
    await addOk(lawyer, caseId, 'event', {
      title: 'Criminal case opened against her',
      start: '2017-05-15',
      start_precision: 'exact',
    });
    const [, second] = await idsOf(t, 'case_event', caseId);
    await addOk(lawyer, caseId, 'link', {
      from_event_id: String(eventId),
      to_event_id: String(second),
      relation: 'led_to',
    });

    const page = await lawyer.get(`/cases/${caseId}`);
    assert.equal(page.statusCode, 200);
    for (const text of [
      'Asel Victimova',
      'spring 2017',
      'Police Department',
      '150000 KGS',
      'CAT/C/123/2018',
      'Claim withdrawn by the plaintiff',
      'Interview with the victim',
      'P1',
      'P2',
    ])
      assert.ok(page.body.includes(text), text);
    const iv = await t.db.conn.db
      .selectFrom('case_intervention')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('kind', '=', 'lawsuit')
      .executeTakeFirstOrThrow();
    assert.equal(iv.claim_amount, '150000');
    assert.equal(iv.body_id, dir.court);
    const hearings = await t.db.conn.db
      .selectFrom('case_hearing')
      .select(['on_date', 'note'])
      .where('intervention_id', '=', iv.id)
      .orderBy('on_date')
      .execute();
    assert.deepEqual(hearings, [
      { on_date: '2017-07-10', note: 'adjourned' },
      { on_date: '2017-09-01', note: 'claim withdrawn' },
    ]);
    const ev = await t.db.conn.db
      .selectFrom('case_event')
      .select(['start_date', 'start_precision', 'start_label'])
      .where('id', '=', eventId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(ev, { start_date: '2017-03-01', start_precision: 'approximate', start_label: 'spring 2017' });
  });

  async function countAll() {
    const db = t.db.conn.db;
    const n = async (
      table:
        | 'case_event'
        | 'case_person'
        | 'case_act'
        | 'case_involvement'
        | 'case_intervention'
        | 'case_person_group'
        | 'case_hearing',
    ) => (await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
    // The refused form is shown again with the case's people in its lists: that read is logged, nothing else.
    const changes = (
      await db
        .selectFrom('audit_event')
        .select(db.fn.countAll().as('n'))
        .where('action', '!=', 'case.read')
        .executeTakeFirstOrThrow()
    ).n;
    return {
      e: await n('case_event'),
      p: await n('case_person'),
      a: await n('case_act'),
      i: await n('case_involvement'),
      iv: await n('case_intervention'),
      g: await n('case_person_group'),
      h: await n('case_hearing'),
      changes,
    };
  }

  const refused: [string, string, Record<string, string | string[]>, string, RegExp][] = [
    ['an act without a victim', 'act', { event_id: 'EVENT', act_type: 'torture' }, 'victim_id', /needs a victim/],
    [
      'an unknown thesaurus code',
      'act',
      { event_id: 'EVENT', act_type: 'torture_by_magic', victim_id: 'VICTIM' },
      'act_type',
      /Unknown code: torture_by_magic/,
    ],
    [
      'an unknown torture method',
      'act',
      { event_id: 'EVENT', act_type: 'torture', victim_id: 'VICTIM', methods: ['beating', 'nonsense'] },
      'methods',
      /Unknown code: nonsense/,
    ],
    [
      'an end date before its start',
      'event',
      { title: 'x', start: '2017-05-10', start_precision: 'exact', end: '2017-05-09', end_precision: 'exact' },
      'end',
      /cannot be before the start/,
    ],
    [
      'an end month before the start month',
      'event',
      { title: 'x', start: '2017-05', start_precision: 'month', end: '2017-04', end_precision: 'month' },
      'end',
      /cannot be before the start/,
    ],
    [
      'an exact precision without a day',
      'event',
      { title: 'x', start: '2017-05', start_precision: 'exact' },
      'start',
      /precision contradicts the date/,
    ],
    [
      'a year precision with a full date',
      'event',
      { title: 'x', start: '2017-05-10', start_precision: 'year' },
      'start',
      /precision contradicts the date/,
    ],
    [
      'a month precision with a year only',
      'act',
      { event_id: 'EVENT', act_type: 'torture', victim_id: 'VICTIM', start: '2017', start_precision: 'month' },
      'start',
      /precision contradicts the date/,
    ],
    [
      'an approximate date without words',
      'event',
      { title: 'x', start: '2017', start_precision: 'approximate' },
      'start_label',
      /approximate date in words/,
    ],
    [
      'an impossible date',
      'event',
      { title: 'x', start: '2017-02-30', start_precision: 'exact' },
      'start',
      /YYYY-MM-DD, YYYY-MM or YYYY/,
    ],
    [
      'a person linked twice to the same act',
      'involvement',
      { target: 'act:ACT', role: 'source', person_id: 'WITNESS' },
      'person_id',
      /already linked to this act/,
    ],
    [
      'the victim linked again to their own act',
      'involvement',
      { target: 'act:ACT', role: 'witness', person_id: 'VICTIM' },
      'person_id',
      /already linked to this act/,
    ],
    [
      'an unknown vulnerable group',
      'person',
      { name: 'Someone', sex: 'male', age_group: 'adult', groups: ['journalist', 'astronaut'] },
      'groups',
      /Unknown code: astronaut/,
    ],
    [
      'an unknown state response',
      'intervention',
      { kind: 'appeal', on_date: '2020-01-01', body: 'police.test', response: 'maybe' },
      'response',
      /Unknown code: maybe/,
    ],
    [
      'a claim amount that is not a number',
      'intervention',
      { kind: 'lawsuit', on_date: '2020-01-01', body: 'court.test', claim_amount: 'a lot', claim_currency: 'KGS' },
      'claim_amount',
      /as a number/,
    ],
    [
      'a UN communication without a mechanism',
      'intervention',
      { kind: 'un_communication', on_date: '2020-01-01' },
      'mechanism',
      /fill in this field/,
    ],
    [
      'a body that is not in the directory',
      'involvement',
      { target: 'act:ACT', role: 'perpetrator', body: 'Ministry of Magic' },
      'body',
      /No such body/,
    ],
    [
      'an event of another case',
      'act',
      { event_id: '999999', act_type: 'torture', victim_id: 'VICTIM' },
      'event_id',
      /no such event/,
    ],
  ];
  for (const [name, form, fields, field, message] of refused) {
    test(`${name} is refused with a clear message and nothing is written`, async () => {
      const [actId] = await idsOf(t, 'case_act', caseId);
      const sub = (v: string) =>
        v
          .replace('EVENT', String(eventId))
          .replace('VICTIM', String(victimId))
          .replace('WITNESS', String(witnessId))
          .replace('ACT', String(actId));
      const input = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v : sub(v)]));
      const before = await countAll();
      const res = await postForm(lawyer, `/cases/${caseId}/add/${form}`, input);
      assert.equal(res.statusCode, 422, res.body.slice(0, 500));
      assert.match(res.body, message);
      assert.match(res.body, new RegExp(`href="#field-${field}"`));
      assert.deepEqual(await countAll(), before);
    });
  }

  test('the API refuses a bad act with 400 and the same field errors', async () => {
    const db = t.db.conn.db;
    const { user } = await staff(t, 'lawyer');
    await db
      .insertInto('case_member')
      .values({
        case_id: caseId,
        user_id: user.id,
        access: 'edit',
        added_by: user.id,
        added_at: t.clock.now.toISOString(),
      })
      .execute();
    const { createApiToken } = await import('./api-token.js');
    const token = await createApiToken(t, user.id);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/acts`,
      headers: { authorization: `Bearer ${token}` },
      payload: { event_id: eventId, act_type: 'torture', start: '2017-05-10', start_precision: 'year' },
    });
    assert.equal(res.statusCode, 400);
    const fields = errorBody(res)
      .error.fields.map((f) => f.field)
      .sort();
    assert.deepEqual(fields, ['start', 'victim_id']);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/acts`,
      headers: { authorization: `Bearer ${token}` },
      payload: {
        event_id: eventId,
        act_type: 'arbitrary_detention',
        victim_id: victimId,
        start: '2017-04',
        start_precision: 'month',
      },
    });
    assert.equal(ok.statusCode, 201, ok.body);
    const unknownKey = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/acts`,
      headers: { authorization: `Bearer ${token}` },
      payload: { event_id: eventId, act_type: 'torture', victim_id: victimId, colour: 'red' },
    });
    assert.equal(unknownKey.statusCode, 400);
  });

  test('an editor corrects the case and a person; the pseudonym and reference stay, the change is audited', async () => {
    const before = await t.db.conn.db
      .selectFrom('hr_case')
      .select('reference')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const form = await lawyer.get(`/cases/${caseId}/persons/${victimId}/edit`);
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes('value="Asel Victimova"'));
    assert.match(form.body, /value="journalist" checked/);
    const refused = await postForm(lawyer, `/cases/${caseId}/persons/${victimId}/edit`, {
      name: 'Asel Victimova',
      sex: 'female',
      age_group: 'adult',
      birth_date: '05.04.1987',
    });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /date of birth as YYYY-MM-DD or YYYY/);
    const ok = await postForm(lawyer, `/cases/${caseId}/persons/${victimId}/edit`, {
      name: 'Asel Victimova-Corrected',
      sex: 'female',
      age_group: 'adult',
      birth_date: '1987-04-05',
      groups: ['journalist', 'hrd'],
    });
    assert.equal(ok.statusCode, 303);
    const edited = await postForm(lawyer, `/cases/${caseId}/edit`, {
      title: 'Journalist detained (corrected)',
      summary: '',
      territory_id: String(dir.chui),
    });
    assert.equal(edited.statusCode, 303);
    const page = await lawyer.get(`/cases/${caseId}`);
    assert.ok(page.body.includes('Asel Victimova-Corrected'));
    assert.ok(page.body.includes('Journalist detained (corrected)'));
    const row = await t.db.conn.db
      .selectFrom('case_person')
      .select(['pseudonym', 'name_enc'])
      .where('id', '=', victimId)
      .executeTakeFirstOrThrow();
    assert.equal(row.pseudonym, 'P1');
    assert.ok(!row.name_enc.includes('Corrected'));
    const groups = await t.db.conn.db
      .selectFrom('case_person_group')
      .select('group_code')
      .where('person_id', '=', victimId)
      .orderBy('group_code')
      .execute();
    assert.deepEqual(
      groups.map((g) => g.group_code),
      ['hrd', 'journalist'],
    );
    const after = await t.db.conn.db
      .selectFrom('hr_case')
      .select(['reference', 'territory_id'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(after, { reference: before.reference, territory_id: dir.chui });
    const audit = await t.db.conn.db
      .selectFrom('audit_event')
      .select('action')
      .where('object_id', '=', String(caseId))
      .where('action', 'in', ['case.person_updated', 'case.updated'])
      .execute();
    assert.equal(audit.length, 2);
    // Another case's person through this case's URL is not found.
    const other = await openCase(lawyer, 'other');
    assert.equal((await lawyer.get(`/cases/${other}/persons/${victimId}/edit`)).statusCode, 404);
  });
});
