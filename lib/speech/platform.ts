/**
 * Whether the browser's speech platform has started in this browser session. The reader asks the
 * page's speechSynthesis for its voices to start the platform for a first read; once chrome.tts has
 * listed voices the platform is up, and that call only makes Chromium send the page its whole list
 * (13,362 voices with espeak-ng) just as the first sentence travels to chrome.tts (≈ 50 ms later).
 */

import { STAGE_MARK_PREFIX } from './stages';

/**
 * On the background's timeline when chrome.tts says its voices changed: the speech platform has
 * started (or voices were installed or removed). `npm run bench:speech` times a first read against it.
 */
export const VOICES_CHANGED_MARK = `${STAGE_MARK_PREFIX}voices-changed`;

/** The part of a `storage.session` area this uses. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Kept in `storage.session`: Chrome stops an idle service worker, and clears the area when the browser stops. */
export const PLATFORM_STARTED_KEY = 'speechPlatformStarted';

export interface SpeechPlatform {
  /** Whether voices were listed since the browser started (by this worker or an earlier one). */
  started(): Promise<boolean>;
  /** Voices were listed: the platform is up. */
  listed(): void;
}

/** `area`: none in Chrome before 102, where only this worker's own listing is known. */
export function speechPlatform(area: SessionArea | undefined): SpeechPlatform {
  let known = false;
  return {
    async started() {
      if (known) return true;
      const stored = await area?.get(PLATFORM_STARTED_KEY).catch(() => undefined);
      return (known ||= stored?.[PLATFORM_STARTED_KEY] === true);
    },
    listed() {
      if (known) return;
      known = true;
      void area?.set({ [PLATFORM_STARTED_KEY]: true }).catch(() => {});
    },
  };
}
