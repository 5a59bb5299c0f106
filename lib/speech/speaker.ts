/**
 * Reads a list of sentences aloud through a `speechSynthesis`-like engine, one utterance per
 * sentence: Chrome silently stops an utterance after about 15 seconds (network voices), and
 * per-sentence `start`/`end` events are the only progress signal (espeak-ng through
 * speech-dispatcher never fires `boundary`).
 */
import type { Article } from '../article';
import { CAPTION_MARKERS, withoutAgencyPrefix } from '../text/captions';
import { splitSentences } from '../text/sentences';
import type { SynthLike, UtteranceLike } from './engine';
import { primaryLanguage } from '../lang';
import { speakable } from './normalize';
import { clampRate } from './settings';
import type { VoiceRef } from './voices';

/** `caption`: a photo caption in the body, announced as one and its own paragraph (skippable). */
export type SpeechSource = 'title' | 'lead' | 'text' | 'caption' | 'summary' | 'selection';

/** A sentence to read, with its offsets in the string it came from (title, lead, body, …). */
export interface SpeechSentence {
  text: string;
  start: number;
  end: number;
  paragraph: number;
  source: SpeechSource;
}

/** One utterance: a sentence, or a clause of a long one. */
export interface SpeechItem {
  /** Index of its sentence in the list given to `load`. */
  sentence: number;
  /** As shown on the page, for highlighting. */
  text: string;
  /** Offsets of `text` in the same string as its sentence's offsets. */
  start: number;
  end: number;
  paragraph: number;
  source: SpeechSource;
  /** What the voice is given (numbers, dates and units spelled out). */
  speak: string;
}

/** The title, then the lead's sentences, then the body's. */
export function articleSentences(article: Pick<Article, 'title' | 'lead' | 'sentences' | 'lang'>): SpeechSentence[] {
  const out: SpeechSentence[] = [];
  const title = article.title.trim();
  const at = article.title.indexOf(title);
  if (title) out.push({ text: title, start: at, end: at + title.length, paragraph: 0, source: 'title' });
  if (article.lead) {
    for (const s of splitSentences(article.lead, article.lang)) out.push({ ...s, source: 'lead' });
  }
  let paragraph = article.sentences.reduce((last, s) => Math.max(last, s.paragraph), 0);
  for (const s of article.sentences) {
    // A credit line alone ("Ảnh: TTXVN") says nothing a listener needs.
    if (isCaption(s.text) && !captionWords(s.text)) continue;
    // Its own paragraph, so "next paragraph" skips it whatever paragraph the page put it in.
    out.push(isCaption(s.text) ? { ...s, paragraph: ++paragraph, source: 'caption' } : { ...s, source: 'text' });
  }
  return out;
}

const isCaption = (text: string) => CAPTION_MARKERS.test(text);

