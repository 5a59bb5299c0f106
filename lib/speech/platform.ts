/**
 * Whether the browser's speech platform has started in this browser session. The reader asks the
 * page's speechSynthesis for its voices to start the platform for a first read; once chrome.tts has
 * listed voices the platform is up, and that call only makes Chromium send the page its whole list
 * (13,362 voices with espeak-ng) just as the first sentence travels to chrome.tts (≈ 50 ms later).
 */

/** The part of a `storage.session` area this uses. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Kept in `storage.session`: Chrome stops an idle service worker, and clears the area when the browser stops. */
export const PLATFORM_STARTED_KEY = 'speechPlatformStarted';

export interface SpeechPlatform {
  /** Whether the platform's voices were listed since the browser started (by this worker or an earlier one). */
  started(): Promise<boolean>;
  /** chrome.tts listed voices, with or without the platform's: without them it is starting, or stopped. */
  listed(platformVoices: boolean): void;
}

/** `area`: none in Chrome before 102, where only this worker's own listing is known. */
export function speechPlatform(area: SessionArea | undefined): SpeechPlatform {
  // Unknown until this worker reads the area or lists: an earlier worker's listing may be stored.
  let known: boolean | undefined;
  return {
    async started() {
      if (known !== undefined) return known;
      const stored = await area?.get(PLATFORM_STARTED_KEY).catch(() => undefined);
      return (known ??= stored?.[PLATFORM_STARTED_KEY] === true);
    },
    listed(platformVoices) {
      if (known === platformVoices) return;
      known = platformVoices;
      void area?.set({ [PLATFORM_STARTED_KEY]: platformVoices }).catch(() => {});
    },
  };
}

/**
 * Whether the reader asks the page's speechSynthesis for its voices before a read. A page that
 * speaks needs them anyway, and asking early lists them while the article is extracted. For
 * chrome.tts the call starts a platform that may be starting (`platformStarted` false, or unknown
 * from a caller that does not say): in one of 18 first reads after a browser start without it the
 * first sentence never started. With the platform up it only costs.
 */
export function asksPageForVoices({ platformStarted, pageSpeaks }: { platformStarted?: boolean; pageSpeaks: boolean }) {
  return pageSpeaks || platformStarted !== true;
}

/**
 * Whether the page may speak with its own speechSynthesis: Chrome lets it only after the user
 * clicked it (user activation); a browser that does not say is taken at its word.
 */
export function pageMaySpeak(nav: Navigator): boolean {
  return (nav as { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive !== false;
}
