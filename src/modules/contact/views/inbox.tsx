/** The staff inbox of contact-form messages and one message's page. Pure functions of their props. */
import { formatDateTime } from '../../../platform/i18n/translate.js';
import { PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { ViewContext } from '../../../platform/render/view-context.js';

export interface InboxRow {
  id: number;
  subject: string;
  status: 'new' | 'handled';
  createdAt: string;
}

export function InboxPage({ ctx, rows, retentionDays }: { ctx: ViewContext; rows: InboxRow[]; retentionDays: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('contact.inbox.title')}>
      <h1>{t('contact.inbox.title')}</h1>
      <p class="hint">{t('contact.inbox.retention', { days: retentionDays })}</p>
      {rows.length === 0 ? (
        <p>{t('contact.inbox.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('contact.inbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contact.inbox.received')}</th>
                <th scope="col">{t('contact.inbox.subject')}</th>
                <th scope="col">{t('contact.inbox.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{formatDateTime(ctx.locale, r.createdAt)}</td>
                  <td>
                    <a href={`/contact/inbox/${r.id}`}>{r.subject}</a>
                  </td>
                  <td>{t(`contact.status.${r.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface MessageView {
  id: number;
  name: string | null;
  replyTo: string | null;
  subject: string;
  message: string;
  language: string;
  status: 'new' | 'handled';
  createdAt: string;
  handledAt: string | null;
}

export function MessagePage({ ctx, message: m }: { ctx: ViewContext; message: MessageView }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={m.subject}>
      <p>
        <a href="/contact/inbox">{t('contact.inbox.back')}</a>
      </p>
      <h1>{m.subject}</h1>
      <dl>
        <dt>{t('contact.inbox.received')}</dt>
        <dd>{formatDateTime(ctx.locale, m.createdAt)}</dd>
        <dt>{t('contact.inbox.from')}</dt>
        <dd>{m.name ?? t('contact.inbox.anonymous')}</dd>
        <dt>{t('contact.inbox.reply_to')}</dt>
        <dd>{m.replyTo ?? t('contact.inbox.no_reply_to')}</dd>
        <dt>{t('contact.inbox.language')}</dt>
        <dd>{m.language}</dd>
        <dt>{t('contact.inbox.status')}</dt>
        <dd>
          {m.status === 'handled' && m.handledAt
            ? t('contact.inbox.handled_on', { date: formatDateTime(ctx.locale, m.handledAt) })
            : t(`contact.status.${m.status}`)}
        </dd>
      </dl>
      <h2>{t('contact.field.message')}</h2>
      <p class="message-text">
        {m.message.split(/\r?\n/).map((line, i) => (
          <>
            {i > 0 ? <br /> : null}
            {line}
          </>
        ))}
      </p>
      {m.status === 'new' ? (
        <PostForm ctx={ctx} action={`/contact/inbox/${m.id}/handled`}>
          <button type="submit">{t('contact.inbox.mark_handled')}</button>
        </PostForm>
      ) : null}
      <h2>{t('contact.inbox.delete')}</h2>
      <p class="hint">{t('contact.inbox.delete_hint')}</p>
      <PostForm ctx={ctx} action={`/contact/inbox/${m.id}/delete`}>
        <button type="submit" class="danger">
          {t('contact.inbox.delete')}
        </button>
      </PostForm>
    </Layout>
  );
}
