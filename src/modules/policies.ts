/** Each domain module's policy.ts is imported here, so all rules are registered at boot. */
export {};
import './consultations/policy.js';
import './directory/policy.js';
import './appeals/policy.js';
import './cases/policy.js';
import './anonymous/policy.js';
import './publication/policy.js';
import './stats/policy.js';
import './subscriptions/policy.js';
import './statements/policy.js';
import './contact/policy.js';
