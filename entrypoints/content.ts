import { browser } from 'wxt/browser';
import type { Article, ExtractResult } from '@/lib/article';
import { extractArticle } from '@/lib/extract';
import { fetchArticle } from '@/lib/extract/remote';
import { broadcastSpeechStatus, onContentRequest, sendToBackground } from '@/lib/messages';
import type { SpeechEngine } from '@/lib/speech/engine';
import { findArticleContainer, installHighlightStyle, SentenceHighlighter } from '@/lib/speech/highlight';
import { ReadingSession } from '@/lib/speech/session';
import { markStage } from '@/lib/speech/stages';
import { parseSpeechSettings, SPEECH_SETTINGS_KEY } from '@/lib/speech/settings';
import { createBridgeEngine } from '@/lib/speech/tts-bridge/client';
import { TTS_PORT } from '@/lib/speech/tts-bridge/protocol';

/** Set on this extension's own global (the content script's world), where page elements cannot name it. */
const INJECTED = Symbol.for('loa.content-script');

/**
 * Extraction holds the page's only thread: past this it stops between stages and the popup says
 * so. A long article takes well under a second in Chromium; only a pathological page gets here.
 */
const EXTRACTION_BUDGET_MS = 10_000;

/**
 * Asks the background whether `url` belongs to this page's site, so the Public Suffix List is
 * not injected with every popup opening. No answer (e.g. the extension was reloaded) is a no.
 */
async function sameSiteAsPage(url: string): Promise<boolean> {
  const verdicts = await sendToBackground({ type: 'same-site', pageUrl: location.href, urls: [url] }).catch(
    () => undefined,
  );
  return verdicts?.[0] === true;
}

/** A fetched story as an inert document whose relative links resolve against its own address. */
function parseFetched(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  return doc;
}

/**
 * Injected on demand (activeTab + scripting, never declared for all sites). Owns the page's
 * article and its reading session: extracts once per page state, reads aloud with the page's
 * speechSynthesis (so reading outlives the popup), highlights on the live page.
 */
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main() {
    // A symbol, not a named global: a page element with id or name "__loaContentScript" shows up
    // as a property of window and would make every injection think Loa already runs.
    const injected = globalThis as { [INJECTED]?: true };
    if (injected[INJECTED]) return;
    injected[INJECTED] = true;

    let cache: { key: string; result: ExtractResult } | null = null;
    // Single-page sites swap articles without a reload: the address and the body size tell.
    const pageKey = () =>
      `${location.href}|${document.body?.childElementCount ?? 0}|${document.body?.textContent?.length ?? 0}`;
    const extract = (): ExtractResult => {
      const key = pageKey();
      if (cache?.key !== key)
        cache = { key, result: extractArticle(document, { url: location.href, budget: { ms: EXTRACTION_BUDGET_MS } }) };
      return cache.result;
    };
    const article = (): Article | null => {
      const result = extract();
      return result.ok ? result.article : null;
    };

    // Listeners are registered before anything is awaited: the popup messages right after injecting.
    const storedSettings = browser.storage.local.get(SPEECH_SETTINGS_KEY).then(
      (stored) => parseSpeechSettings(stored[SPEECH_SETTINGS_KEY]),
      () => parseSpeechSettings(null),
    );
    let session: ReadingSession | null = null;
    // Made on first use, never at injection: touching speechSynthesis starts the browser's speech
    // platform, which made every injection (every popup opening) ~150 ms slower.
    const pageEngine = (): SpeechEngine => ({
      synth: window.speechSynthesis,
      createUtterance: (text) => new SpeechSynthesisUtterance(text),
    });
    const bridgeEngine = import.meta.env.FIREFOX
      ? undefined
      : () => createBridgeEngine(() => browser.runtime.connect({ name: TTS_PORT }));
    // Chrome lets a page speak only after the user clicked it; without that, go straight to
    // chrome.tts instead of waiting for the page engine to refuse.
    const pageMaySpeak = () =>
      !bridgeEngine ||
      (navigator as { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive !== false;
    const reading = async () => {
      const settings = await storedSettings;
      // Asking the page for its voices starts the browser's speech platform (speech-dispatcher
      // on Linux), which chrome.tts alone does not: without it the bridge would list no voices.
      window.speechSynthesis.getVoices();
      return (session ??= new ReadingSession({
        engine: pageMaySpeak() ? pageEngine() : bridgeEngine!(),
        document,
        settings,
        saveSettings: (settings) => void browser.storage.local.set({ [SPEECH_SETTINGS_KEY]: settings }).catch(() => {}),
        onStatus: broadcastSpeechStatus,
        fallbackEngine: bridgeEngine,
      }));
    };
    installHighlightStyle(document);
    // Leaving the page ends its reading: nothing may go on speaking for a page that is gone.
    // A page kept in the back/forward cache keeps this script: the next visit gets a new session.
    addEventListener('pagehide', () => {
      session?.dispose();
      session = null;
    });

    onContentRequest({
      extract,
      reveal: ({ sentence }) => {
        const current = article();
        if (!current || !document.body) return false;
        // Searched inside the article, so a ticker or teaser repeating the sentence is not the one shown.
        const container = findArticleContainer(
          document.body,
          current.sentences.map((candidate) => candidate.text),
        );
        // A flash, not a lasting mark: the reader's own highlight, once reading starts, is kept.
        return new SentenceHighlighter({ root: document.body, container }).flash(sentence);
      },
      speech: async ({ command }) => {
        markStage('request', { first: true });
        return (await reading()).command(command, article, window.getSelection()?.toString());
      },
      'speech-status': async () => {
        const current = article();
        const reader = await reading();
        return current ? reader.statusFor(current.lang) : reader.status();
      },
      'queue-stories': async ({ urls }) => {
        const fetched = await Promise.all(
          urls.map((url) => fetchArticle(url, sameSiteAsPage, parseFetched).catch(() => null)),
        );
        const stories = fetched.filter((story): story is Article => story !== null);
        const reader = await reading();
        return { status: reader.queue(stories), queued: stories.length, skipped: urls.length - stories.length };
      },
      'voice-options': async () => (await reading()).pinnableVoices(),
      'speak-selection': async ({ text }) =>
        (await reading()).readSelection(text, article()?.lang ?? (document.documentElement.lang || 'und')),
    });
  },
});
