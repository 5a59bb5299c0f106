import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ClipInput, ClipStore, ClipsDb, openClipStore } from '../../lib/clips';
import {
  type DateOrder,
  type Dated,
  type OrderSegment,
  SEGMENT_LENGTH,
  SEGMENT_MAX,
  SEGMENT_MIN,
  editOrder,
  editedSegments,
  joinSegments,
  reordered,
  storeOrder,
} from '../../lib/clips/order';
import { seededRandom } from '../../scripts/lib/random';

let counter = 0;
const open: ClipStore[] = [];

afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

/** A store over a database of its own, with a clock the test sets. */
function newStore() {
  const clock = { now: Date.UTC(2026, 2, 8, 8) };
  const store = openClipStore({ name: `clips-order-${++counter}`, now: () => clock.now });
  open.push(store);
  return { store, clock };
}

function clip(n: number, overrides: Partial<ClipInput> = {}): ClipInput {
  return {
    url: `https://baochinhphu.vn/bai-${n}.htm`,
    title: `Cải cách bài ${n}`,
    siteName: 'Báo Chính phủ',
    lang: 'vi',
    kind: 'article',
    text: `Nội dung cải cách số ${n}.`,
    summary: [],
    lead: null,
    figures: [],
    related: [],
    ...overrides,
  };
}

/** The order as IndexedDB's savedAt index gives it, then the rows it lacks (damaged savedAt), lowest id first. */
async function indexOrder(store: ClipStore): Promise<number[]> {
  const dated = await store.db.clips.orderBy('savedAt').reverse().primaryKeys();
  const all = await store.db.clips.toCollection().primaryKeys();
  return [...dated, ...all.filter((id) => !dated.includes(id))];
}

/** The stored order is the index's order and names the current `changes` counter. */
async function expectStoredOrderRight(store: ClipStore) {
  const [[changes, ordered], segments] = await Promise.all([
    store.db.meta.bulkGet(['changes', 'order']),
    store.db.order.toArray(),
  ]);
  expect(ordered?.value).toBe(changes?.value);
  const order = joinSegments(segments);
  expect([...order.ids]).toEqual(await indexOrder(store));
  const dates = await store.db.clips.bulkGet([...order.ids]);
  expect([...order.savedAt]).toEqual(dates.map((found) => found!.savedAt));
}

async function newestIds(store: ClipStore) {
  return (await store.listClips({ query: 'cai cach', order: 'newest' })).clips.map((found) => found.id);
}

function exportOf(clips: (ClipInput & { savedAt: number })[]) {
  return JSON.stringify({
    format: 'loa-clips',
    version: 1,
    exportedAt: new Date(0).toISOString(),
    clips: clips.map(({ savedAt, ...input }) => ({
      ...input,
      site: 'baochinhphu.vn',
      note: input.note ?? '',
      tags: input.tags ?? [],
      savedAt: new Date(savedAt).toISOString(),
    })),
  });
}

describe('reordered', () => {
  const empty: DateOrder = { ids: new Uint32Array(0), savedAt: new Float64Array(0) };

  it('places clips newest first, the higher id first at equal dates, undated ones last by id', () => {
    const order = reordered(empty, [
      { id: 4, savedAt: 10 },
      { id: 7, savedAt: 'yesterday' },
      { id: 2, savedAt: 30 },
      { id: 5, savedAt: 10 },
      { id: 3, savedAt: NaN },
      { id: 9, savedAt: -Infinity },
      { id: 1, savedAt: Infinity },
    ]);
    expect([...order.ids]).toEqual([1, 2, 5, 4, 9, 3, 7]);
    expect([...order.savedAt]).toEqual([Infinity, 30, 10, 10, -Infinity, NaN, NaN]);
  });

  it('is stored in segments cut from the oldest end, and a new newest clip rewrites only the newest one', async () => {
    const db = new ClipsDb(`clips-order-${++counter}`);
    const length = 2 * SEGMENT_LENGTH + 100;
    const order = reordered(
      empty,
      Array.from({ length }, (_, index) => ({ id: index + 1, savedAt: index })),
    );
    await storeOrder(db.order, order, []);
    const segments = await db.order.toArray();
    expect(segments.map(({ segment, ids }) => [segment, ids.length])).toEqual([
      [0, SEGMENT_LENGTH],
      [1, SEGMENT_LENGTH],
      [2, 100],
    ]);
    expect(joinSegments(segments)).toEqual(order);
    const bulkPut = vi.spyOn(db.order, 'bulkPut');
    const next = reordered(order, [{ id: length + 1, savedAt: length }]);
    await storeOrder(db.order, next, segments);
    expect(bulkPut.mock.calls.map(([rows]) => rows.map(({ segment }) => segment))).toEqual([[2]]);
    expect(joinSegments(await db.order.toArray())).toEqual(next);
    await storeOrder(db.order, reordered(next, [], [1, 2, 3]), await db.order.toArray());
    expect(joinSegments(await db.order.toArray())).toEqual(reordered(next, [], [1, 2, 3]));
    db.close();
  });

  it('moves a re-dated clip, drops removed ones and keeps every other in place', () => {
    const order = reordered(
      empty,
      [1, 2, 3, 4, 5].map((id) => ({ id, savedAt: id * 10 })),
    );
    const next = reordered(
      order,
      [
        { id: 2, savedAt: 60 },
        { id: 6, savedAt: 35 },
        { id: 6, savedAt: 5 },
      ],
      [4],
    );
    expect([...next.ids]).toEqual([2, 5, 3, 1, 6]);
    expect([...next.savedAt]).toEqual([60, 50, 30, 10, 5]);
  });
});

