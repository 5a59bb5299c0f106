/**
 * What a Speaker takes (an engine, a voice) and what it reports (its state, events and errors):
 * the types the session, the protocol and the views share without the state machine itself.
 */
import type { SynthLike, UtteranceLike } from './engine';
import type { SpeechItem, SpeechSource } from './queue';
import type { VoiceRef } from './voice-catalogue';

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
