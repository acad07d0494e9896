/** Topic helpers shared by the pages and the letters. */
import type { T } from '../../platform/i18n/translate.js';
import { SUBSCRIPTION_TOPICS, type SubscriptionTopic } from './tables.js';

export const topicList = (t: T, topics: readonly SubscriptionTopic[]): string =>
  topics.map((x) => t(`subscriptions.topic.${x}`)).join(', ');

export const topicsOf = (row: { topic_statements: number; topic_events: number }): SubscriptionTopic[] =>
  SUBSCRIPTION_TOPICS.filter((x) => (x === 'statements' ? row.topic_statements : row.topic_events) === 1);
