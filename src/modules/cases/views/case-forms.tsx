/**
 * The "add …" forms of a case, each on its own page (works without JavaScript, on a phone, and keeps
 * field ids unique). A refused form comes back here with the input and a message per field (422).
 */
import { ErrorSummary, Field, PostForm } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import { CASES_CSS_URL } from './cases-css.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { Option } from '../thesaurus/queries.js';
import { CURRENCIES, UN_MECHANISMS } from '../thesaurus/default-terms.js';
import { AGE_GROUPS, ROLES_IN_CASE, SEXES } from '../tables.js';
import { EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES } from '../commands/evidence.js';
import { CheckboxGroup, DateFields, SelectField, type FormState } from './form-bits.js';

export const CASE_FORMS = [
  'event',
  'person',
  'act',
  'involvement',
  'intervention',
  'source',
  'link',
  'evidence',
  'appeal',
] as const;
export type CaseFormName = (typeof CASE_FORMS)[number];

export interface FormOptions {
  territories: Option[];
  actTypes: Option[];
  methods: Option[];
  groups: Option[];
  interventionTypes: Option[];
  responses: Option[];
  degrees: Option[];
  reliability: Option[];
  events: Option[];
  persons: Option[];
  acts: Option[];
}

const TITLES = {
  event: 'cases.add_event',
  person: 'cases.add_person',
  act: 'cases.add_act',
  involvement: 'cases.add_involvement',
  intervention: 'cases.add_intervention',
  source: 'cases.add_source',
  link: 'cases.link_events',
  evidence: 'cases.upload',
  appeal: 'cases.appeal_from_case',
} as const;

