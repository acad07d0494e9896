/** Statistics, maps and open data are public: they are the point of the accountability pages. */
import { definePolicy } from '../../platform/policy/policy.js';

/** Report cards, league tables, maps, the open-data page and its downloads, the stats API. */
definePolicy('stats.read', () => true);