/** A caption without its credit ("Thủ tướng phát biểu - Ảnh: VGP" → "Thủ tướng phát biểu"). */
function captionWords(text: string): string {
  const credit = text.search(CAPTION_MARKERS);
  return text
    .slice(0, credit < 0 ? text.length : credit)
    .replace(/[\s(–—-]+$/u, '')
    .trim();
}

/** What announces a caption, per language: a listener cannot see that the sentence is under a photo. */
const CAPTION_ANNOUNCEMENT: Record<string, string> = {
  vi: 'Chú thích ảnh:',
  en: 'Photo caption:',
  de: 'Bildunterschrift:',
};

/** The text a piece of `sentence` is spoken as, before numbers are spelled out. */
function spokenPiece(sentence: SpeechSentence, piece: { start: number; end: number }, lang: string): string {
  const text = sentence.text.slice(piece.start, piece.end);
  if (sentence.source === 'caption') {
    const words = captionWords(text);
    if (piece.start > 0) return words;
    return `${CAPTION_ANNOUNCEMENT[primaryLanguage(lang)] ?? CAPTION_ANNOUNCEMENT.en} ${words}`;
  }
  return piece.start === 0 ? withoutAgencyPrefix(text) : text;
}

/** Summary sentences; each is its own paragraph, offsets are within the sentence. */
export function summarySentences(summary: readonly string[]): SpeechSentence[] {
  return summary
    .map((raw, i) => {
      const text = raw.trim();
      const start = raw.indexOf(text);
      return { text, start, end: start + text.length, paragraph: i, source: 'summary' as const };
    })
    .filter((s) => s.text !== '');
}

/** A selection the user asked to hear, split into sentences. */
export function selectionSentences(text: string, lang: string): SpeechSentence[] {
  return splitSentences(text, lang).map((s) => ({ ...s, source: 'selection' }));
}

/** Clause boundaries a long sentence may be cut at: after , ; : and around a spaced dash. */
const CLAUSE_BREAK = /[,;:](?=\s)|\s[–—]\s|(?<!\d)\s-\s(?!\d)/g;

/**
 * Cuts `text` into pieces of at most `maxChars`, at clause boundaries where possible, else at a
 * space. Offsets are relative to `text`; pieces are trimmed.
 */
export function splitLongSentence(text: string, maxChars: number): Array<{ start: number; end: number }> {
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((m) => (m.index ?? 0) + (/^[,;:]/.test(m[0]) ? 1 : 0));
  const pieces: Array<{ start: number; end: number }> = [];
  let pos = 0;
  while (pos < text.length) {
    let cut = text.length;
    if (text.length - pos > maxChars) {
      const limit = pos + maxChars;
      const clause = breaks.filter((b) => b > pos && b <= limit).pop();
      const space = text.lastIndexOf(' ', limit);
      cut = clause ?? (space > pos ? space : limit);
    }
    const raw = text.slice(pos, cut);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) pieces.push({ start: pos + lead, end: pos + lead + trimmed.length });
    pos = cut;
  }
  return pieces;
}

/**
 * Chars per utterance at rate 1: about 12 s of Vietnamese news reading, under Chrome's ~15 s cut.
 * Slower rates get shorter pieces for the same reason.
 */
const BASE_CHARS = 160;
const MIN_CHARS = 60;

function chunkLimit(rate: number): number {
  return Math.max(MIN_CHARS, Math.round(BASE_CHARS * Math.min(1, rate)));
}

/** The utterances for `sentences`: long sentences cut into clauses, each with its speakable text. */
export function buildQueue(sentences: readonly SpeechSentence[], lang: string, maxChars = BASE_CHARS): SpeechItem[] {
  const items: SpeechItem[] = [];
  sentences.forEach((s, sentence) => {
    for (const piece of splitLongSentence(s.text, maxChars)) {
      const text = s.text.slice(piece.start, piece.end);
      const spoken = spokenPiece(s, piece, lang);
      // A caption's credit cut off into a piece of its own is not read.
      if (!spoken.trim()) continue;
      items.push({
        sentence,
        text,
        start: s.start + piece.start,
        end: s.start + piece.end,
        paragraph: s.paragraph,
        source: s.source,
        speak: speakable(spoken, lang),
      });
    }
  });
  return items;
}

export type SpeakerStatus = 'idle' | 'speaking' | 'paused';

export interface SpeakerState {
  status: SpeakerStatus;
  /** The sentence being read, or where reading will start. */
  index: number;
  /** Number of sentences. */
  total: number;
  source: SpeechSource | null;
  voice: VoiceRef | null;
  pitch: number;
  rate: number;
  lang: string;
}

/**
 * - `no-voice`: no voice chosen (the page's language has none: offer others);
 * - `voice-unavailable`: the chosen voice is no longer installed;
 * - `not-started`: the engine accepted the utterance but never started it, even after a retry;
 * - `stalled`: an utterance started but never ended; the speaker moved on (not fatal);
 * - anything else is the engine's own error code (`synthesis-failed`, `not-allowed`, `network`, …).
 */
export type SpeakerError = 'no-voice' | 'voice-unavailable' | 'not-started' | 'stalled' | (string & {});

export type SpeakerEvent =
  | { type: 'state'; state: SpeakerState }
  /** For each utterance: a whole sentence, or one clause of a long one. */
  | { type: 'sentence-start'; index: number; item: SpeechItem }
  | { type: 'sentence-end'; index: number; item: SpeechItem }
  /** The last sentence ended. */
  | { type: 'end' }
  | { type: 'error'; error: SpeakerError; fatal: boolean; index: number };

