import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  articleSentences,
  buildQueue,
  selectionSentences,
  splitLongSentence,
  summarySentences,
  type SpeechSentence,
} from '../../lib/speech/queue';
import { Speaker } from '../../lib/speech/speaker';
import type { SpeakerEvent } from '../../lib/speech/speaker-ports';
import { PlainUtterance, type SynthLike, type UtteranceLike } from '../../lib/speech/engine';
import type { VoiceLike, VoiceRef } from '../../lib/speech/voice-catalogue';
import { FakeSynth, NORTHERN, SOUTHERN_FEMALE } from '../support/fake-speech';
import { speakable } from '../../lib/speech/normalize';

// The real normalizer, watched: the speaker must not normalize a whole article before the first word.
vi.mock('../../lib/speech/normalize', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/speech/normalize')>();
  return { ...real, speakable: vi.fn(real.speakable) };
});

const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));

const ref = (v: VoiceLike): VoiceRef => ({ name: v.name, voiceURI: v.voiceURI, lang: v.lang });

function sentences(...texts: string[]): SpeechSentence[] {
  let offset = 0;
  return texts.map((text, i) => {
    const s = { text, start: offset, end: offset + text.length, paragraph: i, source: 'text' as const };
    offset += text.length + 2;
    return s;
  });
}

function setup(options: { pauseMode?: 'restart' | 'native'; voices?: VoiceLike[] } = {}) {
  const synth = new FakeSynth(options.voices ?? [NORTHERN, SOUTHERN_FEMALE]);
  const speaker = new Speaker({
    synth,
    createUtterance: (text) => new PlainUtterance(text),
    pauseMode: options.pauseMode,
    startTimeoutMs: 5000,
  });
  const events: SpeakerEvent[] = [];
  speaker.subscribe((e) => events.push(e));
  speaker.setVoice({ voice: ref(NORTHERN) });
  const kinds = () =>
    events.filter((e) => e.type !== 'state').map((e) => ('index' in e ? `${e.type}:${e.index}` : e.type));
  const errors = () => events.filter((e) => e.type === 'error');
  return { synth, speaker, events, kinds, errors };
}

describe('building the queue', () => {
  it('keeps a short sentence whole, with the spoken form normalized', () => {
    const [item] = buildQueue(sentences('Có 4.142 nhiệm vụ.'), 'vi');
    expect(item).toMatchObject({
      sentence: 0,
      text: 'Có 4.142 nhiệm vụ.',
      speak: 'Có bốn nghìn một trăm bốn mươi hai nhiệm vụ.',
    });
  });

  it('cuts a long sentence at clause boundaries, with offsets into the original text', () => {
    const text =
      'Ban Chỉ đạo đánh giá kết quả công tác cải cách hành chính năm 2023, phương hướng và nhiệm vụ năm 2024, ' +
      'đồng thời yêu cầu các bộ, ngành, địa phương tiếp tục rà soát, cắt giảm thủ tục hành chính; ' +
      'đẩy mạnh chuyển đổi số, nâng cao chất lượng phục vụ người dân và doanh nghiệp trong năm tới.';
    const body = { text, start: 100, end: 100 + text.length, paragraph: 3, source: 'text' as const };
    const items = buildQueue([body], 'vi', 80);
    expect(items.length).toBeGreaterThan(2);
    for (const item of items) {
      expect(item.text.length).toBeLessThanOrEqual(80);
      expect(text.slice(item.start - 100, item.end - 100)).toBe(item.text);
      expect(item).toMatchObject({ sentence: 0, paragraph: 3 });
    }
    expect(items[0]?.text).toBe('Ban Chỉ đạo đánh giá kết quả công tác cải cách hành chính năm 2023,');
    expect(items.map((i) => i.text).join(' ')).toBe(text);
  });

  it('cuts at a space when a clause is longer than the limit, and never inside "1,5"', () => {
    const text = 'mức 1,5 tỷ đồng cho mỗi dự án được phê duyệt trong năm';
    expect(splitLongSentence(text, 20).map((p) => text.slice(p.start, p.end))).toEqual([
      'mức 1,5 tỷ đồng cho',
      'mỗi dự án được phê',
      'duyệt trong năm',
    ]);
  });

  it('reads an article as title, lead sentences, then body sentences', () => {
    const result = articleSentences({
      title: ' Chính sách mới',
      lang: 'vi',
      lead: 'Câu một của sapo. Câu hai của sapo.',
      sentences: [{ text: 'Thân bài.', start: 0, end: 9, paragraph: 0 }],
    });
    expect(result.map((s) => [s.source, s.text])).toEqual([
      ['title', 'Chính sách mới'],
      ['lead', 'Câu một của sapo.'],
      ['lead', 'Câu hai của sapo.'],
      ['text', 'Thân bài.'],
    ]);
    expect(result[0]).toMatchObject({ start: 1, end: 15 });
    expect(result[2]).toMatchObject({ start: 18, end: 35 });
  });

  it('reads a summary and a selection', () => {
    expect(summarySentences(['Một.', ' ', ' Hai.']).map((s) => [s.source, s.paragraph, s.text, s.start])).toEqual([
      ['summary', 0, 'Một.', 0],
      ['summary', 2, 'Hai.', 1],
    ]);
    expect(selectionSentences('Một câu. Câu nữa.', 'vi').map((s) => s.text)).toEqual(['Một câu.', 'Câu nữa.']);
  });
});

