import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../lib/article';
import {
  type ClipInput,
  ClipStore,
  ClipsError,
  clipFromArticle,
  clipFromSelection,
  openClipStore,
} from '../../lib/clips';
import { FIELD_LIMITS } from '../../lib/clips/model';

let counter = 0;
const open: ClipStore[] = [];

/** A store over a database of its own, with a clock that moves one second per save. */
function newStore(start = Date.UTC(2026, 2, 8, 8)) {
  let now = start;
  const store = openClipStore({ name: `clips-store-${++counter}`, now: () => (now += 1000) });
  open.push(store);
  return store;
}

afterEach(() => {
  for (const store of open.splice(0)) store.close();
  vi.restoreAllMocks();
});

function article(overrides: Partial<ClipInput> = {}): ClipInput {
  return {
    url: 'https://baochinhphu.vn/cai-cach-thu-tuc-hanh-chinh-102260308.htm',
    title: 'Đẩy mạnh cải cách thủ tục hành chính',
    siteName: 'Báo Chính phủ',
    lang: 'vi',
    kind: 'article',
    text: 'Chính phủ yêu cầu cắt giảm 4.142 thủ tục.\n\nCác bộ, ngành báo cáo trước ngày 15/3.',
    summary: ['Chính phủ yêu cầu cắt giảm 4.142 thủ tục.'],
    lead: 'Thủ tướng chỉ đạo đẩy nhanh tiến độ.',
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
    ...overrides,
  };
}

