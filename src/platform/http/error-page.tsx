/**
 * The error page: a translated message, the translated field problems of a refused form, and, for
 * server errors, the correlation id. Nothing else.
 */
import { Layout } from '../render/layout.js';
import type { ViewContext } from '../render/view-context.js';

export function ErrorPage({
  ctx,
  message,
  details = [],
  reference,
}: {
  ctx: ViewContext;
  message: string;
  details?: string[];
  reference?: string;
}) {
  return (
    <Layout ctx={ctx} title={ctx.t('error.title')}>
      <h1>{ctx.t('error.title')}</h1>
      <p class="error-message">{message}</p>
      {details.length ? (
        <ul class="error-details">
          {details.map((d) => (
            <li>{d}</li>
          ))}
        </ul>
      ) : null}
      {reference ? <p class="reference">{ctx.t('error.reference', { id: reference })}</p> : null}
      <p>
        <a href="/">{ctx.t('error.back_home')}</a>
      </p>
    </Layout>
  );
}
