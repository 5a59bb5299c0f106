// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import { extractArticle } from '../../lib/extract';
import { articleSentences } from '../../lib/speech/queue';
import type { SpeechStatus } from '../../lib/messages';
import { ReadingSession, sentenceOfSelection } from '../../lib/speech/session';
import { DEFAULT_SETTINGS, parseSpeechSettings, type SpeechSettings } from '../../lib/speech/settings';
import type { VoiceLike } from '../../lib/speech/voice-catalogue';
import { fakeEngine, GERMAN, NORTHERN, type FakeSpeechMode } from '../support/fake-speech';

const ARTICLE = `<!doctype html><html lang="vi"><head><title>Họp phiên thứ 7</title></head><body><h1>Họp phiên thứ 7</h1><article>
<p>Năm 2023, các bộ, ngành đã thực hiện 4.142 nhiệm vụ được giao. Các địa phương ban hành 5.586 văn bản chỉ đạo, đôn đốc thực hiện.</p>
<p>Thủ tướng yêu cầu tiếp tục đẩy mạnh cải cách thủ tục hành chính. Công tác chuyển đổi số được triển khai quyết liệt trên cả nước.</p>
<p>Hội nghị được kết nối trực tuyến tới điểm cầu các tỉnh, thành phố trên cả nước trong suốt buổi sáng nay.</p></article></body></html>`;

function article() {
  const result = extractArticle(parseHtml(ARTICLE, 'https://tin.example.vn/a.html'));
  if (!result.ok) throw new Error(result.message);
  return result.article;
}

