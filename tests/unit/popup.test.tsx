// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import type { Article, Figure } from '../../lib/article';
import { extractArticle } from '../../lib/extract';
import type { SpeechCommand, SpeechStatus } from '../../lib/messages';
import { PlayerBar } from '../../components/PlayerBar';
import { Popup } from '../../components/popup/Popup';
import type { ArticleLoad, PopupClient } from '../../components/popup/client';
import { CORPUS_DIR } from '../../scripts/lib/corpus';
import { loadMessages, translator } from '../support/i18n';

afterEach(cleanup);

function sampleArticle(): Article {
  const html = readFileSync(join(CORPUS_DIR, 'vn-baolaocai-seed-reconstructed/source.html'), 'utf8');
  const result = extractArticle(parseHtml(html));
  if (!result.ok) throw new Error('the sample page must extract');
  return result.article;
}

const IDLE: SpeechStatus = {
  state: { status: 'idle', index: 0, total: 0, source: null, voice: null, pitch: 1, rate: 1, lang: 'vi' },
  slots: null,
  slot: null,
  error: null,
  sentence: null,
  what: null,
  upNext: [],
  preparing: false,
  following: true,
};

/** The browser side of the popup, recorded: views are tested against what they ask of it. */
function client(load: ArticleLoad | Promise<ArticleLoad>, overrides: Partial<PopupClient> = {}) {
  const calls: {
    revealed: Figure[];
    commands: SpeechCommand[];
    saved: Article[];
    opened: string[];
    queued: string[];
    textSizes: number[];
  } = {
    textSizes: [],
    revealed: [],
    commands: [],
    saved: [],
    opened: [],
    queued: [],
  };
  const popupClient: PopupClient = {
    t: translator('vi'),
    loadArticle: () => Promise.resolve(load),
    reveal: async (figure) => {
      calls.revealed.push(figure);
      return true;
    },
    saveClip: async (article) => {
      calls.saved.push(article);
      return { ok: true, result: { created: true, clip: {} as never } };
    },
    openClips: async () => {},
    openInNewTab: async (url) => void calls.opened.push(url),
    speechStatus: async () => IDLE,
    speech: async (command) => {
      calls.commands.push(command);
      return IDLE;
    },
    onSpeechStatus: () => () => {},
    onDeviceSummarizerReady: async () => false,
    summarizeOnDevice: async () => null,
    voiceOptions: async () => ({
      sameLanguage: [{ name: 'Vietnamese (Southern) espeak-ng', voiceURI: 'south', lang: 'vi-VN-X-SOUTH' }],
      otherLanguages: [{ name: 'German', voiceURI: 'de', lang: 'de' }],
    }),
    queueStories: async (urls) => {
      calls.queued.push(...urls);
      return { status: IDLE, queued: urls.length - 1, skipped: 1 };
    },
    loadTextSize: async () => 15,
    saveTextSize: (size) => void calls.textSizes.push(size),
    ...overrides,
  };
  return { popupClient, calls };
}

async function noAxeViolations(container: Element) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

