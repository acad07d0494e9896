/** Small shared view pieces: forms with per-field errors, the CSRF field, error summaries. */
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../errors.js';
import type { ViewContext } from './view-context.js';

export function CsrfField({ ctx }: { ctx: ViewContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/** A POST form with the CSRF token (every state-changing form goes through this). */
export function PostForm(props: {
  ctx: ViewContext;
  action: string;
  children: ComponentChildren;
  class?: string;
  multipart?: boolean;
  id?: string;
}) {
  const action = props.multipart
    ? `${props.action}${props.action.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(props.ctx.csrfToken)}`
    : props.action;
  return (
    <form
      method="post"
      action={action}
      class={props.class}
      id={props.id}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      novalidate
    >
      {props.multipart ? null : <CsrfField ctx={props.ctx} />}
      {props.children}
    </form>
  );
}

export function ErrorSummary({ ctx, errors }: { ctx: ViewContext; errors: FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} id="error-summary">
      <h2>{ctx.t('validation.summary')}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#field-${e.field}`}>{ctx.t(e.message, e.params)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface FieldProps {
  ctx: ViewContext;
  name: string;
  label: string;
  value?: string;
  type?: string;
  errors?: FieldError[];
  autocomplete?: string;
  hint?: string;
  required?: boolean;
  inputmode?: string;
  multiline?: boolean;
}

/** A labelled input with its hint and error, linked for screen readers. */
export function Field(p: FieldProps) {
  const id = `field-${p.name}`;
  const error = p.errors?.find((e) => e.field === p.name);
  const describedBy =
    [p.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: p.name,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    required: p.required,
  };
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-error`}>
          {p.ctx.t(error.message, error.params)}
        </p>
      ) : null}
      {p.multiline ? (
        <textarea {...common} rows={6}>
          {p.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          value={p.type === 'password' ? undefined : p.value}
          autocomplete={p.autocomplete}
          inputMode={p.inputmode as 'numeric' | undefined}
        />
      )}
    </div>
  );
}
