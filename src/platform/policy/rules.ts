/**
 * Every permission of the platform, in one place. Route-level actions take no resource;
 * record-level actions take the record.
 */
import { definePolicy, hasRole } from './policy.js';

/** Anyone, including anonymous visitors. */
definePolicy('public', () => true);
/** Only anonymous visitors (sign-in and registration forms). */
definePolicy('anonymous', (u) => u === null);
/** Any signed-in account acting on itself. */
definePolicy('account.self', (u) => !!u && u.status !== 'disabled');
/** Managing users and settings; reading case content is a separate permission (SECURITY.md). */
definePolicy('admin.users', (u) => hasRole(u, 'admin'));
definePolicy('admin.settings', (u) => hasRole(u, 'admin'));
definePolicy('audit.read', (u) => hasRole(u, 'admin', 'coordinator'));
/** API: any holder of a valid token for an active account. */
definePolicy('api.token', (u) => !!u && u.status === 'active');

import '../../modules/policies.js';
