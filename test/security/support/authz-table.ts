/**
 * The expected access decision of every route, for every role, on its own records and on other
 * people's. Compact on purpose: each policy names the roles it lets through the gate (GATES); a
 * route with a record names which records each role may reach (RECORD rules) and how to fill its URL
 * for each kind of record (targets); per-route exceptions are few and each says why.
 *
 * Outcomes: `ok` = passed the gate (2xx, a redirect other than to the sign-in page, or a 4xx about
 * the input such as 400/409/422: what is checked is the access decision, not the form); `login` = an
 * anonymous visitor sent to sign in (303 to /login for pages, 401 for forms and the API); `forbidden`
 * = 403; `missing` = 404, the answer for a record the user may not read; `away` = a signed-in user
 * sent to /account from the sign-in and registration forms.
 */
import { ROLES, type Fixtures, type MatrixRole, type AppealRecord, type CaseRecord } from './authz-fixtures.js';

export type Outcome = 'ok' | 'login' | 'forbidden' | 'missing' | 'away';
/** Which record the URL points at, from the caller's point of view. */
export type Target = 'none' | 'own' | 'foreign' | 'ngo' | 'mixed' | 'published' | 'draft';
export type Params = Record<string, string | number>;
/** Fills the URL's parameters; null when the target does not exist for that role (nothing to try). */
export type Filler = (f: Fixtures, role: MatrixRole) => Params | null;

export interface Entry {
  /** URL parameters when the route has no record targets (or they are all alike) */
  params?: Filler;
  targets?: Partial<Record<Exclude<Target, 'none'>, Filler>>;
  /** record level: may the role reach this record? (after the gate) */
  record?: (role: MatrixRole, target: Target) => Outcome;
  /** exceptions to the computed outcome, with the reason */
  except?: { roles: Partial<Record<MatrixRole, Outcome>>; targets?: Target[]; why: string };
  /** JSON body for API POSTs */
  json?: Record<string, unknown>;
  /** a form body (most POSTs are sent empty, with the CSRF token) */
  form?: Record<string, string>;
  /** runs after the other routes (1), or at the very end (2): it changes what the others see */
  late?: 1 | 2;
}

const all = (): true => true;
/** a well-formed token nobody was given */
const GUESSED_TOKEN = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8';
const roles =
  (...rs: MatrixRole[]) =>
  (r: MatrixRole) =>
    rs.includes(r);
const signedIn = (r: MatrixRole) => r !== 'anonymous';

/** Who passes each policy's gate (independent of `can`, which is what is being tested). */
export const GATES: Record<string, (r: MatrixRole) => boolean> = {
  public: all,
  anonymous: (r) => r === 'anonymous',
  'account.self': signedIn,
  'api.token': signedIn,
  'admin.users': roles('admin'),
  'admin.settings': roles('admin'),
  'audit.read': roles('admin', 'coordinator'),
  'directory.read': all,
  'directory.manage': roles('admin'),
  'appeals.use': signedIn,
  'appeals.dashboard': roles('coordinator', 'lawyer', 'outsider'),
  'appeals.admin': roles('admin'),
  'mail.holding_pen': roles('admin'),
  'anonymous.report': all,
  'anonymous.staff': roles('coordinator', 'lawyer', 'outsider'),
  'cases.use': roles('admin', 'coordinator', 'lawyer', 'outsider', 'monitor'),
  'cases.create': roles('coordinator', 'lawyer', 'outsider', 'monitor'),
  'cases.report': roles('coordinator'),
  'cases.thesaurus': roles('admin'),
  'consultations.list': all,
  'consultations.participate': signedIn,
  'consultations.manage': roles('admin', 'coordinator'),
  'consultations.moderate': roles('admin', 'coordinator'),
  'publication.public': all,
  'publication.manage': signedIn,
  'publication.rules': roles('admin', 'coordinator'),
  'publication.suggest': roles('monitor', 'lawyer', 'outsider', 'coordinator', 'admin'),
  'stats.read': all,
  'subscriptions.public': all,
  'contact.send': all,
  'contact.inbox': roles('admin', 'coordinator'),
  'statements.public': all,
  'statements.manage': roles('admin', 'coordinator'),
};

