// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeEngine } from '../support/fake-speech';
import { loadMessages, translator, type Message } from '../support/i18n';
import { ClipsApp } from '../../components/clips/ClipsApp';
import type { VoiceLike } from '../../lib/speech/voice-catalogue';
import { type ClipInput, ClipsError, type ClipStore, openClipStore } from '../../lib/clips';

const ROOT = resolve(import.meta.dirname, '../..');

let counter = 0;
const stores: ClipStore[] = [];

function newStore() {
  let now = Date.UTC(2026, 2, 8, 8);
  const store = openClipStore({ name: `clips-page-${++counter}`, now: () => (now += 60_000) });
  stores.push(store);
  return store;
}

afterEach(() => {
  cleanup();
  for (const store of stores.splice(0)) store.close();
  vi.restoreAllMocks();
});

const clip = (n: number, overrides: Partial<ClipInput> = {}): ClipInput => ({
  url: `https://baochinhphu.vn/bai-${n}.htm`,
  title: `Bài số ${n}`,
  siteName: 'Báo Chính phủ',
  lang: 'vi',
  kind: 'article',
  text: `Nội dung của bài ${n}.`,
  ...overrides,
});

async function seeded() {
  const store = newStore();
  await store.saveClip(clip(1, { title: 'Cải cách thủ tục hành chính', text: 'Cắt giảm thủ tục.', tags: ['thủ tục'] }));
  await store.saveClip(
    clip(2, { title: 'Giá điện tăng', text: 'Điều chỉnh giá điện.', url: 'https://nhandan.vn/gia-dien.html' }),
  );
  await store.saveClip(clip(3, { title: 'Cách mạng số', kind: 'selection', text: 'Chuyển đổi số và cải cách.' }));
  return store;
}

function show(store: ClipStore, props: Partial<Parameters<typeof ClipsApp>[0]> = {}) {
  const saveFile = vi.fn();
  render(<ClipsApp store={store} t={translator('en')} locale="en" saveFile={saveFile} {...props} />);
  return { saveFile };
}

const listedTitles = () =>
  within(screen.getByRole('list', { name: 'Saved clips, newest first' }))
    .getAllByRole('heading', { level: 2 })
    .map((heading) => heading.textContent?.replace(' (opens in a new tab)', ''));

