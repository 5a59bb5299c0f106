/**
 * The inverted index of the clips: for each term, the ids of the clips that contain it. A row holds
 * the terms of one bucket (`termBucket`) for the clips of one chunk of POSTINGS_CHUNK ids (chunk =
 * id / POSTINGS_CHUNK), so an edit touches one known row per changed bucket with one bulk read and
 * one bulk write, never a whole list of ids (rewriting whole lists took ~700 ms a save at 10,000
 * clips), and a search reads one row per chunk for a term instead of one index entry per clip
 * (27–31 µs each with the multiEntry index of schema version 1). IndexedDB's cost is per row: a row
 * per term and chunk (schema versions 2–3) made ~460 rows a clip and 20 minutes of indexing for
 * 10,000 imported clips; buckets make ~24.
 *
 * A new clip has about 1,200 terms, and writing a row per term took ~290 ms in Chromium, so a save
 * only adds one `pending` row with the clip's terms; searches read the pending rows beside the
 * postings, and `ClipStore.indexPending` moves them into the postings in batches, off the save path.
 * Deleted clips leave their ids in the postings: searches keep only ids that still have a row.
 *
 * Clip ids only grow, so bulk indexing mostly fills chunks no row has touched yet. The postings
 * keep the last chunk they have used (`MARK_KEY`); rows of the chunks after it are written
 * without reading them first. Indexing 800 generated clips read ~12,700 rows per batch of 16 only
 * to learn that about half did not exist, in fake-indexeddb and in Chromium alike.
 */
import Dexie, { type Table } from 'dexie';
import { termBucket } from './fold';

export const POSTINGS_CHUNK = 256;

/** The postings of the terms of one bucket (`termBucket`) for the clips of one chunk. */
export interface PostingsRow {
  bucket: string;
  chunk: number;
  /** Ascending (code units, as IndexedDB orders strings). */
  terms: string[];
  /** The ids of `terms[i]` are `ids[ends[i - 1] ?? 0 .. ends[i]]`, ascending. */
  ends: Uint32Array;
  ids: Uint32Array;
}

export type PostingsTable = Table<PostingsRow, [string, number]>;

/**
 * The mark row: its ids are the last chunk the postings have used (chunks after it have no rows)
 * and a counter that every change to the postings moves on (what a `PostingsCache` checks). No
 * term's bucket is empty, so no lookup or prefix range meets it. It exists whenever the postings
 * hold any id; without it they are empty.
 */
const MARK_KEY: [string, number] = ['', 0];

interface Mark {
  lastChunk: number;
  changes: number;
}

async function readMark(table: PostingsTable): Promise<Mark> {
  const ids = (await table.get(MARK_KEY))?.ids;
  return { lastChunk: ids?.[0] ?? -1, changes: ids?.[1] ?? 0 };
}

function markRow({ lastChunk, changes }: Mark): PostingsRow {
  return encode(MARK_KEY[0], MARK_KEY[1], new Map([['', [lastChunk, changes]]]));
}

export function chunkOf(id: number): number {
  return Math.floor(id / POSTINGS_CHUNK);
}

/** The ids of each term of a row. */
function decode(row: PostingsRow | undefined): Map<string, number[]> {
  const lists = new Map<string, number[]>();
  if (!row) return lists;
  row.terms.forEach((term, index) => {
    lists.set(term, Array.from(row.ids.subarray(row.ends[index - 1] ?? 0, row.ends[index])));
  });
  return lists;
}

function encode(bucket: string, chunk: number, lists: ReadonlyMap<string, readonly number[]>): PostingsRow {
  const terms = [...lists.keys()].sort();
  const ends = new Uint32Array(terms.length);
  let total = 0;
  terms.forEach((term, index) => {
    total += lists.get(term)!.length;
    ends[index] = total;
  });
  const ids = new Uint32Array(total);
  terms.forEach((term, index) => ids.set(lists.get(term)!, ends[index - 1] ?? 0));
  return { bucket, chunk, terms, ends, ids };
}

