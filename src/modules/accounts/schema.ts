/** Input schemas of the account forms. */
import { Type } from '@sinclair/typebox';
import { formSchema } from '../../platform/http/validation.js';

const email = Type.String({ format: 'email', maxLength: 254 });
// Length rules for new passwords are checked by checkNewPassword (code points, not UTF-16 units).
const password = Type.String({ minLength: 1, maxLength: 1024 });

export const loginForm = formSchema({ email, password, next: Type.Optional(Type.String({ maxLength: 2000 })) });
export const totpForm = formSchema({ code: Type.String({ minLength: 1, maxLength: 20 }) });
export const registerForm = formSchema({
  display_name: Type.String({ minLength: 1, maxLength: 200 }),
  email,
  password,
});
export const forgotForm = formSchema({ email });
export const resetForm = formSchema({ token: Type.String({ maxLength: 200 }), password });
export const confirmForm = formSchema({ token: Type.String({ maxLength: 200 }) });
export const changePasswordForm = formSchema({ current_password: password, password });
export const reauthForm = formSchema({ password, next: Type.Optional(Type.String({ maxLength: 2000 })) });
export const tokenForm = formSchema({ name: Type.String({ minLength: 1, maxLength: 100 }) });
export const emptyForm = formSchema({});
