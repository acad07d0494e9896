/**
 * The one policy module (SECURITY.md "Access control"): `can(user, action, resource)` decides every
 * permission, deny by default. Each route declares the action it checks (`config.policy`); record-level
 * rules receive the record. Modules declare their rules with `definePolicies` in their own policy.ts and
 * hand them to the platform through their manifest (src/modules/<m>/index.ts); `installModules`
 * registers them at boot, so the whole rule set is known before the first route is added.
 *
 * Action names are a typed union ({@link PolicyAction}): each policy.ts adds its names to
 * {@link PolicyActions} by declaration merging, so a route declaring `policy: 'apeals.read'` fails to
 * compile instead of failing at boot.
 */
import type { Role } from '../db/database.js';

export interface Actor {
  id: number;
  role: Role;
  status: 'active' | 'unconfirmed' | 'disabled';
}

/**
 * Every policy action, as keys. Modules add theirs next to their rules:
 * ```ts
 * export const directoryPolicies = definePolicies({ 'directory.read': () => true });
 * declare module '../../platform/policy/policy.js' {
 *   interface PolicyActions extends ActionsOf<typeof directoryPolicies> {}
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface PolicyActions {}
export type PolicyAction = keyof PolicyActions & string;
/** The keys of a rule set, as the shape {@link PolicyActions} extends. */
export type ActionsOf<T> = { readonly [K in keyof T]: true };

export type PolicyRule = (user: Actor | null, resource?: unknown) => boolean;
export type PolicySet = Readonly<Record<string, PolicyRule>>;

/** Declares rules (action → rule); registered at boot from the module's manifest. */
export function definePolicies<const T extends Record<string, PolicyRule>>(rules: T): T {
  return rules;
}

const rules = new Map<string, PolicyRule>();

/**
 * Registers rules. The same rule registered twice (a second app built in the same process) is a
 * no-op; two different rules for one action fail, so two modules cannot silently overwrite each other.
 */
export function registerPolicies(set: PolicySet): void {
  for (const [action, rule] of Object.entries(set)) {
    const known = rules.get(action);
    if (known && known !== rule) throw new Error(`policy ${action} is defined twice`);
    rules.set(action, rule);
  }
}

export function can(user: Actor | null, action: PolicyAction, resource?: unknown): boolean {
  const rule = rules.get(action);
  if (!rule) return false;
  // A disabled account can do nothing, whatever the rule says.
  if (user && user.status === 'disabled') return false;
  return rule(user, resource);
}

/** True for an action with a registered rule (the route inventory refuses any other). */
export function isDefinedPolicy(action: string): action is PolicyAction {
  return rules.has(action);
}

export const isStaff = (u: Actor | null): u is Actor => !!u && u.status === 'active' && u.role !== 'citizen';
export const hasRole = (u: Actor | null, ...roles: Role[]): u is Actor =>
  !!u && u.status === 'active' && roles.includes(u.role);
/** Roles for which SECURITY.md makes TOTP mandatory. */
export const requiresTotp = (role: Role): boolean => role === 'admin' || role === 'lawyer' || role === 'coordinator';
