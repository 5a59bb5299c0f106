import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipStore, ClipsDb, SCHEMA_HISTORY, openClipStore, toClipsError } from '../../lib/clips';
import { LAST_CHUNK_KEY, POSTINGS_CHUNK } from '../../lib/clips/postings';

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

  it('keeps the clips a version-2 database had indexed when version 3 indexes new ones', async () => {
    const name = `clips-schema-${++counter}`;
    const clip = (n: number) => ({
      url: `https://a.vn/${n}`,
      title: `Bài ${n}`,
      siteName: 'a.vn',
      lang: 'vi',
      kind: 'article' as const,
      text: `Ngân sách ${n % 2 ? 'lẻ' : 'chẵn'}.`,
      summary: [],
      lead: null,
      note: '',
      figures: [],
      related: [],
      tags: [],
    });
    const version2 = new ClipStore(new ClipsDb(name, SCHEMA_HISTORY.slice(0, 2)));
    for (let n = 1; n <= 10; n++) await version2.saveClip(clip(n));
    await version2.indexPending();
    // Version 2 wrote no mark of the last used chunk.
    await version2.db.postings.delete(LAST_CHUNK_KEY);
    version2.close();

    const store = track(openClipStore({ name }));
    // New clips in the chunk version 2 used and in the next one: its rows must be read, not replaced.
    for (let n = 11; n <= POSTINGS_CHUNK + 5; n++) await store.saveClip(clip(n));
    await store.indexPending();
    expect((await store.listClips({ query: 'ngan sach ' })).total).toBe(POSTINGS_CHUNK + 5);
    expect((await store.listClips({ query: 'lẻ ' })).total).toBe((POSTINGS_CHUNK + 6) >> 1);
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
