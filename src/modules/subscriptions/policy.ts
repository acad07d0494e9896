/**
 * Who may do what with subscriptions. Subscribing, confirming and unsubscribing are open to
 * everybody, signed in or not: the confirmation and unsubscribe tokens are the authorization
 * (whoever holds the letter holds the subscription). Staff see only counts, never addresses.
 */
import { definePolicy } from '../../platform/policy/policy.js';
// Registers the encrypted column at boot (the policy module is loaded by every entry point).
import './encrypted-columns.js';

/** The public pages: subscribe, confirm, unsubscribe. */
definePolicy('subscriptions.public', () => true);
