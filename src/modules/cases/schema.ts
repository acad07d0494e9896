/**
 * Input schemas of the case forms and JSON routes. Shapes only (strings of bounded length, no unknown
 * keys); the meaning (thesaurus codes, ids of this case, dates and their precision) is checked by the
 * commands, which answer with field errors.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { formSchema, MAX_ID } from '../../platform/http/validation.js';

const s = (max = 200) => Type.Optional(Type.String({ maxLength: max }));
const text = (max = 10_000) => Type.Optional(Type.String({ maxLength: max }));
/** a checkbox group: one value arrives as a string, several as an array */
const many = () =>
  Type.Optional(
    Type.Union([Type.String({ maxLength: 100 }), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })]),
  );

export function asList(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

const dates = {
  start: s(10),
  start_precision: s(20),
  start_label: s(100),
  end: s(10),
  end_precision: s(20),
  end_label: s(100),
};

export const caseForm = formSchema({ title: Type.String({ maxLength: 200 }), summary: text(), territory_id: s(12) });
export const eventForm = formSchema({
  title: Type.String({ maxLength: 200 }),
  description: text(),
  territory_id: s(12),
  place: s(300),
  ...dates,
});
export const personForm = formSchema({
  name: Type.String({ maxLength: 200 }),
  other_names: s(300),
  contact: s(300),
  id_number: s(100),
  address: s(500),
  birth_date: s(10),
  sex: Type.String({ maxLength: 20 }),
  age_group: Type.String({ maxLength: 20 }),
  groups: many(),
});
export const actForm = formSchema({
  event_id: Type.String({ maxLength: 12 }),
  act_type: Type.String({ maxLength: 100 }),
  victim_id: s(12),
  methods: many(),
  notes: text(),
  ...dates,
});
export const involvementForm = formSchema({
  target: Type.String({ maxLength: 30 }),
  role: Type.String({ maxLength: 20 }),
  person_id: s(12),
  body: s(300),
  degree: s(100),
});
export const interventionForm = formSchema({
  kind: Type.String({ maxLength: 100 }),
  on_date: Type.String({ maxLength: 10 }),
  act_id: s(12),
  body: s(300),
  response: s(100),
  parties: text(2000),
  claim_amount: s(30),
  claim_currency: s(3),
  decision: text(2000),
  mechanism: s(10),
  reference: s(200),
  outlet: s(300),
  hearings: text(5000),
  notes: text(),
});
export const sourceForm = formSchema({
  description: Type.String({ maxLength: 5000 }),
  reliability: Type.String({ maxLength: 100 }),
  event_id: s(12),
  person_id: s(12),
  obtained_on: s(10),
});
export const linkForm = formSchema({
  from_event_id: Type.String({ maxLength: 12 }),
  to_event_id: Type.String({ maxLength: 12 }),
  relation: Type.String({ maxLength: 20 }),
});
export const memberForm = formSchema({
  user_id: Type.String({ maxLength: 12 }),
  access: Type.String({ maxLength: 10 }),
});
export const stateForm = formSchema({ state: Type.String({ maxLength: 20 }) });
export const emptyForm = formSchema({});
export const appealFromCaseForm = formSchema({ act_id: s(12), body: Type.String({ maxLength: 300 }) });

export const termForm = formSchema({
  thesaurus: Type.String({ maxLength: 40 }),
  code: Type.String({ maxLength: 60 }),
  parent_code: s(60),
  label_ky: Type.String({ maxLength: 200 }),
  label_ru: Type.String({ maxLength: 200 }),
  label_en: Type.String({ maxLength: 200 }),
});
export const termEditForm = formSchema({
  label_ky: Type.String({ maxLength: 200 }),
  label_ru: Type.String({ maxLength: 200 }),
  label_en: Type.String({ maxLength: 200 }),
  active: s(1),
});

export const reportQuery = Type.Object(
  {
    from: s(10),
    to: s(10),
    territory_id: s(12),
    act_type: s(100),
    state: s(20),
    lang: s(2),
  },
  { additionalProperties: false },
);

/** JSON body of POST /api/v1/cases/:id/acts (the same fields as the form). */
export const actJson: TSchema = Type.Object(
  {
    event_id: Type.Integer({ minimum: 1, maximum: MAX_ID }),
    act_type: Type.String({ maxLength: 100 }),
    victim_id: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })),
    methods: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
    start: Type.Optional(Type.String({ maxLength: 10 })),
    start_precision: Type.Optional(Type.String({ maxLength: 20 })),
    start_label: Type.Optional(Type.String({ maxLength: 100 })),
    end: Type.Optional(Type.String({ maxLength: 10 })),
    end_precision: Type.Optional(Type.String({ maxLength: 20 })),
    end_label: Type.Optional(Type.String({ maxLength: 100 })),
    notes: Type.Optional(Type.String({ maxLength: 10_000 })),
  },
  { additionalProperties: false },
);
