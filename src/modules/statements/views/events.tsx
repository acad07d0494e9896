/** Event pages: the public list and page, and the coordinators' list and form. Pure functions of props. */
import type { FieldError } from '../../../platform/errors.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { LOCALES } from '../../../platform/i18n/locales.js';
import { formatDateTime } from '../../../platform/i18n/translate.js';
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { ManageList, PublishForm, StatusText, type Status } from './manage.js';
import { RenderedText, StatementsLayout, type ShareMeta } from './parts.js';

export interface EventItem {
  id: number;
  title: string;
  lang: Locale;
  startsAt: string;
  endsAt: string;
  venue: string;
}

const eventFeeds = (ctx: ViewContext) =>
  (['ky', 'ru', 'en'] as const).map((l) => ({
    href: `/events/feed.${l}.atom`,
    title: ctx.t('events.feed_title', { lang: ctx.t(`lang.${l}`) }),
  }));

function When({ ctx, event: e }: { ctx: ViewContext; event: { startsAt: string; endsAt: string } }) {
  return (
    <>
      {ctx.t('events.when_value', {
        start: formatDateTime(ctx.locale, e.startsAt),
        end: formatDateTime(ctx.locale, e.endsAt),
      })}
    </>
  );
}

function EventList({ ctx, items }: { ctx: ViewContext; items: EventItem[] }) {
  if (!items.length) return <p>{ctx.t('events.none')}</p>;
  return (
    <ul class="cards">
      {items.map((e) => (
        <li>
          <h3>
            <a href={`/events/${e.id}`} lang={e.lang}>
              {e.title}
            </a>
          </h3>
          <p>
            <When ctx={ctx} event={e} />
          </p>
          <p class="muted">{e.venue}</p>
        </li>
      ))}
    </ul>
  );
}

export function EventsPage({
  ctx,
  upcoming,
  past,
  canManage,
}: {
  ctx: ViewContext;
  upcoming: EventItem[];
  past: EventItem[];
  canManage: boolean;
}) {
  const { t } = ctx;
  return (
    <StatementsLayout ctx={ctx} title={t('events.title')} feeds={eventFeeds(ctx)}>
      <h1>{t('events.title')}</h1>
      <p class="lead">{t('events.intro')}</p>
      {canManage ? (
        <p>
          <a href="/events/manage">{t('events.manage')}</a>
        </p>
      ) : null}
      <h2>{t('events.upcoming')}</h2>
      <EventList ctx={ctx} items={upcoming} />
      <h2>{t('events.past')}</h2>
      <EventList ctx={ctx} items={past} />
      <h2>{t('statements.feeds')}</h2>
      <ul>
        {(['ky', 'ru', 'en'] as const).map((l) => (
          <li>
            <a href={`/events/feed.${l}.atom`} hreflang={l}>
              {t('statements.feed_lang', { lang: t(`lang.${l}`) })}
            </a>
          </li>
        ))}
      </ul>
    </StatementsLayout>
  );
}

export interface EventView extends EventItem {
  wanted: Locale;
  descriptionHtml: string;
  schedule: { time: string; what: string }[];
  participants: string[];
  contacts: string;
  past: boolean;
  related: { slug: string; title: string; lang: Locale }[];
}

