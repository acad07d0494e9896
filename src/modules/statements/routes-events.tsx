/**
 * Event routes: public list, page, iCalendar file and Atom feeds per language (through visibility.ts:
 * an event that is not public answers 404), and the coordinators' list, form and publication.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound, type FieldError } from '../../platform/errors.js';
import { sendPage, viewContext } from '../../platform/http/page.js';
import { findByRecordId } from '../../platform/http/validation.js';
import { isLocale, LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { formatDateTime, pickText, translator } from '../../platform/i18n/translate.js';
import { can } from '../../platform/policy/policy.js';
import { atomFeed } from '../../platform/render/atom.js';
import { utcToBishkek } from '../calendar/index.js';
import { createEvent, publishEvent, updateEvent } from './commands/save-event.js';
import { eventCalendar } from './ical.js';
import { renderStatementHtml } from './markdown.js';
import { findEvent, listAllEvents, listPublicEvents, relatedStatements, textsOf, type EventRow } from './queries.js';
import { statusOf } from './routes-manage.js';
import { eventForm, publishForm } from './schema.js';
import { EventEditPage, EventManageListPage, EventPage, EventsPage, type EventItem } from './views/events.js';
import { isPublic } from './visibility.js';
import { handleForm } from '../../platform/http/form-route.js';

type IdParams = { Params: { id: string } };
const pub = { config: { policy: 'statements.public' } } as const;
const manage = { config: { policy: 'statements.manage' } } as const;

function titleOf(e: EventRow, locale: Locale, asked?: unknown) {
  const wanted = isLocale(asked) ? asked : locale;
  return {
    ...pickText({ ky: e.title_ky ?? undefined, ru: e.title_ru ?? undefined, en: e.title_en ?? undefined }, wanted),
    wanted,
  };
}

const itemOf = (e: EventRow, locale: Locale): EventItem => {
  const title = titleOf(e, locale);
  return { id: e.id, title: title.text, lang: title.lang, startsAt: e.starts_at, endsAt: e.ends_at, venue: e.venue };
};

export async function eventRoutes(app: FastifyInstance): Promise<void> {
  const { db, now, config, cipher } = app.achyk;

  async function publicEvent(id: string): Promise<EventRow> {
    const e = await findByRecordId(id, (eventId) => findEvent(db, eventId));
    if (!e || !isPublic(e, now())) throw notFound();
    return e;
  }

  app.get('/events', pub, async (request, reply) => {
    const at = now();
    const upcoming = (await listPublicEvents(db, at, { when: 'upcoming' })).map((e) => itemOf(e, request.ctx.locale));
    const past = (await listPublicEvents(db, at, { when: 'past', limit: 50 })).map((e) =>
      itemOf(e, request.ctx.locale),
    );
    return sendPage(
      reply,
      <EventsPage
        ctx={viewContext(request)}
        upcoming={upcoming}
        past={past}
        canManage={can(request.ctx.user, 'statements.manage')}
      />,
    );
  });

  for (const lang of LOCALES) {
    app.get(`/events/feed.${lang}.atom`, pub, async (_request, reply) => {
      const t = translator(lang);
      const rows = await listPublicEvents(db, now(), { lang, limit: 50 });
      const self = `${config.publicUrl}/events/feed.${lang}.atom`;
      const updated = (e: EventRow) => (e.updated_at > e.published_at! ? e.updated_at : e.published_at!);
      return reply.type('application/atom+xml; charset=utf-8').send(
        atomFeed({
          id: self,
          title: t('events.feed_title', { lang: t(`lang.${lang}`) }),
          selfLink: self,
          altLink: `${config.publicUrl}/events`,
          updated: rows.length ? rows.map(updated).sort().at(-1)! : new Date(0).toISOString(),
          entries: rows.map((e) => ({
            id: `${config.publicUrl}/events/${e.id}`,
            title: e[`title_${lang}`]!,
            link: `${config.publicUrl}/events/${e.id}?lang=${lang}`,
            updated: updated(e),
            summary: `${t('events.when_value', { start: formatDateTime(lang, e.starts_at), end: formatDateTime(lang, e.ends_at) })}. ${e.venue}`,
          })),
        }),
      );
    });
  }

  app.get<IdParams & { Querystring: { lang?: string } }>('/events/:id', pub, async (request, reply) => {
    const e = await publicEvent(request.params.id);
    const at = now();
    const ctx = viewContext(request);
    const title = titleOf(e, ctx.locale, request.query.lang);
    const description = e[`description_${title.lang}`] ?? '';
    const related = (await relatedStatements(db, e.id, at)).map((s) => {
      const tx = textsOf(s);
      const p = pickText({ ky: tx.ky?.title, ru: tx.ru?.title, en: tx.en?.title }, ctx.locale);
      return { slug: s.slug, title: p.text, lang: p.lang };
    });
    const view = {
      ...itemOf(e, ctx.locale),
      title: title.text,
      lang: title.lang,
      wanted: title.wanted,
      descriptionHtml: description
        ? renderStatementHtml(description, {
            embeds: new Map(),
            t: translator(title.lang),
            locale: title.lang,
            preview: false,
          })
        : '',
      schedule: e.schedule
        .split('\n')
        .filter(Boolean)
        .map((l) => ({ time: l.slice(0, 5), what: l.slice(5).trim() })),
      participants: e.participants.split('\n').filter(Boolean),
      contacts: e.contacts,
      past: e.ends_at < at.toISOString(),
      related,
    };
    const when = ctx.t('events.when_value', {
      start: formatDateTime(ctx.locale, e.starts_at),
      end: formatDateTime(ctx.locale, e.ends_at),
    });
    const share = {
      title: title.text,
      description: `${when}. ${e.venue}`.slice(0, 200),
      url: `${config.publicUrl}/events/${e.id}`,
      type: 'website' as const,
      locale: title.lang,
    };
    return sendPage(reply, <EventPage ctx={ctx} event={view} share={share} />);
  });

  app.get<IdParams & { Querystring: { lang?: string } }>('/events/:id/calendar.ics', pub, async (request, reply) => {
    const e = await publicEvent(request.params.id);
    const title = titleOf(e, request.ctx.locale, request.query.lang);
    const t = translator(title.lang);
    const description = [
      e.schedule ? `${t('events.schedule')}:\n${e.schedule}` : '',
      e.participants ? `${t('events.participants')}:\n${e.participants}` : '',
      e.contacts ? `${t('events.contacts')}:\n${e.contacts}` : '',
      `${config.publicUrl}/events/${e.id}`,
    ]
      .filter(Boolean)
      .join('\n\n');
    const body = eventCalendar({
      uid: `event-${e.id}@${new URL(config.publicUrl).host}`,
      url: `${config.publicUrl}/events/${e.id}`,
      summary: title.text,
      description,
      location: e.venue,
      startsAt: e.starts_at,
      endsAt: e.ends_at,
      updatedAt: e.updated_at,
      sequence: e.sequence,
      language: title.lang,
    });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="event-${e.id}.ics"`)
      .send(body);
  });

  // Coordinators
  async function load(id: string): Promise<EventRow> {
    const e = await findByRecordId(id, (eventId) => findEvent(db, eventId));
    if (!e) throw notFound();
    return e;
  }

  async function inputOf(e: EventRow): Promise<Record<string, string>> {
    const s = utcToBishkek(e.starts_at);
    const en = utcToBishkek(e.ends_at);
    const related = (await relatedStatements(db, e.id)).map((r) => String(r.id)).join(', ');
    return {
      ...Object.fromEntries(
        LOCALES.flatMap((l) => [
          [`title_${l}`, e[`title_${l}`] ?? ''],
          [`description_${l}`, e[`description_${l}`] ?? ''],
        ]),
      ),
      date: s.date,
      start_time: s.time,
      end_date: en.date === s.date ? '' : en.date,
      end_time: en.time,
      schedule: e.schedule,
      venue: e.venue,
      participants: e.participants,
      contacts: e.contacts,
      related,
    };
  }

  async function editPage(
    request: FastifyRequest,
    reply: FastifyReply,
    e: EventRow | null,
    o: { input?: Record<string, string>; errors?: FieldError[]; form?: 'details' | 'publish'; status?: number } = {},
  ) {
    const m = (request.query as Record<string, string | undefined>).m;
    const flash =
      m === 'saved'
        ? request.ctx.t('events.saved')
        : m === 'published'
          ? request.ctx.t('statements.published')
          : m === 'scheduled'
            ? request.ctx.t('statements.scheduled')
            : null;
    const details = e ? await inputOf(e) : {};
    const input = o.form === 'publish' ? { ...details, ...o.input } : (o.input ?? details);
    return sendPage(
      reply,
      <EventEditPage
        ctx={viewContext(request, flash)}
        id={e?.id ?? null}
        status={e ? statusOf(e, now()) : { kind: 'draft' }}
        input={input}
        errors={o.errors ?? []}
        form={o.form ?? 'details'}
      />,
      o.status ?? 200,
    );
  }

  app.get('/events/manage', manage, async (request, reply) => {
    const at = now();
    const items = (await listAllEvents(db)).map((e) => ({ ...itemOf(e, request.ctx.locale), status: statusOf(e, at) }));
    return sendPage(reply, <EventManageListPage ctx={viewContext(request)} items={items} />);
  });

  app.get('/events/manage/new', manage, async (request, reply) => editPage(request, reply, null));

  app.post('/events/manage', manage, (request, reply) =>
    handleForm(request, reply, {
      schema: eventForm,
      command: ({ trx, value, now: at }) => createEvent({ trx, input: value, actorId: request.ctx.user!.id, now: at }),
      redirect: ({ result: id }) => `/events/manage/${id}?m=saved`,
      render: ({ input, errors, status }) => editPage(request, reply, null, { input, errors, status }),
    }),
  );

  app.get<IdParams>('/events/manage/:id', manage, async (request, reply) =>
    editPage(request, reply, await load(request.params.id)),
  );

  app.post<IdParams>('/events/manage/:id', manage, (request, reply) =>
    handleForm(request, reply, {
      load: () => load(request.params.id),
      schema: eventForm,
      command: ({ trx, value, record: e, now: at }) =>
        updateEvent({ trx, id: e.id, input: value, actorId: request.ctx.user!.id, now: at }),
      redirect: ({ record: e }) => `/events/manage/${e.id}?m=saved`,
      render: ({ record: e, input, errors, status }) => editPage(request, reply, e, { input, errors, status }),
    }),
  );

  app.post<IdParams>('/events/manage/:id/publish', manage, (request, reply) =>
    handleForm(request, reply, {
      load: () => load(request.params.id),
      schema: publishForm,
      command: ({ trx, value, record: e, now: at }) =>
        publishEvent({
          trx,
          id: e.id,
          choice: value,
          actorId: request.ctx.user!.id,
          now: at,
          mail: { cipher, publicUrl: config.publicUrl, now: at },
        }),
      redirect: ({ record: e, result }) => `/events/manage/${e.id}?m=${result.scheduled ? 'scheduled' : 'published'}`,
      render: ({ record: e, input, errors, status }) =>
        editPage(request, reply, e, { input, errors, form: 'publish', status }),
      conflictStatus: 409,
    }),
  );
}
