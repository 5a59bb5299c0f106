/**
 * The inverted index of the clips: for each term, the ids of the clips that contain it, in rows of
 * at most POSTINGS_CHUNK ids. A clip's rows are fixed by its id (chunk = id / POSTINGS_CHUNK), so a
 * save, an edit or a delete touches one known row per term with one bulk read and one bulk write,
 * never a whole list of ids (rewriting whole lists took ~700 ms a save at 10,000 clips), and a
 * search reads at most a few dozen rows per term instead of one index entry per clip (27–31 µs
 * each with the multiEntry index of schema version 1).
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

/** The ids of the clips containing `term`. */
export async function idsOf(table: PostingsTable, term: string): Promise<Set<number>> {
  return idsIn(table, term, term);
}

/** The ids of the clips containing any term from `from` to `to` (a prefix range). */
export async function idsIn(table: PostingsTable, from: string, to: string): Promise<Set<number>> {
  const ids = new Set<number>();
  await table
    .where('[term+chunk]')
    .between([from, Dexie.minKey], [to, Dexie.maxKey], true, true)
    .each((row) => {
      for (const id of row.ids) ids.add(id);
    });
  return ids;
}