export function CaseFormPage(p: {
  ctx: ViewContext;
  caseId: number;
  reference: string;
  form: CaseFormName;
  state: FormState;
  options: FormOptions;
  action?: string;
  title?: string;
}) {
  const { ctx, state, options: o } = p;
  const { t } = ctx;
  const { errors, input } = state;
  const action = p.action ?? `/cases/${p.caseId}/add/${p.form}`;
  const body = () => {
    switch (p.form) {
      case 'event':
        return (
          <>
            <Field ctx={ctx} name="title" label={t('cases.event_title')} value={input.title} errors={errors} required />
            <Field
              ctx={ctx}
              name="description"
              label={t('cases.description')}
              value={input.description}
              errors={errors}
              multiline
            />
            <DateFields ctx={ctx} state={state} />
            <SelectField
              ctx={ctx}
              name="territory_id"
              label={t('cases.territory')}
              options={o.territories}
              value={input.territory_id}
              errors={errors}
              empty={t('cases.no_territory')}
            />
            <Field ctx={ctx} name="place" label={t('cases.place')} value={input.place} errors={errors} />
          </>
        );
      case 'person':
        return (
          <>
            <p class="hint">{t('cases.identity_hint')}</p>
            <Field
              ctx={ctx}
              name="name"
              label={t('cases.name')}
              value={input.name}
              errors={errors}
              required
              autocomplete="off"
            />
            <Field
              ctx={ctx}
              name="other_names"
              label={t('cases.other_names')}
              value={input.other_names}
              errors={errors}
              autocomplete="off"
            />
            <Field
              ctx={ctx}
              name="contact"
              label={t('cases.contact')}
              value={input.contact}
              errors={errors}
              autocomplete="off"
            />
            <Field
              ctx={ctx}
              name="id_number"
              label={t('cases.id_number')}
              value={input.id_number}
              errors={errors}
              autocomplete="off"
            />
            <Field
              ctx={ctx}
              name="address"
              label={t('cases.address')}
              value={input.address}
              errors={errors}
              autocomplete="off"
            />
            <Field
              ctx={ctx}
              name="birth_date"
              label={t('cases.birth_date')}
              value={input.birth_date}
              errors={errors}
              autocomplete="off"
            />
            <SelectField
              ctx={ctx}
              name="sex"
              label={t('cases.sex')}
              options={SEXES.map((x) => ({ value: x, label: t(`cases.sex.${x}`) }))}
              value={input.sex ?? 'unknown'}
              errors={errors}
            />
            <SelectField
              ctx={ctx}
              name="age_group"
              label={t('cases.age_group')}
              options={AGE_GROUPS.map((x) => ({ value: x, label: t(`cases.age.${x}`) }))}
              value={input.age_group ?? 'unknown'}
              errors={errors}
            />
            <CheckboxGroup
              ctx={ctx}
              name="groups"
              legend={t('cases.groups')}
              options={o.groups}
              values={state.lists?.groups ?? []}
              errors={errors}
            />
          </>
        );
      case 'act':
        return (
          <>
            <SelectField
              ctx={ctx}
              name="event_id"
              label={t('cases.event')}
              options={o.events}
              value={input.event_id}
              errors={errors}
              empty={t('cases.choose')}
            />
            <SelectField
              ctx={ctx}
              name="act_type"
              label={t('cases.act_type')}
              options={o.actTypes}
              value={input.act_type}
              errors={errors}
              empty={t('cases.choose')}
            />
            <SelectField
              ctx={ctx}
              name="victim_id"
              label={t('cases.victim')}
              options={o.persons}
              value={input.victim_id}
              errors={errors}
              empty={t('cases.choose')}
            />
            <CheckboxGroup
              ctx={ctx}
              name="methods"
              legend={t('cases.methods')}
              options={o.methods}
              values={state.lists?.methods ?? []}
              errors={errors}
            />
            <DateFields ctx={ctx} state={state} startHint={`${t('cases.date_hint')} ${t('cases.act_date_hint')}`} />
            <Field ctx={ctx} name="notes" label={t('cases.notes')} value={input.notes} errors={errors} multiline />
          </>
        );
      case 'involvement':
        return (
          <>
            <SelectField
              ctx={ctx}
              name="target"
              label={t('cases.target')}
              options={[
                ...o.acts.map((a) => ({ value: `act:${a.value}`, label: a.label, group: t('cases.acts') })),
                ...o.events.map((e) => ({ value: `event:${e.value}`, label: e.label, group: t('cases.events') })),
              ]}
              value={input.target}
              errors={errors}
              empty={t('cases.choose')}
            />
            <SelectField
              ctx={ctx}
              name="role"
              label={t('cases.role')}
              options={ROLES_IN_CASE.map((r) => ({ value: r, label: t(`cases.role.${r}`) }))}
              value={input.role ?? 'perpetrator'}
              errors={errors}
            />
            <SelectField
              ctx={ctx}
              name="person_id"
              label={t('cases.person')}
              options={o.persons}
              value={input.person_id}
              errors={errors}
              empty={t('cases.none_option')}
            />
            <Field ctx={ctx} name="body" label={t('cases.body')} value={input.body} errors={errors} />
            <SelectField
              ctx={ctx}
              name="degree"
              label={t('cases.degree')}
              options={o.degrees}
              value={input.degree}
              errors={errors}
              empty={t('cases.none_option')}
            />
          </>
        );
      case 'intervention':
        return (
          <>
            <SelectField
              ctx={ctx}
              name="kind"
              label={t('cases.kind')}
              options={o.interventionTypes}
              value={input.kind}
              errors={errors}
              empty={t('cases.choose')}
            />
            <Field
              ctx={ctx}
              name="on_date"
              label={t('cases.on_date')}
              value={input.on_date}
              errors={errors}
              inputmode="numeric"
              required
            />
            <SelectField
              ctx={ctx}
              name="act_id"
              label={t('cases.related_act')}
              options={o.acts}
              value={input.act_id}
              errors={errors}
              empty={t('cases.none_option')}
            />
            <Field ctx={ctx} name="body" label={t('cases.addressee')} value={input.body} errors={errors} />
            <SelectField
              ctx={ctx}
              name="response"
              label={t('cases.response')}
              options={o.responses}
              value={input.response}
              errors={errors}
              empty={t('cases.none_option')}
            />
            <fieldset>
              <legend>{t('cases.lawsuit_fields')}</legend>
              <Field ctx={ctx} name="parties" label={t('cases.parties')} value={input.parties} errors={errors} />
              <Field
                ctx={ctx}
                name="claim_amount"
                label={t('cases.claim_amount')}
                value={input.claim_amount}
                errors={errors}
                inputmode="decimal"
              />
              <SelectField
                ctx={ctx}
                name="claim_currency"
                label={t('cases.currency')}
                options={CURRENCIES.map((c) => ({ value: c, label: c }))}
                value={input.claim_currency}
                errors={errors}
                empty={t('cases.none_option')}
              />
              <Field
                ctx={ctx}
                name="hearings"
                label={t('cases.hearings')}
                value={input.hearings}
                errors={errors}
                multiline
              />
              <Field ctx={ctx} name="decision" label={t('cases.decision')} value={input.decision} errors={errors} />
            </fieldset>
            <fieldset>
              <legend>{t('cases.un_fields')}</legend>
              <SelectField
                ctx={ctx}
                name="mechanism"
                label={t('cases.mechanism')}
                options={UN_MECHANISMS.map((m) => ({ value: m, label: m }))}
                value={input.mechanism}
                errors={errors}
                empty={t('cases.none_option')}
              />
              <Field
                ctx={ctx}
                name="reference"
                label={t('cases.un_reference')}
                value={input.reference}
                errors={errors}
              />
            </fieldset>
            <fieldset>
              <legend>{t('cases.media_fields')}</legend>
              <Field ctx={ctx} name="outlet" label={t('cases.outlet')} value={input.outlet} errors={errors} />
            </fieldset>
            <Field ctx={ctx} name="notes" label={t('cases.notes')} value={input.notes} errors={errors} multiline />
          </>
        );
      case 'source':
        return (
          <>
            <Field
              ctx={ctx}
              name="description"
              label={t('cases.description')}
              value={input.description}
              errors={errors}
              multiline
              required
            />
            <SelectField
              ctx={ctx}
              name="reliability"
              label={t('cases.reliability')}
              options={o.reliability}
              value={input.reliability}
              errors={errors}
              empty={t('cases.choose')}
            />
            <SelectField
              ctx={ctx}
              name="event_id"
              label={t('cases.event')}
              options={o.events}
              value={input.event_id}
              errors={errors}
              empty={t('cases.none_option')}
            />
            <SelectField
              ctx={ctx}
              name="person_id"
              label={t('cases.person')}
              options={o.persons}
              value={input.person_id}
              errors={errors}
              empty={t('cases.none_option')}
            />
            <Field
              ctx={ctx}
              name="obtained_on"
              label={t('cases.obtained_on')}
              value={input.obtained_on}
              errors={errors}
            />
          </>
        );
      case 'link':
        return (
          <>
            <SelectField
              ctx={ctx}
              name="from_event_id"
              label={t('cases.from_event')}
              options={o.events}
              value={input.from_event_id}
              errors={errors}
              empty={t('cases.choose')}
            />
            <SelectField
              ctx={ctx}
              name="relation"
              label={t('cases.relation')}
              options={(['led_to', 'part_of', 'followed_by'] as const).map((r) => ({
                value: r,
                label: t(`cases.relation.${r}`),
              }))}
              value={input.relation}
              errors={errors}
            />
            <SelectField
              ctx={ctx}
              name="to_event_id"
              label={t('cases.to_event')}
              options={o.events}
              value={input.to_event_id}
              errors={errors}
              empty={t('cases.choose')}
            />
          </>
        );
      case 'evidence':
        return (
          <div class={errors.some((e) => e.field === 'file') ? 'field field-error' : 'field'}>
            <label for="field-file">{t('cases.file')}</label>
            <p class="hint" id="field-file-hint">
              {t('cases.file_hint', {
                limit: `${EVIDENCE_MAX_BYTES / 1024 / 1024} MB`,
                types: EVIDENCE_EXTENSIONS.join(', '),
              })}
            </p>
            {errors
              .filter((e) => e.field === 'file')
              .map((e) => (
                <p class="error" id="field-file-error">
                  {t(e.message, e.params)}
                </p>
              ))}
            <input type="file" id="field-file" name="file" aria-describedby="field-file-hint" required />
          </div>
        );
      case 'appeal':
        return (
          <>
            <p class="hint">{t('cases.appeal_from_case_hint')}</p>
            <SelectField
              ctx={ctx}
              name="act_id"
              label={t('cases.related_act')}
              options={o.acts}
              value={input.act_id}
              errors={errors}
            />
            <Field ctx={ctx} name="body" label={t('cases.addressee')} value={input.body} errors={errors} required />
          </>
        );
    }
  };
  const title = p.title ?? t(TITLES[p.form]);
  return (
    <Layout ctx={ctx} title={`${title} · ${p.reference}`}>
      <link rel="stylesheet" href={CASES_CSS_URL} />
      <p>
        <a href={`/cases/${p.caseId}`}>{p.reference}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action={action} class="case-form" multipart={p.form === 'evidence'}>
        {body()}
        <button type="submit">
          {p.form === 'appeal'
            ? t('cases.create_appeal')
            : p.form === 'evidence'
              ? t('cases.upload')
              : t('common.save')}
        </button>
      </PostForm>
    </Layout>
  );
}
