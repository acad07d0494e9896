/**
 * All messages, merged from the platform and each module. A key defined twice fails at boot, so
 * two modules cannot silently overwrite each other.
 */
import { platformMessages } from './messages.js';
import { accountsMessages } from '../../modules/accounts/messages.js';
import { adminMessages } from '../../modules/admin/messages.js';
import { homeMessages } from '../../modules/home/messages.js';
import { consultationsMessages } from '../../modules/consultations/messages.js';
import { directoryMessages } from '../../modules/directory/messages.js';
import { appealsMessages } from '../../modules/appeals/messages.js';
import { casesMessages } from '../../modules/cases/messages.js';
import { anonymousMessages } from '../../modules/anonymous/messages.js';
import { publicationMessages } from '../../modules/publication/messages.js';
import { statsMessages } from '../../modules/stats/messages.js';
import { statementsMessages } from '../../modules/statements/messages.js';
import { subscriptionsMessages } from '../../modules/subscriptions/messages.js';
import { contactMessages } from '../../modules/contact/messages.js';
import type { Trilingual } from './locales.js';

const parts = [platformMessages, accountsMessages, adminMessages, homeMessages, consultationsMessages, directoryMessages, appealsMessages, casesMessages, anonymousMessages, publicationMessages, statsMessages, subscriptionsMessages, statementsMessages, contactMessages] as const;

type Merge<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]] ? H & Merge<R> : unknown;
export type Catalog = Merge<typeof parts>;
export type MessageKey = keyof Catalog & string;

function merge(): Record<string, Trilingual> {
  const out: Record<string, Trilingual> = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      if (k in out) throw new Error(`message key ${k} is defined twice`);
      out[k] = v;
    }
  }
  return out;
}

export const catalog: Record<MessageKey, Trilingual> = merge() as Record<MessageKey, Trilingual>;
