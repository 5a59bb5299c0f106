import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ClipInput, type ClipStore, EXPORT_VERSION, openClipStore } from '../../lib/clips';
import { ENGLISH_MARKDOWN_LABELS } from '../support/markdown-labels';
import { MAX_IMPORT_BYTES, MAX_IMPORT_CLIPS } from '../../lib/clips/exchange';
import { FIELD_LIMITS } from '../../lib/clips/model';

let counter = 0;
const open: ClipStore[] = [];

function newStore(start = Date.UTC(2026, 2, 8, 8)) {
  let now = start;
  const store = openClipStore({ name: `clips-exchange-${++counter}`, now: () => (now += 1000) });
  open.push(store);
  return store;
}

afterEach(() => {
  for (const store of open.splice(0)) store.close();
  vi.restoreAllMocks();
});

const input = (n: number, overrides: Partial<ClipInput> = {}): ClipInput => ({
  url: `https://baochinhphu.vn/bai-${n}.htm`,
  title: `Bài số ${n}`,
  siteName: 'Báo Chính phủ',
  lang: 'vi',
  kind: 'article',
  text: `Nội dung bài ${n}.\n\nĐoạn thứ hai.`,
  summary: [`Nội dung bài ${n}.`],
  lead: `Sapo ${n}`,
  figures: [
    { text: '98%', value: 98, unit: '%', sentence: 'Đạt 98%.', where: 'lead', start: 5, end: 8, sentenceIndex: -1 },
  ],
  related: [{ title: 'Liên quan', url: 'https://baochinhphu.vn/lien-quan.htm' }],
  note: '',
  tags: [],
  ...overrides,
});

/** Everything a user would miss after a round trip; ids are local to each database. */
async function contents(store: ClipStore) {
  const { clips } = await store.listClips({ limit: 1000 });
  return Promise.all(clips.map(async (row) => ({ ...(await store.getClip(row.id)), id: undefined })));
}

