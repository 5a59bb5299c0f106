/** Getting the installed voices from a source that lists them late (Chromium) or never (none installed). */
import type { VoiceLike } from './voice-catalogue';

/** Where voices come from: `window.speechSynthesis` in the page, a fake in tests. */
export interface VoiceSource {
  getVoices(): readonly VoiceLike[];
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

/**
 * The installed voices. Chromium returns none until `voiceschanged` (about 2 s with espeak-ng),
 * and never fires it when there are none at all, hence the time limit.
 */
export function loadVoices(source: VoiceSource, timeoutMs = 5000): Promise<readonly VoiceLike[]> {
  const now = source.getVoices();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      source.removeEventListener('voiceschanged', done);
      resolve(source.getVoices());
    };
    const timer = setTimeout(done, timeoutMs);
    source.addEventListener('voiceschanged', done);
  });
}

export interface VoiceListing<T> {
  /** The voices, listed once: an ask while a listing is under way joins it. */
  voices(): Promise<readonly T[]>;
  /** The engine says its voices changed: a listing under way looks again at once, a finished one is stale. */
  changed(): void;
}

/**
 * One voice list for everyone who asks, from an engine that lists none while it starts: Chromium's
 * chrome.tts answers an empty list at once and starts its speech platform, which lists its 13,362
 * voices seconds later. The listing asks again every `pollMs` (or at once on `changed()`) until it
 * gets voices or `timeoutMs` has passed; a list with voices is kept, an empty one is not.
 */
export function createVoiceListing<T>(
  list: () => Promise<readonly T[]>,
  { pollMs = 250, timeoutMs = 8000 }: { pollMs?: number; timeoutMs?: number } = {},
): VoiceListing<T> {
  let listing: Promise<readonly T[]> | null = null;
  let running = false;
  let wake: (() => void) | null = null;

  const pause = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
      const timer = setTimeout(done, pollMs);
      wake = done;
    });

  async function untilListed(): Promise<readonly T[]> {
    running = true;
    const deadline = Date.now() + timeoutMs;
    try {
      for (;;) {
        const voices = await list().catch((): readonly T[] => []);
        if (voices.length > 0 || Date.now() >= deadline) return voices;
        await pause();
      }
    } finally {
      running = false;
    }
  }

  return {
    voices() {
      const current = (listing ??= untilListed());
      void current.then((voices) => {
        if (voices.length === 0 && listing === current) listing = null;
      });
      return current;
    },
    changed() {
      if (running) wake?.();
      else listing = null;
    },
  };
}

/**
 * One listing over a `speechSynthesis` (Firefox's background page, which has no chrome.tts): its
 * voices once listed, asked again when it reports a change. Firefox adds speech-dispatcher's
 * voices a batch at a time, so a list is taken once two looks `settleMs` apart agree: slots filled
 * from half a list would miss the voices that fit them (a view shown from it is not updated).
 */
export function sourceListing(
  source: VoiceSource,
  { settleMs = 250, maxLooks = 20 }: { settleMs?: number; maxLooks?: number } = {},
): () => Promise<readonly VoiceLike[]> {
  const listing = createVoiceListing(async () => {
    let seen = source.getVoices();
    for (let look = 0; look < maxLooks && seen.length > 0; look++) {
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      const now = source.getVoices();
      if (now.length === seen.length) return now;
      seen = now;
    }
    return seen;
  });
  source.addEventListener('voiceschanged', listing.changed);
  return listing.voices;
}
