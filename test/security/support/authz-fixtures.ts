/**
 * The records the authorization matrix tries every route against: for every role its own records
 * (appeals with a document, a case its team opened, API tokens, a redaction rule…), and records of
 * other people (citizen B's appeal, another team's case, an NGO colleague's appeal, a draft
 * consultation). Everything is made through the modules' own pages and commands, as a person would.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { addCalendarException, addMovableDate } from '../../../src/modules/appeals/commands/edit-rules.js';
import { receiveMessage } from '../../../src/modules/contact/commands/receive-message.js';
import { recordHearing } from '../../../src/modules/consultations/commands/participation.js';
import { publishStatement } from '../../../src/modules/statements/commands/publish-statement.js';
import { createEvent, publishEvent, type EventInput } from '../../../src/modules/statements/commands/save-event.js';
import { createStatement } from '../../../src/modules/statements/commands/save-statement.js';
import { processInbound } from '../../../src/modules/appeals/inbound/process-message.js';
import { addRule } from '../../../src/modules/publication/commands/redactions.js';
import { enqueueJob } from '../../../src/platform/jobs/queue.js';
import { upload } from '../../appeals/support.js';
import { reporter, sendReport, TINY_PDF } from '../../anonymous/support.js';
import { createApiToken } from '../../cases/api-token.js';
import { multipartBody, PDF } from '../../cases/multipart.js';
import { addOk, openCase } from '../../cases/support.js';
import { currentParagraphs, seedConsultation } from '../../consultations/fixtures.js';
import { publish, sentAppeal } from '../../publication/support.js';
import { Agent } from '../../support/agent.js';
import { buildBody, buildTerritory, buildUser, signIn, type TestUser } from '../../support/factories.js';
import type { TestApp } from '../../support/test-app.js';

/** The roles of the matrix; `outsider` is a case worker (lawyer) of another case team. */
export const ROLES = ['anonymous', 'citizen', 'monitor', 'lawyer', 'outsider', 'coordinator', 'admin'] as const;
export type MatrixRole = (typeof ROLES)[number];
export type SignedInRole = Exclude<MatrixRole, 'anonymous'>;
export const SIGNED_IN: readonly SignedInRole[] = ROLES.filter((r): r is SignedInRole => r !== 'anonymous');

const ACCOUNT_ROLE: Record<SignedInRole, TestUser['role']> = {
  citizen: 'citizen',
  monitor: 'monitor',
  lawyer: 'lawyer',
  outsider: 'lawyer',
  coordinator: 'coordinator',
  admin: 'admin',
};

export interface AppealRecord {
  id: number;
  fileId: number;
  /** a redaction choice on the appeal's publication page */
  choiceId: number;
}

export interface CaseRecord {
  id: number;
  evidenceId: number;
  personId: number;
}

