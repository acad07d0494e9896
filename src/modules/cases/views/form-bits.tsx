/** Small form pieces of the case pages: labelled selects, checkbox groups, fuzzy-date fields. */
import type { FieldError } from '../../../platform/errors.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import { Field } from '../../../platform/render/components.js';
import type { Option } from '../thesaurus/queries.js';
import { DATE_PRECISIONS } from '../tables.js';

export interface FormState {
  errors: FieldError[];
  input: Record<string, string>;
  /** checkbox groups keep every ticked value */
  lists?: Record<string, string[]>;
}

export const emptyState: FormState = { errors: [], input: {} };

function ErrorText({ ctx, name, errors }: { ctx: ViewContext; name: string; errors: FieldError[] }) {
  const e = errors.find((x) => x.field === name);
  return e ? (
    <p class="error" id={`field-${name}-error`}>
      {ctx.t(e.message, e.params)}
    </p>
  ) : null;
}

/** A labelled <select>; options with a `group` are put under <optgroup>s in order. */
export function SelectField(p: {
  ctx: ViewContext;
  name: string;
  label: string;
  options: Option[];
  value?: string;
  errors: FieldError[];
  empty?: string;
  hint?: string;
  idPrefix?: string;
}) {
  const id = `field-${p.name}`;
  const error = p.errors.some((e) => e.field === p.name);
  const groups: { label: string | undefined; options: Option[] }[] = [];
  for (const o of p.options) {
    const last = groups[groups.length - 1];
    if (last && last.label === o.group) last.options.push(o);
    else groups.push({ label: o.group, options: [o] });
  }
  const opt = (o: Option) => (
    <option value={o.value} selected={o.value === (p.value ?? '')}>
      {o.label}
    </option>
  );
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      <ErrorText ctx={p.ctx} name={p.name} errors={p.errors} />
      <select
        id={id}
        name={p.name}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
        }
      >
        {p.empty !== undefined ? <option value="">{p.empty}</option> : null}
        {groups.map((g) => (g.label ? <optgroup label={g.label}>{g.options.map(opt)}</optgroup> : g.options.map(opt)))}
      </select>
    </div>
  );
}

/** A fieldset of checkboxes sharing one name. */
export function CheckboxGroup(p: {
  ctx: ViewContext;
  name: string;
  legend: string;
  options: Option[];
  values: string[];
  errors: FieldError[];
}) {
  const error = p.errors.some((e) => e.field === p.name);
  return (
    <fieldset class={error ? 'field field-error' : 'field'} id={`field-${p.name}`}>
      <legend>{p.legend}</legend>
      <ErrorText ctx={p.ctx} name={p.name} errors={p.errors} />
      {p.options.map((o, i) => (
        <div class="check">
          <input
            type="checkbox"
            id={`${p.name}-${i}`}
            name={p.name}
            value={o.value}
            checked={p.values.includes(o.value)}
          />
          <label for={`${p.name}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Start and optional end dates, each with its precision and the words of an approximate date. */
export function DateFields(p: { ctx: ViewContext; state: FormState; startHint?: string }) {
  const { t } = p.ctx;
  const precisions: Option[] = DATE_PRECISIONS.map((x) => ({ value: x, label: t(`cases.precision.${x}`) }));
  const { input, errors } = p.state;
  return (
    <div class="date-range">
      <Field
        ctx={p.ctx}
        name="start"
        label={t('cases.start')}
        value={input.start}
        errors={errors}
        hint={p.startHint ?? t('cases.date_hint')}
        inputmode="numeric"
      />
      <SelectField
        ctx={p.ctx}
        name="start_precision"
        label={t('cases.precision')}
        options={precisions}
        value={input.start_precision ?? 'exact'}
        errors={errors}
      />
      <Field ctx={p.ctx} name="start_label" label={t('cases.approx_label')} value={input.start_label} errors={errors} />
      <Field ctx={p.ctx} name="end" label={t('cases.end')} value={input.end} errors={errors} inputmode="numeric" />
      <SelectField
        ctx={p.ctx}
        name="end_precision"
        label={t('cases.precision')}
        options={precisions}
        value={input.end_precision ?? 'exact'}
        errors={errors}
      />
      <Field ctx={p.ctx} name="end_label" label={t('cases.approx_label')} value={input.end_label} errors={errors} />
    </div>
  );
}