const NGO_READERS: MatrixRole[] = ['coordinator', 'lawyer', 'outsider'];

/** Record rules: who reaches which record once through the gate. */
export const RECORD = {
  /** appeals: the owner; NGO appeals also the organisation's coordinators and lawyers */
  appeal: (r: MatrixRole, t: Target): Outcome =>
    t === 'own' || (t === 'ngo' && NGO_READERS.includes(r)) ? 'ok' : 'missing',
  /** case content: members of the case's team only */
  caseContent: (_r: MatrixRole, t: Target): Outcome => (t === 'own' ? 'ok' : 'missing'),
  /** access list, workflow and read trail of any case: coordinators */
  caseManage: (r: MatrixRole): Outcome => (r === 'coordinator' ? 'ok' : 'missing'),
  /** a consultation: published for all, drafts for the people who run consultations */
  consultation: (r: MatrixRole, t: Target): Outcome =>
    t !== 'draft' || r === 'admin' || r === 'coordinator' ? 'ok' : 'missing',
  /** published consultations only (comments, following): a comment only under its own consultation */
  publishedOnly: (_r: MatrixRole, t: Target): Outcome => (t === 'published' ? 'ok' : 'missing'),
  /** anything only its owner reaches (own API tokens), and combinations of ids that do not belong together */
  ownOnly: (_r: MatrixRole, t: Target): Outcome => (t === 'own' ? 'ok' : 'missing'),
  /** shared records (the report inbox, held mail): reachable, except ids that do not belong together */
  shared: (_r: MatrixRole, t: Target): Outcome => (t === 'mixed' || t === 'foreign' ? 'missing' : 'ok'),
};

// ---- URL fillers ---------------------------------------------------------------------------------

const ownAppeal = (f: Fixtures, r: MatrixRole): AppealRecord | null => (r === 'anonymous' ? null : f.ownAppeals[r]);
const appealParams = (a: AppealRecord): Params => ({ id: a.id, fileId: a.fileId, choice: a.choiceId });

/** own appeal, citizen B's, an NGO colleague's; `mixed`: own appeal with citizen B's document/choice */
const APPEAL_TARGETS: Entry['targets'] = {
  own: (f, r) => {
    const a = ownAppeal(f, r);
    return a && appealParams(a);
  },
  foreign: (f) => appealParams(f.foreignAppeal),
  ngo: (f) => appealParams(f.ngoAppeal),
};
const APPEAL_MIXED: Entry['targets'] = {
  ...APPEAL_TARGETS,
  mixed: (f, r) => {
    const a = ownAppeal(f, r);
    return a && { id: a.id, fileId: f.foreignAppeal.fileId, choice: f.foreignAppeal.choiceId };
  },
};

const caseParams = (c: CaseRecord): Params => ({ id: c.id, eid: c.evidenceId, pid: c.personId, form: 'event' });
/** the case of the role's own team; another team's case; own case with the other team's evidence/person */
const CASE_TARGETS: Entry['targets'] = {
  own: (f, r) => {
    const c = r === 'anonymous' ? undefined : f.ownCases[r];
    return c ? caseParams(c) : null;
  },
  foreign: (f, r) => caseParams(r === 'lawyer' ? f.caseB : f.caseA),
};
const CASE_MIXED: Entry['targets'] = {
  ...CASE_TARGETS,
  mixed: (f, r) => {
    const c = r === 'anonymous' ? undefined : f.ownCases[r];
    const other = r === 'lawyer' ? f.caseB : f.caseA;
    return c ? { ...caseParams(c), eid: other.evidenceId, pid: other.personId } : null;
  },
};
const CASE_MANAGE_TARGETS: Entry['targets'] = {
  ...CASE_TARGETS,
  own: (f, r) => {
    const c = r === 'anonymous' ? undefined : f.ownCases[r];
    return c ? { ...caseParams(c), uid: f.spareMemberId } : null;
  },
  foreign: (f, r) => ({ ...caseParams(r === 'lawyer' ? f.caseB : f.caseA), uid: f.spareMemberId }),
};

