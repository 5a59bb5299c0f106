/**
 * The clips' ids newest first, kept in one row so that the first search after the clips page opens
 * reads one row instead of the savedAt index of every clip (51.6 of its 63.3 ms at 10,000 clips).
 * Every write that adds, re-dates or removes clips edits the row in its own transaction; the row
 * names the `changes` counter (lib/clips/db.ts, MetaRow) it is true for, so a row that missed a
 * write is known stale and is read again from the clips.
 *
 * The order is the savedAt index's, reversed: later savedAt first, the higher id first among equal
 * ones. Rows without a usable savedAt (damaged) are not in that index; they go last, lowest id first.
 */
import type { Table } from 'dexie';
import type { ClipRow } from './model';

export const ORDER_KEY = 'newest-first';

export interface DateOrder {
  ids: Uint32Array;
  /** The savedAt of `ids[i]`, NaN for a row without a usable one: what places a clip written later. */
  savedAt: Float64Array;
}

export interface OrderRow extends DateOrder {
  name: typeof ORDER_KEY;
  /** The `changes` counter this order is true for. */
  changes: number;
}

export type OrderTable = Table<OrderRow, string>;

/** A clip as the order sees it; `savedAt` is whatever the row holds, damaged or not. */
export interface Dated {
  id: number;
  savedAt: unknown;
}

/** Clips read per step when the order is built from the clips. */
const READ_BATCH = 500;

/** The savedAt IndexedDB indexes the row under, or NaN when it is not a valid number key. */
export function dateOf(savedAt: unknown): number {
  return typeof savedAt === 'number' ? savedAt : NaN;
}

/** Whether the clip (`id`, `date`) comes before (`otherId`, `otherDate`). */
function comesBefore(id: number, date: number, otherId: number, otherDate: number): boolean {
  const dated = !Number.isNaN(date);
  if (dated !== !Number.isNaN(otherDate)) return dated;
  if (!dated) return id < otherId;
  return date === otherDate ? id > otherId : date > otherDate;
}

/** `clips` in order; a clip written twice counts at its last date. */
function sorted(clips: readonly Dated[]): { id: number; date: number }[] {
  const dates = new Map(clips.map(({ id, savedAt }) => [id, dateOf(savedAt)]));
  return [...dates]
    .map(([id, date]) => ({ id, date }))
    .sort((a, b) => (a.id === b.id ? 0 : comesBefore(a.id, a.date, b.id, b.date) ? -1 : 1));
}

/** `order` after the clips `removed` are gone and the clips `written` are placed at their (new) dates. */
export function reordered(order: DateOrder, written: readonly Dated[], removed: Iterable<number> = []): DateOrder {
  const dropped = new Set(removed);
  for (const { id } of written) dropped.add(id);
  const placed = sorted(written);
  const length = order.ids.length + placed.length;
  const ids = new Uint32Array(length);
  const savedAt = new Float64Array(length);
  let size = 0;
  let next = 0;
  const push = (id: number, date: number) => {
    ids[size] = id;
    savedAt[size++] = date;
  };
  for (let index = 0; index < order.ids.length; index++) {
    const id = order.ids[index]!;
    if (dropped.has(id)) continue;
    const date = order.savedAt[index]!;
    while (next < placed.length && comesBefore(placed[next]!.id, placed[next]!.date, id, date)) {
      push(placed[next]!.id, placed[next]!.date);
      next++;
    }
    push(id, date);
  }
  for (; next < placed.length; next++) push(placed[next]!.id, placed[next]!.date);
  return { ids: ids.slice(0, size), savedAt: savedAt.slice(0, size) };
}

/** The order of every clip, read from the clips table a batch at a time. */
export async function readOrder(clips: Table<ClipRow, number>): Promise<DateOrder> {
  const keys = await clips.toCollection().primaryKeys();
  const dated: Dated[] = [];
  for (let first = 0; first < keys.length; first += READ_BATCH) {
    const rows = await clips.bulkGet(keys.slice(first, first + READ_BATCH));
    for (const row of rows) if (row) dated.push({ id: row.id, savedAt: row.savedAt });
  }
  return reordered({ ids: new Uint32Array(0), savedAt: new Float64Array(0) }, dated);
}
