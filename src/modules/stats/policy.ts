/** Statistics, maps and open data are public: they are the point of the accountability pages. */
import { definePolicies, type ActionsOf } from '../../platform/policy/policy.js';

export const statsPolicies = definePolicies({
  /** Report cards, league tables, maps, the open-data page and its downloads, the stats API. */
  'stats.read': () => true,
});

declare module '../../platform/policy/policy.js' {
  interface PolicyActions extends ActionsOf<typeof statsPolicies> {}
}