export interface Fixtures {
  users: Record<SignedInRole, TestUser>;
  agents: Record<MatrixRole, Agent>;
  /** bearer token of each role for the JSON API */
  tokens: Record<SignedInRole, string>;
  /** a second token per role: the one the matrix revokes */
  spareTokenIds: Record<SignedInRole, number>;
  /** citizen B's token */
  foreignTokenId: number;
  /** a user the administrator pages act on (disable, enable, role) */
  victimId: number;
  body: number;
  /** a body and a territory the directory administration may deactivate and reactivate */
  spareBody: number;
  territory: number;
  spareTerritory: number;
  /** each role's own sent appeal with a document and a redaction choice */
  ownAppeals: Record<SignedInRole, AppealRecord>;
  /** citizen B's appeal: private to B (not an NGO appeal) */
  foreignAppeal: AppealRecord;
  /** filed by another monitor: an NGO appeal the organisation's coordinators and lawyers follow */
  ngoAppeal: AppealRecord;
  /** a published NGO appeal whose document was marked safe to publish */
  published: { id: number; fileId: number };
  /** the case each role's team opened (case teams: lawyer, outsider, monitor, coordinator each open one) */
  ownCases: Partial<Record<SignedInRole, CaseRecord>>;
  /** case A (lawyer's team) and case B (outsider's team) */
  caseA: CaseRecord;
  caseB: CaseRecord;
  /** a member on every case list, whom the coordinator may remove */
  spareMemberId: number;
  /** two anonymous reports, each with a file */
  reports: { id: number; fileId: number }[];
  consultation: {
    published: number;
    draft: number;
    paragraph: number;
    draftParagraph: number;
    comment: number;
    hearing: number;
    draftHearing: number;
  };
  calendar: { exception: number; movable: number };
  /** global redaction rules, one per role that manages them; and an appeal-scoped rule on citizen B's appeal */
  redactionRules: { coordinator: number; admin: number; foreignAppealRule: number };
  failedJob: number;
  heldMail: { attach: number; discard: number };
  /** contact-form messages: one to read and mark handled, one each for the coordinator and the administrator to delete */
  contact: { read: number; coordinator: number; admin: number };
  /** a published statement and event, and an unpublished one of each */
  statements: { published: { id: number; slug: string }; draft: { id: number; slug: string } };
  events: { published: number; draft: number };
  asset: string;
  /**
   * Text planted in records, with the roles that may see it. No answer to anyone else may contain it,
   * whatever its status (lists, searches, feeds, exports, error pages, downloads).
   */
  secrets: { marker: string; readers: readonly MatrixRole[] }[];
}

