/** What the popup needs from the browser, behind one interface so its views render in Node tests. */
import { browser, type Browser } from 'wxt/browser';
import type { Article, Figure } from '@/lib/article';
import { browserTranslate } from '@/components/i18n';
import { clipFromArticle } from '@/lib/clips/model';
import { TEXT_SIZE_KEY, validTextSize } from '@/components/TextSize';
import {
  onSpeechStatus,
  sendToBackground,
  sendToTab,
  type ClipSaveResponse,
  type ContentRequest,
  type SpeechCommand,
  type SpeechStatus,
} from '@/lib/messages';
import type { VoiceRef } from '@/lib/speech/voice-catalogue';
import { onDeviceSummarizerReady, summarizeOnDevice } from '@/lib/summarize/on-device';
import { ensureContentScript, ensureReader, fileAccessMissing, isRestrictedUrl } from '@/lib/tabs';

/**
 * Languages Chrome's on-device summarizer accepts; asking it about any other makes Chrome log
 * "Unsupported Summarizer API languages" on every popup, so other languages are not asked about.
 */
const ON_DEVICE_SUMMARY_LANGUAGES = new Set(['en', 'es', 'ja']);

export type ArticleLoad =
  | { state: 'ready'; article: Article }
  | { state: 'restricted' }
  /** A saved page (file://) Loa may not read until the user allows file access. */
  | { state: 'file-access' }
  | { state: 'not-article'; message: string }
  /** More page than extraction may walk without freezing the tab. */
  | { state: 'too-large'; message: string }
  /** Extraction ran past the content script's watchdog budget and stopped. */
  | { state: 'too-slow'; message: string }
  | { state: 'error'; message: string };

export interface PopupClient {
  loadArticle(): Promise<ArticleLoad>;
  reveal(figure: Figure): Promise<boolean>;
  saveClip(article: Article): Promise<ClipSaveResponse>;
  openClips(): Promise<void>;
  openInNewTab(url: string): Promise<void>;
  /**
   * The player's state, voice slots filled (waits for the voice list): the page's reader when the
   * page has one, else the background's idle status for the article's language, so a popup
   * opening injects no reader.
   */
  speechStatus(): Promise<SpeechStatus>;
  speech(command: SpeechCommand): Promise<SpeechStatus>;
  /** Live reading progress while the popup is open. */
  onSpeechStatus(listener: (status: SpeechStatus) => void): () => void;
  /** Chrome's on-device summarizer, offered when it is ready for the language; null otherwise. */
  onDeviceSummarizerReady(lang: string): Promise<boolean>;
  summarizeOnDevice(text: string, lang: string): Promise<string | null>;
  /** Every voice that can be pinned to a voice slot. */
  voiceOptions(): Promise<{ sameLanguage: VoiceRef[]; otherLanguages: VoiceRef[] }>;
  /** "Listen to these next": reads these stories of the same site after the current article. */
  queueStories(urls: string[]): Promise<{ status: SpeechStatus; queued: number; skipped: number }>;
  /** The remembered A−/A+ text size (root font size in px). */
  loadTextSize(): Promise<number>;
  saveTextSize(size: number): void;
  /** A UI string from public/_locales in the browser's language. */
  t(key: string, substitutions?: string[]): string;
}

export function createPopupClient(targetTab: () => Promise<Browser.tabs.Tab | undefined>): PopupClient {
  let tabId: number | undefined;
  const requireTab = () => {
    if (tabId === undefined) throw new Error('The popup has no tab to work on.');
    return tabId;
  };
  /** The article's language, once loaded: what an idle player's voice slots are for. */
  let lang: string | null = null;
  /** The page had the reader when the popup opened (a reading session may be live). */
  let pageHasReader = false;
  let readerInjected: Promise<number> | null = null;
  /** The tab, with the reader injected once per popup: only when the user starts reading. */
  const readerTab = () => {
    const tab = requireTab();
    readerInjected ??= ensureReader(tab).then(() => tab);
    // A failed injection (the tab navigated to a page Loa may not script) is tried again next time.
    readerInjected.catch(() => (readerInjected = null));
    return readerInjected;
  };
  const toReader = async <T extends ContentRequest>(message: T) => sendToTab(await readerTab(), message);
  /**
   * The article's language when the page has no reader to ask (none when the popup opened, none
   * injected since): the background answers for an idle player then.
   */
  const langWithoutReader = () => (pageHasReader || readerInjected ? null : lang);
  return {
    t: browserTranslate,
    async loadArticle() {
      const tab = await targetTab();
      tabId = tab?.id;
      if (!tab?.id || isRestrictedUrl(tab.url)) return { state: 'restricted' };
      if (await fileAccessMissing(tab.url)) return { state: 'file-access' };
      try {
        pageHasReader = (await ensureContentScript(tab.id)).reader;
      } catch {
        // The browser refused to script this page (a store, a PDF, another extension's page).
        return { state: 'restricted' };
      }
      try {
        const result = await sendToTab(tab.id, { type: 'extract' });
        if (result.ok) {
          lang = result.article.lang;
          return { state: 'ready', article: result.article };
        }
        if (result.reason === 'not-article' || result.reason === 'too-large' || result.reason === 'too-slow')
          return { state: result.reason, message: result.message };
        return { state: 'error', message: result.message };
      } catch (error) {
        return { state: 'error', message: error instanceof Error ? error.message : String(error) };
      }
    },
    async reveal(figure) {
      if (tabId === undefined) return false;
      return sendToTab(tabId, { type: 'reveal', sentence: figure.sentence });
    },
    saveClip: (article) => sendToBackground({ type: 'save-clip', clip: clipFromArticle(article, 'article') }),
    openClips: () => sendToBackground({ type: 'open-clips' }),
    async openInNewTab(url) {
      await browser.tabs.create({ url });
    },
    async speechStatus() {
      const idleLang = langWithoutReader();
      if (idleLang === null) return toReader({ type: 'speech-status' });
      const idle = await sendToBackground({ type: 'idle-speech-status', lang: idleLang });
      if (!idle) throw new Error('The background did not answer for the player.');
      return idle;
    },
    speech: (command) => toReader({ type: 'speech', command }),
    onSpeechStatus: (listener) => {
      const tab = requireTab();
      return onSpeechStatus((status, from) => from === tab && listener(status));
    },
    onDeviceSummarizerReady: async (lang) => ON_DEVICE_SUMMARY_LANGUAGES.has(lang) && onDeviceSummarizerReady(lang),
    summarizeOnDevice: (text, lang) => summarizeOnDevice(text, lang),
    voiceOptions: () => {
      const idleLang = langWithoutReader();
      return idleLang === null
        ? toReader({ type: 'voice-options' })
        : sendToBackground({ type: 'voice-options', lang: idleLang });
    },
    queueStories: (urls) => toReader({ type: 'queue-stories', urls }),
    loadTextSize: () =>
      browser.storage.local.get(TEXT_SIZE_KEY).then(
        (stored) => validTextSize(stored[TEXT_SIZE_KEY]),
        () => validTextSize(null),
      ),
    saveTextSize: (size) => void browser.storage.local.set({ [TEXT_SIZE_KEY]: size }).catch(() => {}),
  };
}
