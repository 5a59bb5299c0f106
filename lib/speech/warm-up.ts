/**
 * Starting the browser's speech platform when the browser starts, for people who listen with Loa.
 * A browser's first sound waits for that platform: Chromium on Linux connects to speech-dispatcher
 * and lists its 13,362 voices (3.4 s on the test machine) on the first speech call. Starting it
 * ahead spares a listener that wait; it is local (no network, nothing audible), and a browser
 * where Loa never read aloud is left alone.
 */
import { parseSpeechSettings } from './settings';
import { STAGE_MARK_PREFIX } from './stages';

/** On the background's timeline once the warm-up has the voice list (`detail`: how many voices). */
export const WARM_UP_MARK = `${STAGE_MARK_PREFIX}warm-up`;

/** Whether the stored reader settings show that Loa has read aloud here: a voice was remembered. */
export function hasListened(storedSettings: unknown): boolean {
  return Object.keys(parseSpeechSettings(storedSettings).voiceByLang ?? {}).length > 0;
}

export interface SpeechWarmUpOptions {
  /** The stored reader settings (`storage.local`'s value under SPEECH_SETTINGS_KEY). */
  storedSettings: () => Promise<unknown>;
  /** Starts the speech platform and lists its voices: the listing a read joins if it comes first. */
  start: () => Promise<readonly unknown[]>;
}

/**
 * The warm-up, for the browser-start and update events: it starts the platform at most once per
 * background start, and only for a listener. Resolves to whether it did.
 */
export function speechWarmUp({ storedSettings, start }: SpeechWarmUpOptions): () => Promise<boolean> {
  let warming: Promise<boolean> | null = null;
  const warm = async () => {
    if (!hasListened(await storedSettings())) return false;
    const voices = await start();
    if (typeof performance !== 'undefined') performance.mark(WARM_UP_MARK, { detail: voices.length });
    return true;
  };
  return () => (warming ??= warm().catch(() => false));
}