describe('editing the stored order', () => {
  const empty: DateOrder = { ids: new Uint32Array(0), savedAt: new Float64Array(0) };
  /** Clips 1…length saved a minute apart, clip 1 the oldest. */
  const minutes = (length: number) =>
    reordered(
      empty,
      Array.from({ length }, (_, index) => ({ id: index + 1, savedAt: index * 60_000 })),
    );

  it('re-dating the oldest clip rewrites its segment and the newest, none between', async () => {
    const db = new ClipsDb(`clips-order-${++counter}`);
    const length = 3 * SEGMENT_LENGTH + 100;
    const order = minutes(length);
    await storeOrder(db.order, order, []);
    const stored = await db.order.toArray();
    const resaved = [{ id: 1, savedAt: length * 60_000 }];
    const change = editedSegments(stored, resaved);
    expect({ put: change.put.map(({ segment }) => segment), remove: change.remove }).toEqual({
      put: [3, 0],
      remove: [],
    });
    await editOrder(db.order, stored, resaved);
    expect(joinSegments(await db.order.toArray())).toEqual(reordered(order, resaved));
    // A delete from the middle rewrites the one segment that held the clip.
    const deleted = editedSegments(await db.order.toArray(), [], [SEGMENT_LENGTH + 7]);
    expect({ put: deleted.put.map(({ segment }) => segment), remove: deleted.remove }).toEqual({
      put: [1],
      remove: [],
    });
    db.close();
  });

  it('keeps the order through random saves, re-saves, imports and deletes, in bounded segments', () => {
    // The same sequence every run.
    const random = seededRandom(15);
    let expected = minutes(2 * SEGMENT_LENGTH + 10);
    const rows = new Map<number, OrderSegment>();
    // As version 5's first release stored it: cut from the oldest end.
    for (let segment = 0; segment * SEGMENT_LENGTH < expected.ids.length; segment++) {
      const end = expected.ids.length - segment * SEGMENT_LENGTH;
      const start = Math.max(0, end - SEGMENT_LENGTH);
      rows.set(segment, { segment, ids: expected.ids.slice(start, end), savedAt: expected.savedAt.slice(start, end) });
    }
    let nextId = expected.ids.length + 1;
    let now = expected.ids.length * 60_000;
    const someClip = () => expected.ids[Math.floor(random() * expected.ids.length)]!;
    const writes = { single: 0, bulk: 0, splits: 0, merges: 0 };
    for (let step = 0; step < 400; step++) {
      const kind = random();
      let written: Dated[] = [];
      let removed: number[] = [];
      if (kind < 0.3) written = [{ id: nextId++, savedAt: (now += 60_000) }];
      else if (kind < 0.6) written = [{ id: someClip(), savedAt: (now += 60_000) }];
      else if (kind < 0.75) removed = [someClip()];
      else if (kind < 0.85 && expected.ids.length > 2000)
        removed = Array.from({ length: 1 + Math.floor(random() * 1500) }, someClip);
      else {
        // An import: older and newer clips, some dated alike, some undated, one already there.
        written = Array.from({ length: 1 + Math.floor(random() * 1500) }, () => ({
          id: nextId++,
          savedAt: random() < 0.02 ? 'damaged' : Math.floor(random() * now * 1.1),
        }));
        written.push({ id: someClip(), savedAt: written[0]!.savedAt });
      }
      const change = editedSegments([...rows.values()], written, removed);
      const before = rows.size;
      for (const key of change.remove) rows.delete(key);
      for (const segment of change.put) rows.set(segment.segment, segment);
      expected = reordered(expected, written, removed);
      expectSameOrder(joinSegments([...rows.values()]), expected);
      for (const { ids } of rows.values()) expect(ids.length).toBeGreaterThan(0);
      for (const { ids } of rows.values()) expect(ids.length).toBeLessThanOrEqual(SEGMENT_MAX);
      // A short segment is never beside another: it would have joined it.
      const lengths = [...joinedLengths(rows)];
      lengths.forEach((length, index) => {
        if (index > 0) expect(length < SEGMENT_MIN && lengths[index - 1]! < SEGMENT_MIN).toBe(false);
      });
      if (written.length + removed.length === 1) {
        // Out of one segment, into another (split in two if it is full), joining a neighbour if short.
        expect(change.put.length + change.remove.length).toBeLessThanOrEqual(4);
        writes.single++;
      } else writes.bulk++;
      if (rows.size > before) writes.splits++;
      if (rows.size < before) writes.merges++;
    }
    // The sequence reaches every path.
    expect(Object.values(writes).every((count) => count > 0)).toBe(true);
  });
});

