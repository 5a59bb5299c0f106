/** The clips database. Open it only from extension pages: a content script's IndexedDB belongs to the website. */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { ClipBody, ClipRow } from './model';

export const CLIPS_DB_NAME = 'loa-clips';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  /** Rewrites rows written by earlier versions; Dexie runs each one once, in order. */
  upgrade?: (transaction: Transaction) => PromiseLike<unknown> | void;
}

/**
 * The schema's whole history. A released entry is never edited: a change appends a version with an
 * upgrade that brings old rows to the current `ClipRow`/`ClipBody` shapes, and
 * tests/unit/clips-schema.test.ts keeps a frozen version-1 database that must still open complete.
 *
 * `clips` holds what the list shows, indexed for it: newest first (savedAt), the unique identity
 * (key) and the filters (site, kind, tags — one entry per tag). `bodies` holds the text under the
 * same id, with the accent-free word index (words — one entry per distinct folded syllable).
 */
export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  { version: 1, stores: { clips: '++id, &key, savedAt, site, kind, *tags', bodies: 'id, *words' } },
];

export class ClipsDb extends Dexie {
  declare clips: Table<ClipRow, number>;
  declare bodies: Table<ClipBody, number>;

  constructor(name: string = CLIPS_DB_NAME, history: readonly SchemaVersion[] = SCHEMA_HISTORY) {
    super(name);
    for (const entry of history) {
      const version = this.version(entry.version).stores(entry.stores);
      if (entry.upgrade) version.upgrade(entry.upgrade);
    }
  }
}