const CONSULTATION_TARGETS: Entry['targets'] = {
  published: (f) => ({
    id: f.consultation.published,
    pid: f.consultation.paragraph,
    cid: f.consultation.comment,
    hid: f.consultation.hearing,
    n: 1,
  }),
  draft: (f) => ({
    id: f.consultation.draft,
    pid: f.consultation.draftParagraph,
    cid: f.consultation.comment,
    hid: f.consultation.draftHearing,
    n: 1,
  }),
};

/** the inbox is shared by its staff: a report is nobody's own; `mixed`: one report with another's file */
const REPORT_TARGETS: Entry['targets'] = { own: (f) => ({ id: f.reports[0]!.id }) };
const REPORT_FILE_TARGETS: Entry['targets'] = {
  own: (f) => ({ id: f.reports[0]!.id, fileId: f.reports[0]!.fileId }),
  mixed: (f) => ({ id: f.reports[0]!.id, fileId: f.reports[1]!.fileId }),
};

/** a published statement or event, and an unpublished draft */
const STATEMENT_TARGETS: Entry['targets'] = {
  published: (f) => ({ id: f.statements.published.id }),
  draft: (f) => ({ id: f.statements.draft.id }),
};
const EVENT_TARGETS: Entry['targets'] = {
  published: (f) => ({ id: f.events.published }),
  draft: (f) => ({ id: f.events.draft }),
};
/** public pages show published records only, to everyone (editors preview drafts in the editor) */
const PUBLISHED_ONLY_FOR_ALL = (_r: MatrixRole, t: Target): Outcome => (t === 'published' ? 'ok' : 'missing');

const appeal = (extra: Partial<Entry> = {}): Entry => ({ targets: APPEAL_TARGETS, record: RECORD.appeal, ...extra });
const caseContent = (extra: Partial<Entry> = {}): Entry => ({
  targets: CASE_TARGETS,
  record: RECORD.caseContent,
  ...extra,
});
const caseManage = (extra: Partial<Entry> = {}): Entry => ({
  targets: CASE_MANAGE_TARGETS,
  record: RECORD.caseManage,
  ...extra,
});
const consultation = (extra: Partial<Entry> = {}): Entry => ({
  targets: CONSULTATION_TARGETS,
  record: RECORD.consultation,
  ...extra,
});
const report = (extra: Partial<Entry> = {}): Entry => ({ targets: REPORT_TARGETS, record: RECORD.shared, ...extra });
const body: Filler = (f) => ({ id: f.body });
const spareBody: Filler = (f) => ({ id: f.spareBody });
const spareTerritory: Filler = (f) => ({ id: f.spareTerritory });
const victim: Filler = (f) => ({ id: f.victimId });