/** The index of the first of the ascending `terms` that is not before `from`. */
function firstFrom(terms: readonly string[], from: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (terms[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Adds to `into` the ids of the terms of `row` from `from` to `to`. */
function collect(row: PostingsRow, from: string, to: string, into: Set<number>): void {
  for (let index = firstFrom(row.terms, from); index < row.terms.length && row.terms[index]! <= to; index++) {
    for (const id of row.ids.subarray(row.ends[index - 1] ?? 0, row.ends[index])) into.add(id);
  }
}

/**
 * What happens to a term, in order: an id `id` ≥ 0 adds that clip, `-1 - id` removes it; the last
 * change of a clip counts.
 */
type TermChanges = number[];

interface RowChange {
  bucket: string;
  chunk: number;
  terms: Map<string, TermChanges>;
}

/**
 * Changes to the index, collected over one or more clips and written in one go. Indexing a chunk
 * of 256 new clips records ~350,000 term-and-clip changes, so recording one is a map lookup and a
 * push; rows and buckets are worked out per term when the changes are applied.
 */
export class PostingsChange {
  private readonly terms = new Map<string, TermChanges>();

  /** Moves clip `id` from the terms of `before` to the terms of `after`; terms in both are left alone. */
  reindex(id: number, before: readonly string[], after: readonly string[]): void {
    const old = new Set(before);
    if (old.size > 0) {
      const current = new Set(after);
      for (const term of old) if (!current.has(term)) this.record(term, -1 - id);
    }
    for (const term of after) if (!old.has(term)) this.record(term, id);
  }

  async apply(table: PostingsTable): Promise<void> {
    if (this.terms.size === 0) return;
    const changes = this.byRow();
    const mark = await readMark(table);
    const lastUsed = mark.lastChunk;
    const used = changes.filter(({ chunk }) => chunk <= lastUsed);
    const stored = new Map<RowChange, PostingsRow | undefined>();
    const found = await table.bulkGet(used.map(({ bucket, chunk }) => [bucket, chunk] as [string, number]));
    used.forEach((change, index) => stored.set(change, found[index]));
    const puts: PostingsRow[] = [];
    const deletes: [string, number][] = [];
    let lastChunk = lastUsed;
    for (const change of changes) {
      const { bucket, chunk, terms } = change;
      const before = stored.get(change);
      const lists = decode(before);
      for (const [term, ops] of terms) {
        const next = changedList(lists.get(term), ops);
        if (next.length === 0) {
          lists.delete(term);
        } else {
          lists.set(term, next);
          // Rows after the last used chunk were not read, so their ids are all added ones.
          lastChunk = Math.max(lastChunk, chunk);
        }
      }
      if (lists.size > 0) puts.push(encode(bucket, chunk, lists));
      else if (before) deletes.push([bucket, chunk]);
    }
    puts.push(markRow({ lastChunk, changes: mark.changes + 1 }));
    await Promise.all([table.bulkPut(puts), deletes.length ? table.bulkDelete(deletes) : null]);
    this.terms.clear();
  }

  private record(term: string, op: number): void {
    const ops = this.terms.get(term);
    if (ops) ops.push(op);
    else this.terms.set(term, [op]);
  }

  /** The changes grouped by the row (bucket and chunk) they go to. */
  private byRow(): RowChange[] {
    const rows = new Map<string, RowChange>();
    for (const [term, ops] of this.terms) {
      const bucket = termBucket(term);
      let chunk = -1;
      let row: TermChanges = [];
      for (const op of ops) {
        const opChunk = chunkOf(op >= 0 ? op : -1 - op);
        if (opChunk !== chunk) {
          chunk = opChunk;
          const key = `${chunk}\u0000${bucket}`;
          let change = rows.get(key);
          if (!change) {
            change = { bucket, chunk, terms: new Map() };
            rows.set(key, change);
          }
          row = change.terms.get(term) ?? [];
          change.terms.set(term, row);
        }
        row.push(op);
      }
    }
    return [...rows.values()];
  }
}

/** A term's ascending ids after `ops` (TermChanges). A term new to its row, as all of a new chunk's are, needs no set. */
function changedList(stored: readonly number[] | undefined, ops: TermChanges): number[] {
  let ascendingAdds = !stored;
  for (let index = 0; ascendingAdds && index < ops.length; index++) {
    ascendingAdds = ops[index]! >= 0 && (index === 0 || ops[index - 1]! < ops[index]!);
  }
  if (ascendingAdds) return ops;
  const ids = new Set(stored);
  for (const op of ops) {
    if (op >= 0) ids.add(op);
    else ids.delete(-1 - op);
  }
  return [...ids].sort((a, b) => a - b);
}

/** A clip saved but not yet in the postings, with its terms. */
export interface PendingRow {
  id: number;
  terms: string[];
}

export type PendingTable = Table<PendingRow, number>;

/** Ranges of bucket rows a page keeps between searches. Typing a word searches its bucket again at every letter. */
const CACHED_RANGES = 256;

/**
 * Bucket rows read by earlier searches, kept while the postings do not change (the mark's
 * counter): the clips page holds one, so a search reads from IndexedDB only the buckets no earlier
 * search read, and pending clips are read anew each time.
 */
export class PostingsCache {
  private changes = -1;
  /** By first and last bucket; the oldest is dropped beyond CACHED_RANGES. */
  private readonly ranges = new Map<string, PostingsRow[]>();

  async rows(table: PostingsTable, first: string, last: string): Promise<PostingsRow[]> {
    const { changes } = await readMark(table);
    if (changes !== this.changes) {
      this.ranges.clear();
      this.changes = changes;
    }
    const key = `${first}\u0000${last}`;
    let rows = this.ranges.get(key);
    if (!rows) {
      rows = await table
        .where('[bucket+chunk]')
        .between([first, Dexie.minKey], [last, Dexie.maxKey], true, true)
        .toArray();
      if (this.ranges.size >= CACHED_RANGES) this.ranges.delete(this.ranges.keys().next().value!);
      this.ranges.set(key, rows);
    }
    return rows;
  }
}

/** Answers term lookups from the postings and the pending clips together. */
export class IndexReader {
  constructor(
    private readonly postings: PostingsTable,
    private readonly cache: PostingsCache,
    /** Their terms ascending, as `indexTerms` gives them. */
    private readonly pending: readonly PendingRow[],
  ) {}

  /** The ids of the clips containing `term`. */
  ids(term: string): Promise<Set<number>> {
    return this.range(term, term);
  }

  /**
   * The ids of the clips containing any term from `from` to `to` (a prefix range). Its terms lie in
   * the buckets from the bucket of `from` to the bucket of `to` (`termBucket` keeps the order).
   */
  async range(from: string, to: string): Promise<Set<number>> {
    const ids = new Set<number>();
    for (const row of await this.cache.rows(this.postings, termBucket(from), termBucket(to))) {
      collect(row, from, to, ids);
    }
    for (const { id, terms } of this.pending) {
      const next = terms[firstFrom(terms, from)];
      if (next !== undefined && next <= to) ids.add(id);
    }
    return ids;
  }
}