export interface VoiceSelection {
  /** Null with `languageDefault` speaks with the engine's own voice for the language. */
  voice: VoiceRef | null;
  /**
   * Until the voice list arrives (seconds on a fresh browser): speak rather than wait in silence,
   * with `voice` (remembered from an earlier reading) as soon as the engine lists it or when it
   * speaks voices by name, else with the engine's default voice for the text's language.
   */
  languageDefault?: boolean;
  /** Defaults to 1. A voice slot (`VoiceSlot` from ./voices) can be passed as it is. */
  pitch?: number;
}

export interface SpeakerOptions {
  synth: SynthLike;
  /** `(text) => new SpeechSynthesisUtterance(text)` in the page. */
  createUtterance: (text: string) => UtteranceLike;
  /**
   * `restart` (default) pauses by cancelling and resumes by reading the current sentence (or
   * clause of a long one) again: it works everywhere, including Android, where pause() stops for
   * good, and network voices, which drop a paused utterance after a while. `native` uses the
   * engine's pause()/resume() and falls back to reading again when the engine lost the utterance.
   */
  pauseMode?: 'restart' | 'native';
  /** How long an accepted utterance may take to start before it is retried once. */
  startTimeoutMs?: number;
  /** See `SpeechEngine.voicesByName`. */
  voicesByName?: boolean;
}

/** Engine errors that only report that an utterance was cancelled. */
const CANCELLED = new Set(['interrupted', 'canceled']);

/** Generous: a clause at rate 1 takes ~12 s; this is for utterances that will never end. */
function stallLimitMs(item: SpeechItem, rate: number): number {
  return 15_000 + (item.speak.length * 250) / rate;
}

export class Speaker {
  private readonly synth: SynthLike;
  private readonly createUtterance: (text: string) => UtteranceLike;
  private readonly pauseMode: 'restart' | 'native';
  private readonly startTimeoutMs: number;
  private readonly voicesByName: boolean;

  private sentences: SpeechSentence[] = [];
  private items: SpeechItem[] = [];
  private lang = 'vi';
  /** The item being read, or where reading resumes; always an item of sentence `position`. */
  private itemAt = 0;
  private position = 0;
  private status: SpeakerStatus = 'idle';
  private selection: VoiceSelection = { voice: null };
  private rate = 1;
  /** Bumped on every new or cancelled utterance: events of older utterances are ignored. */
  private generation = 0;
  /** Held so the utterance is not garbage-collected mid-speech (Chrome then never fires `end`). */
  private current: UtteranceLike | null = null;
  private started = false;
  /** A natively paused utterance is gone (cancelled by the engine, or the reader moved). */
  private restartOnResume = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(event: SpeakerEvent) => void>();

  constructor(options: SpeakerOptions) {
    this.synth = options.synth;
    this.createUtterance = options.createUtterance;
    this.pauseMode = options.pauseMode ?? 'restart';
    this.voicesByName = options.voicesByName ?? false;
    this.startTimeoutMs = options.startTimeoutMs ?? 8000;
  }

  /** Replaces what is read. Stops any reading; the position goes back to the first sentence. */
  load(sentences: readonly SpeechSentence[], lang: string): void {
    this.halt();
    this.sentences = [...sentences];
    this.lang = lang;
    this.items = buildQueue(this.sentences, lang, chunkLimit(this.rate));
    this.place(0);
    this.setStatus('idle');
  }

  /**
   * Starts reading at sentence `from`. Without it: resumes when paused, does nothing while
   * reading, else starts where reading was stopped (the beginning after the end).
   */
  play(from?: number): void {
    if (this.sentences.length === 0) return;
    if (from === undefined) {
      if (this.status === 'paused') {
        this.resume();
        return;
      }
      if (this.status === 'speaking') return;
    } else {
      this.place(this.clamp(from));
    }
    this.speakItem(this.itemAt);
  }

  pause(): void {
    if (this.status !== 'speaking') return;
    this.clearTimer();
    if (this.pauseMode === 'native' && this.started) {
      this.synth.pause();
    } else {
      this.halt();
      this.restartOnResume = true;
    }
    this.setStatus('paused');
  }

  resume(): void {
    if (this.status !== 'paused') return;
    // Chrome keeps `speaking` true while paused; false means the utterance is gone.
    if (this.restartOnResume || !this.synth.speaking) {
      this.speakItem(this.itemAt);
      return;
    }
    this.synth.resume();
    this.setStatus('speaking');
    const item = this.items[this.itemAt];
    if (item) this.arm(stallLimitMs(item, this.rate), () => this.onStall());
  }

  /** Play, pause or resume, for a single key or button. */
  toggle(): void {
    if (this.status === 'speaking') this.pause();
    else if (this.status === 'paused') this.resume();
    else this.play();
  }

  /** Stops reading; `play()` continues from the sentence that was being read. */
  stop(): void {
    this.halt();
    this.setStatus('idle');
  }

  next(): boolean {
    return this.moveTo(this.position + 1);
  }

  previous(): boolean {
    return this.moveTo(this.position - 1);
  }

  /** To the first sentence of the next paragraph (the title and the lead count as paragraphs). */
  nextParagraph(): boolean {
    const here = this.sentences[this.position];
    if (!here) return false;
    const target = this.sentences.findIndex((s, i) => i > this.position && !sameParagraph(s, here));
    return target >= 0 && this.moveTo(target);
  }

  /** To the start of this paragraph, or of the previous one when already at the start. */
  previousParagraph(): boolean {
    const start = this.paragraphStart(this.position);
    if (start < this.position) return this.moveTo(start);
    return this.position > 0 && this.moveTo(this.paragraphStart(this.position - 1));
  }

  /** Clamped to 0.5–2. While reading, the current sentence starts again at the new rate. */
  setRate(rate: number): void {
    const clamped = clampRate(rate);
    if (clamped === this.rate) return;
    this.rate = clamped;
    this.items = buildQueue(this.sentences, this.lang, chunkLimit(clamped));
    this.place(this.position);
    this.restartCurrent();
  }

  /**
   * A voice slot or any voice. While reading, the current sentence starts again with it, or, with
   * `restart: false`, the next sentence takes it (the voice list arrived mid-sentence).
   */
  setVoice(selection: VoiceSelection, { restart = true }: { restart?: boolean } = {}): void {
    this.selection = {
      voice: selection.voice,
      pitch: selection.pitch ?? 1,
      languageDefault: selection.languageDefault ?? false,
    };
    if (restart) this.restartCurrent();
  }

  getState(): SpeakerState {
    return {
      status: this.status,
      index: this.position,
      total: this.sentences.length,
      source: this.sentences[this.position]?.source ?? null,
      voice: this.selection.voice,
      pitch: this.selection.pitch ?? 1,
      rate: this.rate,
      lang: this.lang,
    };
  }

