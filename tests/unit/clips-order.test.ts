import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ClipInput, ClipStore, ClipsDb, openClipStore } from '../../lib/clips';
import { type DateOrder, SEGMENT_LENGTH, joinSegments, reordered, storeOrder } from '../../lib/clips/order';

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
