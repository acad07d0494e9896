/**
 * Who may do what with subscriptions. Subscribing, confirming and unsubscribing are open to
 * everybody, signed in or not: the confirmation and unsubscribe tokens are the authorization
 * (whoever holds the letter holds the subscription). Staff see only counts, never addresses.
 */
import { definePolicies, type ActionsOf } from '../../platform/policy/policy.js';

export const subscriptionsPolicies = definePolicies({
  /** The public pages: subscribe, confirm, unsubscribe. */
  'subscriptions.public': () => true,
});

declare module '../../platform/policy/policy.js' {
  interface PolicyActions extends ActionsOf<typeof subscriptionsPolicies> {}
}