describe('saveClip', () => {
  it('stores every field of the input and derives site and key', async () => {
    const store = newStore();
    const { clip, created } = await store.saveClip(
      article({ url: 'https://www.baochinhphu.vn/cai-cach.htm?utm_source=fb#top' }),
    );
    expect(created).toBe(true);
    expect(clip).toMatchObject({
      url: 'https://www.baochinhphu.vn/cai-cach.htm',
      site: 'baochinhphu.vn',
      siteName: 'Báo Chính phủ',
      kind: 'article',
      note: '',
      tags: [],
      figures: article().figures,
      related: article().related,
    });
    expect(await store.getClip(clip.id)).toEqual(clip);
    const { id, key, url, title, site, siteName, lang, savedAt, kind, lead, note, tags } = clip;
    expect((await store.listClips()).clips).toEqual([
      {
        id,
        key,
        url,
        title,
        site,
        siteName,
        lang,
        savedAt,
        kind,
        lead,
        note,
        tags,
        excerpt: 'Chính phủ yêu cầu cắt giảm 4.142 thủ tục. Các bộ, ngành báo cáo trước ngày 15/3.',
      },
    ]);
  });

  it('lists a long text by its opening, cut at a word', async () => {
    const store = newStore();
    const text = 'Chính phủ yêu cầu cắt giảm thủ tục hành chính. '.repeat(20).trim();
    await store.saveClip(article({ text }));
    const [row] = (await store.listClips()).clips;
    const opening = row!.excerpt.slice(0, -1);
    expect(row!.excerpt.endsWith('…')).toBe(true);
    expect(opening.length).toBeLessThanOrEqual(280);
    expect(text.startsWith(opening)).toBe(true);
    expect(text[opening.length]).toMatch(/[\s.]/);
  });

  it('updates the clip of the same page instead of adding a second one, keeping note and tags', async () => {
    const store = newStore();
    const first = await store.saveClip(article());
    await store.updateClip(first.clip.id, { note: 'Đọc lại phần thời hạn', tags: ['thủ tục'] });
    const again = await store.saveClip(article({ url: `${article().url}?utm_medium=social`, title: 'Tiêu đề đã sửa' }));
    expect(again.created).toBe(false);
    expect(again.clip.id).toBe(first.clip.id);
    const { clips, total } = await store.listClips();
    expect(total).toBe(1);
    expect(clips[0]).toMatchObject({ title: 'Tiêu đề đã sửa', note: 'Đọc lại phần thời hạn', tags: ['thủ tục'] });
    expect(clips[0]!.savedAt).toBeGreaterThan(first.clip.savedAt);
  });

  it('keeps selections of one page apart from each other and from the article', async () => {
    const store = newStore();
    const page = { url: article().url, title: article().title, lang: 'vi' };
    await store.saveClip(article());
    await store.saveClip(clipFromSelection(page, 'Các bộ, ngành báo cáo trước ngày 15/3.'));
    await store.saveClip(clipFromSelection(page, 'Chính phủ yêu cầu cắt giảm 4.142 thủ tục.'));
    const repeat = await store.saveClip(clipFromSelection(page, '  Các bộ, ngành báo cáo\ntrước ngày 15/3. '));
    expect(repeat.created).toBe(false);
    expect((await store.listClips()).total).toBe(3);
  });

  it('builds article and summary clips from an extracted article', async () => {
    const extracted: Article = {
      url: 'https://nhandan.vn/bai.html',
      title: 'Tiêu đề',
      byline: null,
      published: null,
      siteName: 'Nhân Dân',
      lang: 'vi',
      lead: 'Sapo.',
      text: 'Câu một. Câu hai.',
      paragraphs: ['Câu một. Câu hai.'],
      sentences: [],
      figures: [],
      related: [],
      summary: ['Câu hai.'],
      wordCount: 4,
    };
    const store = newStore();
    const full = await store.saveClip(clipFromArticle(extracted, 'article'));
    const summary = await store.saveClip(clipFromArticle(extracted, 'summary'));
    expect(full.clip).toMatchObject({
      kind: 'article',
      text: 'Câu một. Câu hai.',
      lead: 'Sapo.',
      summary: ['Câu hai.'],
    });
    expect(summary.clip).toMatchObject({ kind: 'summary', text: 'Câu hai.' });
    expect(summary.clip.id).not.toBe(full.clip.id);
  });

  it('rejects input without a web address or without text, and stores nothing', async () => {
    const store = newStore();
    await expect(store.saveClip(article({ url: 'chrome://newtab' }))).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(store.saveClip(article({ text: '  \n ' }))).rejects.toMatchObject({
      code: 'invalid-input',
      messageKey: 'clips_error_invalid_input',
    });
    expect((await store.listClips()).total).toBe(0);
  });

  it('writes nothing half-way when the disk fills while the search index is written', async () => {
    const store = newStore();
    await store.saveClip(article());
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'pending') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(
      store.saveClip(article({ url: 'https://baochinhphu.vn/khac.htm', title: 'Bài khác' })),
    ).rejects.toMatchObject({
      code: 'quota',
      messageKey: 'clips_error_quota',
    });
    vi.restoreAllMocks();
    const { clips, total } = await store.listClips();
    expect(clips.map((clip) => clip.url)).toEqual([article().url]);
    expect(total).toBe(1);
    expect(await store.db.bodies.count()).toBe(1);
    expect((await store.listClips({ query: 'bai khac' })).total).toBe(0);
  });

  it('validates what a forged save sends as the store does on read', async () => {
    const store = newStore();
    const forged = {
      ...article(),
      title: 'a'.repeat(1_000_000),
      note: 42,
      tags: ['ok', 7, { x: 1 }],
      summary: ['Câu một.', null],
      figures: [...article().figures!, { text: '1', value: 'một' }, null],
      related: [
        ...article().related!,
        { title: 'js', url: 'javascript:alert(1)' },
        { title: 'data', url: 'data:text/html,x' },
        { title: 'relative', url: '/tin.htm' },
        { url: 'https://baochinhphu.vn/no-title.htm' },
      ],
    } as unknown as ClipInput;
    const { clip } = await store.saveClip(forged);
    expect(clip.title).toHaveLength(FIELD_LIMITS.title);
    expect(clip).toMatchObject({
      note: '',
      tags: ['ok'],
      summary: ['Câu một.'],
      figures: article().figures,
      related: article().related,
    });
    expect(await store.getClip(clip.id)).toEqual(clip);
  });

  it('reports a full disk as a quota error and leaves the database as it was', async () => {
    const store = newStore();
    await store.saveClip(article());
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(quota);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(quota);
    const failure = await store
      .saveClip(article({ url: 'https://baochinhphu.vn/khac.htm' }))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ClipsError);
    expect(failure).toMatchObject({ code: 'quota', messageKey: 'clips_error_quota' });
    expect((failure as ClipsError).toFailure()).toEqual({
      ok: false,
      code: 'quota',
      messageKey: 'clips_error_quota',
      substitutions: [],
    });
    vi.restoreAllMocks();
    const { clips } = await store.listClips();
    expect(clips.map((clip) => clip.url)).toEqual([article().url]);
  });
});