describe('popup states', () => {
  it('shows a skeleton while the page is being read', () => {
    const { popupClient } = client(new Promise<ArticleLoad>(() => {}));
    render(<Popup client={popupClient} />);
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Đang đọc trang…');
  });

  it.each([
    [{ state: 'restricted' } as const, 'Loa không đọc được trang này'],
    [{ state: 'file-access' } as const, 'Loa chưa được phép đọc tệp trên máy'],
    [{ state: 'not-article', message: 'list' } as const, 'Không có bài viết ở trang này'],
    [{ state: 'too-slow', message: 'stopped after 10000 ms' } as const, 'Đọc trang này quá lâu'],
    [{ state: 'error', message: 'boom' } as const, 'Đã có lỗi khi đọc trang'],
  ])('says what happened and what to do: %o', async (load, title) => {
    const { popupClient } = client(load);
    const { container } = render(<Popup client={popupClient} />);
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('h1')?.textContent).toBe(title);
    expect(alert.querySelector('p')?.textContent?.length).toBeGreaterThan(30);
    await noAxeViolations(container);
  });

  it('shows the ten-second read: title, lead, summary, figures, related', async () => {
    const article = sampleArticle();
    const { popupClient, calls } = client({ state: 'ready', article });
    const { container } = render(<Popup client={popupClient} />);
    await screen.findByRole('heading', { level: 1, name: article.title });
    expect(screen.getByText(article.lead!)).toBeTruthy();
    const figures = screen.getByRole('heading', { name: 'Số liệu chính' }).parentElement!;
    expect(figures.querySelectorAll('button.figure')).toHaveLength(article.figures.length);
    // Each card's snippet is centred on its figure and marks it.
    const first = figures.querySelector('button.figure')!;
    expect(first.querySelector('.figure-sentence mark')?.textContent).toBe(
      first.querySelector('.figure-text')?.textContent,
    );
    fireEvent.click(screen.getByText('4.142 nhiệm vụ', { selector: '.figure-text' }));
    await waitFor(() => expect(calls.revealed.map((figure) => figure.text)).toEqual(['4.142 nhiệm vụ']));
    const related = screen.getByRole('heading', { name: 'Tin liên quan' }).parentElement!;
    expect(related.querySelectorAll('a')).toHaveLength(article.related.length);
    fireEvent.click(related.querySelector('a')!);
    expect(calls.opened).toEqual([article.related[0]!.url]);
    await noAxeViolations(container);
  });

  it('queues the related stories to be read next and says how many', async () => {
    const article = sampleArticle();
    const { popupClient, calls } = client({ state: 'ready', article });
    render(<Popup client={popupClient} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Nghe tiếp các tin này' }));
    await screen.findByText(
      `Đã xếp ${article.related.length - 1} tin để nghe sau bài này. Bỏ qua 1 tin (trang khác hoặc không đọc được).`,
    );
    expect(calls.queued).toEqual(article.related.map((story) => story.url));
  });

  it('says so when none of the related stories could be queued, instead of "0 queued"', async () => {
    const { popupClient } = client(
      { state: 'ready', article: sampleArticle() },
      { queueStories: async (urls) => ({ status: IDLE, queued: 0, skipped: urls.length }) },
    );
    render(<Popup client={popupClient} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Nghe tiếp các tin này' }));
    await screen.findByText(translator('vi')('listenNextNone'));
    expect(screen.queryByText(/Đã xếp 0 tin/)).toBeNull();
  });

  it('shows the site by name, and by host when the page gives an address as its name', async () => {
    const article = { ...sampleArticle(), url: 'https://www.cafef.vn/bai-viet.chn', siteName: 'https://cafef.vn' };
    const { popupClient } = client({ state: 'ready', article });
    const { container, unmount } = render(<Popup client={popupClient} />);
    await screen.findByRole('heading', { level: 1 });
    expect(container.querySelector('.site')?.textContent).toBe('cafef.vn');
    unmount();
    const named = client({ state: 'ready', article: { ...article, siteName: 'Báo điện tử Chính phủ' } });
    const again = render(<Popup client={named.popupClient} />);
    await screen.findByRole('heading', { level: 1 });
    expect(again.container.querySelector('.site')?.textContent).toBe('Báo điện tử Chính phủ');
  });

  it('puts "Lưu bài" first in Tab order, before the player', async () => {
    const { popupClient } = client({ state: 'ready', article: sampleArticle() });
    const { container } = render(<Popup client={popupClient} />);
    await screen.findByRole('heading', { level: 1 });
    const focusable = Array.from(container.querySelectorAll<HTMLElement>('button, a[href], select, input, summary'));
    expect(focusable[0]?.textContent).toBe('Lưu bài');
  });

  it('changes the text size with A−/A+ and remembers it', async () => {
    const { popupClient, calls } = client(
      { state: 'ready', article: sampleArticle() },
      { loadTextSize: async () => 17 },
    );
    render(<Popup client={popupClient} />);
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(document.documentElement.style.fontSize).toBe('17px'));
    fireEvent.click(screen.getByRole('button', { name: /Chữ lớn hơn/ }));
    await waitFor(() => expect(document.documentElement.style.fontSize).toBe('19px'));
    fireEvent.click(screen.getByRole('button', { name: /Chữ nhỏ hơn/ }));
    fireEvent.click(screen.getByRole('button', { name: /Chữ nhỏ hơn/ }));
    fireEvent.click(screen.getByRole('button', { name: /Chữ nhỏ hơn/ }));
    fireEvent.click(screen.getByRole('button', { name: /Chữ nhỏ hơn/ }));
    expect(calls.textSizes).toEqual([19, 17, 15, 13]);
    expect((screen.getByRole('button', { name: /Chữ nhỏ hơn/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers the on-device summary only where the browser has it ready, and shows it', async () => {
    const article = sampleArticle();
    const { popupClient } = client({ state: 'ready', article });
    const { unmount } = render(<Popup client={popupClient} />);
    await screen.findByRole('heading', { level: 1, name: article.title });
    expect(screen.queryByText('Tóm tắt thêm bằng mô hình trên máy của Chrome')).toBeNull();
    unmount();
    const ready = client(
      { state: 'ready', article },
      { onDeviceSummarizerReady: async (lang) => lang === 'vi', summarizeOnDevice: async () => 'Ba ý chính của bài.' },
    );
    render(<Popup client={ready.popupClient} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Tóm tắt thêm bằng mô hình trên máy của Chrome' }));
    await screen.findByText('Ba ý chính của bài.');
  });

  it('renders page strings as text, never as HTML', async () => {
    const article = { ...sampleArticle(), title: '<img src=x onerror=alert(1)>Tin', lead: '<b>đậm</b>' };
    const { popupClient } = client({ state: 'ready', article });
    const { container } = render(<Popup client={popupClient} />);
    await screen.findByText('<img src=x onerror=alert(1)>Tin');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('saves the article as a clip and says so', async () => {
    const article = sampleArticle();
    const { popupClient, calls } = client({ state: 'ready', article });
    render(<Popup client={popupClient} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Lưu bài' }));
    await screen.findByText('Đã lưu vào mục đã lưu.');
    expect(calls.saved).toEqual([article]);
  });

  it('reports a failed save with the store’s message', async () => {
    const { popupClient } = client(
      { state: 'ready', article: sampleArticle() },
      { saveClip: async () => ({ ok: false, code: 'quota', messageKey: 'clips_error_quota', substitutions: [] }) },
    );
    render(<Popup client={popupClient} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Lưu bài' }));
    await waitFor(() =>
      expect(document.querySelector('.status.error')?.textContent).toBe(translator('vi')('clips_error_quota')),
    );
  });
});

describe('player bar', () => {
  const speaking: SpeechStatus = {
    ...IDLE,
    state: { ...IDLE.state, status: 'speaking', index: 4, total: 34 },
    slots: {
      lang: 'vi',
      kind: 'regional',
      missing: false,
      others: [],
      slots: [
        {
          id: 'north-male',
          label: 'Nam miền Bắc',
          voice: { name: 'Vietnamese (Northern) espeak-ng', voiceURI: 'n', lang: 'vi' },
          pitch: 1,
          approximate: false,
          reason: 'exact',
          pin: null,
        },
        {
          id: 'north-female',
          label: 'Nữ miền Bắc',
          voice: { name: 'Vietnamese (Northern)+Annie', voiceURI: 'nf', lang: 'vi' },
          pitch: 1,
          approximate: false,
          reason: 'exact',
          pin: null,
        },
        {
          id: 'south-female',
          label: 'Nữ miền Nam',
          voice: { name: 'Vietnamese (Northern)+Annie', voiceURI: 'nf', lang: 'vi' },
          pitch: 1,
          approximate: true,
          reason: 'other-region',
          pin: null,
        },
        {
          id: 'south-male',
          label: 'Nam miền Nam',
          voice: null,
          pitch: 1,
          approximate: false,
          reason: 'none',
          pin: null,
        },
      ],
    },
    slot: 'north-male',
    sentence: 'Câu thứ năm.',
  };

  it('shows the reader’s real state when reopened mid-reading, and drives it', async () => {
    const { popupClient, calls } = client(
      { state: 'ready', article: sampleArticle() },
      { speechStatus: async () => speaking },
    );
    const { container } = render(<Popup client={popupClient} />);
    await screen.findByText(/Câu 5\/34/);
    const voices = Array.from(container.querySelectorAll('fieldset.voices label')).map((label) => label.textContent);
    expect(voices).toEqual(['Nam miền Bắc', 'Nữ miền Bắc', 'Nữ miền Nam ≈', 'Nam miền Nam']);
    expect((container.querySelector('input[value="south-male"]') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Tạm dừng' }));
    fireEvent.click(screen.getByRole('button', { name: 'Câu tiếp theo' }));
    fireEvent.click(screen.getByRole('button', { name: 'Đoạn tiếp theo' }));
    fireEvent.click(container.querySelector('input[value="north-female"]')!);
    expect(calls.commands).toEqual([
      { action: 'toggle' },
      { action: 'next' },
      { action: 'next-paragraph' },
      { action: 'voice', slot: 'north-female' },
    ]);
    await noAxeViolations(container);
  });

  it('keeps the newest broadcast when a command’s answer arrives after it', async () => {
    let broadcast: (status: SpeechStatus) => void = () => {};
    let answer: (status: SpeechStatus) => void = () => {};
    const { popupClient } = client(
      { state: 'ready', article: sampleArticle() },
      {
        speechStatus: async () => speaking,
        onSpeechStatus: (listener) => {
          broadcast = listener;
          return () => {};
        },
        speech: () => new Promise((resolve) => (answer = resolve)),
      },
    );
    render(<Popup client={popupClient} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Tạm dừng' }));
    broadcast({ ...speaking, state: { ...speaking.state, status: 'paused' } });
    await screen.findByRole('button', { name: translator('vi')('resume') });
    // The answer was taken before the pause was reported, and reaches the popup after it.
    answer(speaking);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('button', { name: 'Tạm dừng' })).toBeNull();
    expect(screen.getByRole('button', { name: translator('vi')('resume') })).toBeTruthy();
  });

  it('names the play button as it reads — Listen, Pause, Resume — in Vietnamese and English', () => {
    for (const lang of ['vi', 'en'] as const) {
      const t = translator(lang);
      for (const [state, label] of [
        ['idle', 'listen'],
        ['speaking', 'pause'],
        ['paused', 'resume'],
      ] as const) {
        const status = { ...speaking, state: { ...speaking.state, status: state } };
        const { container, unmount } = render(
          <PlayerBar
            status={status}
            run={() => {}}
            play={() => {}}
            wordCount={300}
            voiceOptions={async () => ({ sameLanguage: [], otherLanguages: [] })}
            t={t}
          />,
        );
        const button = container.querySelector('button.play')!;
        expect(screen.getByRole('button', { name: t(label) })).toBe(button);
        expect(button.textContent).toBe(t(label));
        unmount();
      }
    }
  });

  it('pins any installed voice to the chosen slot', async () => {
    const { popupClient, calls } = client(
      { state: 'ready', article: sampleArticle() },
      { speechStatus: async () => speaking },
    );
    const { container } = render(<Popup client={popupClient} />);
    await screen.findByText(/Câu 5\/34/);
    const details = container.querySelector('details.pin') as HTMLDetailsElement;
    expect(details.querySelector('summary')?.textContent).toBe('Chọn giọng cho ô “Nam miền Bắc”');
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const select = await waitFor(() => {
      const found = details.querySelector('select');
      if (!found) throw new Error('no voice list yet');
      return found;
    });
    expect(Array.from(select.querySelectorAll('option')).map((option) => option.textContent)).toEqual([
      'Để Loa tự chọn',
      'Vietnamese (Southern) espeak-ng',
      'German (de)',
    ]);
    fireEvent.change(select, { target: { value: 'south' } });
    expect(calls.commands.at(-1)).toEqual({ action: 'pin', slot: 'north-male', voiceURI: 'south' });
  });

  it('says there is no voice for the language and offers others', async () => {
    const noVoice: SpeechStatus = {
      ...IDLE,
      error: 'no-voice',
      slots: {
        lang: 'vi',
        kind: 'regional',
        missing: true,
        slots: [],
        others: [{ name: 'German', voiceURI: 'de', lang: 'de' }],
      },
    };
    const { popupClient, calls } = client(
      { state: 'ready', article: sampleArticle() },
      { speechStatus: async () => noVoice },
    );
    render(<Popup client={popupClient} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Máy này không có giọng đọc');
    fireEvent.change(alert.querySelector('select')!, { target: { value: 'de' } });
    expect(calls.commands).toEqual([{ action: 'pin', slot: 'north-male', voiceURI: 'de' }]);
  });
});

describe('voices before play', () => {
  const speakingApprox = () => ({
    ...IDLE,
    state: { ...IDLE.state, status: 'speaking' as const, index: 1, total: 10 },
    slots: {
      lang: 'vi',
      kind: 'regional' as const,
      missing: false,
      others: [],
      slots: [
        {
          id: 'north-male' as const,
          label: 'Nam miền Bắc',
          voice: { name: 'Vietnamese (Northern) espeak-ng', voiceURI: 'n', lang: 'vi' },
          pitch: 1,
          approximate: false,
          reason: 'exact' as const,
          pin: null,
        },
        {
          id: 'south-female' as const,
          label: 'Nữ miền Nam',
          voice: { name: 'Vietnamese (Northern)+Annie', voiceURI: 'nf', lang: 'vi' },
          pitch: 1.2,
          approximate: true,
          reason: 'other-region' as const,
          pin: null,
        },
      ],
    },
    slot: 'north-male' as const,
  });

  it('says at once that voices are being prepared', async () => {
    const { popupClient } = client(
      { state: 'ready', article: sampleArticle() },
      { speechStatus: async () => ({ ...IDLE, preparing: true }) },
    );
    render(<Popup client={popupClient} />);
    await screen.findByText(translator('vi')('preparingVoice'));
  });

  it('says there is no Vietnamese voice before play, with how to install one on each system', async () => {
    const missing: SpeechStatus = {
      ...IDLE,
      slots: { lang: 'vi', kind: 'regional', missing: true, slots: [], others: [] },
    };
    const { popupClient } = client({ state: 'ready', article: sampleArticle() }, { speechStatus: async () => missing });
    render(<Popup client={popupClient} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Máy này không có giọng đọc');
    const lines = Array.from(alert.querySelectorAll('li')).map((item) => item.textContent);
    expect(lines.map((line) => line?.split(':')[0])).toEqual(['Windows', 'macOS', 'Android', 'Linux']);
    expect(lines[3]).toContain('sudo apt install espeak-ng speech-dispatcher-espeak-ng');
  });

  it('explains an approximate slot in words, and translates slot labels in the English UI', async () => {
    const { popupClient } = client(
      { state: 'ready', article: sampleArticle() },
      { t: translator('en'), speechStatus: async () => speakingApprox() },
    );
    const { container } = render(<Popup client={popupClient} />);
    await waitFor(() => expect(container.querySelector('.approximation')).not.toBeNull());
    expect(Array.from(container.querySelectorAll('fieldset.voices label')).map((label) => label.textContent)).toEqual([
      'Northern male',
      'Southern female ≈',
    ]);
    expect(container.querySelector('.approximation')?.textContent).toBe(
      "≈ Southern female uses “Vietnamese (Northern)+Annie”: the right gender with another region's accent.",
    );
  });

  it('offers to follow the reading again after the user scrolled away', async () => {
    const { popupClient, calls } = client(
      { state: 'ready', article: sampleArticle() },
      { speechStatus: async () => ({ ...speakingApprox(), following: false }) },
    );
    render(<Popup client={popupClient} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Theo câu đang đọc' }));
    expect(calls.commands).toEqual([{ action: 'follow' }]);
  });
});

describe('popup, background and manifest strings', () => {
  it('exist in both Vietnamese and English', () => {
    const files = [
      'components/voices.ts',
      'components/TextSize.tsx',
      'components/popup/ArticleView.tsx',
      'components/PlayerBar.tsx',
      'components/popup/Popup.tsx',
      'entrypoints/background.ts',
      'wxt.config.ts',
    ];
    const used = new Set<string>();
    for (const file of files) {
      const source = readFileSync(join(import.meta.dirname, '../..', file), 'utf8');
      for (const match of source.matchAll(/(?:\bt|getMessage)\('([A-Za-z_]+)'|__MSG_([A-Za-z_]+)__/g)) {
        for (const key of match.slice(1)) if (key) used.add(key);
      }
    }
    expect(used.size).toBeGreaterThan(30);
    for (const lang of ['vi', 'en'] as const) {
      const messages = loadMessages(lang);
      expect([...used].filter((key) => !messages[key])).toEqual([]);
    }
  });
});
