/** The one page layout: header with navigation and language switcher, main, footer. */
import type { ComponentChildren } from 'preact';
import { LOCALES } from '../i18n/locales.js';
import type { ViewContext } from './view-context.js';
import { CsrfField } from './components.js';

function LanguageSwitcher({ ctx }: { ctx: ViewContext }) {
  // A POST form (no state change over GET); buttons work without JavaScript.
  return (
    <form method="post" action="/language" class="lang-switch" aria-label={ctx.t('layout.language')}>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="next" value={ctx.path} />
      {LOCALES.map((l) => (
        <button type="submit" name="lang" value={l} lang={l} aria-pressed={l === ctx.locale ? 'true' : 'false'}>
          {ctx.t(`lang.${l}`)}
        </button>
      ))}
    </form>
  );
}

/** `head`: optional extra elements for <head> (Open Graph meta, feed links); pages without it are unchanged. */
export function Layout(props: {
  ctx: ViewContext;
  title: string;
  children: ComponentChildren;
  head?: ComponentChildren;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('app.name')}`}</title>
        <link rel="stylesheet" href={ctx.assets.css} />
        <link rel="icon" href="data:," />
        <script src={ctx.assets.js} defer></script>
        {props.head ?? null}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {t('app.name')}
          </a>
          <nav aria-label={t('layout.nav')}>
            <ul>
              <li>
                <a href="/">{t('layout.home')}</a>
              </li>
              <li>
                <a href="/directory">{t('directory.nav')}</a>
              </li>
              <li>
                <a href="/stats">{t('stats.nav')}</a>
              </li>
              <li>
                <a href="/search">{t('publication.nav_search')}</a>
              </li>
              <li>
                <a href="/statements">{t('statements.nav')}</a>
              </li>
              {ctx.can('appeals.use') ? (
                <li>
                  <a href="/appeals">{t('appeals.nav')}</a>
                </li>
              ) : null}
              {ctx.can('cases.use') ? (
                <li>
                  <a href="/cases">{t('cases.nav')}</a>
                </li>
              ) : null}
              {ctx.can('anonymous.staff') ? (
                <li>
                  <a href="/anonymous-reports">{t('home.anonymous_inbox')}</a>
                </li>
              ) : null}
              {ctx.can('contact.inbox') ? (
                <li>
                  <a href="/contact/inbox">{t('contact.inbox.title')}</a>
                </li>
              ) : null}
              {ctx.can('admin.users') ? (
                <li>
                  <a href="/admin">{t('layout.admin')}</a>
                </li>
              ) : null}
              {ctx.user ? (
                <li>
                  <a href="/account">{t('layout.account')}</a>
                </li>
              ) : null}
              {ctx.user || ctx.pending ? (
                <li>
                  <form method="post" action="/logout" class="inline">
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="link">
                      {t('layout.signout')}
                    </button>
                  </form>
                </li>
              ) : (
                <>
                  <li>
                    <a href="/login">{t('layout.signin')}</a>
                  </li>
                  <li>
                    <a href="/register">{t('layout.register')}</a>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <LanguageSwitcher ctx={ctx} />
        </header>
        {ctx.demo ? <p class="demo-banner">{t('layout.demo')}</p> : null}
        <main id="main" tabIndex={-1}>
          {ctx.flash ? (
            <p class="flash" role="status">
              {ctx.flash}
            </p>
          ) : null}
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            {t('layout.footer')} <a href="/data">{t('stats.nav_data')}</a>
          </p>
          <p>
            <a href="/contact">{t('contact.nav')}</a> · <a href="/subscribe">{t('subscriptions.subscribe.title')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
