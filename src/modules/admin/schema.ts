import { Type } from '@sinclair/typebox';
import { formSchema } from '../../platform/http/validation.js';

const role = Type.Union([
  Type.Literal('admin'),
  Type.Literal('coordinator'),
  Type.Literal('lawyer'),
  Type.Literal('monitor'),
  Type.Literal('citizen'),
]);
export const newUserForm = formSchema({
  email: Type.String({ format: 'email', maxLength: 254 }),
  display_name: Type.String({ minLength: 1, maxLength: 200 }),
  role,
});
export const roleForm = formSchema({ role });
export const emptyForm = formSchema({});
