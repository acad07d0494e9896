/**
 * The one policy module (SECURITY.md "Access control"): `can(user, action, resource)` decides every
 * permission, deny by default. Each route declares the action it checks (`config.policy`); record-level
 * rules receive the record. Modules add their rules with `definePolicy` in their own policy.ts, which
 * is imported once by `src/platform/policy/rules.ts`, so the whole rule set stays in one place.
 */
import type { Role } from '../db/database.js';

export interface Actor {
  id: number;
  role: Role;
  status: 'active' | 'unconfirmed' | 'disabled';
}

type Rule = (user: Actor | null, resource?: unknown) => boolean;
const rules = new Map<string, Rule>();

/** Registers the rule for an action. An action without a rule is denied to everyone. */
export function definePolicy(action: string, rule: Rule): void {
  if (rules.has(action)) throw new Error(`policy ${action} is defined twice`);
  rules.set(action, rule);
}

export function can(user: Actor | null, action: string, resource?: unknown): boolean {
  const rule = rules.get(action);
  if (!rule) return false;
  // A disabled account can do nothing, whatever the rule says.
  if (user && user.status === 'disabled') return false;
  return rule(user, resource);
}

export function isDefinedPolicy(action: string): boolean {
  return rules.has(action);
}

export const isStaff = (u: Actor | null): u is Actor => !!u && u.status === 'active' && u.role !== 'citizen';
export const hasRole = (u: Actor | null, ...roles: Role[]): u is Actor => !!u && u.status === 'active' && roles.includes(u.role);
/** Roles for which SECURITY.md makes TOTP mandatory. */
export const requiresTotp = (role: Role): boolean => role === 'admin' || role === 'lawyer' || role === 'coordinator';
