/**
 * The platform's own permissions (accounts, administration, the API). Route-level actions take no
 * resource; record-level actions take the record. Registered at boot by `installModules`, before
 * the modules' rules.
 */
import { definePolicies, hasRole, type ActionsOf } from './policy.js';

export const platformPolicies = definePolicies({
  /** Anyone, including anonymous visitors. */
  public: () => true,
  /** Only anonymous visitors (sign-in and registration forms). */
  anonymous: (u) => u === null,
  /** Any signed-in account acting on itself. */
  'account.self': (u) => !!u && u.status !== 'disabled',
  /** Managing users and settings; reading case content is a separate permission (SECURITY.md). */
  'admin.users': (u) => hasRole(u, 'admin'),
  'admin.settings': (u) => hasRole(u, 'admin'),
  'audit.read': (u) => hasRole(u, 'admin', 'coordinator'),
  /** API: any holder of a valid token for an active account. */
  'api.token': (u) => !!u && u.status === 'active',
});

declare module './policy.js' {
  interface PolicyActions extends ActionsOf<typeof platformPolicies> {}
}