describe('Speaker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes window.speechSynthesis and SpeechSynthesisUtterance as they are', () => {
    expectTypeOf<SpeechSynthesis>().toExtend<SynthLike>();
    expectTypeOf<SpeechSynthesisUtterance>().toExtend<UtteranceLike>();
  });

  it('reads the sentences in order, one utterance each, with the voice object from the engine', () => {
    const { synth, speaker, kinds } = setup();
    speaker.load(sentences('Một.', 'Hai.', 'Ba.'), 'vi');
    speaker.play();
    synth.say();
    synth.say();
    synth.say();
    expect(synth.spoken.map((u) => u.text)).toEqual(['Một.', 'Hai.', 'Ba.']);
    expect(synth.spoken.every((u) => u.voice === NORTHERN && u.lang === 'vi' && u.rate === 1 && u.pitch === 1)).toBe(
      true,
    );
    expect(kinds()).toEqual([
      'sentence-start:0',
      'sentence-end:0',
      'sentence-start:1',
      'sentence-end:1',
      'sentence-start:2',
      'sentence-end:2',
      'end',
    ]);
    expect(speaker.getState()).toMatchObject({ status: 'idle', index: 0, total: 3 });
  });

  it('normalizes the first utterance before speaking, and each next one while the one before is heard', () => {
    const { synth, speaker } = setup();
    speaker.load(sentences('Có 4.142 nhiệm vụ.', 'Tăng 12%.', 'Ngày 3/4.', 'Lần thứ 7.'), 'vi');
    vi.mocked(speakable).mockClear();
    speaker.play();
    const normalized = () => vi.mocked(speakable).mock.calls.map(([text]) => text);
    expect(normalized()).toEqual(['Có 4.142 nhiệm vụ.']);
    synth.start();
    expect(normalized()).toEqual(['Có 4.142 nhiệm vụ.', 'Tăng 12%.']);
    synth.end();
    expect(synth.spoken.map((u) => u.text)).toEqual([
      'Có bốn nghìn một trăm bốn mươi hai nhiệm vụ.',
      'Tăng mười hai phần trăm.',
    ]);
  });

  it('tells its listeners it is speaking once the utterance is with the engine, so they do not delay it', () => {
    const { synth, speaker } = setup();
    speaker.load(sentences('Một.', 'Hai.'), 'vi');
    const spokenWhenTold: number[] = [];
    speaker.subscribe((event) => {
      if (event.type === 'state' && event.state.status === 'speaking') spokenWhenTold.push(synth.spoken.length);
    });
    speaker.play();
    expect(spokenWhenTold).toEqual([1]);
  });

  it('speaks the normalized text', () => {
    const { synth, speaker } = setup();
    speaker.load(sentences('Tăng 78,7%.'), 'vi');
    speaker.play();
    expect(synth.current?.text).toBe('Tăng bảy mươi tám phẩy bảy phần trăm.');
  });

  it('reports no-voice and speaks nothing without a voice', () => {
    const { synth, speaker, errors } = setup();
    speaker.setVoice({ voice: null });
    speaker.load(sentences('Một.'), 'vi');
    speaker.play();
    expect(synth.spoken).toHaveLength(0);
    expect(errors()).toEqual([{ type: 'error', error: 'no-voice', fatal: true, index: 0 }]);
    expect(speaker.getState().status).toBe('idle');
  });

  it('reports a chosen voice that is no longer installed', () => {
    const { synth, speaker, errors } = setup({ voices: [SOUTHERN_FEMALE] });
    speaker.load(sentences('Một.'), 'vi');
    speaker.play();
    expect(synth.spoken).toHaveLength(0);
    expect(errors().map((e) => e.type === 'error' && e.error)).toEqual(['voice-unavailable']);
  });

  it('skipping cancels the utterance without the cancel counting as an error or an advance', async () => {
    const { synth, speaker, kinds, errors } = setup();
    speaker.load(sentences('Một.', 'Hai.', 'Ba.'), 'vi');
    speaker.play();
    synth.start();
    expect(speaker.next()).toBe(true);
    await flush();
    expect(errors()).toEqual([]);
    expect(synth.queue.map((u) => u.text)).toEqual(['Hai.']);
    expect(speaker.getState()).toMatchObject({ status: 'speaking', index: 1 });
    synth.say();
    expect(synth.current?.text).toBe('Ba.');
    expect(kinds()).toEqual(['sentence-start:0', 'sentence-start:1', 'sentence-end:1']);
  });

  it('an outside cancel (the page, another script) stops quietly and keeps the place', async () => {
    const { synth, speaker, errors } = setup();
    speaker.load(sentences('Một.', 'Hai.'), 'vi');
    speaker.play(1);
    synth.start();
    synth.cancel();
    await flush();
    expect(errors()).toEqual([]);
    expect(speaker.getState()).toMatchObject({ status: 'idle', index: 1 });
    speaker.play();
    expect(synth.current?.text).toBe('Hai.');
  });

  it('an engine failure is reported and stops reading', () => {
    const { synth, speaker, errors } = setup();
    speaker.load(sentences('Một.', 'Hai.'), 'vi');
    speaker.play();
    synth.start();
    synth.fail('synthesis-failed');
    expect(errors()).toEqual([{ type: 'error', error: 'synthesis-failed', fatal: true, index: 0 }]);
    expect(speaker.getState().status).toBe('idle');
    expect(synth.queue).toHaveLength(0);
  });

  it('pauses by cancelling and resumes by reading the clause again (default mode)', async () => {
    const { synth, speaker, errors } = setup();
    speaker.load(sentences('Một.', 'Hai.'), 'vi');
    speaker.play();
    synth.start();
    speaker.pause();
    await flush();
    expect(speaker.getState().status).toBe('paused');
    expect(synth.queue).toHaveLength(0);
    speaker.resume();
    expect(synth.spoken.map((u) => u.text)).toEqual(['Một.', 'Một.']);
    expect(speaker.getState().status).toBe('speaking');
    expect(errors()).toEqual([]);
  });

  it('pauses and resumes the engine in native mode', () => {
    const { synth, speaker } = setup({ pauseMode: 'native' });
    speaker.load(sentences('Một.', 'Hai.'), 'vi');
    speaker.play();
    synth.start();
    speaker.pause();
    expect(synth.paused).toBe(true);
    speaker.resume();
    expect(synth.paused).toBe(false);
    expect(synth.spoken).toHaveLength(1);
    synth.end();
    expect(synth.current?.text).toBe('Hai.');
  });

  it('unpauses an engine left paused, which would otherwise hold the next utterance', () => {
    const { synth, speaker, kinds } = setup({ pauseMode: 'native' });
    speaker.load(sentences('Một.', 'Hai.'), 'vi');
    speaker.play();
    synth.start();
    speaker.pause();
    speaker.stop();
    speaker.play(1);
    synth.start();
    expect(kinds()).toEqual(['sentence-start:0', 'sentence-start:1']);
  });

  it('in native mode, resumes by reading again when the engine dropped the paused utterance', async () => {
    const { synth, speaker, errors } = setup({ pauseMode: 'native' });
    speaker.load(sentences('Một.', 'Hai.'), 'vi');
    speaker.play();
    synth.start();
    speaker.pause();
    synth.cancel(); // Android's pause, or the page
    await flush();
    expect(speaker.getState().status).toBe('paused');
    speaker.resume();
    expect(synth.spoken.map((u) => u.text)).toEqual(['Một.', 'Một.']);
    expect(errors()).toEqual([]);
  });

  it('toggle plays, pauses and resumes', () => {
    const { synth, speaker } = setup();
    speaker.load(sentences('Một.'), 'vi');
    speaker.toggle();
    expect(speaker.getState().status).toBe('speaking');
    synth.start();
    speaker.toggle();
    expect(speaker.getState().status).toBe('paused');
    speaker.toggle();
    expect(speaker.getState().status).toBe('speaking');
  });

  it('moves by sentence and by paragraph; title and lead are paragraphs of their own', () => {
    const { speaker } = setup();
    const list: SpeechSentence[] = [
      { text: 'Tiêu đề', start: 0, end: 7, paragraph: 0, source: 'title' },
      { text: 'Sapo một.', start: 0, end: 9, paragraph: 0, source: 'lead' },
      { text: 'Sapo hai.', start: 10, end: 19, paragraph: 0, source: 'lead' },
      { text: 'Đoạn một câu một.', start: 0, end: 17, paragraph: 0, source: 'text' },
      { text: 'Đoạn một câu hai.', start: 18, end: 35, paragraph: 0, source: 'text' },
      { text: 'Đoạn hai.', start: 37, end: 46, paragraph: 1, source: 'text' },
    ];
    speaker.load(list, 'vi');
    const at = () => speaker.getState().index;
    expect(speaker.nextParagraph()).toBe(true);
    expect(at()).toBe(1);
    expect(speaker.nextParagraph()).toBe(true);
    expect(at()).toBe(3);
    expect(speaker.next()).toBe(true);
    expect(at()).toBe(4);
    expect(speaker.previousParagraph()).toBe(true);
    expect(at()).toBe(3);
    expect(speaker.previousParagraph()).toBe(true);
    expect(at()).toBe(1);
    expect(speaker.previous()).toBe(true);
    expect(at()).toBe(0);
    expect(speaker.previous()).toBe(false);
    speaker.play(5);
    expect(speaker.nextParagraph()).toBe(false);
    expect(speaker.next()).toBe(false);
    expect(at()).toBe(5);
  });

  it('moves by sentence, not by clause, through a long sentence', () => {
    const { synth, speaker, kinds } = setup();
    const long = `${'Một đoạn rất dài, '.repeat(14)}kết thúc.`;
    speaker.load(sentences(long, 'Sau.'), 'vi');
    speaker.play();
    synth.say();
    expect(speaker.getState().index).toBe(0);
    synth.start();
    expect(kinds()).toEqual(['sentence-start:0', 'sentence-end:0', 'sentence-start:0']);
    speaker.next();
    expect(synth.spoken.at(-1)?.text).toBe('Sau.');
  });

  it('clamps the rate and restarts the sentence at the new rate', () => {
    const { synth, speaker } = setup();
    speaker.load(sentences('Một.', 'Hai.'), 'vi');
    speaker.play(1);
    synth.start();
    speaker.setRate(5);
    expect(speaker.getState().rate).toBe(2);
    expect(synth.spoken.at(-1)).toMatchObject({ text: 'Hai.', rate: 2 });
    speaker.setRate(0.1);
    expect(speaker.getState().rate).toBe(0.5);
    expect(synth.spoken.at(-1)?.rate).toBe(0.5);
  });

  it('cuts shorter pieces at slow rates, so a piece still ends within Chrome’s limit', () => {
    const { synth, speaker } = setup();
    const long = `${'Một đoạn khá dài, '.repeat(8)}kết thúc.`;
    speaker.load(sentences(long), 'vi');
    speaker.play();
    const normal = synth.spoken.at(-1)?.text.length ?? 0;
    speaker.setRate(0.5);
    expect(synth.spoken.at(-1)?.text.length).toBeLessThan(normal);
  });

  it('changes voice and pitch mid-sentence by reading the sentence again', () => {
    const { synth, speaker } = setup();
    speaker.load(sentences('Một.'), 'vi');
    speaker.play();
    synth.start();
    speaker.setVoice({ voice: ref(SOUTHERN_FEMALE), pitch: 1.4 });
    expect(synth.spoken.at(-1)).toMatchObject({
      text: 'Một.',
      voice: SOUTHERN_FEMALE,
      lang: 'vi-VN-X-SOUTH',
      pitch: 1.4,
    });
    expect(speaker.getState()).toMatchObject({ voice: ref(SOUTHERN_FEMALE), pitch: 1.4 });
  });

  it('retries an utterance that never starts once, then reports it', () => {
    const { synth, speaker, errors } = setup();
    speaker.load(sentences('Một.'), 'vi');
    speaker.play();
    vi.advanceTimersByTime(5000);
    expect(synth.spoken.map((u) => u.text)).toEqual(['Một.', 'Một.']);
    expect(errors()).toEqual([]);
    vi.advanceTimersByTime(5000);
    expect(errors()).toEqual([{ type: 'error', error: 'not-started', fatal: true, index: 0 }]);
    expect(speaker.getState().status).toBe('idle');
  });

  it('moves on from an utterance that started and never ended', () => {
    const { synth, speaker, errors } = setup();
    speaker.load(sentences('Một.', 'Hai.'), 'vi');
    speaker.play();
    synth.start();
    vi.advanceTimersToNextTimer();
    expect(errors()).toEqual([{ type: 'error', error: 'stalled', fatal: false, index: 0 }]);
    expect(synth.queue.map((u) => u.text)).toEqual(['Hai.']);
    expect(speaker.getState()).toMatchObject({ status: 'speaking', index: 1 });
  });

  it('does not time out while paused', () => {
    const { synth, speaker, errors } = setup({ pauseMode: 'native' });
    speaker.load(sentences('Một.'), 'vi');
    speaker.play();
    synth.start();
    speaker.pause();
    vi.advanceTimersByTime(10 * 60_000);
    expect(errors()).toEqual([]);
    expect(speaker.getState().status).toBe('paused');
  });

  it('stop keeps the place; loading something new goes back to the start', () => {
    const { synth, speaker } = setup();
    speaker.load(sentences('Một.', 'Hai.'), 'vi');
    speaker.play(1);
    speaker.stop();
    expect(speaker.getState()).toMatchObject({ status: 'idle', index: 1 });
    speaker.load(sentences('Khác.'), 'vi');
    expect(speaker.getState()).toMatchObject({ status: 'idle', index: 0, total: 1 });
    speaker.play();
    expect(synth.current?.text).toBe('Khác.');
  });

  it('play() while reading changes nothing; play(n) jumps', () => {
    const { synth, speaker } = setup();
    speaker.load(sentences('Một.', 'Hai.', 'Ba.'), 'vi');
    speaker.play();
    speaker.play();
    expect(synth.spoken).toHaveLength(1);
    speaker.play(99);
    expect(synth.spoken.at(-1)?.text).toBe('Ba.');
  });

  it('stops telling an unsubscribed listener', () => {
    const { speaker } = setup();
    const seen: SpeakerEvent[] = [];
    const unsubscribe = speaker.subscribe((e) => seen.push(e));
    speaker.load(sentences('Một.'), 'vi');
    unsubscribe();
    speaker.play();
    expect(seen.map((e) => e.type)).toEqual(['state']);
  });
});

