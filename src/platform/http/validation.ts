/**
 * Validation at the edge (STYLE.md §7, SECURITY.md "Input"): TypeBox schemas next to the routes.
 * HTML forms are checked here so the page can be re-rendered with the user's input and a translated
 * message per field (422); JSON routes are checked by Fastify's Ajv and mapped by the same function,
 * so both kinds of client get the same field errors. Unknown keys are refused, never dropped silently.
 */
import { FormatRegistry, Type, type Static, type TObject, type TProperties } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import type { FieldError } from '../errors.js';

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u;
export const isEmail = (v: string) => v.length <= 254 && EMAIL.test(v);
/** The schemas' 'date' format (modules check dates with the calendar's `isIsoDate`). */
const isIsoDate = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
if (!FormatRegistry.Has('email')) FormatRegistry.Set('email', isEmail);
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isIsoDate);

/**
 * The largest id a client may name: ids are 32-bit `integer` columns on PostgreSQL, where a larger
 * number in a query is an error (a 500), not "no such row" as on SQLite.
 */
export const MAX_ID = 2_147_483_647;

/** True for a number that can name a row: a positive integer no larger than MAX_ID. */
export const isRecordId = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= MAX_ID;

/**
 * The one shape of a record id written in a URL or a form: 1 to 9 digits (always below MAX_ID, so
 * it can never overflow PostgreSQL's integer). `RECORD_ID_DIGITS` is the same, to embed in a larger
 * pattern (a feed file name, a signed address).
 */
export const RECORD_ID_DIGITS = '[0-9]{1,9}';
export const RECORD_ID_PATTERN = `^${RECORD_ID_DIGITS}$`;
const RECORD_ID = new RegExp(RECORD_ID_PATTERN);

/** A record id as a TypeBox string (form fields, URL parameters). */
export const RecordIdString = (options: { description?: string } = {}) =>
  Type.String({ pattern: RECORD_ID_PATTERN, ...options });

/** The id a URL segment or form value names ("42"), or null when it cannot name a row. */
export function parseRecordId(raw: unknown): number | null {
  if (typeof raw === 'number') return isRecordId(raw) ? raw : null;
  if (typeof raw !== 'string' || !RECORD_ID.test(raw)) return null;
  const id = Number(raw);
  return isRecordId(id) ? id : null;
}

/** The row a raw id names, found with `find`; undefined when the id cannot name a row (no query is made). */
export async function findByRecordId<T>(
  raw: unknown,
  find: (id: number) => Promise<T | undefined>,
): Promise<T | undefined> {
  const id = parseRecordId(raw);
  return id === null ? undefined : find(id);
}

/** A form schema: the given fields plus the CSRF token, and nothing else. */
export function formSchema<P extends TProperties>(props: P) {
  return Type.Object({ ...props, _csrf: Type.Optional(Type.String()) }, { additionalProperties: false });
}

const compiled = new WeakMap<TObject, TypeCheck<TObject>>();

export type FormResult<S extends TObject> =
  | { ok: true; value: Static<S>; input: Record<string, string> }
  | { ok: false; errors: FieldError[]; input: Record<string, string> };

/** Checks a parsed form body against its schema and returns typed values or per-field errors. */
export function parseForm<S extends TObject>(schema: S, body: unknown): FormResult<S> {
  let check = compiled.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema);
    compiled.set(schema, check);
  }
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  // Trim text (but never passwords) so " a@b.kg " is accepted and "   " counts as empty.
  const value: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw))
    value[k] = typeof v === 'string' && !/password|code/i.test(k) ? v.trim() : v;
  const input = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
  if (check.Check(value)) return { ok: true, value: value as Static<S>, input };
  const errors: FieldError[] = [];
  for (const e of check.Errors(value)) {
    const field = e.path.replace(/^\//, '').split('/')[0] || 'form';
    if (errors.some((x) => x.field === field)) continue;
    errors.push(typeboxError(e.type, field, e.schema as Record<string, unknown>, e.value));
  }
  return { ok: false, errors, input };
}

function typeboxError(
  type: ValueErrorType,
  field: string,
  schema: Record<string, unknown>,
  value: unknown,
): FieldError {
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { field, message: 'validation.required' };
    case ValueErrorType.ObjectAdditionalProperties:
      return { field, message: 'validation.unknown_field', params: { field } };
    case ValueErrorType.StringMinLength:
      return value === ''
        ? { field, message: 'validation.required' }
        : { field, message: 'validation.too_short', params: { min: Number(schema.minLength) } };
    case ValueErrorType.StringMaxLength:
      return { field, message: 'validation.too_long', params: { max: Number(schema.maxLength) } };
    case ValueErrorType.StringFormat:
      if (value === '') return { field, message: 'validation.required' };
      return {
        field,
        message:
          schema.format === 'email'
            ? 'validation.email'
            : schema.format === 'date'
              ? 'validation.date'
              : 'validation.type',
      };
    case ValueErrorType.Union:
    case ValueErrorType.Literal:
      return value === '' || value === undefined
        ? { field, message: 'validation.required' }
        : { field, message: 'validation.choice' };
    default:
      return { field, message: 'validation.type' };
  }
}

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  schema?: unknown;
  parentSchema?: Record<string, unknown>;
}

/** Maps Fastify/Ajv validation errors of JSON routes to the same field errors as forms. */
export function ajvFieldErrors(errors: AjvError[], context: string | undefined): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const prefix = context && context !== 'body' ? `${context}.` : '';
    let fe: FieldError;
    switch (e.keyword) {
      case 'required':
        fe = {
          field: `${prefix}${base ? `${base}.` : ''}${String(e.params.missingProperty)}`,
          message: 'validation.required',
        };
        break;
      case 'additionalProperties': {
        // An empty key ({"": 1}) is named as "" so the error still says which field is wrong.
        const key = String(e.params.additionalProperty);
        const name = `${prefix}${base ? `${base}.` : ''}${key === '' ? '""' : key}`;
        fe = { field: name, message: 'validation.unknown_field', params: { field: name } };
        break;
      }
      case 'minLength':
        fe = { field: `${prefix}${base}`, message: 'validation.too_short', params: { min: Number(e.params.limit) } };
        break;
      case 'maxLength':
        fe = { field: `${prefix}${base}`, message: 'validation.too_long', params: { max: Number(e.params.limit) } };
        break;
      case 'format':
        fe = {
          field: `${prefix}${base}`,
          message:
            e.params.format === 'email'
              ? 'validation.email'
              : e.params.format === 'date'
                ? 'validation.date'
                : 'validation.type',
        };
        break;
      case 'enum':
      case 'const':
      case 'anyOf':
        fe = { field: `${prefix}${base}`, message: 'validation.choice' };
        break;
      case 'minimum':
      case 'maximum':
        fe = { field: `${prefix}${base}`, message: 'validation.type' };
        break;
      default:
        fe = { field: `${prefix}${base}` || 'body', message: 'validation.type' };
    }
    if (!out.some((x) => x.field === fe.field)) out.push(fe);
  }
  return out;
}
