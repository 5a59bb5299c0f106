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

/** Changes to the index, collected over one or more clips and written in one go. */
export class PostingsChange {
  private readonly rows = new Map<string, { term: string; chunk: number; add: Set<number>; remove: Set<number> }>();

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
    const stored = await table.bulkGet(entries.map(({ term, chunk }) => [term, chunk] as [string, number]));
    const puts: PostingsRow[] = [];
    const deletes: [string, number][] = [];
    entries.forEach(({ term, chunk, add, remove }, index) => {
      const ids = new Set(stored[index]?.ids ?? []);
      for (const id of remove) ids.delete(id);
      for (const id of add) ids.add(id);
      if (ids.size > 0) puts.push({ term, chunk, ids: [...ids].sort((a, b) => a - b) });
      else if (stored[index]) deletes.push([term, chunk]);
    });
    await Promise.all([puts.length ? table.bulkPut(puts) : null, deletes.length ? table.bulkDelete(deletes) : null]);
    this.rows.clear();
  }

  private entry(term: string, id: number) {
    const chunk = Math.floor(id / POSTINGS_CHUNK);
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