describe('JSON export and import', () => {
  it('round-trips every field of every clip into an empty database', async () => {
    const source = newStore();
    await source.saveClip(input(1, { note: 'ghi chú', tags: ['thuế'] }));
    await source.saveClip(
      input(2, { kind: 'selection', text: 'Một đoạn trích.', summary: [], figures: [], related: [], lead: null }),
    );
    await source.saveClip(input(3, { kind: 'summary', lang: 'vi' }));
    const exported = await source.exportJson();
    expect(exported.count).toBe(3);
    const document = JSON.parse(exported.text);
    expect(document).toMatchObject({ format: 'loa-clips', version: EXPORT_VERSION });
    expect(document.clips[0]).not.toHaveProperty('id');
    expect(document.clips[0]).not.toHaveProperty('words');

    const target = newStore();
    expect(await target.importJson(exported.text)).toEqual({ added: 3, merged: 0 });
    expect(await contents(target)).toEqual(await contents(source));
    expect((await target.listClips({ query: 'noi dung bai 1' })).total).toBe(1);
  });

  it('exports only the chosen clips when ids are given', async () => {
    const store = newStore();
    const a = await store.saveClip(input(1));
    await store.saveClip(input(2));
    const exported = JSON.parse((await store.exportJson([a.clip.id])).text);
    expect(exported.clips.map((clip: { title: string }) => clip.title)).toEqual(['Bài số 1']);
  });

  it('merges clips already present by URL instead of duplicating them', async () => {
    const store = newStore();
    await store.saveClip(input(1, { note: 'ghi chú ở máy này', tags: ['a'] }));
    const file = newStore(Date.UTC(2026, 5, 1));
    await file.saveClip(
      input(1, {
        url: 'http://www.baochinhphu.vn/bai-1.htm/',
        title: 'Bài số 1 (cập nhật)',
        note: 'ghi chú ở máy kia',
        tags: ['b'],
      }),
    );
    await file.saveClip(input(2));
    const text = (await file.exportJson()).text;

    expect(await store.importJson(text)).toEqual({ added: 1, merged: 1 });
    const { clips, total } = await store.listClips();
    expect(total).toBe(2);
    expect(clips.find((clip) => clip.title.startsWith('Bài số 1'))).toMatchObject({
      title: 'Bài số 1 (cập nhật)',
      note: 'ghi chú ở máy này\n\nghi chú ở máy kia',
      tags: ['a', 'b'],
    });
    expect(await store.importJson(text)).toEqual({ added: 0, merged: 2 });
    expect((await store.listClips()).total).toBe(2);
  });

  describe('rejects a bad file with a clear message and changes nothing', () => {
    async function withOneClip() {
      const store = newStore();
      await store.saveClip(input(1));
      return { store, before: await contents(store) };
    }
    const validDocument = async () => {
      const source = newStore();
      await source.saveClip(input(7));
      await source.saveClip(input(8));
      return JSON.parse((await source.exportJson()).text);
    };

    it.each([
      ['not JSON', '{"format": "loa-clips", ', 'clips_import_error_not_json', []],
      ['another program’s JSON', JSON.stringify({ bookmarks: [] }), 'clips_import_error_foreign', []],
      ['a JSON array', '[]', 'clips_import_error_foreign', []],
      [
        'a nonsense version',
        JSON.stringify({ format: 'loa-clips', version: 'one', clips: [] }),
        'clips_import_error_foreign',
        [],
      ],
      [
        'a newer format',
        JSON.stringify({ format: 'loa-clips', version: EXPORT_VERSION + 1, clips: [] }),
        'clips_import_error_newer',
        [String(EXPORT_VERSION + 1)],
      ],
    ])('%s', async (_name, text, messageKey, substitutions) => {
      const { store, before } = await withOneClip();
      await expect(store.importJson(text)).rejects.toMatchObject({ code: 'invalid-import', messageKey, substitutions });
      expect(await contents(store)).toEqual(before);
    });

    it('a file where one clip is damaged imports none of them', async () => {
      const { store, before } = await withOneClip();
      const document = await validDocument();
      document.clips.push({ ...document.clips[0], url: 'javascript:alert(1)', tags: 'thuế', savedAt: 'yesterday' });
      await expect(store.importJson(JSON.stringify(document))).rejects.toMatchObject({
        code: 'invalid-import',
        messageKey: 'clips_import_error_invalid',
        substitutions: ['3', 'savedAt, url, tags', '1'],
      });
      expect(await contents(store)).toEqual(before);
    });

    it('a file with a clip without text or with a malformed figure', async () => {
      const { store, before } = await withOneClip();
      const document = await validDocument();
      document.clips[0].text = '   ';
      document.clips[1].figures = [{ text: '98%', value: '98' }];
      await expect(store.importJson(JSON.stringify(document))).rejects.toMatchObject({
        substitutions: ['1', 'text', '2'],
      });
      expect(await contents(store)).toEqual(before);
    });

    it('a file of 50 MB is refused before it is parsed', async () => {
      const { store, before } = await withOneClip();
      const document = await validDocument();
      const padded = JSON.stringify(document).replace(
        '"clips"',
        `"padding": "${'x'.repeat(50 * 1024 * 1024)}", "clips"`,
      );
      await expect(store.importJson(padded)).rejects.toMatchObject({
        code: 'invalid-import',
        messageKey: 'clips_import_error_too_large',
        substitutions: ['50.0', (MAX_IMPORT_BYTES / 1024 / 1024).toFixed(1)],
      });
      expect(await contents(store)).toEqual(before);
    });

    it('a file of 100,000 clips', async () => {
      const { store, before } = await withOneClip();
      const document = await validDocument();
      // Small clips, so that the file stays under the size limit and the count is what is refused.
      const small = { ...document.clips[0], lead: null, summary: [], figures: [], related: [] };
      document.clips = Array.from({ length: 100_000 }, (_, n) => ({
        ...small,
        url: `https://baochinhphu.vn/${n}.htm`,
      }));
      await expect(store.importJson(JSON.stringify(document))).rejects.toMatchObject({
        messageKey: 'clips_import_error_too_many',
        substitutions: ['100000', String(MAX_IMPORT_CLIPS)],
      });
      expect(await contents(store)).toEqual(before);
    });

    it('a file holding the same clip twice (an edited export)', async () => {
      const { store, before } = await withOneClip();
      const document = await validDocument();
      document.clips.push({ ...document.clips[0], url: `${document.clips[0].url}?utm_source=x`, note: 'sửa tay' });
      await expect(store.importJson(JSON.stringify(document))).rejects.toMatchObject({
        messageKey: 'clips_import_error_duplicate',
        substitutions: ['1', '3'],
      });
      expect(await contents(store)).toEqual(before);
    });

    it.each(['__proto__', 'constructor', 'prototype'])('a file with a "%s" key anywhere', async (key) => {
      const { store, before } = await withOneClip();
      const text = JSON.stringify(await validDocument()).replace('"note":', `"${key}": {"polluted": true}, "note":`);
      await expect(store.importJson(text)).rejects.toMatchObject({
        messageKey: 'clips_import_error_edited',
        substitutions: [key],
      });
      expect(await contents(store)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it.each([
      ['a kind Loa does not have', { kind: 'video' }, 'kind'],
      ['figures that are not figures', { figures: [{ text: '98%', value: 98, unit: '%' }] }, 'figures'],
      ['tags that are not a list', { tags: 'thuế, phí' }, 'tags'],
      ['a lead that is a number', { lead: 42 }, 'lead'],
      ['a summary of objects', { summary: [{ sentence: 'x' }] }, 'summary'],
    ])('an edited export with %s', async (_name, edit, field) => {
      const { store, before } = await withOneClip();
      const document = await validDocument();
      Object.assign(document.clips[1], edit);
      await expect(store.importJson(JSON.stringify(document))).rejects.toMatchObject({
        messageKey: 'clips_import_error_invalid',
        substitutions: ['2', field, '1'],
      });
      expect(await contents(store)).toEqual(before);
    });

    it('a write failure half-way (quota) rolls the whole import back', async () => {
      const { store, before } = await withOneClip();
      const document = await validDocument();
      const put = IDBObjectStore.prototype.put;
      let calls = 0;
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
        if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      });
      vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      await expect(store.importJson(JSON.stringify(document))).rejects.toMatchObject({ code: 'quota' });
      vi.restoreAllMocks();
      expect(await contents(store)).toEqual(before);
    });
  });
});

describe('what an import writes', () => {
  it('reports progress while it writes, ending with every clip', async () => {
    const source = newStore();
    for (let n = 0; n < 250; n++) await source.saveClip(input(n));
    const target = newStore();
    const progress: [number, number][] = [];
    await target.importJson((await source.exportJson()).text, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([
      [0, 250],
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
    expect((await target.listClips()).total).toBe(250);
  });

  it('cleans what it imports as a save does: caps lengths, drops non-http related links', async () => {
    const store = newStore();
    const document = JSON.parse((await newStoreWith(input(1))).text);
    Object.assign(document.clips[0], {
      title: 'x'.repeat(1_000_000),
      related: [
        { title: 'ok', url: 'https://baochinhphu.vn/ok.htm' },
        { title: 'script', url: 'javascript:alert(1)' },
        { title: 'data', url: 'data:text/html,<script>alert(1)</script>' },
      ],
    });
    await store.importJson(JSON.stringify(document));
    const [row] = (await store.listClips()).clips;
    const clip = await store.getClip(row!.id);
    expect(clip.title).toHaveLength(FIELD_LIMITS.title);
    expect(clip.related).toEqual([{ title: 'ok', url: 'https://baochinhphu.vn/ok.htm' }]);
  });

  it('re-imports its own export, over and over, to the identical set', async () => {
    const source = newStore();
    await source.saveClip(input(1, { note: 'ghi chú', tags: ['thuế'] }));
    await source.saveClip(
      input(2, { kind: 'selection', text: 'Một đoạn trích.', summary: [], figures: [], related: [], lead: null }),
    );
    let text = (await source.exportJson()).text;
    for (let round = 0; round < 3; round++) {
      const target = newStore();
      await target.importJson(text);
      expect(await contents(target)).toEqual(await contents(source));
      text = (await target.exportJson()).text;
    }
  });
});

async function newStoreWith(...clips: ClipInput[]) {
  const store = newStore();
  for (const clip of clips) await store.saveClip(clip);
  return store.exportJson();
}

describe('Markdown export', () => {
  const labels = ENGLISH_MARKDOWN_LABELS;

  it('renders a readable document with every section of a clip', async () => {
    const store = newStore();
    await store.saveClip(input(1, { note: 'Dòng một\nDòng hai', tags: ['thuế'] }));
    const { text, count } = await store.exportMarkdown(undefined, labels);
    expect(count).toBe(1);
    expect(text).toBe(
      [
        '# Loa — saved clips',
        '',
        'Exported: 2026-03-08',
        '',
        '---',
        '',
        '## Bài số 1',
        '',
        '- Source: [Báo Chính phủ](<https://baochinhphu.vn/bai-1.htm>)',
        '- Saved: 2026-03-08',
        '- Kind: Article',
        '- Tags: #thuế',
        '',
        '**Sapo 1**',
        '',
        'Nội dung bài 1.',
        '',
        'Đoạn thứ hai.',
        '',
        '### Summary',
        '',
        '- Nội dung bài 1.',
        '',
        '### Key figures',
        '',
        '- 98%',
        '',
        '### Related',
        '',
        '- [Liên quan](<https://baochinhphu.vn/lien-quan.htm>)',
        '',
        '### Note',
        '',
        '> Dòng một',
        '> Dòng hai',
        '',
      ].join('\n'),
    );
  });

  it('escapes page text that Markdown would read as formatting or links', async () => {
    const store = newStore();
    await store.saveClip(
      input(1, {
        title: 'Giá *tăng* [xem](javascript:alert(1))',
        text: '# Không phải tiêu đề\n\n- không phải danh sách\n\n2024. Năm bản lề <b>in đậm</b>',
        lead: null,
        summary: [],
        figures: [],
        related: [{ title: 'x', url: 'javascript:alert(1)' }],
      }),
    );
    const { text } = await store.exportMarkdown(undefined, labels);
    expect(text).toContain('## Giá \\*tăng\\* \\[xem\\]\\(javascript:alert\\(1\\)\\)');
    expect(text).toContain('\\# Không phải tiêu đề');
    expect(text).toContain('\\- không phải danh sách');
    expect(text).toContain('2024\\. Năm bản lề \\<b\\>in đậm\\</b\\>');
    expect(text).not.toMatch(/(?<!\\)\]\(<?javascript:/);
    // buildClip drops the javascript: story on save, so there is nothing left to link.
    expect(text).not.toContain('### Related');
  });
});