/** `toEqual` on typed arrays of 10,000 goes element by element, far too slowly for hundreds of steps. */
function expectSameOrder(actual: DateOrder, expected: DateOrder) {
  const bytes = (array: Uint32Array | Float64Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  expect(actual.ids.length).toBe(expected.ids.length);
  expect(bytes(actual.ids).equals(bytes(expected.ids))).toBe(true);
  expect(bytes(actual.savedAt).equals(bytes(expected.savedAt))).toBe(true);
}

/** The stored segments' lengths, newest segment first. */
function joinedLengths(rows: ReadonlyMap<number, OrderSegment>): number[] {
  const segments = [...rows.values()];
  const order = joinSegments(segments);
  const first = new Map(segments.map(({ ids }) => [ids[0]!, ids.length]));
  const lengths: number[] = [];
  for (let position = 0; position < order.ids.length; position += lengths[lengths.length - 1]!) {
    lengths.push(first.get(order.ids[position]!)!);
  }
  return lengths;
}

describe('the stored newest-first order', () => {
  it('stays the savedAt index order through save, re-save, edit, import, bulk delete and undo', async () => {
    const { store, clock } = newStore();
    for (let n = 0; n < 5; n++) {
      clock.now += 1000;
      await store.saveClip(clip(n));
      await expectStoredOrderRight(store);
    }
    // A re-save moves the clip to the top; one at the same time as another ranks by id.
    clock.now += 1000;
    await store.saveClip(clip(1));
    await store.saveClip(clip(5));
    await expectStoredOrderRight(store);
    await store.updateClip(1, { note: 'cải cách', tags: ['x'] });
    await expectStoredOrderRight(store);
    // An import of older and newer clips, and of a clip already there (merged, at its newer date).
    const base = Date.UTC(2026, 2, 8, 8);
    const imported = await store.importJson(
      exportOf([
        { ...clip(10), savedAt: base - 5000 },
        { ...clip(11), savedAt: clock.now + 5000 },
        { ...clip(2), savedAt: clock.now + 9000 },
        { ...clip(12), savedAt: base + 2500 },
        { ...clip(13), savedAt: base + 2500 },
      ]),
    );
    expect(imported).toEqual({ added: 4, merged: 1 });
    await expectStoredOrderRight(store);
    const ids = await indexOrder(store);
    expect(await newestIds(store)).toEqual(ids);
    const deleted = await store.deleteClips([ids[0]!, ids[3]!, ids[6]!]);
    await expectStoredOrderRight(store);
    expect(await newestIds(store)).toEqual(ids.filter((_, index) => ![0, 3, 6].includes(index)));
    await store.restoreClips(deleted);
    await expectStoredOrderRight(store);
    expect(await newestIds(store)).toEqual(ids);
    await store.indexPending();
    expect(await newestIds(store)).toEqual(ids);
  });

  it('is read again from the clips when it is missing or stale, and written right by the next change', async () => {
    const { store, clock } = newStore();
    for (let n = 0; n < 4; n++) {
      clock.now += 1000;
      await store.saveClip(clip(n));
    }
    expect(await indexOrder(store)).toEqual([4, 3, 2, 1]);
    // Indexed, so that the postings keep the id of the clip deleted next.
    await store.indexPending();
    // As a write that did not keep the order would leave it: the order from before clip 3 was deleted.
    const [before, stamp] = await Promise.all([store.db.order.toArray(), store.db.meta.get('order')]);
    await store.deleteClips([3]);
    await store.db.order.bulkPut(before);
    await store.db.meta.put(stamp!);
    const expected = [4, 2, 1];
    const reopened = openClipStore({ name: store.db.name, now: () => clock.now });
    open.push(reopened);
    const page = await reopened.listClips({ query: 'cai cach', order: 'newest' });
    expect({ ids: page.clips.map((found) => found.id), total: page.total }).toEqual({ ids: expected, total: 3 });
    clock.now += 1000;
    await reopened.saveClip(clip(9));
    await expectStoredOrderRight(reopened);

    await store.db.order.clear();
    const again = openClipStore({ name: store.db.name, now: () => clock.now });
    open.push(again);
    expect(await newestIds(again)).toEqual([5, ...expected]);
    await again.deleteClips([2]);
    await expectStoredOrderRight(again);
    expect(await newestIds(again)).toEqual([5, 4, 1]);
  });
});
