/**
 * The one interface every speech engine offers the reader: the page's `speechSynthesis`, the
 * chrome.tts bridge (lib/speech/tts-bridge/) and the fakes in tests.
 */
import type { VoiceLike } from './voice-catalogue';
import type { VoiceSource } from './voice-loading';

/** The part of `SpeechSynthesisUtterance` the speaker uses; a real utterance satisfies it. */
export interface UtteranceLike {
  text: string;
  lang: string;
  voice: VoiceLike | null;
  rate: number;
  pitch: number;
  volume: number;
  addEventListener(type: 'start' | 'end' | 'error', listener: (event: Event) => void): void;
}

/**
 * An utterance for engines other than the page's speechSynthesis (the chrome.tts bridge, tests):
 * the same fields and events as SpeechSynthesisUtterance, without the browser behind it.
 */
export class PlainUtterance extends EventTarget implements UtteranceLike {
  lang = '';
  voice: VoiceLike | null = null;
  rate = 1;
  pitch = 1;
  volume = 1;
  constructor(public text: string) {
    super();
  }
}

/** The part of `SpeechSynthesis` the speaker uses: pass `window.speechSynthesis`, or a fake in tests. */
export interface SynthLike {
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  pause(): void;
  resume(): void;
  readonly speaking: boolean;
  readonly paused: boolean;
  readonly pending: boolean;
  getVoices(): readonly VoiceLike[];
}

/** What a ReadingSession speaks through: the synthesizer (which also lists voices) and its utterances. */
export interface SpeechEngine {
  synth: SynthLike & VoiceSource;
  createUtterance: (text: string) => UtteranceLike;
  /**
   * The engine speaks a voice given only by its name, before listing its voices (chrome.tts);
   * speechSynthesis only accepts a voice object from its own `getVoices()`.
   */
  voicesByName?: boolean;
}