export function EventPage({ ctx, event: e, share }: { ctx: ViewContext; event: EventView; share: ShareMeta }) {
  const { t } = ctx;
  return (
    <StatementsLayout ctx={ctx} title={e.title} share={share} feeds={eventFeeds(ctx)}>
      <h1 lang={e.lang}>{e.title}</h1>
      {e.lang !== e.wanted ? (
        <p class="translation-note" role="note">
          {t('statements.missing_translation', { wanted: t(`lang.${e.wanted}`), shown: t(`lang.${e.lang}`) })}
        </p>
      ) : null}
      {e.past ? (
        <p class="event-past" role="status">
          {t('events.is_past')}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('events.when')}</dt>
        <dd>
          <When ctx={ctx} event={e} />
        </dd>
        <dt>{t('events.venue')}</dt>
        <dd class="pre">{e.venue}</dd>
        {e.contacts ? (
          <>
            <dt>{t('events.contacts')}</dt>
            <dd class="pre">{e.contacts}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`/events/${e.id}/calendar.ics`} download={`event-${e.id}.ics`}>
          {t('events.add_calendar')}
        </a>
      </p>
      {e.descriptionHtml ? <RenderedText html={e.descriptionHtml} lang={e.lang} /> : null}
      {e.schedule.length ? (
        <section aria-labelledby="schedule-h">
          <h2 id="schedule-h">{t('events.schedule')}</h2>
          <table>
            <tbody>
              {e.schedule.map((s) => (
                <tr>
                  <th scope="row">{s.time}</th>
                  <td>{s.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {e.participants.length ? (
        <section aria-labelledby="participants-h">
          <h2 id="participants-h">{t('events.participants')}</h2>
          <ul>
            {e.participants.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {e.related.length ? (
        <section aria-labelledby="related-h">
          <h2 id="related-h">{t('events.related')}</h2>
          <ul>
            {e.related.map((r) => (
              <li>
                <a href={`/statements/${r.slug}`} lang={r.lang}>
                  {r.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href="/events">{t('events.title')}</a>
      </p>
    </StatementsLayout>
  );
}

export function EventManageListPage({ ctx, items }: { ctx: ViewContext; items: (EventItem & { status: Status })[] }) {
  const { t } = ctx;
  return (
    <ManageList
      ctx={ctx}
      heading={t('events.manage')}
      links={[
        { href: '/events/manage/new', label: t('events.new') },
        { href: '/statements/manage', label: t('statements.manage') },
      ]}
      whenColumn
      rows={items.map((e) => ({
        href: `/events/manage/${e.id}`,
        title: e.title,
        when: formatDateTime(ctx.locale, e.startsAt),
        status: e.status,
      }))}
    />
  );
}

export function EventEditPage(p: {
  ctx: ViewContext;
  id: number | null;
  status: Status;
  input: Record<string, string>;
  errors: FieldError[];
  form: 'details' | 'publish';
}) {
  const { ctx } = p;
  const { t } = ctx;
  const title = p.id === null ? t('events.new') : t('events.edit');
  const details = p.form === 'details' ? p.errors : [];
  return (
    <StatementsLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {p.id !== null ? (
        <p>
          {t('statements.status')}: <StatusText ctx={ctx} status={p.status} />
          {p.status.kind === 'public' ? (
            <>
              {' · '}
              <a href={`/events/${p.id}`}>{t('statements.view_public')}</a>
            </>
          ) : null}
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <PostForm ctx={ctx} action={p.id === null ? '/events/manage' : `/events/manage/${p.id}`}>
        <p class="hint">{t('statements.lang_optional')}</p>
        {LOCALES.map((l) => (
          <fieldset lang={l}>
            <legend lang={ctx.locale}>{t('statements.lang_section', { lang: t(`lang.${l}`) })}</legend>
            <Field
              ctx={ctx}
              name={`title_${l}`}
              label={t('statements.field_title')}
              value={p.input[`title_${l}`]}
              errors={details}
            />
            <Field
              ctx={ctx}
              name={`description_${l}`}
              label={t('events.field_description')}
              value={p.input[`description_${l}`]}
              errors={details}
              multiline
            />
          </fieldset>
        ))}
        <Field
          ctx={ctx}
          name="date"
          type="date"
          label={t('events.field_date')}
          value={p.input.date}
          errors={details}
          required
        />
        <Field
          ctx={ctx}
          name="start_time"
          label={t('events.field_start')}
          value={p.input.start_time}
          errors={details}
          required
          inputmode="numeric"
        />
        <Field
          ctx={ctx}
          name="end_date"
          type="date"
          label={t('events.field_end_date')}
          value={p.input.end_date}
          errors={details}
        />
        <Field
          ctx={ctx}
          name="end_time"
          label={t('events.field_end')}
          value={p.input.end_time}
          errors={details}
          required
          inputmode="numeric"
        />
        <Field
          ctx={ctx}
          name="schedule"
          label={t('events.field_schedule')}
          value={p.input.schedule}
          errors={details}
          multiline
        />
        <Field ctx={ctx} name="venue" label={t('events.venue')} value={p.input.venue} errors={details} required />
        <Field
          ctx={ctx}
          name="participants"
          label={t('events.field_participants')}
          value={p.input.participants}
          errors={details}
          multiline
        />
        <Field
          ctx={ctx}
          name="contacts"
          label={t('events.contacts')}
          value={p.input.contacts}
          errors={details}
          multiline
        />
        <Field ctx={ctx} name="related" label={t('events.field_related')} value={p.input.related} errors={details} />
        <button type="submit">{t('common.save')}</button>
      </PostForm>
      {p.id !== null && p.status.kind !== 'public' ? (
        <PublishForm
          ctx={ctx}
          action={`/events/manage/${p.id}/publish`}
          input={p.form === 'publish' ? p.input : {}}
          errors={p.form === 'publish' ? p.errors : []}
        />
      ) : null}
    </StatementsLayout>
  );
}
