/**
 * Figures that must never reveal what is not public, and announcements to e-mail subscribers, on both
 * dialects: a count of documented cases is withheld below the minimum and counts only verified or
 * closed cases; an on-time rate below the minimum sample is withheld; publishing announces to the
 * subscribers of each language at once, and a scheduled statement announces once, by a job, at its time.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { runDueJobs } from '../../src/platform/jobs/queue.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { MIN_CASE_COUNT } from '../../src/modules/statements/embeds/resolve.js';
import { EMAIL_CONTEXT, emailHash } from '../../src/modules/subscriptions/tokens.js';
import { refreshStats } from '../../src/modules/stats/refresh.js';
import { kyrgyzDateOf } from '../../src/modules/calendar/index.js';
import { Agent } from '../support/agent.js';
import { forEachDialect } from '../support/dialects.js';
import { buildBody, buildUser, signIn, type TestUser } from '../support/factories.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { insertAppeal } from '../stats/support.js';

async function insertCases(
  t: TestApp,
  n: number,
  state: 'intake' | 'verified' | 'closed',
  actType: string,
  date: string,
  userId: number,
): Promise<void> {
  const db = t.db.conn.db;
  const at = t.clock.now.toISOString();
  const enc = (v: string, c: string) => t.cipher.encrypt(v, c);
  for (let i = 0; i < n; i++) {
    const c = await db
      .insertInto('hr_case')
      .values({
        reference: `HR-T-${state}-${actType}-${Math.random().toString(36).slice(2, 8)}`,
        title_enc: enc('Case', 'hr_case.title'),
        summary_enc: null,
        state,
        territory_id: null,
        created_by: userId,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const e = await db
      .insertInto('case_event')
      .values({
        case_id: c.id,
        title_enc: enc('Event', 'case_event.title'),
        description_enc: null,
        start_date: date,
        start_precision: 'exact',
        start_label: null,
        end_date: null,
        end_precision: null,
        end_label: null,
        territory_id: null,
        place_enc: null,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const v = await db
      .insertInto('case_person')
      .values({
        case_id: c.id,
        pseudonym: 'V1',
        name_enc: enc('Victim', 'case_person.name'),
        other_names_enc: null,
        contact_enc: null,
        id_number_enc: null,
        address_enc: null,
        birth_date_enc: null,
        sex: 'male',
        age_group: 'adult',
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('case_act')
      .values({
        case_id: c.id,
        event_id: e.id,
        act_type: actType,
        victim_id: v.id,
        methods: '',
        start_date: date,
        start_precision: 'exact',
        start_label: null,
        end_date: null,
        end_precision: null,
        end_label: null,
        notes_enc: null,
        created_at: at,
      })
      .execute();
  }
}

const values = (body: string) => [...body.matchAll(/<strong class="figure-value">([^<]*)<\/strong>/g)].map((m) => m[1]);

forEachDialect('statement figures and announcements', (dialect) => {
  let t: TestApp;
  let coordinator: TestUser;
  let coord: Agent;
  before(async () => {
    t = await buildTestApp(dialect);
    coordinator = await buildUser(t, { role: 'coordinator' });
  });
  after(async () => t.close());
  beforeEach(async () => {
    coord = await signIn(t, coordinator, new Agent(t.app, { 'accept-language': 'en' }));
  });

  async function publish(
    body: string,
    extra: Record<string, string> = {},
    choice: Record<string, string> = { when: 'now' },
  ): Promise<{ id: number; slug: string; status: number; page: string }> {
    const form = {
      kind: 'press_release',
      tags: '',
      title_ky: '',
      title_ru: '',
      title_en: 'Figures',
      summary_ky: '',
      summary_ru: '',
      summary_en: '',
      body_ky: '',
      body_ru: '',
      body_en: body,
      ...extra,
    };
    const res = await coord.post('/statements/manage', form);
    assert.equal(res.statusCode, 303, res.body);
    const id = Number(/\/statements\/manage\/(\d+)/.exec(res.headers.location as string)![1]);
    const p = await coord.post(`/statements/manage/${id}/publish`, choice);
    const slug = (
      await t.db.conn.db.selectFrom('statement').select('slug').where('id', '=', id).executeTakeFirstOrThrow()
    ).slug;
    return {
      id,
      slug,
      status: p.statusCode,
      page:
        p.statusCode === 303
          ? (await new Agent(t.app, { 'accept-language': 'en' }).get(`/statements/${slug}`)).body
          : p.body,
    };
  }

  test('documented cases: withheld below the minimum, only verified or closed cases, unknown violation refused', async () => {
    const uid = coordinator.id;
    await insertCases(t, MIN_CASE_COUNT - 1, 'verified', 'torture', '2026-01-15', uid);
    await insertCases(t, 3, 'intake', 'torture', '2026-01-15', uid);
    const few = await publish('Torture: {{figure:cases violation=torture from=2026-01-01 to=2026-02-28}}');
    assert.equal(few.status, 303);
    assert.deepEqual(values(few.page), [`too few to show (fewer than ${MIN_CASE_COUNT})`]);
    await insertCases(t, 2, 'closed', 'torture', '2026-02-01', uid);
    const enough = await new Agent(t.app, { 'accept-language': 'en' }).get(`/statements/${few.slug}`);
    assert.deepEqual(values(enough.body), [String(MIN_CASE_COUNT + 1)], 'intake cases are not counted');
    const source = /<a href="([^"]*)">source<\/a>/.exec(enough.body)![1]!.replace(/&amp;/g, '&');
    const figurePage = await new Agent(t.app, { 'accept-language': 'en' }).get(source);
    assert.equal(figurePage.statusCode, 200);
    assert.match(figurePage.body, /verified or closed cases/);
    assert.doesNotMatch(figurePage.body + enough.body, /Victim|HR-T-/);
    // A period no public statement quotes is not served (no open-ended counter to subtract periods with).
    const probe = await new Agent(t.app).get(
      '/statements/figures/cases?violation=torture&from=2026-01-01&to=2026-01-31',
    );
    assert.equal(probe.statusCode, 404);
    const unknown = await publish('{{figure:cases violation=no_such_act}}');
    assert.equal(unknown.status, 422);
    assert.match(unknown.page, /the violation type “no_such_act” is not in the thesaurus/);
    const reversed = await publish('{{figure:cases violation=torture from=2026-06-01 to=2026-01-01}}');
    assert.equal(reversed.status, 422);
  });

  test('an on-time rate below the minimum sample is withheld; above it, shown with its basis', async () => {
    const owner = (await buildUser(t)).id;
    const bodyId = await buildBody(t, { code: 'small-agency' } as never);
    for (let i = 0; i < 4; i++)
      await insertAppeal(t, {
        bodyId,
        ownerId: owner,
        state: 'answered',
        receivedOn: '2026-02-02',
        dueDate: '2026-02-20',
        answeredOn: '2026-02-05',
        classification: 'satisfied',
      });
    await refreshStats(t.db.conn.db, kyrgyzDateOf(t.clock.now), t.clock.now);
    const r = await publish('{{figure:on-time body=small-agency from=2026-01 to=2026-03}}');
    assert.equal(r.status, 303);
    assert.deepEqual(values(r.page), ['too few to show (fewer than 10)']);
    assert.doesNotMatch(r.page, /100%/);
  });

  test('publishing announces to subscribers of each language now; a scheduled statement once, at its time', async () => {
    const db = t.db.conn.db;
    const at = t.clock.now.toISOString();
    for (const [email, language] of [
      ['en.reader@example.org', 'en'],
      ['ru.reader@example.org', 'ru'],
    ] as const) {
      await db
        .insertInto('subscription')
        .values({
          email_hash: emailHash(t.cipher, email),
          email_enc: t.cipher.encrypt(email, EMAIL_CONTEXT),
          language,
          topic_statements: 1,
          topic_events: 0,
          status: 'confirmed',
          confirm_token_hash: null,
          unsubscribe_salt: 'salt',
          expires_at: null,
          created_at: at,
          confirmed_at: at,
        })
        .execute();
    }
    const services = { config: t.config, cipher: t.cipher, mailer: createMailer(t.config) };
    const now = await publish('Published now.', { title_ru: 'Сразу', body_ru: 'Опубликовано сразу.' });
    assert.equal(now.status, 303);
    await runDueJobs({ db, services, now: t.clock.now });
    let mail = await t.sentMail();
    assert.deepEqual(mail.map((m) => `${m.to} ${m.subject}`).sort(), [
      'en.reader@example.org Figures',
      'ru.reader@example.org Сразу',
    ]);

    const local = new Date(t.clock.now.getTime() + 6 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10);
    const later = await publish('Scheduled.', { title_en: 'Later' }, { when: 'schedule', date: local, time: '12:00' });
    assert.equal(later.status, 303);
    await runDueJobs({ db, services, now: t.clock.now });
    assert.equal((await t.sentMail()).length, 2, 'nothing before the scheduled time');
    t.clock.advance(2 * 24 * 3600_000);
    await runDueJobs({ db, services, now: t.clock.now });
    await runDueJobs({ db, services, now: t.clock.now });
    await runDueJobs({ db, services, now: t.clock.now });
    mail = await t.sentMail();
    assert.deepEqual(
      mail.filter((m) => m.subject === 'Later').map((m) => m.to),
      ['en.reader@example.org'],
    );
    assert.match(mail.find((m) => m.subject === 'Later')!.text, new RegExp(`/statements/${later.slug}`));
    services.mailer.close();
  });
});