async function firstId(
  t: TestApp,
  table: 'appeal_file' | 'case_evidence' | 'case_person' | 'redaction_choice',
  column: 'appeal_id' | 'case_id',
  id: number,
): Promise<number> {
  const row = await t.db.conn.db
    .selectFrom(table)
    .select('id')
    .where(column as never, '=', id as never)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A sent appeal with a document and a redaction choice, filed through the pages by `agent`. */
async function fileAppeal(t: TestApp, agent: Agent, body: number, label: string): Promise<AppealRecord> {
  const id = await sentAppeal(agent, body, { subject: `Matrix appeal ${label}`, text: `Text of the ${label} appeal.` });
  assert.equal((await upload(agent, `/appeals/${id}/files`, `${label}.txt`, `Document of ${label}`)).statusCode, 303);
  assert.equal(
    (await agent.post(`/appeals/${id}/publication/choices`, { kind: 'redact', value: `appeal ${label}` })).statusCode,
    303,
  );
  return {
    id,
    fileId: await firstId(t, 'appeal_file', 'appeal_id', id),
    choiceId: await firstId(t, 'redaction_choice', 'appeal_id', id),
  };
}

/** Opens a case through the form with a person and a piece of evidence. */
async function openTeamCase(t: TestApp, agent: Agent, title: string): Promise<CaseRecord> {
  const id = await openCase(agent, title);
  await addOk(agent, id, 'person', { name: `Victim of ${title}`, sex: 'female', age_group: 'adult' });
  const file = multipartBody('statement.pdf', PDF);
  const up = await t.app.inject({
    method: 'POST',
    url: `/cases/${id}/add/evidence?_csrf=${encodeURIComponent(await agent.csrf())}`,
    payload: file.payload,
    headers: { 'content-type': file.contentType, cookie: agent.cookieHeader() },
  });
  assert.equal(up.statusCode, 303, up.body.slice(0, 500));
  return {
    id,
    evidenceId: await firstId(t, 'case_evidence', 'case_id', id),
    personId: await firstId(t, 'case_person', 'case_id', id),
  };
}

export async function seedFixtures(t: TestApp): Promise<Fixtures> {
  const db = t.db.conn.db;
  const at = () => t.clock.now.toISOString();
  const users = {} as Record<SignedInRole, TestUser>;
  const agents = { anonymous: new Agent(t.app, { 'accept-language': 'en' }) } as Record<MatrixRole, Agent>;
  const tokens = {} as Record<SignedInRole, string>;
  const spareTokenIds = {} as Record<SignedInRole, number>;
  for (const role of SIGNED_IN) {
    users[role] = await buildUser(t, { role: ACCOUNT_ROLE[role] });
    agents[role] = await signIn(t, users[role], new Agent(t.app, { 'accept-language': 'en' }));
    tokens[role] = await createApiToken(t, users[role].id);
    await createApiToken(t, users[role].id);
    spareTokenIds[role] = (
      await db
        .selectFrom('api_token')
        .select('id')
        .where('user_id', '=', users[role].id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const citizenB = await buildUser(t);
  const agentB = await signIn(t, citizenB, new Agent(t.app, { 'accept-language': 'en' }));
  await createApiToken(t, citizenB.id);
  const foreignTokenId = (
    await db.selectFrom('api_token').select('id').where('user_id', '=', citizenB.id).executeTakeFirstOrThrow()
  ).id;
  const monitorB = await buildUser(t, { role: 'monitor' });
  const agentMB = await signIn(t, monitorB, new Agent(t.app, { 'accept-language': 'en' }));
  const victimId = (await buildUser(t)).id;
  const spareMemberId = (await buildUser(t, { role: 'lawyer' })).id;

  // Directory
  const body = await buildBody(t, { emails: null, name_en: 'Matrix Ministry' });
  const spareBody = await buildBody(t, { emails: null, name_en: 'Spare Agency' });
  const territory = (code: string, en: string) =>
    buildTerritory(t, { code, level: 'oblast', name_ky: en, name_ru: en, name_en: en });

  // Appeals: every role's own, citizen B's, an NGO colleague's, a published one with a safe document
  const ownAppeals = {} as Record<SignedInRole, AppealRecord>;
  for (const role of SIGNED_IN) ownAppeals[role] = await fileAppeal(t, agents[role], body, role);
  const foreignAppeal = await fileAppeal(t, agentB, body, 'B-private');
  const ngoAppeal = await fileAppeal(t, agentMB, body, 'B-ngo');
  const pub = await fileAppeal(t, agentMB, body, 'B-published');
  assert.equal(
    (
      await agents.lawyer.post(`/appeals/${pub.id}/publication/choices`, {
        kind: 'safe_file',
        value: String(pub.fileId),
      })
    ).statusCode,
    303,
  );
  await publish(agentMB, pub.id);

  // Cases: each team's own, with a spare member on every list
  const ownCases: Partial<Record<SignedInRole, CaseRecord>> = {};
  for (const role of ['lawyer', 'outsider', 'monitor', 'coordinator'] as const)
    ownCases[role] = await openTeamCase(t, agents[role], `Case of the ${role} team`);
  for (const c of Object.values(ownCases))
    await db
      .insertInto('case_member')
      .values({ case_id: c.id, user_id: spareMemberId, access: 'read', added_by: users.coordinator.id, added_at: at() })
      .execute();

  // Anonymous reports, each with a file
  const reports: Fixtures['reports'] = [];
  for (const what of ['First matrix report', 'Second matrix report']) {
    const { res } = await sendReport(reporter(t), { what }, [{ name: 'scan.pdf', data: TINY_PDF }]);
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    const r = await db.selectFrom('anonymous_report').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const f = await db
      .selectFrom('anonymous_file')
      .select('id')
      .where('report_id', '=', r.id)
      .executeTakeFirstOrThrow();
    reports.push({ id: r.id, fileId: f.id });
  }

  // Consultations: a published one with a citizen's comment and a hearing; an unpublished draft
  const published = await seedConsultation(t, users.coordinator.id, { title: 'Matrix consultation' });
  const draft = await seedConsultation(t, users.coordinator.id, { title: 'Matrix draft', published: false });
  const [paragraph] = await currentParagraphs(t, published);
  const [draftParagraph] = await currentParagraphs(t, draft);
  const commented = await agents.citizen.post(`/consultations/${published}/paragraphs/${paragraph!.id}/comments`, {
    body: 'A comment of the citizen',
    format: 'text',
    stance: 'support',
    proposed_wording: '',
  });
  assert.equal(commented.statusCode, 303, commented.body.slice(0, 500));
  const comment = (
    await db.selectFrom('consultation_comment').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()
  ).id;
  const hearing = async (consultationId: number) =>
    db.transaction().execute((trx) =>
      recordHearing({
        trx,
        consultationId,
        heldOn: '2026-03-01',
        place: 'Bishkek',
        participants: 12,
        minutes: { text: 'Minutes', name: null },
        actorId: users.coordinator.id,
        now: t.clock.now,
      }),
    );

  // Administration records: calendar entries, redaction rules, a failed job, held mail
  const actor = `user:${users.admin.id}`;
  const calendar = await db.transaction().execute(async (trx) => ({
    exception: await addCalendarException({
      trx,
      values: { date: '2027-06-01', kind: 'day_off', reason_ky: 'a', reason_ru: 'b', reason_en: 'c', source: null },
      actor,
      now: t.clock.now,
    }),
    movable: await addMovableDate({
      trx,
      holiday: 'kurman_ait',
      date: '2027-05-27',
      source: null,
      actor,
      now: t.clock.now,
    }),
  }));
  const rule = (scope: 'global' | 'appeal', scopeId: number | null, pattern: string) =>
    db.transaction().execute(async (trx) => {
      await addRule({
        trx,
        scope,
        scopeId,
        pattern,
        isRegex: false,
        replacement: '',
        note: '',
        actor,
        now: t.clock.now,
      });
      return (await trx.selectFrom('redaction_rule').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    });
  const redactionRules = {
    coordinator: await rule('global', null, 'Matrix phrase C'),
    admin: await rule('global', null, 'Matrix phrase A'),
    foreignAppealRule: await rule('appeal', foreignAppeal.id, 'citizen B secret'),
  };
  const jobId = await db
    .transaction()
    .execute((trx) =>
      enqueueJob(trx, { kind: 'matrix.noop', payload: {}, dedupeKey: `matrix-${crypto.randomUUID()}` }),
    );
  await db.updateTable('job').set({ status: 'failed', last_error: 'matrix' }).where('id', '=', jobId!).execute();
  const { cipher, config } = t.app.achyk;
  const held = async () => {
    const raw = Buffer.from(
      'From: official@gov.kg\r\nTo: wrong@achyk.test\r\nSubject: Answer\r\n\r\nMatrix held mail text.\r\n',
    );
    const r = await processInbound(
      { db, cipher, dataDir: config.dataDir, mailDomain: 'achyk.test' },
      raw,
      { mailFrom: 'official@gov.kg', rcptTo: ['wrong@achyk.test'] },
      { now: t.clock.now },
    );
    assert.equal(r.status, 'held');
    return r.id;
  };

  const contact = async (n: number) =>
    db.transaction().execute((trx) =>
      receiveMessage({
        trx,
        cipher,
        publicUrl: config.publicUrl,
        contactEmail: null,
        input: {
          name: null,
          replyTo: null,
          subject: `Matrix contact ${n}`,
          message: 'Matrix contact message',
          language: 'en',
        },
        now: t.clock.now,
      }),
    );

  const statement = async (title: string, publish: boolean) => {
    const id = await db.transaction().execute(async (trx) => {
      const created = await createStatement({
        trx,
        input: {
          kind: 'statement',
          tags: 'matrix',
          title_ky: '',
          title_ru: '',
          title_en: title,
          summary_ky: '',
          summary_ru: '',
          summary_en: '',
          body_ky: '',
          body_ru: '',
          body_en: `${title}, the text. Cases of torture: {{figure:cases violation=torture}}.`,
        },
        actorId: users.coordinator.id,
        now: t.clock.now,
      });
      if (publish)
        await publishStatement({
          trx,
          id: created,
          choice: { when: 'now' },
          actorId: users.coordinator.id,
          now: t.clock.now,
          mail: { cipher, publicUrl: config.publicUrl, now: t.clock.now },
        });
      return created;
    });
    return {
      id,
      slug: (await db.selectFrom('statement').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug,
    };
  };
  const event = (title: string, publish: boolean) =>
    db.transaction().execute(async (trx) => {
      const input: EventInput = {
        title_ky: '',
        title_ru: '',
        title_en: title,
        description_ky: '',
        description_ru: '',
        description_en: `${title}, the description.`,
        date: '2026-04-02',
        start_time: '10:00',
        end_date: '',
        end_time: '12:00',
        schedule: '',
        venue: 'Bishkek',
        participants: '',
        contacts: '',
        related: '',
      };
      const id = await createEvent({ trx, input, actorId: users.coordinator.id, now: t.clock.now });
      if (publish)
        await publishEvent({
          trx,
          id,
          choice: { when: 'now' },
          actorId: users.coordinator.id,
          now: t.clock.now,
          mail: { cipher, publicUrl: config.publicUrl, now: t.clock.now },
        });
      return id;
    });

  return {
    users,
    agents,
    tokens,
    spareTokenIds,
    foreignTokenId,
    victimId,
    body,
    spareBody,
    territory: await territory('41702000000000', 'Matrix oblast'),
    spareTerritory: await territory('41703000000000', 'Spare oblast'),
    ownAppeals,
    foreignAppeal,
    ngoAppeal,
    published: { id: pub.id, fileId: pub.fileId },
    ownCases,
    caseA: ownCases.lawyer!,
    caseB: ownCases.outsider!,
    spareMemberId,
    reports,
    consultation: {
      published,
      draft,
      paragraph: paragraph!.id,
      draftParagraph: draftParagraph!.id,
      comment,
      hearing: await hearing(published),
      draftHearing: await hearing(draft),
    },
    calendar,
    redactionRules,
    failedJob: jobId!,
    heldMail: { attach: await held(), discard: await held() },
    contact: { read: await contact(1), coordinator: await contact(2), admin: await contact(3) },
    statements: {
      published: await statement('Published matrix statement', true),
      draft: await statement('Unpublished matrix statement', false),
    },
    events: {
      published: await event('Published matrix event', true),
      draft: await event('Unpublished matrix event', false),
    },
    asset: Object.values(t.app.achyk.assets)[0]!.replace(/^\/assets\//, ''),
    secrets: [
      // Citizen B's private appeal: nobody in the matrix may see any of it.
      { marker: 'Matrix appeal B-private', readers: [] },
      { marker: 'Text of the B-private appeal', readers: [] },
      { marker: 'Document of B-private', readers: [] },
      // The NGO colleague's document (never marked safe to publish): the organisation's coordinators and lawyers.
      { marker: 'Document of B-ngo', readers: ['coordinator', 'lawyer', 'outsider'] },
      // Case content: the team only (coordinators manage lists but do not read content).
      ...(['lawyer', 'outsider', 'monitor', 'coordinator'] as const).map((role) => ({
        marker: `Case of the ${role} team`,
        readers: [role],
      })),
      // Anonymous reports: the inbox staff.
      { marker: 'First matrix report', readers: ['coordinator', 'lawyer', 'outsider'] },
      { marker: 'Second matrix report', readers: ['coordinator', 'lawyer', 'outsider'] },
      // The unpublished consultation: the people who run consultations.
      { marker: 'Matrix draft', readers: ['coordinator', 'admin'] },
      // Held inbound mail: administrators.
      { marker: 'Matrix held mail text', readers: ['admin'] },
      // Contact-form messages: coordinators and administrators.
      { marker: 'Matrix contact message', readers: ['coordinator', 'admin'] },
      // Unpublished statements and events: their editors (coordinators and administrators).
      { marker: 'Unpublished matrix statement', readers: ['coordinator', 'admin'] },
      { marker: 'Unpublished matrix event', readers: ['coordinator', 'admin'] },
    ],
  };
}
