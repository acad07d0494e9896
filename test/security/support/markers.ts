/**
 * Markers for the leak hunt: one distinct, searchable word per planted field, so a failure names the
 * field and the place it leaked. A marker is `qz<field>zq` (lower-case letters only: one token for
 * every search tokenizer, unchanged by case folding and HTML escaping); its twin `qy<field>yq` is
 * never planted and measures how often a page merely echoes a search query back.
 */

/**
 * - secret: never stored in clear anywhere (hashed or not kept at all): passwords, receipts, tokens;
 * - encrypted: stored only as ciphertext: never in clear in the database file, dumps or backups;
 * - private: stored in clear (the database and backups hold it) but shown only to people allowed.
 * No marker of any kind may appear in the logs, or to a viewer who is not allowed to see it.
 */
export type Storage = 'secret' | 'encrypted' | 'private';
export type Viewer = 'anonymous' | 'citizen' | 'monitor' | 'admin';

export interface Marker {
  /** the planted word */
  value: string;
  /** the field it was planted in, e.g. 'case_person.name' */
  field: string;
  storage: Storage;
  /** viewers of the crawl who may legitimately see it (administrators see accounts, for instance) */
  seenBy: Viewer[];
}

export interface Hit {
  field: string;
  value: string;
  place: string;
}

export class Markers {
  readonly all: Marker[] = [];

  /** A new marker word for `field` (letters of the field name only). */
  make(field: string, storage: Storage, seenBy: Viewer[] = []): string {
    const code = field.toLowerCase().replace(/[^a-z]/g, '');
    const value = `qz${code}zq`;
    if (this.all.some((m) => m.value === value)) throw new Error(`two markers for ${field}`);
    this.all.push({ value, field, storage, seenBy });
    return value;
  }

  /** Records a value that is not a word of ours (a generated receipt, token or TOTP secret). */
  add(field: string, value: string, storage: Storage, seenBy: Viewer[] = []): string {
    this.all.push({ value, field, storage, seenBy });
    return value;
  }

  /** Every marker found in `text` (case-insensitive) that `allowed` does not excuse. */
  scan(text: string, place: string, allowed: (m: Marker) => boolean = () => false): Hit[] {
    const lower = text.toLowerCase();
    return this.all
      .filter((m) => !allowed(m) && lower.includes(m.value.toLowerCase()))
      .map((m) => ({ field: m.field, value: m.value, place }));
  }
}

/** The never-planted twin of a marker word (for measuring how often a page echoes a query). */
export function twinOf(value: string): string {
  return /^qz[a-z]+zq$/.test(value) ? `qy${value.slice(2, -2)}yq` : value;
}

/** Non-overlapping, case-insensitive occurrences of `word` in `text`. */
export function occurrences(text: string, word: string): number {
  const lower = text.toLowerCase();
  const w = word.toLowerCase();
  let n = 0;
  for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + w.length)) n++;
  return n;
}