describe('listClips', () => {
  async function seeded() {
    const store = newStore();
    await store.saveClip(
      article({
        url: 'https://baochinhphu.vn/1.htm',
        title: 'Cải cách hành chính',
        text: 'Cắt giảm thủ tục.',
        tags: ['thủ tục'],
      }),
    );
    await store.saveClip(
      article({
        url: 'https://nhandan.vn/2.html',
        siteName: 'Nhân Dân',
        title: 'Giá điện tăng',
        text: 'Điều chỉnh giá điện từ tháng 3.',
        tags: ['giá'],
      }),
    );
    await store.saveClip(
      clipFromSelection(
        { url: 'https://nhandan.vn/3.html', title: 'Cách mạng số', lang: 'vi' },
        'Chuyển đổi số và cải cách quản trị.',
      ),
    );
    await store.saveClip(
      article({
        url: 'https://bmwi.de/x',
        siteName: 'BMWi',
        lang: 'de',
        title: 'Förderung',
        text: 'Die Förderung läuft über die KfW.',
      }),
    );
    return store;
  }
  const titles = (page: { clips: { title: string }[] }) => page.clips.map((clip) => clip.title);

  it('lists newest first and pages with offset and limit', async () => {
    const store = await seeded();
    const all = await store.listClips();
    expect(titles(all)).toEqual(['Förderung', 'Cách mạng số', 'Giá điện tăng', 'Cải cách hành chính']);
    const second = await store.listClips({ offset: 1, limit: 2 });
    expect(titles(second)).toEqual(['Cách mạng số', 'Giá điện tăng']);
    expect(second.total).toBe(4);
  });

  it('finds words with or without accents, in title, text or note', async () => {
    const store = await seeded();
    expect(titles(await store.listClips({ query: 'cai cach', order: 'newest' }))).toEqual([
      'Cách mạng số',
      'Cải cách hành chính',
    ]);
    expect(titles(await store.listClips({ query: 'GIÁ ĐIỆN' }))).toEqual(['Giá điện tăng']);
    expect(titles(await store.listClips({ query: 'forderung kfw' }))).toEqual(['Förderung']);
    const [target] = (await store.listClips({ query: 'giá điện' })).clips;
    await store.updateClip(target!.id, { note: 'hỏi lại Bộ Công Thương' });
    expect(titles(await store.listClips({ query: 'cong thuong' }))).toEqual(['Giá điện tăng']);
  });

  it('matches the word being typed as a prefix', async () => {
    const store = await seeded();
    expect(titles(await store.listClips({ query: 'chuyển đổ' }))).toEqual(['Cách mạng số']);
    expect(titles(await store.listClips({ query: 'cai ca', order: 'newest' }))).toEqual([
      'Cách mạng số',
      'Cải cách hành chính',
    ]);
    expect((await store.listClips({ query: 'cai cachx' })).total).toBe(0);
  });

  it('respects accents typed, and finds every spelling without them', async () => {
    const store = newStore();
    await store.saveClip(
      article({
        url: 'https://a.vn/1',
        title: 'Cài đặt cách mới',
        text: 'Hướng dẫn cài phần mềm theo cách mới.',
        lead: null,
      }),
    );
    await store.saveClip(
      article({ url: 'https://a.vn/2', title: 'Cải cách thủ tục', text: 'Cải cách hành chính.', lead: null }),
    );
    expect(titles(await store.listClips({ query: 'cải cách' }))).toEqual(['Cải cách thủ tục']);
    expect(titles(await store.listClips({ query: 'cài ' }))).toEqual(['Cài đặt cách mới']);
    expect(titles(await store.listClips({ query: 'cai cach', order: 'newest' }))).toEqual([
      'Cải cách thủ tục',
      'Cài đặt cách mới',
    ]);
  });

  it('matches quoted words only together, and ranks phrase over words and title over lead over text', async () => {
    const store = newStore();
    const save = (n: number, title: string, lead: string | null, text: string) =>
      store.saveClip(article({ url: `https://a.vn/${n}`, title, lead, text }));
    await save(1, 'Giá xăng', null, 'Điện thì giảm, giá dầu tăng.'); // words apart, in the text
    await save(2, 'Tin kinh tế', 'Giá điện tăng từ tháng 3.', 'Nội dung.'); // phrase in the lead
    await save(3, 'Thị trường', null, 'Bộ Công Thương nói giá điện sẽ tăng.'); // phrase in the text
    await save(4, 'Giá điện tăng', null, 'Nội dung.'); // phrase in the title
    await save(5, 'Điện và giá', null, 'Nội dung khác.'); // words apart, in the title
    expect(titles(await store.listClips({ query: 'giá điện' }))).toEqual([
      'Giá điện tăng',
      'Tin kinh tế',
      'Thị trường',
      'Điện và giá',
      'Giá xăng',
    ]);
    expect(titles(await store.listClips({ query: '"giá điện"' }))).toEqual([
      'Giá điện tăng',
      'Tin kinh tế',
      'Thị trường',
    ]);
    expect(titles(await store.listClips({ query: '"giá điện"', order: 'newest' }))).toEqual([
      'Giá điện tăng',
      'Thị trường',
      'Tin kinh tế',
    ]);
    expect((await store.listClips({ query: '"dien gia"' })).total).toBe(0);
  });

  it.each([
    ['while it is pending', false],
    ['once it is in the postings', true],
  ])('keeps the index in step with edits, re-saves, deletions and undo, %s', async (_when, indexed) => {
    const store = newStore();
    const { clip } = await store.saveClip(
      article({ url: 'https://a.vn/1', title: 'Ngân sách', text: 'Thu ngân sách tăng.', lead: null }),
    );
    if (indexed) await store.indexPending();
    expect(await store.db.pending.count()).toBe(indexed ? 0 : 1);
    expect((await store.listClips({ query: 'thu ' })).total).toBe(1);
    await store.saveClip(
      article({ url: 'https://a.vn/1', title: 'Ngân sách', text: 'Chi đầu tư công tăng.', lead: null }),
    );
    expect((await store.listClips({ query: 'thu ' })).total).toBe(0);
    expect((await store.listClips({ query: 'dau tu ' })).total).toBe(1);
    await store.updateClip(clip.id, { note: 'xem lại quý 4' });
    expect((await store.listClips({ query: 'quý ' })).total).toBe(1);
    await store.updateClip(clip.id, { note: '' });
    expect((await store.listClips({ query: 'quý ' })).total).toBe(0);
    const deleted = await store.deleteClips([clip.id]);
    expect(await store.listClips({ query: 'ngan sach' })).toMatchObject({ total: 0, clips: [] });
    expect((await store.listClips()).total).toBe(0);
    await store.restoreClips(deleted);
    expect(titles(await store.listClips({ query: 'ngan sach' }))).toEqual(['Ngân sách']);
    expect((await store.listClips()).total).toBe(1);
  });

  it('finds the same clips, in the same order, before and after the pending clips are indexed', async () => {
    const store = await seeded();
    const queries = ['cai cach', 'cải cách ', '"cải cách"', 'giá điện', 'chuyển đổ', 'die', 'cach ma'];
    const before = await Promise.all(queries.map((query) => store.listClips({ query })));
    expect(await store.db.pending.count()).toBe(4);
    await store.indexPending();
    expect(await store.db.pending.count()).toBe(0);
    expect(await store.db.buckets.count()).toBeGreaterThan(0);
    expect(await Promise.all(queries.map((query) => store.listClips({ query })))).toEqual(before);
    // A deleted clip's ids stay in the postings, but it is neither listed nor counted.
    const [first] = (await store.listClips({ query: 'cai cach' })).clips;
    await store.deleteClips([first!.id]);
    expect(await store.listClips({ query: 'cai cach' })).toMatchObject({
      total: 1,
      clips: [{ title: 'Cách mạng số' }],
    });
  });

  it('filters by site, tag and kind, combined with search', async () => {
    const store = await seeded();
    expect(titles(await store.listClips({ site: 'nhandan.vn' }))).toEqual(['Cách mạng số', 'Giá điện tăng']);
    expect(titles(await store.listClips({ tag: 'thủ tục' }))).toEqual(['Cải cách hành chính']);
    expect(titles(await store.listClips({ kind: 'selection' }))).toEqual(['Cách mạng số']);
    expect(titles(await store.listClips({ site: 'nhandan.vn', query: 'cai cach' }))).toEqual(['Cách mạng số']);
    expect((await store.listClips({ site: 'baochinhphu.vn', kind: 'selection' })).total).toBe(0);
  });

  it('pages many matches newest first, however they were saved', async () => {
    const store = newStore();
    // Saved-at times out of id order, as after an import of older clips.
    const savedAt = (n: number) => Date.UTC(2026, 0, 1) + ((n * 7919) % 1000) * 60_000;
    const clips = Array.from({ length: 700 }, (_, n) => ({
      url: `https://baochinhphu.vn/${n}.htm`,
      title: `Tin ${n}`,
      site: 'baochinhphu.vn',
      siteName: 'Báo Chính phủ',
      lang: 'vi',
      savedAt: new Date(savedAt(n)).toISOString(),
      kind: 'article',
      text: n % 2 ? 'Tin chung, số lẻ.' : 'Tin chung, số chẵn.',
      summary: [],
      lead: null,
      figures: [],
      related: [],
      note: '',
      tags: [],
    }));
    await store.importJson(
      JSON.stringify({ format: 'loa-clips', version: 1, exportedAt: new Date().toISOString(), clips }),
    );
    const newest = (filter: (n: number) => boolean) =>
      clips
        .map((_, n) => n)
        .filter(filter)
        .sort((a, b) => savedAt(b) - savedAt(a))
        .map((n) => `Tin ${n}`);

    const all = await store.listClips({ query: 'tin chung', offset: 100, limit: 30 });
    expect(all.total).toBe(700);
    expect(titles(all)).toEqual(newest(() => true).slice(100, 130));
    const odd = await store.listClips({ query: 'so le', offset: 40, limit: 30 });
    expect(odd.total).toBe(350);
    expect(titles(odd)).toEqual(newest((n) => n % 2 === 1).slice(40, 70));
  });

  it('sees what another page saved, saved again or deleted since its last search', async () => {
    const store = await seeded();
    let now = Date.UTC(2026, 5, 1);
    const background = openClipStore({ name: store.db.name, now: () => (now += 1000) });
    open.push(background);
    const search = async () => titles(await store.listClips({ query: 'cai cach', order: 'newest' }));
    expect(await search()).toEqual(['Cách mạng số', 'Cải cách hành chính']);
    await background.saveClip(article({ url: 'https://baochinhphu.vn/4.htm', title: 'Cải cách tiền lương' }));
    expect(await search()).toEqual(['Cải cách tiền lương', 'Cách mạng số', 'Cải cách hành chính']);
    await background.saveClip(article({ url: 'https://baochinhphu.vn/1.htm', title: 'Cải cách hành chính' }));
    expect(await search()).toEqual(['Cải cách hành chính', 'Cải cách tiền lương', 'Cách mạng số']);
    const [latest] = (await store.listClips()).clips;
    await background.deleteClips([latest!.id]);
    expect(await search()).toEqual(['Cải cách tiền lương', 'Cách mạng số']);
    expect((await store.listClips({ query: 'cai cach' })).total).toBe(2);
  });

  it('finds what another page changed in the postings since its last search', async () => {
    const store = await seeded();
    await store.indexPending();
    const background = openClipStore({ name: store.db.name });
    open.push(background);
    const search = async () => titles(await store.listClips({ query: 'cai cach', order: 'newest' }));
    expect(await search()).toEqual(['Cách mạng số', 'Cải cách hành chính']);
    const price = (await store.listClips({ query: 'gia dien' })).clips[0]!;
    await background.updateClip(price.id, { note: 'Cải cách giá' });
    expect(await search()).toEqual(['Cách mạng số', 'Giá điện tăng', 'Cải cách hành chính']);
    await background.updateClip(price.id, { note: '' });
    expect(await search()).toEqual(['Cách mạng số', 'Cải cách hành chính']);
  });

  it('offers the sites and tags present as filter choices', async () => {
    const store = await seeded();
    expect(await store.facets()).toEqual({
      sites: ['baochinhphu.vn', 'bmwi.de', 'nhandan.vn'],
      tags: ['giá', 'thủ tục'],
    });
  });

  it('skips and reports a damaged row without losing the others', async () => {
    const store = await seeded();
    const damagedId = await store.db.clips.add({
      key: 'article|broken',
      savedAt: Date.UTC(2030, 0, 1),
      title: 42,
    } as never);
    const page = await store.listClips();
    expect(titles(page)).toEqual(['Förderung', 'Cách mạng số', 'Giá điện tăng', 'Cải cách hành chính']);
    expect(page.corrupted).toEqual([{ id: damagedId, problems: expect.arrayContaining(['title', 'url', 'excerpt']) }]);
    const exported = await store.exportJson();
    expect(exported.count).toBe(4);
    expect(exported.corrupted.map((row) => row.id)).toEqual([damagedId]);
    await expect(store.updateClip(damagedId, { note: 'x' })).rejects.toMatchObject({ code: 'corrupted' });
    expect(await store.db.clips.get(damagedId)).toMatchObject({ title: 42 });
  });

  it('finds a clip whose saved-at time was damaged, last, and reports it', async () => {
    const store = await seeded();
    const [newest] = (await store.listClips({ query: 'cach mang' })).clips;
    await store.db.clips.update(newest!.id, { savedAt: 'yesterday' as never });
    const reopened = openClipStore({ name: store.db.name });
    open.push(reopened);
    const first = await reopened.listClips({ query: 'cai cach', order: 'newest', limit: 1 });
    expect(first).toMatchObject({ total: 2, corrupted: [] });
    expect(titles(first)).toEqual(['Cải cách hành chính']);
    const second = await reopened.listClips({ query: 'cai cach', order: 'newest', offset: 1 });
    expect(second).toMatchObject({ total: 2, clips: [], corrupted: [{ id: newest!.id, problems: ['savedAt'] }] });
  });

  it('treats a stored javascript: link as damage rather than showing it', async () => {
    const store = newStore();
    const { clip } = await store.saveClip(article());
    await store.db.clips.update(clip.id, { url: 'javascript:alert(1)' });
    expect((await store.listClips()).corrupted).toEqual([{ id: clip.id, problems: ['url'] }]);
  });

  it('re-runs under liveQuery when a clip is saved', async () => {
    const store = newStore();
    const totals: number[] = [];
    let resolveSecond!: () => void;
    const second = new Promise<void>((resolve) => (resolveSecond = resolve));
    const subscription = liveQuery(() => store.listClips()).subscribe((page) => {
      totals.push(page.total);
      if (totals.length === 2) resolveSecond();
    });
    await vi.waitFor(() => expect(totals).toEqual([0]));
    await store.saveClip(article());
    await second;
    subscription.unsubscribe();
    expect(totals).toEqual([0, 1]);
  });
});

