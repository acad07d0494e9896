/**
 * One place turns every error into an answer (STYLE.md §8): HTML pages or JSON, translated, with the
 * correlation id; 5xx answers never carry a stack trace, SQL or a path (those go to the log only).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit-log.js';
import { AppError } from '../errors.js';
import { negotiateLocale } from '../i18n/locales.js';
import { translator } from '../i18n/translate.js';
import { ErrorPage } from './error-page.js';
import { sendPage, viewContext } from './page.js';
import { securityHeaders } from './security-headers.js';
import { ajvFieldErrors } from './validation.js';
import { userActor } from '../audit/actor.js';

function wantsJson(request: FastifyRequest): boolean {
  if (request.routeOptions.config?.api === true || request.url.startsWith('/api/')) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** Turns Fastify's own errors (validation, body limits, content types) into catalogue errors. */
export function toAppError(err: FastifyError | AppError | Error): AppError | null {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError;
  if (fe.validation)
    return new AppError('invalid', 'error.invalid', {}, ajvFieldErrors(fe.validation as never, fe.validationContext));
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError('payload_too_large', 'error.payload_too_large', { limit: '1 MB' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('unsupported_media_type');
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 404) return new AppError('not_found');
    if (fe.statusCode === 413) return new AppError('payload_too_large', 'error.payload_too_large', { limit: '1 MB' });
    if (fe.statusCode === 415) return new AppError('unsupported_media_type');
    // malformed JSON, bad form encoding and the like
    return new AppError('invalid', 'error.invalid', {}, [{ field: 'body', message: 'validation.type' }]);
  }
  return null;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, appError: AppError | null): FastifyReply {
  // ctx is missing only when the failure happened while the request context was being built (e.g. the
  // database is down while loading the session): answer in the browser's language, as nobody.
  if (!request.ctx) {
    const locale = negotiateLocale(null, request.headers['accept-language']);
    request.ctx = {
      user: null,
      session: null,
      pendingUserId: null,
      sessionExpired: false,
      viaApiToken: false,
      locale,
      t: translator(locale),
      csrfToken: '',
      path: request.url.split('?')[0] ?? '/',
    };
  }
  const t = request.ctx.t;
  const status = appError?.status ?? 500;
  const message = appError
    ? t(appError.messageKey, { seconds: appError.retryAfter ?? 60, ...appError.params })
    : t('error.internal', { id: request.id });
  if (appError?.retryAfter) reply.header('retry-after', String(appError.retryAfter));
  if (status >= 500) reply.header('cache-control', 'no-store');
  if (wantsJson(request)) {
    return reply
      .code(status)
      .type('application/json; charset=utf-8')
      .send({
        error: {
          code: appError?.code ?? 'internal',
          message,
          correlationId: request.id,
          fields: appError?.fields.map((f) => ({ field: f.field, message: t(f.message, f.params) })) ?? [],
        },
      });
  }
  // A form that cannot be re-rendered (e.g. one in the layout) answers 422 naming each bad field.
  const details = appError?.fields.map((f) => t(f.message, f.params)) ?? [];
  const htmlStatus = appError?.code === 'invalid' ? 422 : status;
  return sendPage(
    reply,
    <ErrorPage
      ctx={viewContext(request)}
      message={message}
      details={details}
      reference={status >= 500 ? request.id : undefined}
    />,
    htmlStatus,
  );
}

/**
 * Fastify's `frameworkErrors` option: a path it cannot decode (`/bodies/%FF`) or a path parameter
 * over its length limit is refused before routing, outside the hooks and the error handler; by
 * default it answers raw English JSON echoing the path, even to a browser. Answer as for any path
 * that names nothing (404, translated, with the security headers), like the not-found handler.
 */
export function frameworkErrorHandler(https: boolean) {
  const headers = securityHeaders(https);
  return (_err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    for (const [k, v] of Object.entries(headers)) reply.header(k, v);
    reply.header('cache-control', 'no-store');
    return sendError(request, reply, new AppError('not_found'));
  };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (err: FastifyError, request, reply) => {
    const appError = toAppError(err);
    if (!appError) request.log.error({ err, reqId: request.id }, 'unhandled error');
    else if (appError.status >= 500) request.log.error({ code: appError.code }, 'server error');
    // SECURITY.md "Log … denied accesses": every refusal of a signed-in user, whether the guard
    // decided it from the route's policy or a handler from a record-level rule (written outside any
    // transaction the handler rolled back).
    const user = request.ctx?.user;
    if (appError?.code === 'forbidden' && user) {
      try {
        await recordAudit(app.achyk.db, {
          actor: userActor(user.id),
          action: 'access.denied',
          objectType: 'route',
          objectId: `${request.method} ${request.routeOptions.url}`,
          at: app.achyk.now(),
        });
      } catch {
        // The refusal stands either way; an error thrown here would bypass this handler's safe answer.
        request.log.error({ reqId: request.id }, 'could not record a denied access');
      }
    }
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler({ preHandler: undefined }, (request, reply) =>
    sendError(request, reply, new AppError('not_found')),
  );
}
