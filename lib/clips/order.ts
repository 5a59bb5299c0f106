/**
 * The clips' ids newest first, stored so that the first search after the clips page opens reads a
 * few rows instead of the savedAt index of every clip (51.6 of its 63.3 ms at 10,000 clips). Every
 * write that adds, re-dates or removes clips edits it in its own transaction, and `meta`'s `order`
 * row names the `changes` counter (lib/clips/db.ts, MetaRow) it is true for, so an order that
 * missed a write is known stale and is read again from the clips.
 *
 * It is stored in segments, each a run of the order, so that a write rewrites only the segments
 * whose clips it adds, moves or removes: a save one or two (re-dating an old clip takes it out of
 * an old segment and into the newest), never the segments in between. A segment keeps its bounds
 * when clips come and go, is split when it grows past SEGMENT_MAX and merged into a neighbour when
 * it shrinks below SEGMENT_MIN. The order is built (upgrade, rebuild) in segments of SEGMENT_LENGTH.
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
/** 60 KB: a segment stays under Chromium's 64 KB until it is split. */
export const SEGMENT_MAX = 5000;
/** A segment this short after a write joins a neighbour, so that deletes do not leave many small rows to read. */
export const SEGMENT_MIN = 1024;

export interface DateOrder {
  ids: Uint32Array;
  /** The savedAt of `ids[i]`, NaN for a row without a usable one: what places a clip written later. */
  savedAt: Float64Array;
}

/**
 * A row of `order`: a run of the order, never empty. The key names the row only; where the run
 * belongs is read from its clips (a segment split off later can sit between older keys).
 */
export interface OrderSegment extends DateOrder {
  segment: number;
}