describe('getClip', () => {
  it('reads a whole clip, and says when it is gone or damaged', async () => {
    const store = newStore();
    const { clip } = await store.saveClip(article());
    expect(await store.getClip(clip.id)).toEqual(clip);
    await expect(store.getClip(clip.id + 1)).rejects.toMatchObject({ code: 'not-found' });
    await store.db.bodies.delete(clip.id);
    await expect(store.getClip(clip.id)).rejects.toMatchObject({
      code: 'corrupted',
      messageKey: 'clips_error_corrupted',
    });
  });

  it('repairs a clip whose text was lost when the page is saved again, keeping note and tags', async () => {
    const store = newStore();
    const { clip } = await store.saveClip(article());
    await store.updateClip(clip.id, { note: 'ghi chú', tags: ['thuế'] });
    await store.db.bodies.update(clip.id, { figures: 'broken' as never });
    expect((await store.exportJson()).corrupted).toEqual([{ id: clip.id, problems: ['figures'] }]);
    const again = await store.saveClip(article());
    expect(again).toMatchObject({
      created: false,
      clip: { id: clip.id, note: 'ghi chú', tags: ['thuế'], figures: article().figures },
    });
    expect((await store.exportJson()).corrupted).toEqual([]);
  });
});

describe('updateClip', () => {
  it('replaces note and normalized tags', async () => {
    const store = newStore();
    const { clip } = await store.saveClip(article({ tags: ['cũ'] }));
    const updated = await store.updateClip(clip.id, { note: '  Ghi chú mới  ', tags: ['Mới', '#mới', 'khác'] });
    expect(updated).toMatchObject({ note: 'Ghi chú mới', tags: ['mới', 'khác'] });
    expect((await store.listClips({ tag: 'cũ' })).total).toBe(0);
    expect((await store.listClips({ tag: 'khác' })).total).toBe(1);
  });

  it('reports a clip deleted elsewhere as not found', async () => {
    const store = newStore();
    await expect(store.updateClip(999, { note: 'x' })).rejects.toMatchObject({
      code: 'not-found',
      messageKey: 'clips_error_not_found',
    });
  });
});