function session(voices: VoiceLike[], settings: SpeechSettings = DEFAULT_SETTINGS, mode: FakeSpeechMode = 'instant') {
  const engine = fakeEngine(voices, mode);
  const synth = engine.synth;
  const statuses: SpeechStatus[] = [];
  const saved: SpeechSettings[] = [];
  const reading = new ReadingSession({
    engine,
    document,
    settings,
    saveSettings: (next) => saved.push(next),
    onStatus: (status) => statuses.push(status),
    voicesTimeoutMs: 50,
  });
  return { synth, reading, statuses, saved };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('reading session', () => {
  it('reads the title, then every body sentence, in order, with a Vietnamese voice', async () => {
    const { synth, reading } = session([NORTHERN]);
    const read = article();
    await reading.command({ action: 'play' }, () => read);
    await settle();
    expect(synth.spoken.map((utterance) => utterance.voice?.name)).toEqual(synth.spoken.map(() => NORTHERN.name));
    expect(synth.spoken).toHaveLength(articleSentences(read).length);
    expect(synth.spoken[0]!.text).toBe('Họp phiên thứ bảy');
    expect(synth.spoken[1]!.text).toContain('bốn nghìn một trăm bốn mươi hai nhiệm vụ');
  });

  it("reads the article from the page's own part, which has no figures and no summary", async () => {
    const { synth, reading } = session([NORTHERN]);
    const { figures: _figures, summary: _summary, ...page } = article();
    const status = await reading.command({ action: 'play' }, () => page);
    await settle();
    expect(status.what).toBe('article');
    expect(synth.spoken.map((utterance) => utterance.text)).toHaveLength(articleSentences(page).length);
    expect(synth.spoken[0]!.text).toBe('Họp phiên thứ bảy');
  });

  it('reads the summary of the complete article when asked for it', async () => {
    const { synth, reading } = session([NORTHERN]);
    const complete = article();
    expect(complete.summary.length).toBeGreaterThan(0);
    const status = await reading.command({ action: 'play', what: 'summary' }, () => complete);
    await settle();
    expect(status.what).toBe('summary');
    expect(synth.spoken).toHaveLength(complete.summary.length);
  });

  it('starts at the sentence the user selected', async () => {
    const { synth, reading } = session([NORTHERN]);
    await reading.command({ action: 'toggle' }, article, 'Công tác chuyển đổi số được');
    await settle();
    expect(synth.spoken[0]!.text).toMatch(/^Công tác chuyển đổi số/);
  });

  it('remembers the rate and the chosen voice slot', async () => {
    const { reading, saved } = session([NORTHERN]);
    await reading.prepare('vi');
    await reading.command({ action: 'rate', rate: 1.5 }, article);
    await reading.command({ action: 'voice', slot: 'south-female' }, article);
    expect(saved.at(-1)).toMatchObject({ rate: 1.5, slotByLang: { vi: 'south-female' } });
  });

  it('reads with a voice the user pinned to the slot, and offers every voice to pin', async () => {
    const southern: VoiceLike = {
      name: 'Vietnamese (Southern) espeak-ng',
      lang: 'vi-VN-X-SOUTH',
      voiceURI: 'Vietnamese (Southern) espeak-ng',
      localService: true,
      default: false,
    };
    const { synth, reading, saved } = session([NORTHERN, southern]);
    await reading.prepare('vi');
    expect((await reading.pinnableVoices()).sameLanguage.map((voice) => voice.name)).toEqual(
      expect.arrayContaining([NORTHERN.name, southern.name]),
    );
    await reading.command({ action: 'voice', slot: 'north-male' }, article);
    await reading.command({ action: 'pin', slot: 'north-male', voiceURI: southern.voiceURI }, article);
    expect(saved.at(-1)?.pinsByLang).toEqual({ vi: { 'north-male': southern.voiceURI } });
    await reading.command({ action: 'play' }, article);
    await settle();
    expect(synth.spoken[0]?.voice?.name).toBe(southern.name);
  });

  it('starts at once with the language default voice while the voice list loads, then takes the slot', async () => {
    const { synth, reading, statuses } = session([], DEFAULT_SETTINGS, 'held');
    const status = await reading.command({ action: 'play' }, article);
    expect(status.preparing).toBe(true);
    expect(synth.spoken).toHaveLength(1);
    expect(synth.spoken[0]!.voice).toBeNull();
    expect(synth.spoken[0]!.lang).toBe('vi');
    synth.setVoices([NORTHERN]);
    await settle();
    synth.end();
    await settle();
    expect(synth.spoken[1]!.voice?.name).toBe(NORTHERN.name);
    expect(statuses.at(-1)?.preparing).toBe(false);
    expect(statuses.at(-1)?.slots?.missing).toBe(false);
  });

  it('stops and says "no voice" when the list arrives without one for the language', async () => {
    const { synth, reading, statuses } = session([], DEFAULT_SETTINGS, 'held');
    await reading.command({ action: 'play' }, article);
    synth.setVoices([GERMAN]);
    await settle();
    expect(statuses.at(-1)?.error).toBe('no-voice');
    expect(statuses.at(-1)?.state.status).toBe('idle');
  });

  it('reports the player at once while the voices load, and the filled slots when they arrive', async () => {
    const { synth, reading, statuses } = session([]);
    const first = await reading.statusFor('vi');
    expect(first.preparing).toBe(true);
    expect(first.slots).toBeNull();
    synth.setVoices([NORTHERN]);
    await settle();
    expect(statuses.at(-1)?.preparing).toBe(false);
    expect(statuses.at(-1)?.slots?.slots[0]?.voice?.name).toBe(NORTHERN.name);
  });

  it('sends the first sentence before it searches the page for the article, and still highlights it', async () => {
    const painted = new Map<string, unknown>();
    const page = globalThis as { CSS?: unknown; Highlight?: unknown };
    const [css, highlight] = [page.CSS, page.Highlight];
    page.CSS = { highlights: painted };
    page.Highlight = class {
      constructor(readonly range: Range) {}
    };
    try {
      const { synth, reading } = session([NORTHERN], DEFAULT_SETTINGS, 'manual');
      document.body.innerHTML =
        '<h1>Họp phiên thứ 7</h1><article><p>Năm 2023, các bộ, ngành đã thực hiện 4.142 nhiệm vụ được giao.</p></article>';
      performance.clearMarks();
      await reading.command({ action: 'play' }, article);
      const marks = performance.getEntriesByType('mark').map((mark) => mark.name);
      expect(marks.indexOf('loa:speak')).toBeGreaterThanOrEqual(0);
      expect(marks.indexOf('loa:speak')).toBeLessThan(marks.indexOf('loa:highlight'));
      expect(painted.size).toBe(0);
      synth.start();
      const shown = painted.get('loa-reading') as { range: Range } | undefined;
      expect(shown?.range.toString()).toBe('Họp phiên thứ 7');
      reading.dispose();
    } finally {
      page.CSS = css;
      page.Highlight = highlight;
    }
  });

  it('stops following the sentence when the reader scrolls, and follows again on request', async () => {
    const { synth, reading, statuses } = session([NORTHERN], DEFAULT_SETTINGS, 'held');
    document.body.innerHTML =
      '<article><p>Năm 2023, các bộ, ngành đã thực hiện 4.142 nhiệm vụ được giao.</p></article>';
    await reading.command({ action: 'play' }, article);
    expect(synth.spoken).toHaveLength(1);
    window.dispatchEvent(new Event('wheel'));
    expect(statuses.at(-1)?.following).toBe(false);
    const followed = await reading.command({ action: 'follow' }, article);
    expect(followed.following).toBe(true);
    reading.dispose();
  });
});

describe('the voice remembered for a slot', () => {
  const remembered: SpeechSettings = {
    ...DEFAULT_SETTINGS,
    voiceByLang: {
      vi: { slot: null, voice: { name: NORTHERN.name, voiceURI: NORTHERN.voiceURI, lang: 'vi' }, pitch: 1 },
    },
  };

  it('is not handed to the page engine by name: the language default speaks until the list has it', async () => {
    const { synth, reading } = session([], remembered, 'held');
    await reading.command({ action: 'play' }, article);
    expect(synth.spoken[0]!.voice).toBeNull();
    expect(synth.spoken[0]!.lang).toBe('vi');
    synth.setVoices([NORTHERN]);
    await settle();
    synth.end();
    await settle();
    expect(synth.spoken[1]!.voice).toBe(NORTHERN);
  });

  it('is forgotten when the list arrives without a voice for the language', async () => {
    const { synth, reading, saved } = session([], remembered, 'held');
    await reading.command({ action: 'play' }, article);
    synth.setVoices([GERMAN]);
    await settle();
    expect(saved.at(-1)?.voiceByLang).toEqual({});
  });

  it('is kept when no list comes in time: an engine still starting says nothing about what is installed', async () => {
    const { reading, saved, statuses } = session([], remembered, 'held');
    await reading.command({ action: 'play' }, article);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(statuses.at(-1)?.preparing).toBe(false);
    expect(saved).toEqual([]);
  });

  it('is validated when read from storage', () => {
    const voice = { name: 'Giọng A', voiceURI: 'urn:a', lang: 'vi-VN' };
    const settings = parseSpeechSettings({
      voiceByLang: {
        vi: { slot: 'south-female', voice, pitch: 1.2 },
        en: { slot: null, voice: { ...voice, name: 'Voice B', extra: 1 }, pitch: 7 },
        de: { slot: 'nowhere', voice },
        fr: { slot: null, voice: { name: '', voiceURI: 'x', lang: 'fr' } },
        ja: { slot: null, voice: { name: 'X', lang: 'ja' } },
        es: { slot: null },
        it: 'Giọng A',
      },
    });
    expect(settings.voiceByLang).toEqual({
      vi: { slot: 'south-female', voice, pitch: 1.2 },
      en: { slot: null, voice: { ...voice, name: 'Voice B' }, pitch: 1 },
    });
    expect(parseSpeechSettings({ voiceByLang: [voice] }).voiceByLang).toEqual({});
  });
});

describe('listening to related stories next', () => {
  it('reads queued articles, in order, after the current one ends', async () => {
    const { synth, reading, statuses } = session([NORTHERN]);
    const first = article();
    const second = { ...article(), title: 'Bài thứ hai', lead: null };
    reading.queue([second]);
    expect(statuses.at(-1)?.upNext).toEqual(['Bài thứ hai']);
    await reading.command({ action: 'play' }, () => first);
    await settle();
    const spoken = synth.spoken.map((utterance) => utterance.text);
    expect(spoken.indexOf('Bài thứ hai')).toBe(articleSentences(first).length);
    expect(statuses.at(-1)?.upNext).toEqual([]);
  });

  it('forgets the queue on stop', async () => {
    const { reading } = session([NORTHERN]);
    reading.queue([article()]);
    const status = await reading.command({ action: 'stop' }, article);
    expect(status.upNext).toEqual([]);
  });
});

describe('sentenceOfSelection', () => {
  const sentences = articleSentences(article());
  it('finds the sentence where a selection starts, whatever its spacing and case', () => {
    expect(sentenceOfSelection(sentences, '  THỦ TƯỚNG yêu  cầu tiếp tục')).toBe(
      sentences.findIndex((s) => s.text.startsWith('Thủ tướng yêu cầu')),
    );
  });
  it('ignores selections too short to identify a sentence, or not in the article', () => {
    expect(sentenceOfSelection(sentences, 'Hội')).toBeUndefined();
    expect(sentenceOfSelection(sentences, 'không có trong bài này')).toBeUndefined();
  });
});
