/** The error page: a translated message and, for server errors, the correlation id. Nothing else. */
import { Layout } from '../render/layout.js';
import type { ViewContext } from '../render/view-context.js';

export function ErrorPage({ ctx, message, reference }: { ctx: ViewContext; message: string; reference?: string }) {
  return (
    <Layout ctx={ctx} title={ctx.t('error.title')}>
      <h1>{ctx.t('error.title')}</h1>
      <p class="error-message">{message}</p>
      {reference ? <p class="reference">{ctx.t('error.reference', { id: reference })}</p> : null}
      <p>
        <a href="/">{ctx.t('error.back_home')}</a>
      </p>
    </Layout>
  );
}
