// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import { extractArticle } from '../../lib/extract';
import { articleSentences, PlainUtterance } from '../../lib/speech/speaker';
import { DEFAULT_SETTINGS, ReadingSession, sentenceOfSelection, type SpeechSettings, type SpeechStatus } from '../../lib/speech/session';
import type { UtteranceLike } from '../../lib/speech/speaker';
import type { VoiceLike } from '../../lib/speech/voices';

const ARTICLE = `<!doctype html><html lang="vi"><head><title>Họp phiên thứ 7</title></head><body><h1>Họp phiên thứ 7</h1><article>
<p>Năm 2023, các bộ, ngành đã thực hiện 4.142 nhiệm vụ được giao. Các địa phương ban hành 5.586 văn bản chỉ đạo, đôn đốc thực hiện.</p>
<p>Thủ tướng yêu cầu tiếp tục đẩy mạnh cải cách thủ tục hành chính. Công tác chuyển đổi số được triển khai quyết liệt trên cả nước.</p>
<p>Hội nghị được kết nối trực tuyến tới điểm cầu các tỉnh, thành phố trên cả nước trong suốt buổi sáng nay.</p></article></body></html>`;

function article() {
  const result = extractArticle(parseHtml(ARTICLE, 'https://tin.example.vn/a.html'));
  if (!result.ok) throw new Error(result.message);
  return result.article;
}

/** A speech engine that speaks instantly and records what it was given (the real Speaker runs on it). */
class InstantSynth extends EventTarget {
  spoken: UtteranceLike[] = [];
  speaking = false;
  paused = false;
  pending = false;
  constructor(private voices: VoiceLike[]) {
    super();
  }
  getVoices() {
    return this.voices;
  }
  setVoices(voices: VoiceLike[]) {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }
  speak(utterance: UtteranceLike) {
    this.spoken.push(utterance);
    queueMicrotask(() => {
      (utterance as unknown as EventTarget).dispatchEvent(new Event('start'));
      queueMicrotask(() => (utterance as unknown as EventTarget).dispatchEvent(new Event('end')));
    });
  }
  cancel() {}
  pause() {}
  resume() {}
}

const NORTHERN: VoiceLike = { name: 'Vietnamese (Northern) espeak-ng', lang: 'vi', voiceURI: 'Vietnamese (Northern) espeak-ng', localService: true, default: false };

function session(voices: VoiceLike[], settings: SpeechSettings = DEFAULT_SETTINGS) {
  const synth = new InstantSynth(voices);
  const statuses: SpeechStatus[] = [];
  const saved: SpeechSettings[] = [];
  const reading = new ReadingSession({
    engine: { synth, createUtterance: (text) => new PlainUtterance(text) },
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
    const southern: VoiceLike = { name: 'Vietnamese (Southern) espeak-ng', lang: 'vi-VN-X-SOUTH', voiceURI: 'Vietnamese (Southern) espeak-ng', localService: true, default: false };
    const { synth, reading, saved } = session([NORTHERN, southern]);
    await reading.prepare('vi');
    expect((await reading.pinnableVoices()).sameLanguage.map((voice) => voice.name)).toEqual(expect.arrayContaining([NORTHERN.name, southern.name]));
    await reading.command({ action: 'voice', slot: 'north-male' }, article);
    await reading.command({ action: 'pin', slot: 'north-male', voiceURI: southern.voiceURI }, article);
    expect(saved.at(-1)?.pinsByLang).toEqual({ vi: { 'north-male': southern.voiceURI } });
    await reading.command({ action: 'play' }, article);
    await settle();
    expect(synth.spoken[0]?.voice?.name).toBe(southern.name);
  });

  it('does not start a read that was stopped while it waited for voices', async () => {
    const { synth, reading } = session([]);
    const waiting = reading.command({ action: 'play' }, article);
    await reading.command({ action: 'stop' }, article);
    synth.setVoices([NORTHERN]);
    await waiting;
    await settle();
    expect(synth.spoken).toHaveLength(0);
  });

  it('says "no voice" when the language has none, then reads once voices arrive', async () => {
    const { synth, reading, statuses } = session([]);
    const status = await reading.command({ action: 'play' }, article);
    expect(status.error).toBe('no-voice');
    expect(synth.spoken).toHaveLength(0);
    synth.setVoices([NORTHERN]);
    await settle();
    expect(synth.spoken.length).toBeGreaterThan(0);
    expect(statuses.at(-1)?.error).toBeNull();
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
    expect(sentenceOfSelection(sentences, '  THỦ TƯỚNG yêu  cầu tiếp tục')).toBe(sentences.findIndex((s) => s.text.startsWith('Thủ tướng yêu cầu')));
  });
  it('ignores selections too short to identify a sentence, or not in the article', () => {
    expect(sentenceOfSelection(sentences, 'Hội')).toBeUndefined();
    expect(sentenceOfSelection(sentences, 'không có trong bài này')).toBeUndefined();
  });
});
