/**
 * The clips' ids newest first, stored so that the first search after the clips page opens reads a
 * few rows instead of the savedAt index of every clip (51.6 of its 63.3 ms at 10,000 clips). Every
 * write that adds, re-dates or removes clips edits it in its own transaction, and `meta`'s `order`
 * row names the `changes` counter (lib/clips/db.ts, MetaRow) it is true for, so an order that
 * missed a write is known stale and is read again from the clips.
 *
 * It is stored in segments of SEGMENT_LENGTH, cut from the oldest end, so that a save (a clip at
 * the newest end) rewrites only the newest segment.
 *
 * The order is the savedAt index's, reversed: later savedAt first, the higher id first among equal
 * ones. Rows without a usable savedAt (damaged) are not in that index; they go last, lowest id first.
 */
import type { Table } from 'dexie';
import type { ClipRow } from './model';

/**
 * 4,096 ids and dates make 48 KB. Chromium keeps a value over 64 KB in a file of its own: with the
 * order of 10,000 clips in one 120 KB row, a save took 24 ms instead of 9.
 */
export const SEGMENT_LENGTH = 4096;

export interface DateOrder {
  ids: Uint32Array;
  /** The savedAt of `ids[i]`, NaN for a row without a usable one: what places a clip written later. */
  savedAt: Float64Array;
}

/** A row of `order`: segment 0 holds the oldest SEGMENT_LENGTH clips, the highest the newest ones. */
export interface OrderSegment extends DateOrder {
  segment: number;
}

export type OrderTable = Table<OrderSegment, number>;

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

/** The stored order: its segments, newest first. */
export function joinSegments(segments: readonly OrderSegment[]): DateOrder {
  const newestFirst = [...segments].sort((a, b) => b.segment - a.segment);
  const length = newestFirst.reduce((sum, { ids }) => sum + ids.length, 0);
  const order = { ids: new Uint32Array(length), savedAt: new Float64Array(length) };
  let offset = 0;
  for (const { ids, savedAt } of newestFirst) {
    order.ids.set(ids, offset);
    order.savedAt.set(savedAt, offset);
    offset += ids.length;
  }
  return order;
}

/** Stores `order` over the `stored` segments, writing only the segments that changed. */
export async function storeOrder(table: OrderTable, order: DateOrder, stored: readonly OrderSegment[]): Promise<void> {
  const before = new Map(stored.map((segment) => [segment.segment, segment]));
  const count = Math.ceil(order.ids.length / SEGMENT_LENGTH);
  const puts: OrderSegment[] = [];
  for (let segment = 0; segment < count; segment++) {
    const end = order.ids.length - segment * SEGMENT_LENGTH;
    const start = Math.max(0, end - SEGMENT_LENGTH);
    const next = { segment, ids: order.ids.slice(start, end), savedAt: order.savedAt.slice(start, end) };
    if (!sameSegment(before.get(segment), next)) puts.push(next);
  }
  const gone = stored.filter(({ segment }) => segment >= count).map(({ segment }) => segment);
  await Promise.all([puts.length ? table.bulkPut(puts) : null, gone.length ? table.bulkDelete(gone) : null]);
}

function sameSegment(stored: OrderSegment | undefined, next: OrderSegment): boolean {
  if (!stored || stored.ids.length !== next.ids.length) return false;
  for (let index = 0; index < next.ids.length; index++) {
    if (stored.ids[index] !== next.ids[index] || !Object.is(stored.savedAt[index], next.savedAt[index])) return false;
  }
  return true;
}