describe('clips page', () => {
  it('explains how to save when there are no clips yet', async () => {
    show(newStore());
    expect(await screen.findByText('No clips saved yet.')).toBeTruthy();
    expect(screen.getByText(/right-click it and choose “Save selection as clip”/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Saved clips');
  });

  it('speaks Vietnamese first', async () => {
    render(<ClipsApp store={newStore()} t={translator('vi')} locale="vi" />);
    expect(await screen.findByText('Chưa có mục nào được lưu.')).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Tìm trong mục đã lưu' })).toBeTruthy();
  });

  it('lists clips newest first with a link to the source and live-updates on a new save', async () => {
    const store = await seeded();
    show(store);
    await waitFor(() =>
      expect(listedTitles()).toEqual(['Cách mạng số', 'Giá điện tăng', 'Cải cách thủ tục hành chính']),
    );
    const link = screen.getByRole('link', { name: /Giá điện tăng/ });
    expect(link.getAttribute('href')).toBe('https://nhandan.vn/gia-dien.html');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(screen.getByText('Showing 3 of 3 clips')).toBeTruthy();

    await store.saveClip(clip(4, { title: 'Tin mới nhất' }));
    await waitFor(() => expect(listedTitles()[0]).toBe('Tin mới nhất'));
  });

  it('renders page text as text, never as markup', async () => {
    const store = newStore();
    await store.saveClip(
      clip(1, { title: '<img src=x onerror="alert(1)">Tiêu đề', text: '<b>đậm</b> <script>alert(1)</script>' }),
    );
    const { container } = render(<ClipsApp store={store} t={translator('en')} locale="en" />);
    await screen.findByText(/<img src=x onerror="alert\(1\)">Tiêu đề/);
    expect(container.querySelector('img, b, script')).toBeNull();
  });

  it('searches as you type, accents optional, and filters by kind', async () => {
    show(await seeded());
    await waitFor(() => expect(listedTitles()).toHaveLength(3));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search saved clips' }), { target: { value: 'cai cach' } });
    // Best match first (the phrase is in its title), the matched words marked; "Newest" reorders.
    await waitFor(() => expect(listedTitles()).toEqual(['Cải cách thủ tục hành chính', 'Cách mạng số']));
    expect([...document.querySelectorAll('.clip-title mark')].map((mark) => mark.textContent)).toEqual([
      'Cải',
      'cách',
      'Cách',
    ]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Order' }), { target: { value: 'newest' } });
    await waitFor(() => expect(listedTitles()).toEqual(['Cách mạng số', 'Cải cách thủ tục hành chính']));
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'selection' } });
    await waitFor(() => expect(listedTitles()).toEqual(['Cách mạng số']));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search saved clips' }), { target: { value: 'khong co' } });
    expect(await screen.findByText('No clips match the search and filters.')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear search and filters' })[0]!);
    await waitFor(() => expect(listedTitles()).toHaveLength(3));
  });

  it('filters by a tag from a clip and by site', async () => {
    show(await seeded());
    fireEvent.click(await screen.findByRole('button', { name: 'Filter by tag #thủ tục' }));
    await waitFor(() => expect(listedTitles()).toEqual(['Cải cách thủ tục hành chính']));
    expect(screen.getByRole('button', { name: 'Filter by tag #thủ tục' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Site' }), { target: { value: 'nhandan.vn' } });
    await waitFor(() => expect(listedTitles()).toEqual(['Giá điện tăng']));
  });

  it('deletes a clip, moves focus to Undo, and Undo brings it back', async () => {
    show(await seeded());
    fireEvent.click(await screen.findByRole('button', { name: 'Delete: Giá điện tăng' }));
    await waitFor(() => expect(listedTitles()).toEqual(['Cách mạng số', 'Cải cách thủ tục hành chính']));
    expect(screen.getByRole('status', { name: '' }).textContent).toContain('Deleted 1 clip(s).');
    const undo = screen.getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    await waitFor(() =>
      expect(listedTitles()).toEqual(['Cách mạng số', 'Giá điện tăng', 'Cải cách thủ tục hành chính']),
    );
    expect(await screen.findByText('Restored 1 clip(s).')).toBeTruthy();
  });

  it('selects many clips and exports or deletes just those', async () => {
    const { saveFile } = show(await seeded());
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select: Cách mạng số' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select: Giá điện tăng' }));
    expect(screen.getByText('2 selected')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Export selected (JSON)' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const [fileName, text, type] = saveFile.mock.calls[0]!;
    expect(fileName).toMatch(/^loa-clips-\d{4}-\d{2}-\d{2}\.json$/);
    expect(type).toBe('application/json');
    expect(JSON.parse(text).clips.map((entry: { title: string }) => entry.title)).toEqual([
      'Cách mạng số',
      'Giá điện tăng',
    ]);
    expect(await screen.findByText('Exported 2 clip(s).')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete selected' }));
    await waitFor(() => expect(listedTitles()).toEqual(['Cải cách thủ tục hành chính']));
    expect(screen.getByText('Deleted 2 clip(s).')).toBeTruthy();
  });

  it('selects all shown clips at once and exports them as Markdown', async () => {
    const { saveFile } = show(await seeded());
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select all shown clips' }));
    expect(screen.getByText('3 selected')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export selected (Markdown)' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const [fileName, text] = saveFile.mock.calls[0]!;
    expect(fileName).toMatch(/\.md$/);
    expect(text).toContain('# Loa — saved clips');
    expect(text.match(/^## /gm)).toHaveLength(3);
  });

  it('edits note and tags, with Escape cancelling and focus returning to Edit', async () => {
    const store = await seeded();
    show(store);
    const edit = await screen.findByRole('button', { name: 'Edit note and tags: Giá điện tăng' });
    fireEvent.click(edit);
    const form = screen.getByRole('form', { name: 'Edit note and tags: Giá điện tăng' });
    fireEvent.keyDown(within(form).getByRole('textbox', { name: 'Note' }), { key: 'Escape' });
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Edit note and tags: Giá điện tăng'),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Edit note and tags: Giá điện tăng' }));
    const reopened = screen.getByRole('form', { name: 'Edit note and tags: Giá điện tăng' });
    fireEvent.input(within(reopened).getByRole('textbox', { name: 'Note' }), {
      target: { value: 'Hỏi Bộ Công Thương' },
    });
    fireEvent.input(within(reopened).getByRole('textbox', { name: 'Tags (separated by commas)' }), {
      target: { value: 'Giá, điện' },
    });
    fireEvent.submit(reopened);
    expect(await screen.findByText('Hỏi Bộ Công Thương')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Filter by tag #giá' })).toBeTruthy();
    expect((await store.listClips({ query: 'cong thuong' })).clips.map((entry) => entry.title)).toEqual([
      'Giá điện tăng',
    ]);
  });

  it('imports a JSON export and reports what was added and merged', async () => {
    const source = await seeded();
    const text = (await source.exportJson()).text;
    const target = newStore();
    await target.saveClip(clip(1, { title: 'Cải cách thủ tục hành chính', text: 'Cắt giảm thủ tục.' }));
    show(target);
    await screen.findByText('Showing 1 of 1 clips');
    fireEvent.change(screen.getByTestId('import-file'), {
      target: { files: [new File([text], 'loa-clips.json', { type: 'application/json' })] },
    });
    expect(await screen.findByText('Imported: 2 new clip(s), 1 merged into existing clips.')).toBeTruthy();
    await waitFor(() => expect(listedTitles()).toHaveLength(3));
  });

  it('rejects a foreign file with a clear message and keeps the list as it was', async () => {
    const store = await seeded();
    show(store);
    await waitFor(() => expect(listedTitles()).toHaveLength(3));
    fireEvent.change(screen.getByTestId('import-file'), {
      target: { files: [new File(['{"bookmarks":[]}'], 'other.json')] },
    });
    const alert = await screen.findByText('This file is not a Loa clips export. Nothing was changed.');
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    expect((await store.listClips()).total).toBe(3);
  });

  it('shows a database failure as an alert instead of a list', async () => {
    const store = newStore();
    vi.spyOn(store, 'listClips').mockRejectedValue(new ClipsError('unavailable', 'IndexedDB refused'));
    show(store);
    const message = await screen.findByText(/The clips database cannot be opened/);
    expect(message.closest('[role="alert"]')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Saved clips, newest first' })).toBeNull();
  });

  it('warns about damaged clips and still lists the others', async () => {
    const store = await seeded();
    await store.db.clips.add({ key: 'broken', savedAt: Date.UTC(2030, 0, 1) } as never);
    show(store);
    expect(await screen.findByText('1 saved clip(s) are damaged and hidden; all other clips are safe.')).toBeTruthy();
    expect(listedTitles()).toHaveLength(3);
  });

  it('says so while an upgrade waits for another tab', async () => {
    const store = newStore();
    vi.spyOn(store, 'listClips').mockReturnValue(new Promise(() => undefined));
    show(store, { blocked: true });
    const message = await screen.findByText(/another Loa tab still has it open/);
    expect(message.closest('[role="alert"]')).toBeTruthy();
  });

  it('passes axe checks while reading, with a clip open for editing and its details expanded', async () => {
    const store = newStore();
    await store.saveClip(
      clip(1, {
        note: 'Ghi chú',
        tags: ['thuế'],
        lead: 'Sapo.',
        summary: ['Tóm tắt.'],
        related: [{ title: 'Tin khác', url: 'https://baochinhphu.vn/khac.htm' }],
      }),
    );
    await store.saveClip(clip(2, { kind: 'selection', text: 'Một đoạn trích.' }));
    show(store, { speech: fakeSpeech().engine });
    fireEvent.click(await screen.findByRole('button', { name: 'Read aloud: Bài số 2' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit note and tags: Bài số 1' }));
    for (const details of document.querySelectorAll('details')) details.open = true;
    // happy-dom does no layout, so contrast is left to the browser tests.
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`),
    ).toEqual([]);
  });

  it('shows the full text, summary, figures and related stories when details are opened', async () => {
    const store = newStore();
    await store.saveClip(
      clip(1, {
        text: 'Đoạn một.\n\nĐoạn hai.',
        summary: ['Câu tóm tắt.'],
        figures: [
          {
            text: '98%',
            value: 98,
            unit: '%',
            sentence: 'Đạt 98%.',
            where: 'text',
            start: 0,
            end: 3,
            sentenceIndex: 0,
          },
        ],
        related: [
          { title: 'Tin khác', url: 'https://baochinhphu.vn/khac.htm' },
          { title: 'Liên kết lạ', url: 'javascript:alert(1)' },
        ],
      }),
    );
    show(store);
    const details = (await screen.findByText('Full text and details')).closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(await within(details).findByText('Đoạn hai.')).toBeTruthy();
    expect(within(details).getByRole('heading', { name: 'Summary' })).toBeTruthy();
    expect(within(details).getByText('98%')).toBeTruthy();
    expect(within(details).getByRole('link', { name: 'Tin khác' }).getAttribute('href')).toBe(
      'https://baochinhphu.vn/khac.htm',
    );
    expect(within(details).queryByText('Liên kết lạ')).toBeNull();

    await store.saveClip(clip(2, { title: 'Bài khác' }));
    await waitFor(() => expect(listedTitles()).toHaveLength(2));
    expect(within(details).getByText('Đoạn hai.')).toBeTruthy();
    await store.saveClip(clip(1, { text: 'Nội dung mới.' }));
    expect(await within(details).findByText('Nội dung mới.')).toBeTruthy();
  });

  it('focuses the search box on "/"', async () => {
    show(newStore());
    await screen.findByText('No clips saved yet.');
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search saved clips' }));
  });
});

const VOICES: VoiceLike[] = [
  { name: 'Microsoft NamMinh Online (Natural) - Vietnamese (Vietnam)', lang: 'vi-VN', voiceURI: 'namminh' },
  { name: 'Microsoft HoaiMy Online (Natural) - Vietnamese (Vietnam)', lang: 'vi-VN', voiceURI: 'hoaimy' },
  { name: 'Microsoft Katja Online (Natural) - German (Germany)', lang: 'de-DE', voiceURI: 'katja' },
];

/** The page's speech engine, whose utterances start and end only when the test says so. */
function fakeSpeech() {
  const engine = fakeEngine(VOICES);
  const { synth } = engine;
  return { engine, spoken: synth.spoken, synth, finish: () => synth.say() };
}

describe('reading clips aloud', () => {
  it('reads a Vietnamese clip with the chosen regional slot, sentence by sentence, to the end', async () => {
    const store = newStore();
    await store.saveClip(
      clip(1, { title: 'Giá điện tăng', text: 'Giá điện tăng từ tháng sau. Người dân cần tiết kiệm.' }),
    );
    const { engine, spoken, finish } = fakeSpeech();
    show(store, { speech: engine });
    const voice = await screen.findByRole('combobox', { name: 'Voice' });
    expect((voice as HTMLSelectElement).value).toBe('north-male');
    expect([...(voice as HTMLSelectElement).options].map((option) => option.textContent)).toEqual([
      'Northern male',
      'Northern female',
      'Southern female (approximate)',
      'Southern male (approximate)',
    ]);

    fireEvent.click(await screen.findByRole('button', { name: 'Read aloud: Giá điện tăng' }));
    await waitFor(() =>
      expect(spoken.map((utterance) => [utterance.text, utterance.voice?.voiceURI])).toEqual([
        ['Giá điện tăng', 'namminh'],
      ]),
    );
    expect(await screen.findByRole('button', { name: 'Pause reading: Giá điện tăng' })).toBeTruthy();

    fireEvent.change(voice, { target: { value: 'north-female' } });
    expect(spoken.at(-1)?.voice?.voiceURI).toBe('hoaimy');
    expect(spoken.at(-1)?.text).toBe('Giá điện tăng');

    finish();
    finish();
    expect(spoken.slice(-2).map((utterance) => utterance.text)).toEqual([
      'Giá điện tăng từ tháng sau.',
      'Người dân cần tiết kiệm.',
    ]);
    finish();
    expect(await screen.findByRole('button', { name: 'Read aloud: Giá điện tăng' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Stop reading: Giá điện tăng' })).toBeNull();
  });

  it('shows the player bar of the popup while a clip is read: progress, rate, next sentence', async () => {
    const store = newStore();
    await store.saveClip(
      clip(1, { title: 'Giá điện tăng', text: 'Giá điện tăng từ tháng sau. Người dân cần tiết kiệm.' }),
    );
    const { engine, spoken, finish } = fakeSpeech();
    const saved: unknown[] = [];
    show(store, { speech: { ...engine, saveSettings: (settings) => saved.push(settings) } });
    fireEvent.click(await screen.findByRole('button', { name: 'Read aloud: Giá điện tăng' }));
    const player = await screen.findByRole('region', { name: 'Listen' });
    finish();
    await within(player).findByText(/Sentence 2 of 3/);
    fireEvent.change(within(player).getByRole('combobox', { name: 'Reading speed' }), { target: { value: '1.5' } });
    expect(spoken.at(-1)?.rate).toBe(1.5);
    expect(saved.at(-1)).toMatchObject({ rate: 1.5 });
    fireEvent.click(within(player).getByRole('button', { name: 'Next sentence' }));
    expect(spoken.at(-1)?.text).toBe('Người dân cần tiết kiệm.');
  });

  it('starts with the voice slot and rate the user chose in the popup', async () => {
    const store = newStore();
    await store.saveClip(clip(1, { title: 'Giá điện tăng' }));
    const { engine, spoken } = fakeSpeech();
    show(store, { speech: { ...engine, settings: { rate: 1.5, slotByLang: { vi: 'north-female' }, pinsByLang: {} } } });
    const voice = await screen.findByRole('combobox', { name: 'Voice' });
    expect((voice as HTMLSelectElement).value).toBe('north-female');
    fireEvent.click(await screen.findByRole('button', { name: 'Read aloud: Giá điện tăng' }));
    await waitFor(() =>
      expect(spoken.map((utterance) => [utterance.voice?.voiceURI, utterance.rate])).toEqual([['hoaimy', 1.5]]),
    );
  });

  it('stops on Stop and gives focus back to the read button', async () => {
    const store = newStore();
    await store.saveClip(clip(1, { title: 'Giá điện tăng' }));
    const { engine, synth } = fakeSpeech();
    show(store, { speech: engine });
    fireEvent.click(await screen.findByRole('button', { name: 'Read aloud: Giá điện tăng' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Stop reading: Giá điện tăng' }));
    const play = await screen.findByRole('button', { name: 'Read aloud: Giá điện tăng' });
    expect(document.activeElement).toBe(play);
    expect(synth.calls).toContain('cancel');
  });

  it('reads a clip in another language with a voice of that language', async () => {
    const store = newStore();
    await store.saveClip(clip(1, { title: 'Förderung', lang: 'de', text: 'Die KfW fördert.' }));
    const { engine, spoken } = fakeSpeech();
    show(store, { speech: engine });
    fireEvent.click(await screen.findByRole('button', { name: 'Read aloud: Förderung' }));
    await waitFor(() => expect(spoken.map((utterance) => utterance.voice?.voiceURI)).toEqual(['katja']));
  });

  it('says so when no voice speaks the clip’s language', async () => {
    const store = newStore();
    await store.saveClip(clip(1, { title: 'Communiqué', lang: 'fr', text: 'Le texte.' }));
    const { engine, spoken } = fakeSpeech();
    show(store, { speech: engine });
    fireEvent.click(await screen.findByRole('button', { name: 'Read aloud: Communiqué' }));
    const message = await screen.findByText(/No voice for this clip's language is installed/);
    expect(message.closest('[role="alert"]')).toBeTruthy();
    expect(spoken).toEqual([]);
  });

  it('offers no reading without speech synthesis', async () => {
    const store = newStore();
    await store.saveClip(clip(1));
    show(store);
    await screen.findByRole('button', { name: 'Delete: Bài số 1' });
    expect(screen.queryByRole('button', { name: /Read aloud/ })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Voice' })).toBeNull();
  });
});

describe('clips messages', () => {
  const vi_ = loadMessages('vi');
  const en = loadMessages('en');
  const placeholderCount = (entry: Message) => Object.keys(entry.placeholders ?? {}).length;

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
    });
  }

  it('has every clips_ key the code uses, in Vietnamese and English', () => {
    const used = new Set<string>();
    for (const dir of ['lib/clips', 'components/clips', 'entrypoints/clips']) {
      for (const file of sourceFiles(join(ROOT, dir))) {
        for (const match of readFileSync(file, 'utf8').matchAll(/'(clips_[a-z0-9_]+)'/g)) used.add(match[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) {
      expect(vi_[key], `vi ${key}`).toBeDefined();
      expect(en[key], `en ${key}`).toBeDefined();
    }
  });

  it('gives Vietnamese and English the same placeholders for every clips_ message', () => {
    const keys = Object.keys(en).filter((key) => key.startsWith('clips_'));
    expect(
      Object.keys(vi_)
        .filter((key) => key.startsWith('clips_'))
        .sort(),
    ).toEqual(keys.sort());
    for (const key of keys) {
      expect(placeholderCount(vi_[key]!), key).toBe(placeholderCount(en[key]!));
      for (const entry of [vi_[key]!, en[key]!]) {
        for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
          expect(entry.placeholders?.[name!.toLowerCase()], `${key}: $${name}$`).toBeDefined();
        }
      }
    }
  });
});
