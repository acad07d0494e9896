/**
 * The one shape of a form POST (STYLE.md §18): authorize the record → parse the form → run the
 * command in one transaction → redirect (303), or re-render the page with the input and a message per
 * field (422) when the form or the command finds a problem. Routes state only what differs:
 *
 * @example
 * app.post<IdParams>('/statements/manage/:id', manage, (request, reply) =>
 *   handleForm(request, reply, {
 *     load: () => load(request.params.id),
 *     schema: statementForm,
 *     command: ({ trx, value, record, now }) => updateStatement({ trx, id: record.id, input: value, actorId: request.ctx.user!.id, now }),
 *     redirect: ({ record, result }) => `/statements/manage/${record.id}?m=${result}`,
 *     render: ({ record, input, errors, status }) => editPage(request, reply, record, { input, errors, status }),
 *   }),
 * );
 */
import type { Static, TObject } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Trx } from '../db/database.js';
import { AppError, type FieldError } from '../errors.js';
import { redirectTo } from './page.js';
import { parseForm } from './validation.js';

export interface FormRoute<S extends TObject, R, Result> {
  /**
   * Finds the record the form acts on and checks the user may act on it, throwing `notFound()` (the
   * same answer as for a missing record) otherwise. Runs first: a visitor without access learns
   * nothing from the form's validation.
   */
  load?: () => Promise<R>;
  /** the form's schema (`formSchema({...})`) */
  schema: S;
  /**
   * Further checks of the input (optional dates, cross-field rules), run with the schema's: their
   * errors are shown together, and any error re-renders the page with 422.
   */
  check?: (p: { input: Record<string, string>; record: R }) => FieldError[];
  /**
   * The workflow, inside one transaction (commands call `appendAudit` with the same `trx`). `value` is
   * the typed form; `input` the same fields as trimmed strings.
   */
  command: (p: { trx: Trx; value: Static<S>; input: Record<string, string>; record: R; now: Date }) => Promise<Result>;
  /** where the browser goes next (303, same site only) */
  redirect: (p: { result: Result; record: R }) => string;
  /** the page again, with the input and the errors, answered with `status` */
  render: (p: {
    record: R;
    input: Record<string, string>;
    errors: FieldError[];
    status: number;
  }) => Promise<FastifyReply> | FastifyReply;
  /**
   * A conflict raised by the command (`AppError('conflict')`: "a closed appeal cannot be escalated")
   * is shown on the page with this status; without it the error handler answers it.
   */
  conflictStatus?: 409 | 422;
  /** the field a conflict without field errors is shown at (default 'form', the top of the page) */
  conflictField?: string;
  /** a refusal raised by the command (`AppError('forbidden')`) is shown on the page too, with 403 */
  forbiddenOnPage?: boolean;
}

/** Runs a form POST of the HTML site through the steps above. */
export async function handleForm<S extends TObject, R = undefined, Result = void>(
  request: FastifyRequest,
  reply: FastifyReply,
  route: FormRoute<S, R, Result>,
): Promise<FastifyReply> {
  const record = (route.load ? await route.load() : undefined) as R;
  const form = parseForm(route.schema, request.body);
  const problems = route.check?.({ input: form.input, record }) ?? [];
  if (!form.ok || problems.length)
    return route.render({
      record,
      input: form.input,
      errors: [...(form.ok ? [] : form.errors), ...problems],
      status: 422,
    });
  const { db, now } = request.server.achyk;
  let result: Result;
  try {
    const at = now();
    result = await db
      .transaction()
      .execute((trx) => route.command({ trx, value: form.value, input: form.input, record, now: at }));
  } catch (err) {
    if (err instanceof AppError && err.code === 'invalid')
      return route.render({
        record,
        input: form.input,
        errors: err.fields.length ? err.fields : [{ field: 'form', message: err.messageKey, params: err.params }],
        status: 422,
      });
    if (err instanceof AppError && err.code === 'conflict' && route.conflictStatus) {
      return route.render({
        record,
        input: form.input,
        errors: err.fields.length
          ? err.fields
          : [{ field: route.conflictField ?? 'form', message: err.messageKey, params: err.params }],
        status: route.conflictStatus,
      });
    }
    if (err instanceof AppError && err.code === 'forbidden' && route.forbiddenOnPage) {
      return route.render({
        record,
        input: form.input,
        errors: err.fields.length ? err.fields : [{ field: 'form', message: err.messageKey, params: err.params }],
        status: err.status,
      });
    }
    throw err;
  }
  return redirectTo(reply, route.redirect({ result, record }));
}
