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

export const POSTINGS_CHUNK = 256;

export interface PostingsRow {
  term: string;
  chunk: number;
  /** Ascending. */
  ids: number[];
}

export type PostingsTable = Table<PostingsRow, [string, number]>;

/**
 * The row holding, as its one "id", the last chunk the postings have used: chunks after it have no
 * rows. No term is empty, so no lookup or prefix range meets it. It exists whenever the postings
 * hold any id (schema version 3 adds it to databases indexed before); without it they are empty.
 */
export const LAST_CHUNK_KEY: [string, number] = ['', 0];

export async function lastUsedChunk(table: PostingsTable): Promise<number> {
  return (await table.get(LAST_CHUNK_KEY))?.ids[0] ?? -1;
}

export function chunkOf(id: number): number {
  return Math.floor(id / POSTINGS_CHUNK);
}

interface PostingsEntry {
  term: string;
  chunk: number;
  add: Set<number>;
  remove: Set<number>;
}

/** Changes to the index, collected over one or more clips and written in one go. */
export class PostingsChange {
  private readonly rows = new Map<string, PostingsEntry>();

  /** Moves clip `id` from the terms of `before` to the terms of `after`; terms in both are left alone. */
  reindex(id: number, before: readonly string[], after: readonly string[]): void {
    const old = new Set(before);
    const current = new Set(after);
    for (const term of old) if (!current.has(term)) this.entry(term, id).remove.add(id);
    for (const term of current) if (!old.has(term)) this.entry(term, id).add.add(id);
  }

  get size(): number {
    return this.rows.size;
  }

  async apply(table: PostingsTable): Promise<void> {
    if (this.rows.size === 0) return;
    const entries = [...this.rows.values()];
    const lastUsed = await lastUsedChunk(table);
    const used = entries.filter(({ chunk }) => chunk <= lastUsed);
    const stored = new Map<PostingsEntry, PostingsRow | undefined>();
    const found = await table.bulkGet(used.map(({ term, chunk }) => [term, chunk] as [string, number]));
    used.forEach((entry, index) => stored.set(entry, found[index]));
    const puts: PostingsRow[] = [];
    const deletes: [string, number][] = [];
    let lastChunk = lastUsed;
    for (const entry of entries) {
      const { term, chunk, add, remove } = entry;
      const before = stored.get(entry);
      const ids = new Set(before?.ids ?? []);
      for (const id of remove) ids.delete(id);
      for (const id of add) {
        ids.add(id);
        lastChunk = Math.max(lastChunk, chunk);
      }
      if (ids.size > 0) puts.push({ term, chunk, ids: [...ids].sort((a, b) => a - b) });
      else if (before) deletes.push([term, chunk]);
    }
    if (lastChunk > lastUsed) puts.push({ term: LAST_CHUNK_KEY[0], chunk: LAST_CHUNK_KEY[1], ids: [lastChunk] });
    await Promise.all([puts.length ? table.bulkPut(puts) : null, deletes.length ? table.bulkDelete(deletes) : null]);
    this.rows.clear();
  }

  private entry(term: string, id: number) {
    const chunk = chunkOf(id);
    const key = `${chunk}\u0000${term}`;
    let entry = this.rows.get(key);
    if (!entry) {
      entry = { term, chunk, add: new Set(), remove: new Set() };
      this.rows.set(key, entry);
    }
    return entry;
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

  private async fromPostings(from: string, to: string): Promise<Set<number>> {
    const ids = new Set<number>();
    await this.postings
      .where('[term+chunk]')
      .between([from, Dexie.minKey], [to, Dexie.maxKey], true, true)
      .each((row) => {
        for (const id of row.ids) ids.add(id);
      });
    return ids;
  }
}