describe('captions and agency prefixes', () => {
  const article = {
    title: 'Họp phiên thứ 7',
    lead: '(Dân trí) - Chiều nay, Chính phủ họp phiên thường kỳ.',
    lang: 'vi',
    sentences: [
      { text: '(Chinhphu.vn) – Thủ tướng chủ trì cuộc họp.', start: 0, end: 43, paragraph: 0 },
      { text: 'Thủ tướng phát biểu tại hội nghị - Ảnh: H.Y.T.', start: 45, end: 92, paragraph: 1 },
      { text: 'Ảnh: TTXVN', start: 94, end: 104, paragraph: 2 },
      { text: 'Hội nghị kết thúc lúc 12 giờ.', start: 106, end: 135, paragraph: 2 },
    ],
  };

  it('reads a caption as a caption, announced and in a paragraph of its own, and skips a bare credit line', () => {
    const sentences = articleSentences(article);
    expect(sentences.map((sentence) => sentence.source)).toEqual(['title', 'lead', 'text', 'caption', 'text']);
    const caption = sentences[3]!;
    expect(
      new Set(sentences.filter((sentence) => sentence !== caption).map((sentence) => sentence.paragraph)),
    ).not.toContain(caption.paragraph);
    const spoken = buildQueue(sentences, 'vi').map((item) => item.speak);
    expect(spoken[3]).toBe('Chú thích ảnh: Thủ tướng phát biểu tại hội nghị');
    expect(spoken.join(' ')).not.toMatch(/Ảnh:|TTXVN|H\.Y\.T/);
  });

  it('drops agency datelines from what is spoken, not from what is highlighted', () => {
    const items = buildQueue(articleSentences(article), 'vi');
    expect(items[1]!.speak).toBe('Chiều nay, Chính phủ họp phiên thường kỳ.');
    expect(items[1]!.text).toBe('(Dân trí) - Chiều nay, Chính phủ họp phiên thường kỳ.');
    expect(items[2]!.speak).toBe('Thủ tướng chủ trì cuộc họp.');
  });
});
