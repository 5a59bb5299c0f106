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
