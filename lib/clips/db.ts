/** The clips database. Open it only from extension pages: a content script's IndexedDB belongs to the website. */
import Dexie, { type Table, type Transaction } from 'dexie';
import { type ClipBody, type ClipRow, termsOf } from './model';
import { type OrderTable, readOrder, storeOrder } from './order';
import { type PendingRow, type PendingTable, type PostingsTable, chunkOf } from './postings';

export const CLIPS_DB_NAME = 'loa-clips';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Rewrites rows written by earlier versions; Dexie runs each one once, in order. */
  upgrade?: (transaction: Transaction) => PromiseLike<unknown> | void;
}

/**
 * A row of the `meta` table: the number of clips; `changes`, a counter every write that adds,
 * re-dates or removes clips moves on, so a page can keep what it derived from the clips until it
 * moves; and `order`, the value of `changes` the stored newest-first order (lib/clips/order.ts) is true for.
 */
export interface MetaRow {
  name: 'count' | 'changes' | 'order';
  value: number;
}

/** Clips read per step of the upgrades that re-index every clip. */
const UPGRADE_BATCH = 500;

/**
 * The schema's whole history. A released entry is never edited: a change appends a version with an
 * upgrade that brings old rows to the current `ClipRow`/`ClipBody` shapes, and
 * tests/unit/clips-schema.test.ts keeps a frozen version-1 database that must still open complete.
 *
 * `clips` holds what the list shows, indexed for it: newest first (savedAt), the unique identity
 * (key) and the filters (site, kind, tags — one entry per tag). `bodies` holds the text under the
 * same id.
 * - Version 1 searched a multiEntry index of folded words on `bodies` (one entry per word per clip).
 * - Version 2 searches `postings` (lib/clips/postings.ts: term → ids, in chunks) and `pending`
 *   (clips saved since the postings were last brought up to date), which know accents, word
 *   pairs and title/lead, and keeps the number of clips in `meta`, since counting the table read
 *   every row in Chromium.
 * - Version 3 marks the last chunk the postings use (lib/clips/postings.ts, LAST_CHUNK_KEY), so that
 *   indexing writes new chunks without reading them; ids above the highest clip's are of deleted
 *   clips, whose ids searches drop anyway.
 * - Version 4 keeps the postings in `buckets`: one row per bucket of terms and chunk instead of one
 *   per term and chunk (about 30× fewer rows, and a row's cost, not its size, is what made indexing
 *   10,000 clips take 20 minutes). Every clip becomes pending again and is re-indexed.
 * - Version 5 keeps the clips' newest-first order in `order` (lib/clips/order.ts, segments of 4,096
 *   clips), so that a search reads a few rows instead of the savedAt index of every clip; the
 *   upgrade builds it.
 */
export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  { version: 1, stores: { clips: '++id, &key, savedAt, site, kind, *tags', bodies: 'id, *words' } },
  {
    version: 2,
    stores: { bodies: 'id', postings: '[term+chunk]', pending: 'id', meta: 'name' },
    // Every clip becomes pending (one row each, quick even at 10,000 clips); the clips page then
    // moves them into the postings in batches (ClipStore.indexPending) while search already works.
    upgrade: async (transaction) => {
      const count = await pendEveryClip(transaction, ({ words: _words, ...rest }) => rest);
      await transaction.table<MetaRow, string>('meta').put({ name: 'count', value: count });
    },
  },
  {
    version: 3,
    stores: {},
    upgrade: async (transaction) => {
      // Version 3's rows, one per term and chunk; version 4 replaces the table.
      const postings = transaction.table<{ term: string; chunk: number; ids: number[] }, [string, number]>('postings');
      if (!(await postings.toCollection().first())) return;
      const [lastId] = await transaction
        .table<ClipRow, number>('clips')
        .orderBy(':id')
        .reverse()
        .limit(1)
        .primaryKeys();
      await postings.put({ term: '', chunk: 0, ids: [chunkOf(lastId ?? 0)] });
    },
  },
  {
    version: 4,
    stores: { postings: null, buckets: '[bucket+chunk]' },
    // The postings are rebuilt from the clips, as after version 2's upgrade.
    upgrade: async (transaction) => {
      await pendEveryClip(transaction);
    },
  },
  {
    version: 5,
    stores: { order: 'segment' },
    upgrade: async (transaction) => {
      const meta = transaction.table<MetaRow, string>('meta');
      const changes = (await meta.get('changes'))?.value ?? 0;
      await storeOrder(transaction.table('order'), await readOrder(transaction.table<ClipRow, number>('clips')), []);
      await meta.put({ name: 'order', value: changes });
    },
  },
];

/**
 * Makes every clip pending, UPGRADE_BATCH clips at a time so that memory stays bounded at any size,
 * and returns how many there are. `rewrite` gives the body to store back when an upgrade changes it.
 */
async function pendEveryClip(
  transaction: Transaction,
  rewrite?: (body: ClipBody & { words?: unknown }) => ClipBody,
): Promise<number> {
  const clips = transaction.table<ClipRow, number>('clips');
  const bodies = transaction.table<ClipBody & { words?: unknown }, number>('bodies');
  const pending: PendingTable = transaction.table('pending');
  const ids = await clips.toCollection().primaryKeys();
  for (let first = 0; first < ids.length; first += UPGRADE_BATCH) {
    const batch = ids.slice(first, first + UPGRADE_BATCH);
    const [rows, stored] = await Promise.all([clips.bulkGet(batch), bodies.bulkGet(batch)]);
    const rewritten: ClipBody[] = [];
    const indexed: PendingRow[] = [];
    batch.forEach((id, index) => {
      const row = rows[index];
      const body = stored[index];
      if (!row || !body) return;
      const current = rewrite ? rewrite(body) : body;
      if (rewrite) rewritten.push(current);
      // A damaged row is kept as it is; search finds it only as far as it can be read.
      indexed.push({ id, terms: termsOf(row, current) });
    });
    await Promise.all([rewritten.length ? bodies.bulkPut(rewritten) : null, pending.bulkPut(indexed)]);
  }
  return ids.length;
}

export class ClipsDb extends Dexie {
  declare clips: Table<ClipRow, number>;
  declare bodies: Table<ClipBody, number>;
  declare buckets: PostingsTable;
  declare pending: PendingTable;
  declare meta: Table<MetaRow, string>;
  declare order: OrderTable;

  constructor(name: string = CLIPS_DB_NAME, history: readonly SchemaVersion[] = SCHEMA_HISTORY) {
    super(name);
    for (const entry of history) {
      const version = this.version(entry.version).stores(entry.stores);
      if (entry.upgrade) version.upgrade(entry.upgrade);
    }
  }
}