describe('deleteClips and restoreClips', () => {
  it('undoes a deletion exactly, ids included', async () => {
    const store = newStore();
    const a = await store.saveClip(article({ url: 'https://baochinhphu.vn/a.htm', tags: ['x'] }));
    const b = await store.saveClip(article({ url: 'https://baochinhphu.vn/b.htm' }));
    const before = await store.listClips();
    const deleted = await store.deleteClips([a.clip.id, b.clip.id, 12345]);
    expect(deleted.rows.map((row) => row.id)).toEqual([a.clip.id, b.clip.id]);
    expect(deleted.bodies.map((body) => body.id)).toEqual([a.clip.id, b.clip.id]);
    expect((await store.listClips()).total).toBe(0);
    expect(await store.restoreClips(deleted)).toBe(2);
    expect(await store.listClips()).toEqual(before);
    expect(titlesOf(await store.listClips({ query: 'cai cach' }))).toHaveLength(2);
  });

  it('merges the restored note and tags into a clip saved again in the meantime', async () => {
    const store = newStore();
    const first = await store.saveClip(article());
    await store.updateClip(first.clip.id, { note: 'ghi chú cũ', tags: ['cũ'] });
    const deleted = await store.deleteClips([first.clip.id]);
    const resaved = await store.saveClip(article({ title: 'Bản mới' }));
    await store.restoreClips(deleted);
    const { clips, total } = await store.listClips();
    expect(total).toBe(1);
    expect(clips[0]).toMatchObject({ id: resaved.clip.id, title: 'Bản mới', note: 'ghi chú cũ', tags: ['cũ'] });
  });
});

function titlesOf(page: { clips: { title: string }[] }) {
  return page.clips.map((clip) => clip.title);
}
