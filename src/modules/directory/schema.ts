/** Input schemas of the directory's pages, forms and JSON API (TypeBox; they feed the OpenAPI document). */
import { Type, type Static } from '@sinclair/typebox';
import { formSchema, MAX_ID, RecordIdString } from '../../platform/http/validation.js';
import { BODY_KINDS, TERRITORY_LEVELS } from './tables.js';

const literalUnion = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const IdParams = Type.Object({ id: RecordIdString() }, { additionalProperties: false });

/** GET /directory/search */
export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    kind: Type.Optional(Type.Union([literalUnion(BODY_KINDS), Type.Literal('')])),
  },
  { additionalProperties: false },
);

/** Form fields of a territory: the CSV columns. */
const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));
export const territoryForm = formSchema({
  code: text(20),
  level: text(30),
  name_ky: text(300),
  name_ru: text(300),
  name_en: text(300),
  parent_code: text(20),
  lat: text(30),
  lon: text(30),
  valid_from: text(10),
  valid_to: text(10),
  successor_code: text(20),
  source: text(500),
});

/** Form fields of a body: the CSV columns. */
export const bodyForm = formSchema({
  code: text(100),
  kind: text(40),
  institution_type: text(40),
  name_ky: text(300),
  name_ru: text(300),
  name_en: text(300),
  territory_code: text(20),
  supervisor_code: text(100),
  emails: text(1000),
  address: text(500),
  phone: text(100),
  website: text(300),
  contact_unknown: text(1),
  active_from: text(10),
  active_to: text(10),
});

export const mergeForm = formSchema({
  target: Type.String({ minLength: 1, maxLength: 100 }),
  date: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Literal('')])),
});
export const dateForm = formSchema({
  end_date: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Literal('')])),
});
export const emptyForm = formSchema({});

// ---- JSON API -------------------------------------------------------------------------------

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const ApiTerritory = Type.Object({
  id: Type.Integer(),
  code: Type.String({ description: 'SOATE code, 14 digits' }),
  level: literalUnion(TERRITORY_LEVELS),
  name: Type.Object({ ky: Nullable(Type.String()), ru: Nullable(Type.String()), en: Nullable(Type.String()) }),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lon: Type.Union([Type.Number(), Type.Null()]),
  validFrom: Nullable(Type.String({ format: 'date' })),
  validTo: Nullable(Type.String({ format: 'date', description: 'first day the unit no longer exists' })),
  successorId: Type.Union([Type.Integer(), Type.Null()]),
});

export const ApiBody = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  kind: literalUnion(BODY_KINDS),
  institutionType: Nullable(Type.String()),
  name: Type.Object({ ky: Nullable(Type.String()), ru: Nullable(Type.String()), en: Nullable(Type.String()) }),
  territoryId: Type.Union([Type.Integer(), Type.Null()]),
  supervisorId: Type.Union([Type.Integer(), Type.Null()]),
  emails: Type.Array(Type.String()),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  website: Nullable(Type.String()),
  contactUnknown: Type.Boolean(),
  activeFrom: Nullable(Type.String({ format: 'date' })),
  activeTo: Nullable(Type.String({ format: 'date', description: 'first day the body no longer exists' })),
  mergedIntoId: Type.Union([Type.Integer(), Type.Null()]),
});

export const ApiBodyDetail = Type.Intersect([
  ApiBody,
  Type.Object({
    supervisorChain: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), kind: Type.String() }), {
      description: 'supervisor first, up to the top',
    }),
  }),
]);

export const TerritoriesQuery = Type.Object(
  {
    level: Type.Optional(literalUnion(TERRITORY_LEVELS)),
    parent: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ID })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    validOn: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);

export const BodiesQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'any part of a name, in Kyrgyz, Russian, English or Latin transliteration',
      }),
    ),
    kind: Type.Optional(literalUnion(BODY_KINDS)),
    territory: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_ID,
        description: 'territory id: bodies seated in it or in any unit inside it',
      }),
    ),
    activeOn: Type.Optional(Type.String({ format: 'date', description: 'only bodies active on this day' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);

export const ApiIdParams = Type.Object(
  { id: Type.Integer({ minimum: 1, maximum: MAX_ID }) },
  { additionalProperties: false },
);

export type ApiBodyT = Static<typeof ApiBody>;
export type ApiTerritoryT = Static<typeof ApiTerritory>;
