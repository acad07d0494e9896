import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachDialect } from '../support/dialects.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { addOk, directoryFixture, idsOf, openCase, staff } from './support.js';

forEachDialect('appeal from a case', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  test('a lawyer creates a pre-filled draft appeal from an act; the victim’s identity stays out of it', async () => {
    const dir = await directoryFixture(t);
    const lawyer = await staff(t, 'lawyer');
    const a = lawyer.agent;
    const caseId = await openCase(a, 'Torture in police custody', dir.chui);
    await addOk(a, caseId, 'event', {
      title: 'Night at the police station',
      start: '2026-02-14',
      start_precision: 'exact',
      place: 'Room 12, MRKPLACE',
    });
    await addOk(a, caseId, 'person', {
      name: 'Nurlan MRKVICTIM',
      contact: '+996 555 123',
      sex: 'male',
      age_group: 'youth',
    });
    const [eventId] = await idsOf(t, 'case_event', caseId);
    const [victimId] = await idsOf(t, 'case_person', caseId);
    await addOk(a, caseId, 'act', { event_id: String(eventId), act_type: 'torture', victim_id: String(victimId) });
    const [actId] = await idsOf(t, 'case_act', caseId);

    const page = await a.get(`/cases/${caseId}`);
    assert.ok(page.body.includes(`/cases/${caseId}/add/appeal`));
    const form = await a.get(`/cases/${caseId}/add/appeal`);
    assert.equal(form.statusCode, 200);
    const missing = await a.post(`/cases/${caseId}/add/appeal`, { act_id: String(actId), body: 'No such ministry' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /No such body in the directory/);

    const res = await a.post(`/cases/${caseId}/add/appeal`, { act_id: String(actId), body: 'police.test' });
    assert.equal(res.statusCode, 303);
    const m = /^\/appeals\/(\d+)\/edit$/.exec(String(res.headers.location));
    assert.ok(m, String(res.headers.location));
    const appealId = Number(m[1]);
    const appeal = await t.db.conn.db
      .selectFrom('appeal')
      .selectAll()
      .where('id', '=', appealId)
      .executeTakeFirstOrThrow();
    assert.equal(appeal.owner_id, lawyer.user.id);
    assert.equal(appeal.ngo, 1);
    assert.equal(appeal.body_id, dir.police);
    assert.equal(appeal.kind, 'complaint');
    assert.equal(appeal.state, 'draft');
    assert.equal(appeal.person_name_enc, null);
    assert.equal(appeal.person_contact_enc, null);
    assert.match(appeal.subject, /Torture/);
    assert.match(appeal.text, /Torture, February 14, 2026, Chui oblast/);
    assert.match(appeal.text, /identity is kept confidential/);
    for (const secret of ['MRKVICTIM', 'MRKPLACE', '+996 555 123'])
      assert.ok(!`${appeal.subject} ${appeal.text}`.includes(secret));

    const iv = await t.db.conn.db
      .selectFrom('case_intervention')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      { kind: iv.kind, appeal: iv.appeal_id, act: iv.act_id, body: iv.body_id, response: iv.response },
      { kind: 'appeal', appeal: appealId, act: actId, body: dir.police, response: 'pending' },
    );
    const after = await a.get(`/cases/${caseId}`);
    assert.ok(after.body.includes(`href="/appeals/${appealId}"`));
    const draft = await a.get(`/appeals/${appealId}/edit`);
    assert.equal(draft.statusCode, 200);

    // A read-only member, or someone off the list, cannot create one.
    const reader = await staff(t, 'lawyer');
    await t.db.conn.db
      .insertInto('case_member')
      .values({
        case_id: caseId,
        user_id: reader.user.id,
        access: 'read',
        added_by: lawyer.user.id,
        added_at: t.clock.now.toISOString(),
      })
      .execute();
    assert.equal(
      (await reader.agent.post(`/cases/${caseId}/add/appeal`, { act_id: String(actId), body: 'police.test' }))
        .statusCode,
      404,
    );
    const outsider = await staff(t, 'lawyer');
    assert.equal(
      (await outsider.agent.post(`/cases/${caseId}/add/appeal`, { act_id: String(actId), body: 'police.test' }))
        .statusCode,
      404,
    );
  });
});
