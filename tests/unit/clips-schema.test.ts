import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipStore, ClipsDb, SCHEMA_HISTORY, openClipStore, toClipsError } from '../../lib/clips';
import { type ClipBody, type ClipRow, termsOf } from '../../lib/clips/model';
import { joinSegments } from '../../lib/clips/order';

/**
 * Rows exactly as Loa's first schema wrote them. Frozen on purpose: when the schema changes, these
 * stay as they are, and the current code must still read all of them complete after its upgrades.
 */
const VERSION_1 = {
  clips: [
    {
      id: 1,
      key: 'article|baochinhphu.vn/cai-cach-thu-tuc-102260308.htm',
      url: 'https://baochinhphu.vn/cai-cach-thu-tuc-102260308.htm',
      title: 'Đẩy mạnh cải cách thủ tục hành chính',
      site: 'baochinhphu.vn',
      siteName: 'Báo Chính phủ',
      lang: 'vi',
      savedAt: Date.UTC(2026, 2, 8, 8, 30),
      kind: 'article',
      lead: 'Thủ tướng chỉ đạo đẩy nhanh tiến độ.',
      note: 'Theo dõi hạn 15/3',
      tags: ['thủ tục', 'chính phủ'],
      excerpt: 'Chính phủ yêu cầu cắt giảm 4.142 thủ tục. Các bộ báo cáo trước ngày 15/3.',
    },
    {
      id: 2,
      key: 'selection|nhandan.vn/gia-dien.html|1x2y3z',
      url: 'https://nhandan.vn/gia-dien.html',
      title: 'Điều chỉnh giá điện',
      site: 'nhandan.vn',
      siteName: 'nhandan.vn',
      lang: 'vi',
      savedAt: Date.UTC(2026, 2, 9, 10),
      kind: 'selection',
      lead: null,
      note: '',
      tags: [],
      excerpt: 'Giá điện bình quân tăng 4,8%.',
    },
  ],
  bodies: [
    {
      id: 1,
      text: 'Chính phủ yêu cầu cắt giảm 4.142 thủ tục.\n\nCác bộ báo cáo trước ngày 15/3.',
      summary: ['Chính phủ yêu cầu cắt giảm 4.142 thủ tục.'],
      figures: [
        {
          text: '4.142 thủ tục',
          value: 4142,
          unit: 'thủ tục',
          sentence: 'Chính phủ yêu cầu cắt giảm 4.142 thủ tục.',
          where: 'text',
          start: 28,
          end: 41,
          sentenceIndex: 0,
        },
      ],
      related: [{ title: 'Tin khác', url: 'https://baochinhphu.vn/tin-khac.htm', heading: 'Tin cùng chuyên mục' }],
      words: [
        'day',
        'manh',
        'cai',
        'cach',
        'thu',
        'tuc',
        'hanh',
        'chinh',
        'tuong',
        'chi',
        'dao',
        'nhanh',
        'tien',
        'do',
        'phu',
        'yeu',
        'cau',
        'cat',
        'giam',
        '4',
        '142',
        'cac',
        'bo',
        'bao',
        'truoc',
        'ngay',
        '15',
        '3',
        'theo',
        'doi',
        'han',
      ],
    },
    {
      id: 2,
      text: 'Giá điện bình quân tăng 4,8%.',
      summary: [],
      figures: [],
      related: [],
      words: ['dieu', 'chinh', 'gia', 'dien', 'binh', 'quan', 'tang', '4', '8'],
    },
  ],
};

/** The whole clips the version-1 rows stand for, newest first. */
function version1Clips() {
  return VERSION_1.clips
    .map(({ excerpt: _excerpt, ...row }) => {
      const { words: _words, id: _id, ...body } = VERSION_1.bodies.find((candidate) => candidate.id === row.id)!;
      return { ...row, ...body };
    })
    .sort((a, b) => b.savedAt - a.savedAt);
}

async function writeVersion1(db: Dexie) {
  await db.table('clips').bulkAdd(structuredClone(VERSION_1.clips));
  await db.table('bodies').bulkAdd(structuredClone(VERSION_1.bodies));
}

let counter = 0;
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const close of cleanup.splice(0)) close();
  vi.restoreAllMocks();
});

function track(store: ClipStore) {
  cleanup.push(() => store.close());
  return store;
}

