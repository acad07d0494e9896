/**
 * Public consultation pages and participation: read the draft, comment on a paragraph, reply, flag,
 * answer, moderate, follow. Routes stay thin: read → authorize → call the command → render/redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound, type FieldError } from '../../platform/errors.js';
import { redirectTo, sendPage, viewContext } from '../../platform/http/page.js';
import { can } from '../../platform/policy/policy.js';
import { flashFor, parseId, readableConsultation } from './access.js';
import { moderateComment, flagComment } from './commands/moderation.js';
import { answerComment, setFollowing } from './commands/participation.js';
import { postComment, postReply } from './commands/post-comment.js';
import { articleLabel } from './views/parts.js';
import { consultationPhase } from './phase.js';
import {
  bodyName,
  commentCounts,
  currentVersion,
  drafterIds,
  findComment,
  findParagraph,
  findVersion,
  isFollowing,
  listConsultations,
  listHearings,
  listVersions,
  loadComments,
  moderationQueue,
  versionParagraphs,
  type ConsultationRow,
} from './queries.js';
import { answerForm, commentForm, flagForm, moderateForm, replyForm } from './schema.js';
import { ModerationPage, ParagraphPage, type CommentGate } from './views/paragraph.js';
import { DocumentPage, ListPage, type ConsultationHeader } from './views/public.js';
import { diffVersions, type VersionParagraph } from './word-diff.js';
import { handleForm } from '../../platform/http/form-route.js';

type IdParams = { Params: { id: string } };

export async function consultationRoutes(app: FastifyInstance): Promise<void> {
  const { db, now } = app.achyk;

  const header = (request: FastifyRequest, c: ConsultationRow): ConsultationHeader => ({
    id: c.id,
    title: c.title,
    bodyName: bodyName(c, request.ctx.locale),
    summary: c.summary,
    officialUrl: c.official_url,
    opensOn: c.opens_on,
    closesOn: c.closes_on,
    phase: consultationPhase(c, now()),
    reportPublishedAt: c.report_published_at,
  });

  app.get('/consultations', { config: { policy: 'consultations.list' } }, async (request, reply) => {
    const manage = can(request.ctx.user, 'consultations.manage');
    const rows = await listConsultations(db, { includeDrafts: manage });
    const at = now();
    const items = rows.map((c) => ({
      id: c.id,
      title: c.title,
      bodyName: bodyName(c, request.ctx.locale),
      opensOn: c.opens_on,
      closesOn: c.closes_on,
      phase: consultationPhase(c, at),
    }));
    return sendPage(reply, <ListPage ctx={viewContext(request, flashFor(request))} items={items} canManage={manage} />);
  });

  async function documentPage(
    request: FastifyRequest,
    reply: FastifyReply,
    c: ConsultationRow,
    versionNumber: number | null,
  ) {
    const user = request.ctx.user;
    const current = await currentVersion(db, c.id);
    const version = versionNumber === null ? current : await findVersion(db, c.id, versionNumber);
    if (versionNumber !== null && !version) throw notFound();
    const paragraphs = version ? await versionParagraphs(db, version.id) : [];
    let diff = null;
    let previousNumber: number | null = null;
    if (version && versionNumber !== null && version.number > 1) {
      const prev = await findVersion(db, c.id, version.number - 1);
      if (prev) {
        const toV = (p: (typeof paragraphs)[number]): VersionParagraph => ({
          anchor: p.anchor,
          text: p.text,
          articleNumber: p.article_number,
          paragraphNumber: p.paragraph_number,
        });
        diff = diffVersions((await versionParagraphs(db, prev.id)).map(toV), paragraphs.map(toV));
        previousNumber = prev.number;
      }
    }
    const versions = (await listVersions(db, c.id)).map((v) => ({
      number: v.number,
      createdAt: v.created_at,
      changeNote: v.change_note,
    }));
    return sendPage(
      reply,
      <DocumentPage
        ctx={viewContext(request, flashFor(request))}
        consultation={header(request, c)}
        version={
          version
            ? { number: version.number, splitOk: version.split_ok === 1, current: version.id === current?.id }
            : null
        }
        versions={versions}
        paragraphs={paragraphs}
        counts={version ? await commentCounts(db, version.id) : new Map()}
        following={user && c.published_at ? await isFollowing(db, c.id, user.id) : null}
        canManage={can(user, 'consultations.manage')}
        canModerate={can(user, 'consultations.moderate')}
        hearings={await listHearings(db, c.id)}
        diff={diff}
        previousNumber={previousNumber}
      />,
    );
  }

  app.get<IdParams>('/consultations/:id', { config: { policy: 'consultations.list' } }, async (request, reply) => {
    const c = await readableConsultation(request, request.params.id);
    return documentPage(request, reply, c, null);
  });

  app.get<{ Params: { id: string; n: string } }>(
    '/consultations/:id/versions/:n',
    { config: { policy: 'consultations.list' } },
    async (request, reply) => {
      const c = await readableConsultation(request, request.params.id);
      return documentPage(request, reply, c, parseId(request.params.n));
    },
  );

  /** The paragraph page, also re-rendered with errors when a form on it fails. */
  async function paragraphPage(
    request: FastifyRequest,
    reply: FastifyReply,
    c: ConsultationRow,
    paragraphId: number,
    errors: FieldError[] = [],
    input: Record<string, string> = {},
    status = 200,
  ) {
    const para = await findParagraph(db, c.id, paragraphId);
    if (!para) throw notFound();
    const user = request.ctx.user;
    const current = await currentVersion(db, c.id);
    const phase = consultationPhase(c, now());
    let gate: CommentGate = 'ok';
    if (phase === 'draft' || phase === 'announced') gate = 'not_open';
    else if (phase !== 'open') gate = 'closed';
    else if (para.version_id !== current?.id) gate = 'old_version';
    else if (!user) gate = 'sign_in';
    else if (!can(user, 'consultations.comment')) gate = 'confirm_email';
    const comments = await loadComments(db, c.id, { paragraphIds: [para.id] });
    const drafters = user ? await drafterIds(db, c.id) : [];
    return sendPage(
      reply,
      <ParagraphPage
        ctx={viewContext(request)}
        consultation={{ id: c.id, title: c.title, phase, opensOn: c.opens_on, closesOn: c.closes_on }}
        paragraph={{
          id: para.id,
          anchor: para.anchor,
          articleNumber: para.article_number,
          articleHeading: para.article_heading,
          paragraphNumber: para.paragraph_number,
          text: para.text,
          versionNumber: para.version_number,
        }}
        comments={comments}
        gate={gate}
        canAnswer={!!user && can(user, 'consultations.answer', { drafterIds: drafters })}
        canModerate={can(user, 'consultations.moderate')}
        signedIn={!!user}
        errors={errors}
        input={input}
        message={flashFor(request)}
      />,
      status,
    );
  }

  app.get<{ Params: { id: string; pid: string } }>(
    '/consultations/:id/paragraphs/:pid',
    { config: { policy: 'consultations.list' } },
    async (request, reply) => {
      const c = await readableConsultation(request, request.params.id);
      return paragraphPage(request, reply, c, parseId(request.params.pid));
    },
  );

  /** Domain errors of a form on the paragraph page are shown on that page, with the user's input. */
  /** The comment forms: domain refusals (closed, not allowed, a duplicate) are shown on the paragraph's page. */
  const onParagraphPage = { conflictStatus: 409, forbiddenOnPage: true } as const;

  app.post<{ Params: { id: string; pid: string } }>(
    '/consultations/:id/paragraphs/:pid/comments',
    { config: { policy: 'consultations.participate' } },
    (request, reply) =>
      handleForm(request, reply, {
        load: async () => {
          const c = await readableConsultation(request, request.params.id);
          const pid = parseId(request.params.pid);
          if (!(await findParagraph(db, c.id, pid))) throw notFound();
          return { c, pid };
        },
        schema: commentForm,
        command: ({ trx, value: v, record: { c, pid }, now: at }) =>
          postComment({
            trx,
            consultationId: c.id,
            paragraphId: pid,
            actor: request.ctx.user!,
            input: {
              body: v.body,
              format: v.format,
              stance: v.stance,
              proposedWording: v.proposed_wording,
              showName: v.show_name === '1',
            },
            now: at,
          }),
        redirect: ({ record: { c, pid }, result: id }) =>
          `/consultations/${c.id}/paragraphs/${pid}?m=posted#comment-${id}`,
        render: ({ record: { c, pid }, input, errors, status }) =>
          paragraphPage(request, reply, c, pid, errors, input, status),
        ...onParagraphPage,
      }),
  );

  type CommentParams = { Params: { id: string; cid: string } };
  async function commentTarget(request: FastifyRequest<CommentParams>) {
    const c = await readableConsultation(request, request.params.id);
    const comment = await findComment(db, c.id, parseId(request.params.cid));
    if (!comment) throw notFound();
    return { c, comment };
  }

  // The forms under a comment re-render the paragraph's page without their input (several forms share it).
  app.post<CommentParams>(
    '/consultations/:id/comments/:cid/replies',
    { config: { policy: 'consultations.participate' } },
    (request, reply) =>
      handleForm(request, reply, {
        load: () => commentTarget(request),
        schema: replyForm,
        command: ({ trx, value, record: { c, comment }, now: at }) =>
          postReply({
            trx,
            consultationId: c.id,
            parentId: comment.id,
            actor: request.ctx.user!,
            input: { body: value.body, format: value.format, showName: value.show_name === '1' },
            now: at,
          }),
        redirect: ({ record: { c, comment }, result: id }) =>
          `/consultations/${c.id}/paragraphs/${comment.paragraph_id}?m=posted#comment-${id}`,
        render: ({ record: { c, comment }, errors, status }) =>
          paragraphPage(request, reply, c, comment.paragraph_id, errors, {}, status),
        ...onParagraphPage,
      }),
  );

  app.post<CommentParams>(
    '/consultations/:id/comments/:cid/flag',
    { config: { policy: 'consultations.participate' } },
    (request, reply) =>
      handleForm(request, reply, {
        load: () => commentTarget(request),
        schema: flagForm,
        command: ({ trx, value, record: { c, comment }, now: at }) =>
          flagComment({
            trx,
            consultationId: c.id,
            commentId: comment.id,
            actor: request.ctx.user!,
            reason: value.reason,
            now: at,
          }),
        redirect: ({ record: { c, comment } }) =>
          `/consultations/${c.id}/paragraphs/${comment.paragraph_id}?m=flagged#comment-${comment.id}`,
        render: ({ record: { c, comment }, errors, status }) =>
          paragraphPage(request, reply, c, comment.paragraph_id, errors, {}, status),
        ...onParagraphPage,
      }),
  );

  app.post<CommentParams>(
    '/consultations/:id/comments/:cid/answer',
    { config: { policy: 'consultations.participate' } },
    (request, reply) =>
      handleForm(request, reply, {
        load: async () => {
          const target = await commentTarget(request);
          if (!can(request.ctx.user, 'consultations.answer', { drafterIds: await drafterIds(db, target.c.id) }))
            throw new AppError('forbidden');
          return target;
        },
        schema: answerForm,
        command: ({ trx, value, record: { c, comment }, now: at }) =>
          answerComment({
            trx,
            consultationId: c.id,
            commentId: comment.id,
            actor: request.ctx.user!,
            outcome: value.outcome,
            reasons: value.reasons,
            now: at,
          }),
        redirect: ({ record: { c, comment } }) =>
          `/consultations/${c.id}/paragraphs/${comment.paragraph_id}?m=answered#comment-${comment.id}`,
        render: ({ record: { c, comment }, errors, status }) =>
          paragraphPage(request, reply, c, comment.paragraph_id, errors, {}, status),
        ...onParagraphPage,
      }),
  );

  app.post<CommentParams>(
    '/consultations/:id/comments/:cid/moderate',
    { config: { policy: 'consultations.moderate' } },
    (request, reply) =>
      handleForm(request, reply, {
        load: () => commentTarget(request),
        schema: moderateForm,
        command: ({ trx, value, record: { c, comment }, now: at }) =>
          moderateComment({
            trx,
            consultationId: c.id,
            commentId: comment.id,
            actor: request.ctx.user!,
            action: value.action,
            reason: value.reason,
            now: at,
          }),
        redirect: ({ record: { c, comment } }) =>
          `/consultations/${c.id}/paragraphs/${comment.paragraph_id}?m=moderated#comment-${comment.id}`,
        render: ({ record: { c, comment }, errors, status }) =>
          paragraphPage(request, reply, c, comment.paragraph_id, errors, {}, status),
      }),
  );

  app.get<IdParams>(
    '/consultations/:id/moderation',
    { config: { policy: 'consultations.moderate' } },
    async (request, reply) => {
      const c = await readableConsultation(request, request.params.id);
      const queue = await moderationQueue(db, c.id);
      const ctx = viewContext(request, flashFor(request));
      const paragraphs = new Map<number, string>();
      for (const q of queue) {
        if (paragraphs.has(q.paragraphId)) continue;
        const p = await findParagraph(db, c.id, q.paragraphId);
        if (p)
          paragraphs.set(
            p.id,
            `${articleLabel(ctx, p.article_number, '')} · ${ctx.t('consultations.paragraph_n', { n: p.paragraph_number })} · ${ctx.t('consultations.version_n', { n: p.version_number })}`,
          );
      }
      return sendPage(
        reply,
        <ModerationPage
          ctx={ctx}
          consultation={c}
          comments={queue.map((q) => ({ ...q, paragraphLabel: paragraphs.get(q.paragraphId) ?? '' }))}
        />,
      );
    },
  );

  for (const action of ['follow', 'unfollow'] as const) {
    app.post<IdParams>(
      `/consultations/:id/${action}`,
      { config: { policy: 'consultations.participate' } },
      async (request, reply) => {
        const c = await readableConsultation(request, request.params.id);
        if (!c.published_at) throw notFound();
        await db.transaction().execute((trx) =>
          setFollowing({
            trx,
            consultationId: c.id,
            actor: request.ctx.user!,
            follow: action === 'follow',
            now: now(),
          }),
        );
        return redirectTo(reply, `/consultations/${c.id}`);
      },
    );
  }

  app.get<{ Params: { id: string; hid: string } }>(
    '/consultations/:id/hearings/:hid/minutes',
    { config: { policy: 'consultations.list' } },
    async (request, reply) => {
      const c = await readableConsultation(request, request.params.id);
      const h = await db
        .selectFrom('consultation_hearing')
        .select(['id', 'minutes_text', 'minutes_name', 'minutes_sha256'])
        .where('consultation_id', '=', c.id)
        .where('id', '=', parseId(request.params.hid))
        .executeTakeFirst();
      if (!h || h.minutes_text === null) throw notFound();
      const name = (h.minutes_name ?? `hearing-${h.id}-minutes.txt`).replace(/[^\p{L}\p{N}._-]+/gu, '_');
      return reply
        .header(
          'content-disposition',
          `attachment; filename="hearing-${h.id}.txt"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('digest', `sha-256=${Buffer.from(h.minutes_sha256 ?? '', 'hex').toString('base64')}`)
        .type('text/plain; charset=utf-8')
        .send(h.minutes_text);
    },
  );
}
