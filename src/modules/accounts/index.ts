/**
 * Accounts: sign-in (password, then TOTP), registration with e-mail confirmation, password reset,
 * TOTP enrolment and recovery codes, API tokens, re-authentication. Its permissions are the
 * platform's own (`account.self`, `anonymous`: src/platform/policy/rules.ts); its tables are the
 * foundation's. Other modules may create accounts, look them up and issue e-mail tokens.
 */
import { defineModule } from '../../platform/manifest/manifest.js';
import { accountRoutes } from './routes-account.js';
import { registerRoutes } from './routes-register.js';
import { signInRoutes } from './routes-sign-in.js';

export { createUser, type CreateUserProps } from './commands/create-user.js';
export { issueEmailToken } from './commands/email-tokens.js';
export { findUserByEmail, findUserById, listUsers } from './queries.js';

export const accountsModule = defineModule({ name: 'accounts', routes: [signInRoutes, registerRoutes, accountRoutes] });