describe('schema upgrades', () => {
  it('opens a version-1 database with the current schema and every clip is there, complete', async () => {
    const name = `clips-schema-${++counter}`;
    const v1 = new ClipsDb(name, SCHEMA_HISTORY.slice(0, 1));
    await writeVersion1(v1);
    v1.close();

    const store = track(openClipStore({ name }));
    const page = await store.listClips();
    expect(page.corrupted).toEqual([]);
    expect(page.clips).toEqual([...VERSION_1.clips].sort((a, b) => b.savedAt - a.savedAt));
    expect(await Promise.all(page.clips.map((row) => store.getClip(row.id)))).toEqual(version1Clips());
    // The indexes work on the upgraded rows too.
    expect((await store.listClips({ query: 'cai cach' })).clips.map((clip) => clip.id)).toEqual([1]);
    // Version 2's index is built from the version-1 rows: accents, phrases, title and note are found.
    expect((await store.listClips({ query: '"cải cách thủ tục"' })).clips.map((clip) => clip.id)).toEqual([1]);
    expect((await store.listClips({ query: 'điện ' })).clips.map((clip) => clip.id)).toEqual([2]);
    expect((await store.listClips({ query: 'hạn 15' })).clips.map((clip) => clip.id)).toEqual([1]);
    expect((await store.listClips({ query: 'cài ' })).total).toBe(0);
    expect((await store.listClips()).total).toBe(2);
    expect(await store.db.bodies.toArray()).toEqual(VERSION_1.bodies.map(({ words: _words, ...body }) => body));
    // The upgrade leaves both clips pending; the clips page then moves them into the postings.
    expect(await store.db.pending.count()).toBe(2);
    await store.indexPending();
    expect(await store.db.pending.count()).toBe(0);
    expect((await store.listClips({ query: '"cải cách thủ tục"' })).clips.map((clip) => clip.id)).toEqual([1]);
    expect((await store.listClips({ tag: 'chính phủ' })).clips.map((clip) => clip.id)).toEqual([1]);
    expect((await store.listClips({ site: 'nhandan.vn', kind: 'selection' })).clips.map((clip) => clip.id)).toEqual([
      2,
    ]);
    const exported = JSON.parse((await store.exportJson()).text);
    expect(exported.clips).toHaveLength(2);
  });

  it('re-indexes every clip of a version-3 database, indexed or pending, into the version-4 buckets', async () => {
    const name = `clips-schema-${++counter}`;
    const v3 = new ClipsDb(name, SCHEMA_HISTORY.slice(0, 3));
    const bodyOf = (id: number) => {
      const { words: _words, ...body } = VERSION_1.bodies.find((candidate) => candidate.id === id)!;
      return body as ClipBody;
    };
    const [indexed, pending] = VERSION_1.clips as ClipRow[];
    // As version 3 left it: clip 1 in its postings (a row per term and chunk, and the last-chunk
    // mark), clip 2 saved since and still pending.
    await v3.table('clips').bulkAdd(structuredClone(VERSION_1.clips));
    await v3.table('bodies').bulkAdd(VERSION_1.bodies.map(({ id }) => bodyOf(id)));
    await v3
      .table('postings')
      .bulkAdd([
        ...termsOf(indexed!, bodyOf(1)).map((term) => ({ term, chunk: 0, ids: [1] })),
        { term: '', chunk: 0, ids: [0] },
      ]);
    // Version 3 kept a pending clip's terms in no particular order.
    await v3.pending.add({ id: 2, terms: termsOf(pending!, bodyOf(2)).reverse() });
    await v3.meta.put({ name: 'count', value: 2 });
    v3.close();

    const store = track(openClipStore({ name }));
    expect((await store.listClips()).clips).toEqual([...VERSION_1.clips].sort((a, b) => b.savedAt - a.savedAt));
    expect(await Promise.all([1, 2].map((id) => store.getClip(id)))).toEqual(
      [...version1Clips()].sort((a, b) => a.id - b.id),
    );
    expect(store.db.tables.map((table) => table.name)).not.toContain('postings');
    expect(await store.db.pending.count()).toBe(2);
    const search = async (query: string) => (await store.listClips({ query })).clips.map((clip) => clip.id);
    for (const stage of ['pending', 'indexed']) {
      if (stage === 'indexed') await store.indexPending();
      expect(await search('"cải cách thủ tục"')).toEqual([1]);
      expect(await search('hạn 15')).toEqual([1]);
      expect(await search('cai cach')).toEqual([1]);
      expect(await search('điện ')).toEqual([2]);
      expect(await search('chin')).toEqual([2, 1]);
      expect(await search('cài ')).toEqual([]);
    }
    expect(await store.db.pending.count()).toBe(0);
    expect(await store.db.buckets.count()).toBeGreaterThan(0);
  });

  it('builds the stored newest-first order of a version-4 database', async () => {
    const name = `clips-schema-${++counter}`;
    const v4 = new ClipsDb(name, SCHEMA_HISTORY.slice(0, 4));
    const bodies = VERSION_1.bodies.map(({ words: _words, ...body }) => body as ClipBody);
    // As version 4 left it: both clips pending (terms sorted), the count and the changes counter.
    await v4.table('clips').bulkAdd(structuredClone(VERSION_1.clips));
    await v4.table('bodies').bulkAdd(bodies);
    await v4.pending.bulkAdd(
      (VERSION_1.clips as ClipRow[]).map((row, index) => ({ id: row.id, terms: termsOf(row, bodies[index]) })),
    );
    await v4.meta.bulkPut([
      { name: 'count', value: 2 },
      { name: 'changes', value: 7 },
    ]);
    v4.close();

    const store = track(openClipStore({ name }));
    expect(await store.db.meta.get('order')).toEqual({ name: 'order', value: 7 });
    expect(joinSegments(await store.db.order.toArray())).toEqual({
      ids: new Uint32Array([2, 1]),
      savedAt: new Float64Array([VERSION_1.clips[1]!.savedAt, VERSION_1.clips[0]!.savedAt]),
    });
    const newest = await store.listClips({ query: 'chin', order: 'newest' });
    expect(newest.clips.map((clip) => clip.id)).toEqual([2, 1]);
    expect(await store.listClips()).toMatchObject({ total: 2, corrupted: [] });
  });

  it('still reads a database that a newer Loa upgraded (after the extension is rolled back)', async () => {
    const name = `clips-schema-${++counter}`;
    const newer = new Dexie(name);
    newer
      .version(3)
      .stores({ clips: '++id, &key, savedAt, site, kind, *tags, lang', bodies: 'id, *words', reading: '++id' });
    await writeVersion1(newer);
    newer.close();

    const store = track(openClipStore({ name }));
    const page = await store.listClips();
    expect(page.corrupted).toEqual([]);
    expect(await Promise.all(page.clips.map((row) => store.getClip(row.id)))).toEqual(version1Clips());
  });

  it('tells the page when an upgrade waits for another tab, and proceeds once it lets go', async () => {
    const name = `clips-schema-${++counter}`;
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      // Native version 5 is below Dexie's 10 for schema version 1, so opening the store must upgrade.
      const request = indexedDB.open(name, 5);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    // Like a stale tab, `old` has no versionchange handler, so it keeps the database open until told.
    const onBlocked = vi.fn(() => old.close());
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const store = track(openClipStore({ name, onBlocked }));
    await expect(store.listClips()).resolves.toMatchObject({ total: 0 });
    expect(onBlocked).toHaveBeenCalledTimes(1);
  });
});

describe('toClipsError', () => {
  it.each([
    [new DOMException('full', 'QuotaExceededError'), 'quota', 'clips_error_quota'],
    [
      Object.assign(new Error('abort'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') }),
      'quota',
      'clips_error_quota',
    ],
    [
      Object.assign(new Error('bulk'), {
        name: 'BulkError',
        failures: [new DOMException('full', 'QuotaExceededError')],
      }),
      'quota',
      'clips_error_quota',
    ],
    [
      Object.assign(new Error('open'), { name: 'OpenFailedError', inner: new DOMException('v', 'VersionError') }),
      'version',
      'clips_error_version',
    ],
    [Object.assign(new Error('no idb'), { name: 'MissingAPIError' }), 'unavailable', 'clips_error_unavailable'],
    [new TypeError('boom'), 'unknown', 'clips_error_unknown'],
  ])('maps %s', (error, code, messageKey) => {
    expect(toClipsError(error)).toMatchObject({ code, messageKey });
  });
});
