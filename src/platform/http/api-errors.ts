/** The error body every JSON API route answers with (error-handler.tsx), as an OpenAPI response schema. */
import { Type } from '@sinclair/typebox';

export const ApiErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    correlationId: Type.String(),
    fields: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
  }),
});

/** The error responses of a JSON route, for its `schema.response`. */
export const apiErrorResponses = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };
