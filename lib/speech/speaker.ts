/**
 * Reads a list of sentences aloud through a `speechSynthesis`-like engine, one utterance per
 * sentence: Chrome silently stops an utterance after about 15 seconds (network voices), and
 * per-sentence `start`/`end` events are the only progress signal (espeak-ng through
 * speech-dispatcher never fires `boundary`).
 */
import type { SynthLike, UtteranceLike } from './engine';
import { buildQueue, chunkLimit, type SpeechItem, type SpeechSentence } from './queue';
import { clampRate } from './settings';
import type {
  SpeakerError,
  SpeakerEvent,
  SpeakerOptions,
  SpeakerState,
  SpeakerStatus,
  VoiceSelection,
} from './speaker-ports';
import { markStage } from './stages';

/** Engine errors that only report that an utterance was cancelled. */
const CANCELLED = new Set(['interrupted', 'canceled']);

/** What an utterance says and how, whatever engine makes it. */
export type UtteranceFields = Pick<UtteranceLike, 'text' | 'lang' | 'voice' | 'rate' | 'pitch' | 'volume'>;

/** The items the Speaker reads `sentences` as at `rate` (already clamped): one utterance each. */
export function speechItems(sentences: readonly SpeechSentence[], lang: string, rate: number): SpeechItem[] {
  return buildQueue(sentences, lang, chunkLimit(rate));
}

/**
 * The utterance the Speaker makes of `item` with `voice` (none: the engine's default for `lang`).
 * The background builds a fresh tab's first sentence with it too (./ahead.ts), which the reader's must equal.
 */
export function utteranceFields(
  item: SpeechItem,
  voice: UtteranceLike['voice'] | undefined,
  { lang, rate, pitch = 1 }: { lang: string; rate: number; pitch?: number },
): UtteranceFields {
  return { text: item.speak, lang: voice?.lang || lang, voice: voice ?? null, rate, pitch, volume: 1 };
}

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
    this.items = speechItems(this.sentences, lang, this.rate);
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
    this.items = speechItems(this.sentences, this.lang, clamped);
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
    const fields = utteranceFields(item, spoken, { lang: this.lang, rate: this.rate, pitch: this.selection.pitch });
    const utterance = this.createUtterance(fields.text);
    utterance.lang = fields.lang;
    if (fields.voice) utterance.voice = fields.voice;
    utterance.rate = fields.rate;
    utterance.pitch = fields.pitch;
    utterance.volume = fields.volume;
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
    this.status = 'speaking';
    // Chrome keeps a pause across cancel(), and a paused engine would hold the new utterance too.
    if (this.synth.paused) this.synth.resume();
    markStage('speak');
    this.synth.speak(utterance);
    this.arm(this.startTimeoutMs, () => this.onNoStart(index, retry));
    // Listeners hear of it once the utterance is on its way: what they do (a status broadcast to
    // the popup and the background) does not delay the sound, and the engine's events come later.
    this.emitState();
  }

  private onStart(item: SpeechItem): void {
    this.started = true;
    this.arm(stallLimitMs(item, this.rate), () => this.onStall());
    this.emit({ type: 'sentence-start', index: item.sentence, item });
    // The next utterance's text is normalized while this one is heard, not when it is due.
    void this.items[this.itemAt + 1]?.speak;
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
