/**
 * The small catalogue of domain errors (STYLE.md §8). Each has a stable code, an HTTP status and a
 * translated message; they are mapped to HTML or JSON in one place (platform/http/error-handler.ts).
 * Nothing here ever carries a stack trace, SQL or a path to the client.
 */
import type { MessageKey } from './i18n/catalog.js';
import type { Params } from './i18n/translate.js';

export type ErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'csrf'
  | 'too_many_requests'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'session_expired'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  session_expired: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
};

const DEFAULT_MESSAGE: Record<ErrorCode, MessageKey> = {
  invalid: 'error.invalid',
  unauthenticated: 'error.unauthenticated',
  session_expired: 'error.session_expired',
  forbidden: 'error.forbidden',
  csrf: 'error.csrf',
  not_found: 'error.not_found',
  conflict: 'error.conflict',
  payload_too_large: 'error.payload_too_large',
  unsupported_media_type: 'error.unsupported_media_type',
  too_many_requests: 'error.too_many_requests',
  internal: 'error.internal',
};

/** A per-field validation problem: which field, and what is wrong (a message key + params). */
export interface FieldError {
  field: string;
  message: MessageKey;
  params?: Params;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey = DEFAULT_MESSAGE[code],
    readonly params: Params = {},
    readonly fields: FieldError[] = [],
    /** seconds, for 429 */
    readonly retryAfter?: number,
  ) {
    super(code);
    this.status = STATUS[code];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
export const conflict = (key: MessageKey, params?: Params) => new AppError('conflict', key, params);
export const invalid = (fields: FieldError[], key: MessageKey = 'error.invalid') =>
  new AppError('invalid', key, {}, fields);
