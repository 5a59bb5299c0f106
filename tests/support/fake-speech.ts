/**
 * The speech engine unit tests read with, in place of the page's speechSynthesis, and the voices
 * it lists. It behaves like Chromium's where Loa depends on it: a queue whose head is speaking,
 * cancel() reporting 'interrupted' to the head and 'canceled' to the rest after the call returns,
 * a pause that survives cancel() and holds what is queued, `voiceschanged` when the list changes.
 */
import { PlainUtterance, type SpeechEngine, type SynthLike, type UtteranceLike } from '../../lib/speech/engine';
import type { VoiceLike } from '../../lib/speech/voice-catalogue';
import type { VoiceSource } from '../../lib/speech/voice-loading';

/**
 * How utterances run by themselves:
 * - `manual`: only when the test calls start(), end(), say() or fail();
 * - `instant`: each starts and ends on microtasks, so a whole text is read at once;
 * - `held`: each starts on a microtask and ends on end(): reading stays on one sentence meanwhile.
 */
export type FakeSpeechMode = 'manual' | 'instant' | 'held';

export function errorEvent(code: string): Event {
  return Object.assign(new Event('error'), { error: code });
}

export class FakeSynth extends EventTarget implements SynthLike, VoiceSource {
  /** Accepted and not yet ended, cancelled or failed; the head is the one speaking. */
  queue: PlainUtterance[] = [];
  /** Every utterance it was given, in order. */
  spoken: PlainUtterance[] = [];
  paused = false;
  /** speak, cancel, pause, resume: in the order the reader called them. */
  calls: string[] = [];

  constructor(
    public voices: VoiceLike[],
    private readonly mode: FakeSpeechMode = 'manual',
  ) {
    super();
  }

  get speaking(): boolean {
    return this.queue.length > 0;
  }
  get pending(): boolean {
    return this.queue.length > 1;
  }
  get current(): PlainUtterance | undefined {
    return this.queue[0];
  }

  getVoices(): VoiceLike[] {
    return this.voices;
  }
  /** Voices installed, removed, or listed at last by an engine that was starting. */
  setVoices(voices: VoiceLike[]): void {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }

  speak(utterance: UtteranceLike): void {
    if (!(utterance instanceof PlainUtterance)) throw new TypeError('Speak utterances made by fakeEngine()');
    this.calls.push('speak');
    this.queue.push(utterance);
    this.spoken.push(utterance);
    if (this.mode === 'manual') return;
    queueMicrotask(() => {
      if (this.current !== utterance) return;
      this.start();
      if (this.mode === 'instant') queueMicrotask(() => this.current === utterance && this.end());
    });
  }
  cancel(): void {
    this.calls.push('cancel');
    const dropped = this.queue;
    this.queue = [];
    void Promise.resolve().then(() =>
      dropped.forEach((u, i) => u.dispatchEvent(errorEvent(i === 0 ? 'interrupted' : 'canceled'))),
    );
  }
  pause(): void {
    this.calls.push('pause');
    this.paused = true;
  }
  resume(): void {
    this.calls.push('resume');
    this.paused = false;
  }

  /** The head utterance starts; a paused engine starts nothing. */
  start(): void {
    if (!this.paused) this.current?.dispatchEvent(new Event('start'));
  }
  end(): void {
    this.queue.shift()?.dispatchEvent(new Event('end'));
  }
  /** The head utterance is spoken from start to end. */
  say(): void {
    this.start();
    this.end();
  }
  fail(code: string): void {
    this.queue.shift()?.dispatchEvent(errorEvent(code));
  }
}

/** A `SpeechEngine` over a FakeSynth listing `voices`. */
export function fakeEngine(voices: VoiceLike[], mode: FakeSpeechMode = 'manual'): SpeechEngine & { synth: FakeSynth } {
  return { synth: new FakeSynth(voices, mode), createUtterance: (text) => new PlainUtterance(text) };
}

const espeak = (name: string, lang: string): VoiceLike => ({
  name: `${name} espeak-ng`,
  lang,
  voiceURI: `${name} espeak-ng`,
  localService: true,
  default: false,
});

/** Chromium's espeak-ng voices through speech-dispatcher, as it lists them. */
export const NORTHERN = espeak('Vietnamese (Northern)', 'vi');
export const SOUTHERN_FEMALE = espeak('Vietnamese (Southern)+Annie', 'vi-VN-X-SOUTH');
/** A list with no voice for a Vietnamese page. */
export const GERMAN: VoiceLike = { name: 'German', lang: 'de', voiceURI: 'German', localService: true, default: false };