/** What a write does to the stored segments. */
export interface SegmentChange {
  put: OrderSegment[];
  remove: number[];
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

/** The segments in the order's order: by their first (newest) clips. */
function inOrder(segments: readonly OrderSegment[]): OrderSegment[] {
  return [...segments]
    .filter(({ ids }) => ids.length > 0)
    .sort((a, b) => (comesBefore(a.ids[0]!, a.savedAt[0]!, b.ids[0]!, b.savedAt[0]!) ? -1 : 1));
}

/** The number of clips the stored order holds. */
export function orderLength(segments: readonly OrderSegment[]): number {
  return segments.reduce((sum, { ids }) => sum + ids.length, 0);
}

/** The stored order: its segments joined, newest first. */
export function joinSegments(segments: readonly OrderSegment[]): DateOrder {
  return concatenated(inOrder(segments));
}

/** The runs one after the other. */
function concatenated(runs: readonly DateOrder[]): DateOrder {
  const length = runs.reduce((sum, { ids }) => sum + ids.length, 0);
  const order = { ids: new Uint32Array(length), savedAt: new Float64Array(length) };
  let offset = 0;
  for (const { ids, savedAt } of runs) {
    order.ids.set(ids, offset);
    order.savedAt.set(savedAt, offset);
    offset += ids.length;
  }
  return order;
}

/**
 * Stores a whole `order` (built from the clips) over the `stored` segments: cut in segments of
 * SEGMENT_LENGTH from the oldest end, numbered from 0 there, writing only the segments that changed.
 */
export async function storeOrder(table: OrderTable, order: DateOrder, stored: readonly OrderSegment[]): Promise<void> {
  const before = new Map(stored.map((segment) => [segment.segment, segment]));
  const count = Math.ceil(order.ids.length / SEGMENT_LENGTH);
  const put: OrderSegment[] = [];
  for (let segment = 0; segment < count; segment++) {
    const end = order.ids.length - segment * SEGMENT_LENGTH;
    const start = Math.max(0, end - SEGMENT_LENGTH);
    const next = { segment, ids: order.ids.slice(start, end), savedAt: order.savedAt.slice(start, end) };
    if (!sameSegment(before.get(segment), next)) put.push(next);
  }
  const remove = stored.filter(({ segment }) => segment >= count).map(({ segment }) => segment);
  await writeSegments(table, { put, remove });
}

/** Places the clips `written` at their (new) dates and drops the clips `removed` in the stored order. */
export async function editOrder(
  table: OrderTable,
  stored: readonly OrderSegment[],
  written: readonly Dated[],
  removed: Iterable<number> = [],
): Promise<void> {
  await writeSegments(table, editedSegments(stored, written, removed));
}

async function writeSegments(table: OrderTable, { put, remove }: SegmentChange): Promise<void> {
  await Promise.all([put.length ? table.bulkPut(put) : null, remove.length ? table.bulkDelete(remove) : null]);
}

/**
 * The segments `editOrder` writes and deletes. A written clip goes to the segment whose run holds
 * its date, the first one (newest first) whose oldest clip it comes before, or the oldest segment:
 * each segment's run keeps its bounds, so the runs stay in order without touching the others.
 */
export function editedSegments(
  stored: readonly OrderSegment[],
  written: readonly Dated[],
  removed: Iterable<number> = [],
): SegmentChange {
  const dropped = new Set(removed);
  for (const { id } of written) dropped.add(id);
  let nextKey = stored.reduce((highest, { segment }) => Math.max(highest, segment + 1), 0);
  const segments = inOrder(stored);
  if (segments.length === 0)
    segments.push({ segment: nextKey++, ids: new Uint32Array(0), savedAt: new Float64Array(0) });
  const arriving = segments.map((): Dated[] => []);
  let target = 0;
  for (const { id, date } of sorted(written)) {
    while (target < segments.length - 1 && !comesBeforeLast(id, date, segments[target]!)) target++;
    arriving[target]!.push({ id, savedAt: date });
  }
  const edited = segments.map((segment, index) => {
    const changed = arriving[index]!.length > 0 || segment.ids.some((id) => dropped.has(id));
    return { key: segment.segment, changed, run: changed ? reordered(segment, arriving[index]!, dropped) : segment };
  });
  const remove = new Set(stored.filter(({ ids }) => ids.length === 0).map(({ segment }) => segment));
  for (let index = 0; index < edited.length;) {
    const partner = mergePartner(edited, index);
    if (partner === undefined) {
      index++;
      continue;
    }
    const [newer, older] = [Math.min(index, partner), Math.max(index, partner)];
    remove.add(edited[index]!.key);
    edited.splice(newer, 2, {
      key: edited[partner]!.key,
      changed: true,
      run: concatenated([edited[newer]!.run, edited[older]!.run]),
    });
    index = newer;
  }
  const put: OrderSegment[] = [];
  for (const { key, changed, run } of edited) {
    if (!changed) continue;
    if (run.ids.length === 0) {
      remove.add(key);
      continue;
    }
    const pieces = run.ids.length > SEGMENT_MAX ? Math.ceil(run.ids.length / SEGMENT_LENGTH) : 1;
    for (let piece = 0; piece < pieces; piece++) {
      const start = Math.floor((piece * run.ids.length) / pieces);
      const end = Math.floor(((piece + 1) * run.ids.length) / pieces);
      put.push({
        segment: piece === 0 ? key : nextKey++,
        ids: run.ids.slice(start, end),
        savedAt: run.savedAt.slice(start, end),
      });
    }
  }
  return { put, remove: [...remove] };
}

/**
 * The neighbour a segment changed by this write joins when it is shorter than SEGMENT_MIN: the
 * shorter one, if the two fit in SEGMENT_LENGTH.
 */
function mergePartner(edited: readonly { changed: boolean; run: DateOrder }[], index: number): number | undefined {
  const { changed, run } = edited[index]!;
  // An emptied segment is deleted, with nothing to join.
  if (!changed || run.ids.length === 0 || run.ids.length >= SEGMENT_MIN) return undefined;
  const partner = [index - 1, index + 1]
    .filter((other) => other >= 0 && other < edited.length)
    .sort((a, b) => edited[a]!.run.ids.length - edited[b]!.run.ids.length)[0];
  return partner !== undefined && run.ids.length + edited[partner]!.run.ids.length <= SEGMENT_LENGTH
    ? partner
    : undefined;
}

/** Whether the clip (`id`, `date`) comes before the oldest clip of `segment` (an empty one holds any). */
function comesBeforeLast(id: number, date: number, { ids, savedAt }: DateOrder): boolean {
  const last = ids.length - 1;
  return last < 0 || comesBefore(id, date, ids[last]!, savedAt[last]!);
}

function sameSegment(stored: OrderSegment | undefined, next: OrderSegment): boolean {
  if (!stored || stored.ids.length !== next.ids.length) return false;
  for (let index = 0; index < next.ids.length; index++) {
    if (stored.ids[index] !== next.ids[index] || !Object.is(stored.savedAt[index], next.savedAt[index])) return false;
  }
  return true;
}