  /** Calls `listener` for every event; returns the function that unsubscribes it. */
  subscribe(listener: (event: SpeakerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops and forgets all listeners (the content script is going away). */
  dispose(): void {
    this.stop();
    this.listeners.clear();
  }

  private moveTo(sentence: number): boolean {
    if (sentence < 0 || sentence >= this.sentences.length || sentence === this.position) return false;
    this.place(sentence);
    this.restartCurrent();
    return true;
  }

  /** Reading goes on from `itemAt` with the new sentence, rate or voice. */
  private restartCurrent(): void {
    if (this.status === 'speaking') {
      this.speakItem(this.itemAt);
    } else if (this.status === 'paused') {
      this.halt();
      this.restartOnResume = true;
      this.emitState();
    } else {
      this.emitState();
    }
  }

  private speakItem(index: number, retry = false): void {
    const item = this.items[index];
    if (!item) return;
    this.halt();
    this.itemAt = index;
    this.position = item.sentence;
    const ref = this.selection.voice;
    if (!ref && !this.selection.languageDefault) {
      this.fail('no-voice');
      return;
    }
    // Chrome only accepts its own voice objects on an utterance, so the voice is looked up again.
    const voices = ref ? this.synth.getVoices() : [];
    const voice = ref
      ? (voices.find((v) => v.voiceURI === ref.voiceURI) ?? voices.find((v) => v.name === ref.name))
      : undefined;
    if (ref && !voice && !this.selection.languageDefault) {
      this.fail('voice-unavailable');
      return;
    }
    const spoken = voice ?? (ref && this.voicesByName ? ref : undefined);
    const generation = ++this.generation;
    const utterance = this.createUtterance(item.speak);
    utterance.lang = spoken?.lang || this.lang;
    if (spoken) utterance.voice = spoken;
    utterance.rate = this.rate;
    utterance.pitch = this.selection.pitch ?? 1;
    utterance.volume = 1;
    utterance.addEventListener('start', () => {
      if (generation === this.generation) this.onStart(item);
    });
    utterance.addEventListener('end', () => {
      if (generation === this.generation) this.onEnd(item);
    });
    utterance.addEventListener('error', (event) => {
      if (generation === this.generation) this.onError(errorCode(event));
    });
    this.current = utterance;
    this.started = false;
    this.restartOnResume = false;
    this.setStatus('speaking');
    // Chrome keeps a pause across cancel(), and a paused engine would hold the new utterance too.
    if (this.synth.paused) this.synth.resume();
    this.synth.speak(utterance);
    this.arm(this.startTimeoutMs, () => this.onNoStart(index, retry));
  }

  private onStart(item: SpeechItem): void {
    this.started = true;
    this.arm(stallLimitMs(item, this.rate), () => this.onStall());
    this.emit({ type: 'sentence-start', index: item.sentence, item });
  }

  private onEnd(item: SpeechItem): void {
    this.clearTimer();
    this.current = null;
    this.emit({ type: 'sentence-end', index: item.sentence, item });
    if (this.itemAt + 1 < this.items.length) {
      if (this.status === 'speaking') {
        this.speakItem(this.itemAt + 1);
      } else {
        // Ended just as it was paused: resume with what comes next.
        this.place(this.items[this.itemAt + 1]?.sentence ?? 0, this.itemAt + 1);
        this.restartOnResume = true;
      }
      return;
    }
    this.generation++;
    this.place(0);
    this.setStatus('idle');
    this.emit({ type: 'end' });
  }

  private onError(code: string): void {
    this.clearTimer();
    this.current = null;
    this.generation++;
    if (!CANCELLED.has(code)) {
      this.fail(code);
      return;
    }
    // Someone else cancelled (another script on the page, or Android's pause): not a failure,
    // and not a reason to move on.
    if (this.status === 'paused') this.restartOnResume = true;
    else this.setStatus('idle');
  }

  /** The engine took the utterance but never started it: Chrome sometimes drops one. Retry once. */
  private onNoStart(index: number, retried: boolean): void {
    if (retried) this.fail('not-started');
    else this.speakItem(index, true);
  }

  /** Started but never ended (Chrome's silent cut of long utterances): report it and go on. */
  private onStall(): void {
    const item = this.items[this.itemAt];
    this.halt();
    this.emit({ type: 'error', error: 'stalled', fatal: false, index: this.position });
    if (item) this.onEnd(item);
  }

  private fail(error: SpeakerError): void {
    this.halt();
    this.setStatus('idle');
    this.emit({ type: 'error', error, fatal: true, index: this.position });
  }

  /** Cancels the current utterance, if any, so that none of its events count any more. */
  private halt(): void {
    this.clearTimer();
    this.generation++;
    if (this.current || this.synth.speaking || this.synth.pending) this.synth.cancel();
    this.current = null;
  }

  /** Moves to `sentence`, at its first item unless told which. */
  private place(sentence: number, item = this.firstItemOf(sentence)): void {
    this.position = sentence;
    this.itemAt = item;
  }

  private firstItemOf(sentence: number): number {
    return Math.max(
      0,
      this.items.findIndex((it) => it.sentence === sentence),
    );
  }

  private paragraphStart(sentence: number): number {
    const here = this.sentences[sentence];
    let i = sentence;
    while (here && i > 0 && sameParagraph(this.sentences[i - 1], here)) i--;
    return i;
  }

  private clamp(sentence: number): number {
    return Math.min(this.sentences.length - 1, Math.max(0, Math.trunc(sentence)));
  }

  private arm(ms: number, then: () => void): void {
    this.clearTimer();
    this.timer = setTimeout(then, ms);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private setStatus(status: SpeakerStatus): void {
    this.status = status;
    this.emitState();
  }

  private emitState(): void {
    this.emit({ type: 'state', state: this.getState() });
  }

  private emit(event: SpeakerEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}

function sameParagraph(a: SpeechSentence | undefined, b: SpeechSentence): boolean {
  return a !== undefined && a.source === b.source && a.paragraph === b.paragraph;
}

function errorCode(event: Event): string {
  const code: unknown = (event as Event & { error?: unknown }).error;
  return typeof code === 'string' ? code : 'synthesis-failed';
}
