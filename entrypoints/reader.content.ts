import { browser } from 'wxt/browser';
import type { Article } from '@/lib/article';
import { broadcastSpeechStatus, onContentRequest } from '@/lib/messages';
import { tookAhead } from '@/lib/speech/ahead';
import type { SpeechEngine } from '@/lib/speech/engine';
import { asksPageForVoices, pageMaySpeak } from '@/lib/speech/platform';
import { ReadingSession } from '@/lib/speech/session';
import { markStage } from '@/lib/speech/stages';
import { parseSpeechSettings, SPEECH_SETTINGS_KEY } from '@/lib/speech/settings';
import { createBridgeEngine } from '@/lib/speech/tts-bridge/client';
import { TTS_PORT } from '@/lib/speech/tts-bridge/protocol';
import { PAGE_ARTICLES, READER_INJECTED, type PageArticles } from '@/lib/tabs';

/**
 * The page's reading session, injected on demand after the extraction script (content.ts), whose
 * article it reads: only where reading starts (a shortcut, a menu, the popup's Listen), so a popup
 * opening does not parse the speech code. Reads aloud with the page's speechSynthesis (so reading
 * outlives the popup) or chrome.tts through the background, and highlights on the live page.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main() {
    const injected = globalThis as { [READER_INJECTED]?: true; [PAGE_ARTICLES]?: PageArticles };
    if (injected[READER_INJECTED]) return;
    const pages = injected[PAGE_ARTICLES];
    // Injected alone (not through ensureReader), there is no article to read: stay out, so the next
    // injection of both files sets the reader up.
    if (!pages) return;
    injected[READER_INJECTED] = true;

    // Listeners are registered before anything is awaited: the caller messages right after injecting.
    const storedSettings = browser.storage.local.get(SPEECH_SETTINGS_KEY).then(
      (stored) => parseSpeechSettings(stored[SPEECH_SETTINGS_KEY]),
      () => parseSpeechSettings(null),
    );
    let session: ReadingSession | null = null;
    // Made on first use, never at injection: touching speechSynthesis starts the browser's speech
    // platform, which made every injection ~150 ms slower.
    const pageEngine = (): SpeechEngine => ({
      synth: window.speechSynthesis,
      createUtterance: (text) => new SpeechSynthesisUtterance(text),
    });
    const bridgeEngine = import.meta.env.FIREFOX
      ? undefined
      : () => createBridgeEngine(() => browser.runtime.connect({ name: TTS_PORT }));
    // Where the page may not speak, go straight to chrome.tts instead of waiting for the page engine to refuse.
    // A session started for a sentence the background spoke ahead reads through chrome.tts too, so
    // that it takes that sentence over even if the page was clicked meanwhile.
    const pageSpeaks = (spokenAhead: boolean) => !bridgeEngine || (!spokenAhead && pageMaySpeak(navigator));
    const reading = async ({
      platformStarted,
      spokenAhead = false,
      onMade,
    }: { platformStarted?: boolean; spokenAhead?: boolean; onMade?: () => void } = {}) => {
      const settings = await storedSettings;
      const onPage = pageSpeaks(spokenAhead && !session);
      // Asking the page for its voices starts the browser's speech platform (speech-dispatcher on Linux).
      if (asksPageForVoices({ platformStarted, pageSpeaks: onPage })) window.speechSynthesis.getVoices();
      if (session) return session;
      onMade?.();
      return (session = new ReadingSession({
        engine: onPage ? pageEngine() : bridgeEngine!(),
        document,
        settings,
        saveSettings: (settings) => void browser.storage.local.set({ [SPEECH_SETTINGS_KEY]: settings }).catch(() => {}),
        onStatus: broadcastSpeechStatus,
        fallbackEngine: bridgeEngine,
      }));
    };
    // Leaving the page ends its reading: nothing may go on speaking for a page that is gone.
    // A page kept in the back/forward cache keeps this script: the next visit gets a new session.
    addEventListener('pagehide', () => {
      session?.dispose();
      session = null;
    });

    onContentRequest({
      speech: async ({ command, platformStarted, spokenAhead = false }) => {
        markStage('request', { first: true });
        // Decided where the session is made: a popup's status request may make it while this one waits.
        let madeForThis = false;
        // Only the summary needs the background's completion: the article starts from the page's own part.
        const wantsSummary = command.action === 'play' && command.what === 'summary';
        const [reader, current] = await Promise.all([
          reading({ platformStarted, spokenAhead, onMade: () => (madeForThis = true) }),
          wantsSummary ? pages.article() : pages.page(),
        ]);
        const status = await reader.command(command, () => current, window.getSelection()?.toString());
        return { ...status, tookAhead: tookAhead(spokenAhead, madeForThis, status) };
      },
      'speech-status': async () => {
        const [reader, current] = await Promise.all([reading(), pages.page()]);
        return current ? reader.statusFor(current.lang) : reader.status();
      },
      'queue-stories': async ({ urls }) => {
        const fetched = await Promise.all(urls.map((url) => pages.story(url).catch(() => null)));
        const stories = fetched.filter((story): story is Article => story !== null);
        const reader = await reading();
        return { status: reader.queue(stories), queued: stories.length, skipped: urls.length - stories.length };
      },
      'voice-options': async () => (await reading()).pinnableVoices(),
      'speak-selection': async ({ text }) => {
        const [reader, current] = await Promise.all([reading(), pages.page()]);
        return reader.readSelection(text, current?.lang ?? (document.documentElement.lang || 'und'));
      },
    });
  },
});
