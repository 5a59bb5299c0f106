/**
 * The inverted index of the clips: for each term, the ids of the clips that contain it, in rows of
 * at most POSTINGS_CHUNK ids. A clip's rows are fixed by its id (chunk = id / POSTINGS_CHUNK), so an
 * edit touches one known row per changed term with one bulk read and one bulk write, never a whole
 * list of ids (rewriting whole lists took ~700 ms a save at 10,000 clips), and a search reads at
 * most a few dozen rows per term instead of one index entry per clip (27–31 µs each with the
 * multiEntry index of schema version 1).
 *
 * A new clip has about 1,200 terms, and writing a row per term took ~290 ms in Chromium, so a save
 * only adds one `pending` row with the clip's terms; searches read the pending rows beside the
 * postings, and `ClipStore.indexPending` moves them into the postings in batches, off the save path.
 * Deleted clips leave their ids in the postings: searches keep only ids that still have a row.
 *
 * Clip ids only grow, so bulk indexing mostly fills chunks no row has touched yet. The postings
 * keep the last chunk they have used (`LAST_CHUNK_KEY`); rows of the chunks after it are written
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
 * The row holding, as its one id, the last chunk the postings have used: chunks after it have no
 * rows. No term's bucket is empty, so no lookup or prefix range meets it. It exists whenever the
 * postings hold any id; without it they are empty.
 */
export const LAST_CHUNK_KEY: [string, number] = ['', 0];

export async function lastUsedChunk(table: PostingsTable): Promise<number> {
  return (await table.get(LAST_CHUNK_KEY))?.ids[0] ?? -1;
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

/** Adds to `into` the ids of the terms of `row` from `from` to `to`. */
function collect(row: PostingsRow, from: string, to: string, into: Set<number>): void {
  let low = 0;
  let high = row.terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (row.terms[middle]! < from) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < row.terms.length && row.terms[index]! <= to; index++) {
    for (const id of row.ids.subarray(row.ends[index - 1] ?? 0, row.ends[index])) into.add(id);
  }
}

interface TermChange {
  add: Set<number>;
  remove: Set<number>;
}

interface RowChange {
  bucket: string;
  chunk: number;
  terms: Map<string, TermChange>;
}

/** Changes to the index, collected over one or more clips and written in one go. */
export class PostingsChange {
  private readonly rows = new Map<string, RowChange>();

  /** Moves clip `id` from the terms of `before` to the terms of `after`; terms in both are left alone. */
  reindex(id: number, before: readonly string[], after: readonly string[]): void {
    const old = new Set(before);
    const current = new Set(after);
    for (const term of old) if (!current.has(term)) this.change(term, id).remove.add(id);
    for (const term of current) if (!old.has(term)) this.change(term, id).add.add(id);
  }

  get size(): number {
    return this.rows.size;
  }

  async apply(table: PostingsTable): Promise<void> {
    if (this.rows.size === 0) return;
    const changes = [...this.rows.values()];
    const lastUsed = await lastUsedChunk(table);
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
      for (const [term, { add, remove }] of terms) {
        const ids = new Set(lists.get(term));
        for (const id of remove) ids.delete(id);
        for (const id of add) ids.add(id);
        if (add.size > 0) lastChunk = Math.max(lastChunk, chunk);
        if (ids.size > 0)
          lists.set(
            term,
            [...ids].sort((a, b) => a - b),
          );
        else lists.delete(term);
      }
      if (lists.size > 0) puts.push(encode(bucket, chunk, lists));
      else if (before) deletes.push([bucket, chunk]);
    }
    if (lastChunk > lastUsed) puts.push(encode(LAST_CHUNK_KEY[0], LAST_CHUNK_KEY[1], new Map([['', [lastChunk]]])));
    await Promise.all([puts.length ? table.bulkPut(puts) : null, deletes.length ? table.bulkDelete(deletes) : null]);
    this.rows.clear();
  }

  private change(term: string, id: number): TermChange {
    const chunk = chunkOf(id);
    const bucket = termBucket(term);
    const key = `${chunk}\u0000${bucket}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { bucket, chunk, terms: new Map() };
      this.rows.set(key, row);
    }
    let change = row.terms.get(term);
    if (!change) {
      change = { add: new Set(), remove: new Set() };
      row.terms.set(term, change);
    }
    return change;
  }
}

/** A clip saved but not yet in the postings, with its terms. */
export interface PendingRow {
  id: number;
  terms: string[];
}

export type PendingTable = Table<PendingRow, number>;

/** Answers term lookups from the postings and the pending clips together. */
export class IndexReader {
  /** Built on the first point lookup: most searches make several. */
  private pendingSets: { id: number; terms: Set<string> }[] | null = null;

  constructor(
    private readonly postings: PostingsTable,
    private readonly pending: readonly PendingRow[],
  ) {}

  /** The ids of the clips containing `term`. */
  async ids(term: string): Promise<Set<number>> {
    const ids = await this.fromPostings(term, term);
    this.pendingSets ??= this.pending.map(({ id, terms }) => ({ id, terms: new Set(terms) }));
    for (const clip of this.pendingSets) if (clip.terms.has(term)) ids.add(clip.id);
    return ids;
  }

  /** The ids of the clips containing any term from `from` to `to` (a prefix range). */
  async range(from: string, to: string): Promise<Set<number>> {
    const ids = await this.fromPostings(from, to);
    for (const { id, terms } of this.pending) if (terms.some((term) => term >= from && term <= to)) ids.add(id);
    return ids;
  }

  /** A prefix range's buckets run from the bucket of its start to its end (`termBucket`); a term's is its own. */
  private async fromPostings(from: string, to: string): Promise<Set<number>> {
    const ids = new Set<number>();
    const first = termBucket(from);
    await this.postings
      .where('[bucket+chunk]')
      .between([first, Dexie.minKey], [from === to ? first : to, Dexie.maxKey], true, true)
      .each((row) => collect(row, from, to, ids));
    return ids;
  }
}