/** 'METHOD /url' → entry. Every route of `app.achyk.routes` must be here. */
export const MATRIX: Record<string, Entry> = {
  // ---- foundation
  'GET /assets/:name': { params: (f) => ({ name: f.asset }) },
  'GET /': {},
  'POST /language': { form: { lang: 'en', next: '/' } },
  'GET /login': {},
  'POST /login': {},
  'GET /login/totp': {
    except: {
      roles: Object.fromEntries(ROLES.map((r) => [r, 'login'])),
      why: 'public, but the handler needs a session half-way through sign-in (password accepted, code pending); without one it sends to sign in',
    },
  },
  'POST /login/totp': {
    except: { roles: Object.fromEntries(ROLES.map((r) => [r, 'login'])), why: 'as GET /login/totp' },
  },
  'POST /logout': { late: 2 },
  'GET /reauth': {},
  'POST /reauth': {},
  'GET /register': {},
  'POST /register': {},
  'GET /register/confirm': {},
  'POST /register/confirm': {},
  'GET /password/forgot': {},
  'POST /password/forgot': {},
  'GET /password/reset': {},
  'POST /password/reset': {},
  'GET /account': {},
  'GET /account/totp/setup': {
    except: {
      roles: { anonymous: 'login' },
      why: 'public so a half-signed-in staff member can enrol; the handler binds to the session user and refuses a visitor without one',
    },
  },
  'POST /account/totp/setup': { except: { roles: { anonymous: 'login' }, why: 'as GET /account/totp/setup' } },
  'POST /account/recovery-codes': {},
  'POST /account/password': {},
  'POST /account/tokens': {},
  'POST /account/tokens/:id/revoke': {
    targets: {
      own: (f, r) => (r === 'anonymous' ? null : { id: f.spareTokenIds[r] }),
      foreign: (f) => ({ id: f.foreignTokenId }),
    },
    record: RECORD.ownOnly,
  },
  'GET /admin': {},
  'POST /admin/users': {},
  'POST /admin/users/:id/role': { params: victim },
  'POST /admin/users/:id/disable': { params: victim },
  'POST /admin/users/:id/enable': { params: victim },
  'GET /admin/audit': {},
  'GET /admin/jobs': {},
  'POST /admin/jobs/:id/retry': { params: (f) => ({ id: f.failedJob }) },
  'GET /api/v1/health': {},
  'GET /api/v1/me': {},
  'GET /api/v1/openapi.json': {},

  // ---- directory
  'GET /directory': {},
  'GET /directory/search': {},
  'GET /directory/map': {},
  'GET /directory/territories/:id': { params: (f) => ({ id: f.territory }) },
  'GET /directory/bodies/:id': { params: body },
  'GET /admin/directory': {},
  'POST /admin/directory/import': {},
  'GET /admin/directory/export/:file': { params: () => ({ file: 'bodies.csv' }) },
  'GET /admin/directory/bodies/new': {},
  'POST /admin/directory/bodies/new': {},
  'GET /admin/directory/bodies/:id': { params: body },
  'POST /admin/directory/bodies/:id': { params: spareBody },
  'POST /admin/directory/bodies/:id/merge': { params: spareBody },
  'POST /admin/directory/bodies/:id/deactivate': { params: spareBody },
  'POST /admin/directory/bodies/:id/reactivate': { params: spareBody },
  'GET /admin/directory/territories/new': {},
  'POST /admin/directory/territories/new': {},
  'GET /admin/directory/territories/:id': { params: (f) => ({ id: f.territory }) },
  'POST /admin/directory/territories/:id': { params: spareTerritory },
  'POST /admin/directory/territories/:id/merge': { params: spareTerritory },
  'POST /admin/directory/territories/:id/deactivate': { params: spareTerritory },
  'POST /admin/directory/territories/:id/reactivate': { params: spareTerritory },
  'GET /api/v1/territories': {},
  'GET /api/v1/bodies': {},
  'GET /api/v1/bodies/:id': { params: body },

  // ---- appeals
  'GET /appeals/new': {},
  'POST /appeals/new': {},
  'GET /appeals/:id/edit': appeal(),
  'POST /appeals/:id/edit': appeal(),
  'GET /appeals/:id/review': appeal(),
  'POST /appeals/:id/send': appeal(),
  'GET /appeals': {},
  'GET /appeals/dashboard': {},
  'GET /appeals/:id': appeal(),
  'POST /appeals/:id/events': appeal(),
  'POST /appeals/:id/escalate': appeal(),
  'GET /appeals/:id/documents': appeal(),
  'POST /appeals/:id/files': appeal(),
  'GET /appeals/:id/files/:fileId': appeal({ targets: APPEAL_MIXED }),
  'POST /api/v1/appeals': { json: {} },
  'GET /api/v1/appeals/:id': appeal(),
  'POST /api/v1/appeals/:id/events': appeal({ json: { kind: 'note', text: 'matrix note' } }),
  'GET /api/v1/calendar/due': {},
  'GET /admin/appeals/rules': {},
  'POST /admin/appeals/rules': {},
  'GET /admin/appeals/calendar': {},
  'POST /admin/appeals/calendar/exceptions': {},
  'POST /admin/appeals/calendar/movable': {},
  'POST /admin/appeals/calendar/exceptions/:id/delete': { params: (f) => ({ id: f.calendar.exception }) },
  'POST /admin/appeals/calendar/movable/:id/delete': { params: (f) => ({ id: f.calendar.movable }) },
  'GET /admin/mail': {},
  'GET /admin/mail/:id/raw': { params: (f) => ({ id: f.heldMail.attach }) },
  'POST /admin/mail/:id/attach': { params: (f) => ({ id: f.heldMail.attach }) },
  'POST /admin/mail/:id/discard': { params: (f) => ({ id: f.heldMail.discard }) },

  // ---- anonymous reporting (the reporter's pages hold no record without the receipt's follow-up session)
  'GET /report': {},
  'GET /report/new': {},
  'POST /report/new': {},
  'GET /report/follow': {},
  'POST /report/follow': {},
  'GET /report/status': {},
  'POST /report/reply': {},
  'POST /report/consent': {},
  'POST /report/delete': {},
  'POST /report/leave': {},
  'POST /report/send': {},
  'POST /report/files': {},
  'GET /anonymous-reports': {},
  'GET /anonymous-reports/:id': report(),
  'POST /anonymous-reports/:id/triage': report(),
  'POST /anonymous-reports/:id/assign': report(),
  'POST /anonymous-reports/:id/message': report(),
  'POST /anonymous-reports/:id/keep': report(),
  'POST /anonymous-reports/:id/convert-case': report({ late: 1 }),
  'POST /anonymous-reports/:id/convert-appeal': report({ late: 1 }),
  'GET /anonymous-reports/:id/files/:fileId': report({ targets: REPORT_FILE_TARGETS }),

  // ---- cases
  'GET /cases': {},
  'GET /cases/new': {},
  'POST /cases': {},
  'GET /cases/:id': caseContent(),
  'GET /cases/:id/add/:form': caseContent(),
  'POST /cases/:id/add/:form': caseContent(),
  'GET /cases/:id/edit': caseContent(),
  'POST /cases/:id/edit': caseContent(),
  'GET /cases/:id/persons/:pid/edit': caseContent({ targets: CASE_MIXED }),
  'POST /cases/:id/persons/:pid/edit': caseContent({ targets: CASE_MIXED }),
  'GET /cases/:id/access': caseManage(),
  'POST /cases/:id/access': caseManage(),
  'POST /cases/:id/access/:uid/remove': caseManage(),
  'POST /cases/:id/state': caseManage(),
  'GET /cases/:id/audit': caseManage(),
  'POST /cases/:id/add/evidence': caseContent(),
  'GET /cases/:id/evidence/:eid/download': caseContent({ targets: CASE_MIXED }),
  'POST /cases/:id/evidence/:eid/verify': caseContent({ targets: CASE_MIXED }),
  'GET /cases/:id/export.json': caseContent(),
  'GET /api/v1/cases': {},
  'GET /api/v1/cases/:id': caseContent(),
  'POST /api/v1/cases/:id/acts': caseContent({ json: { event_id: 1, act_type: 'no_such_code' } }),
  'GET /cases/assets/cases.css': {},
  'GET /cases/reports': {},
  'GET /cases/reports.csv': {},
  'GET /admin/thesaurus': {},
  'POST /admin/thesaurus': {},
  'POST /admin/thesaurus/:id': { params: () => ({ id: 1 }) },
  'POST /cases/:id/add/appeal': caseContent(),

  // ---- consultations
  'GET /consultations': {},
  'GET /consultations/:id': consultation(),
  'GET /consultations/:id/versions/:n': consultation(),
  'GET /consultations/:id/paragraphs/:pid': consultation(),
  'POST /consultations/:id/paragraphs/:pid/comments': consultation(),
  'POST /consultations/:id/comments/:cid/replies': consultation({ record: RECORD.publishedOnly }),
  'POST /consultations/:id/comments/:cid/flag': consultation({ record: RECORD.publishedOnly }),
  'POST /consultations/:id/comments/:cid/answer': consultation({
    record: RECORD.publishedOnly,
    except: {
      roles: { citizen: 'forbidden', monitor: 'forbidden', lawyer: 'forbidden', outsider: 'forbidden' },
      targets: ['published'],
      why: 'consultations.answer: the drafters, coordinators and administrators; the comment is public, so 403 rather than 404',
    },
  }),
  'POST /consultations/:id/comments/:cid/moderate': consultation({ record: RECORD.publishedOnly }),
  'GET /consultations/:id/moderation': consultation(),
  'POST /consultations/:id/follow': consultation({ record: RECORD.publishedOnly }),
  'POST /consultations/:id/unfollow': consultation({ record: RECORD.publishedOnly }),
  'GET /consultations/:id/hearings/:hid/minutes': consultation(),
  'GET /consultations/new': {},
  'POST /consultations': {},
  'GET /consultations/:id/manage': consultation(),
  'POST /consultations/:id': consultation(),
  'POST /consultations/:id/publish': consultation({ late: 1 }),
  'POST /consultations/:id/versions': consultation(),
  'POST /consultations/:id/drafters': consultation(),
  'POST /consultations/:id/hearings': consultation(),
  'POST /consultations/:id/report': consultation({ late: 1 }),
  'GET /consultations/consultations.css': {},
  'GET /consultations/:id/report': consultation(),
  'GET /consultations/:id/report.csv': consultation(),
  'GET /consultations/:id/report.json': consultation(),
  'GET /api/v1/consultations': {},

  // ---- publication
  'GET /search': {},
  'GET /published/:id': {
    targets: { published: (f) => ({ id: f.published.id }), foreign: (f) => ({ id: f.foreignAppeal.id }) },
    record: (_r, t) => (t === 'published' ? 'ok' : 'missing'),
  },
  'GET /published/:id/files/:fileId': {
    targets: {
      published: (f) => ({ id: f.published.id, fileId: f.published.fileId }),
      mixed: (f) => ({ id: f.published.id, fileId: f.foreignAppeal.fileId }),
      foreign: (f) => ({ id: f.foreignAppeal.id, fileId: f.foreignAppeal.fileId }),
    },
    record: (_r, t) => (t === 'published' ? 'ok' : 'missing'),
  },
  'GET /feeds/bodies/:file': { params: (f) => ({ file: `${f.body}.atom` }) },
  'GET /feeds/search.atom': {},
  'GET /appeals/:id/publication': appeal(),
  'POST /appeals/:id/publication/publish': appeal(),
  'POST /appeals/:id/publication/withdraw': appeal({ late: 1 }),
  'POST /appeals/:id/publication/choices': appeal(),
  'POST /appeals/:id/publication/choices/:choice/delete': appeal({
    targets: APPEAL_MIXED,
    except: {
      roles: { citizen: 'ok', monitor: 'ok', lawyer: 'ok', outsider: 'ok', coordinator: 'ok', admin: 'ok' },
      targets: ['mixed'],
      why: 'a choice that is not on this appeal is ignored, the same answer as for a missing one (the suite checks that citizen B’s choice is still there)',
    },
  }),
  'POST /appeals/:id/publication/rules': appeal(),
  // `mixed`: citizen B's document through one's own appeal is "not found"
  'POST /appeals/:id/publication/files/:fileId/ocr': appeal({ targets: APPEAL_MIXED }),
  'POST /api/v1/redaction/suggest': {
    json: { text: 'Маматовага жооп берилди.', lang: 'ky', names: ['Маматова Айгүл'] },
  },
  'POST /appeals/:id/publication/consent': appeal(),
  'GET /admin/redaction-rules': {},
  'POST /admin/redaction-rules': {},
  'POST /admin/redaction-rules/:id/delete': {
    // global rules, one per role that may delete them; `foreign`: a rule that belongs to citizen B's appeal
    targets: {
      own: (f, r) => ({ id: r === 'coordinator' ? f.redactionRules.coordinator : f.redactionRules.admin }),
      foreign: (f) => ({ id: f.redactionRules.foreignAppealRule }),
    },
    record: RECORD.ownOnly,
  },

  // ---- statistics and open data
  'GET /api/v1/stats/bodies/:id': { params: body },
  'GET /api/v1/search': {},
  'GET /api/v1/appeals': {},
  'GET /stats': {},
  'GET /stats/bodies/:id': { params: body },
  'GET /stats/league': {},
  'GET /stats/map': {},
  'GET /data': {},
  'GET /data/:file': { params: () => ({ file: 'appeals.csv' }) },

  // ---- subscriptions: the letter's token is the whole authorization; a guessed one is "not found" for everyone
  'GET /subscribe': {},
  'POST /subscribe': {},
  'GET /subscribe/sent': {},
  'GET /subscribe/confirm': { targets: { foreign: () => ({ '?': `token=${GUESSED_TOKEN}` }) }, record: RECORD.ownOnly },
  'POST /subscribe/confirm': {
    targets: { foreign: () => ({}) },
    record: RECORD.ownOnly,
    form: { token: GUESSED_TOKEN },
  },
  'GET /subscribe/confirmed': {},
  'GET /unsubscribe': { targets: { foreign: () => ({ '?': `token=${GUESSED_TOKEN}` }) }, record: RECORD.ownOnly },
  'POST /unsubscribe': { targets: { foreign: () => ({ '?': `token=${GUESSED_TOKEN}` }) }, record: RECORD.ownOnly },

  // ---- contact form and its inbox (shared by coordinators and administrators)
  'GET /contact': {},
  'POST /contact': {},
  'GET /contact/sent': {},
  'GET /contact/inbox': {},
  'GET /contact/inbox/:id': { params: (f) => ({ id: f.contact.read }) },
  'POST /contact/inbox/:id/handled': { params: (f) => ({ id: f.contact.read }) },
  'POST /contact/inbox/:id/delete': {
    params: (f, r) => ({ id: r === 'coordinator' ? f.contact.coordinator : f.contact.admin }),
  },

  // ---- statements and events: public once published; drafts only in the editor
  'GET /statements/statements.css': {},
  'GET /statements': {},
  'GET /statements/archive/:year': { params: () => ({ year: 2026 }) },
  'GET /statements/tags/:tag': { params: () => ({ tag: 'matrix' }) },
  'GET /statements/feed.ky.atom': {},
  'GET /statements/feed.ru.atom': {},
  'GET /statements/feed.en.atom': {},
  'GET /statements/figures/cases': { params: () => ({ '?': 'violation=torture' }) },
  'GET /statements/:slug': {
    targets: {
      published: (f) => ({ slug: f.statements.published.slug }),
      draft: (f) => ({ slug: f.statements.draft.slug }),
    },
    record: PUBLISHED_ONLY_FOR_ALL,
  },
  'GET /statements/manage': {},
  'GET /statements/manage/new': {},
  'POST /statements/manage': {},
  'GET /statements/manage/:id': { targets: STATEMENT_TARGETS },
  'POST /statements/manage/:id': { targets: STATEMENT_TARGETS },
  'POST /statements/manage/:id/publish': { targets: STATEMENT_TARGETS, late: 1 },
  'GET /statements/manage/:id/preview': { targets: STATEMENT_TARGETS },
  'GET /events': {},
  'GET /events/feed.ky.atom': {},
  'GET /events/feed.ru.atom': {},
  'GET /events/feed.en.atom': {},
  'GET /events/:id': { targets: EVENT_TARGETS, record: PUBLISHED_ONLY_FOR_ALL },
  'GET /events/:id/calendar.ics': { targets: EVENT_TARGETS, record: PUBLISHED_ONLY_FOR_ALL },
  'GET /events/manage': {},
  'GET /events/manage/new': {},
  'POST /events/manage': {},
  'GET /events/manage/:id': { targets: EVENT_TARGETS },
  'POST /events/manage/:id': { targets: EVENT_TARGETS },
  'POST /events/manage/:id/publish': { targets: EVENT_TARGETS, late: 1 },
};
