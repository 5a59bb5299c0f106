import { browser, type Browser } from 'wxt/browser';
import {
  ClipsError,
  clipFromArticle,
  clipFromSelection,
  openClipStore,
  toClipsError,
  type ClipInput,
  type ClipStore,
} from '@/lib/clips';
import {
  onBackgroundRequest,
  onSpeechStatus,
  sendToTab,
  type ClipSaveResponse,
  type SpeechCommand,
} from '@/lib/messages';
import { rememberingCompleter } from '@/lib/extract/complete';
import { isOwnContentScript, isOwnExtensionPage, type OwnExtension } from '@/lib/sender';
import { sameSiteVerdicts } from '@/lib/url';
import { idleSpeechStatus } from '@/lib/speech/idle-status';
import { parseSpeechSettings, SPEECH_SETTINGS_KEY } from '@/lib/speech/settings';
import { speechPlatform } from '@/lib/speech/platform';
import { readStarter } from '@/lib/speech/read-starter';
import { markStage } from '@/lib/speech/stages';
import { hostBridgeEngine } from '@/lib/speech/tts-bridge/host';
import { TTS_PORT } from '@/lib/speech/tts-bridge/protocol';
import { sourceListing } from '@/lib/speech/voice-loading';
import { voiceOptions } from '@/lib/speech/voices';
import { speechWarmUp } from '@/lib/speech/warm-up';
import { ensureContentScript, ensureReader, isRestrictedUrl } from '@/lib/tabs';

const BADGE_MS = 4000;
/** Articles whose figures and summary are kept: a few tabs' worth, each opened again costs a lookup. */
const COMPLETED_ARTICLES = 16;

/** Keyboard commands that drive the reader (the others: save-clip, and the browser's own _execute_action). */
const SPEECH_COMMANDS: Record<string, SpeechCommand> = {
  'play-pause': { action: 'toggle' },
  stop: { action: 'stop' },
  'next-sentence': { action: 'next' },
  'previous-sentence': { action: 'previous' },
};

/**
 * The background wires the browser's entry points (keyboard commands, context menus) to the
 * content script of the active tab, speaks for pages that may not (chrome.tts), and owns clip
 * writes: the database lives in the extension's origin, which a content script cannot reach.
 */
export default defineBackground(() => {
  const self: OwnExtension = { id: browser.runtime.id, base: browser.runtime.getURL('/') };
  // Firefox's pages speak with their own speechSynthesis: no chrome.tts, nothing to know.
  const platform = import.meta.env.FIREFOX ? null : speechPlatform(browser.storage.session);
  // First and synchronously: a reader's connection may be what wakes this worker up.
  const bridge =
    platform &&
    hostBridgeEngine(
      browser.tts,
      (listener) =>
        browser.runtime.onConnect.addListener((port) => {
          // Only Loa's content script in a tab speaks through chrome.tts; it stops when that tab's port closes.
          if (port.name === TTS_PORT && !isOwnContentScript(port.sender, self)) return port.disconnect();
          listener(port);
        }),
      { onListing: platform.listed },
    );

  // A listener's first read after the browser starts would wait seconds for the speech platform:
  // start it with the browser (and after an update), only where Loa has read aloud before.
  // Firefox has no chrome.tts; its background page's speechSynthesis starts the platform pages use.
  // The voices pages see: chrome.tts lists the same ones in Chromium; Firefox's background page has
  // the speechSynthesis its pages have.
  const listVoices = bridge
    ? bridge.listVoices
    : 'speechSynthesis' in globalThis
      ? sourceListing(speechSynthesis)
      : async () => [];
  const storedSettings = async () => (await browser.storage.local.get(SPEECH_SETTINGS_KEY))[SPEECH_SETTINGS_KEY];
  const warmUpSpeech = speechWarmUp({ storedSettings, start: listVoices });
  browser.runtime.onStartup.addListener(() => void warmUpSpeech());
  browser.runtime.onInstalled.addListener(() => void warmUpSpeech());

  // Figures and summary are computed here, where the popup or a command already woke the worker,
  // instead of in the script injected into the page.
  const completeArticle = rememberingCompleter(COMPLETED_ARTICLES);

  let store: ClipStore | null = null;
  const clips = () => (store ??= openClipStore());

  async function saveClip(clip: ClipInput): Promise<ClipSaveResponse> {
    try {
      return { ok: true, result: await clips().saveClip(clip) };
    } catch (error) {
      return toClipsError(error).toFailure();
    }
  }

  // Manifest V2 (Firefox) has browserAction where V3 has action.
  const toolbarButton = browser.action ?? browser.browserAction;
  function showOnBadge(tabId: number | undefined, ok: boolean) {
    void toolbarButton.setBadgeText({ tabId, text: ok ? '✓' : '!' });
    void toolbarButton.setBadgeBackgroundColor({ tabId, color: ok ? '#1b7f3b' : '#b3261e' });
    setTimeout(() => void toolbarButton.setBadgeText({ tabId, text: '' }), BADGE_MS);
  }

  /**
   * Runs what a shortcut or a menu asked for in `tab`. No popup is open to explain a failure, so
   * it shows on the toolbar badge ("!"); a save that worked shows "✓". `inject: false`: the task
   * injects what it needs itself (the reader, in command order).
   */
  async function inTab(
    tab: Browser.tabs.Tab | undefined,
    task: (tabId: number) => Promise<boolean>,
    { confirm = false, inject = true }: { confirm?: boolean; inject?: boolean } = {},
  ) {
    if (!tab?.id || isRestrictedUrl(tab.url)) return showOnBadge(tab?.id, false);
    try {
      if (inject) await ensureContentScript(tab.id);
      const ok = await task(tab.id);
      if (!ok || confirm) showOnBadge(tab.id, ok);
    } catch {
      showOnBadge(tab.id, false);
    }
  }

  const saveArticleOf = (tab: Browser.tabs.Tab | undefined) =>
    inTab(
      tab,
      async (tabId) => {
        const extracted = await sendToTab(tabId, { type: 'extract' });
        return extracted.ok && (await saveClip(clipFromArticle(extracted.article, 'article'))).ok;
      },
      { confirm: true },
    );

  const saveSelectionOf = (tab: Browser.tabs.Tab | undefined, selection: string) =>
    inTab(
      tab,
      async (tabId) => {
        if (!selection.trim() || !tab?.url) return false;
        const extracted = await sendToTab(tabId, { type: 'extract' });
        // A selection on a page that is no article is still worth keeping, under the tab's title.
        const page = extracted.ok
          ? extracted.article
          : { url: tab.url, title: tab.title ?? tab.url, lang: 'und', siteName: null };
        return (await saveClip(clipFromSelection(page, selection))).ok;
      },
      { confirm: true },
    );

  // A shortcut gets a sign of life at once: the first read after a browser start waits for the
  // speech engine and its voice list (seconds), so the badge says "…" until the voices are in.
  const PREPARING = '…';
  const showPreparing = (tabId: number | undefined, preparing: boolean) => {
    if (preparing) {
      void toolbarButton.setBadgeBackgroundColor({ tabId, color: '#1a5fb4' });
      void toolbarButton.setBadgeText({ tabId, text: PREPARING }).then(() => markStage('badge'));
    } else {
      void toolbarButton.getBadgeText({ tabId }).then((text) => {
        if (text === PREPARING) void toolbarButton.setBadgeText({ tabId, text: '' });
      });
    }
  };
  onSpeechStatus((status, tabId) => showPreparing(tabId, status.preparing));

  const reads = readStarter({ ensureContentScript, ensureReader, sendToTab, bridge });

  // Starting to read where there is nothing to read (no article) leaves the reader idle without an error.
  const speechIn = (tab: Browser.tabs.Tab | undefined, command: SpeechCommand) => {
    markStage('command', { first: true });
    // Before anything is awaited: injecting and extracting on a page read for the first time take a while.
    if (tab?.id && !isRestrictedUrl(tab.url)) showPreparing(tab.id, true);
    // Looked up while the reader is injected.
    const context = {
      platformStarted: platform ? platform.started() : Promise.resolve(false),
      settings: storedSettings().catch(() => null),
    };
    return inTab(
      tab,
      async (tabId) => {
        const status = await reads.speech(tabId, command, context).finally(() => showPreparing(tabId, false));
        // A stop pressed before this start reached the reader cancelled it: nothing went wrong.
        if (!status) return true;
        if (status.preparing) showPreparing(tabId, true);
        const meantToStart = command.action === 'play' || (command.action === 'toggle' && status.what === null);
        return !status.error && !(meantToStart && status.state.status === 'idle');
      },
      { inject: false },
    );
  };

  const readSelectionIn = (tab: Browser.tabs.Tab | undefined, text: string) =>
    inTab(tab, async (tabId) => text.trim() !== '' && !(await reads.readSelection(tabId, text)).error, {
      inject: false,
    });

  const activeTab = async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0];

  const openClipsPage = async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/clips.html') });
  };

  const createMenus = () => {
    void browser.contextMenus.removeAll().then(() => {
      const menu = (
        id: string,
        title: 'menuReadSelection' | 'menuReadPage' | 'menuSaveSelection' | 'menuOpenClips',
        contexts: Browser.contextMenus.CreateProperties['contexts'],
      ) => browser.contextMenus.create({ id, title: browser.i18n.getMessage(title), contexts });
      menu('read-selection', 'menuReadSelection', ['selection']);
      menu('read-page', 'menuReadPage', ['page']);
      menu('save-selection', 'menuSaveSelection', ['selection']);
      menu('open-clips', 'menuOpenClips', [import.meta.env.MANIFEST_VERSION === 2 ? 'browser_action' : 'action']);
    });
  };
  // Chrome keeps menus across restarts once created; Firefox's persistent background page must
  // create them every time it starts.
  if (import.meta.env.FIREFOX) createMenus();
  else browser.runtime.onInstalled.addListener(createMenus);

  browser.contextMenus.onClicked.addListener((info, tab) => {
    switch (info.menuItemId) {
      case 'read-selection':
        return void readSelectionIn(tab, info.selectionText ?? '');
      case 'read-page':
        return void speechIn(tab, { action: 'play', what: 'article' });
      case 'save-selection':
        return void saveSelectionOf(tab, info.selectionText ?? '');
      case 'open-clips':
        return void openClipsPage();
    }
  });

  browser.commands.onCommand.addListener((command, tab) => {
    void (async () => {
      const target = tab ?? (await activeTab());
      if (command === 'save-clip') await saveArticleOf(target);
      else if (SPEECH_COMMANDS[command]) await speechIn(target, SPEECH_COMMANDS[command]);
    })();
  });

  // Saving and opening are for the popup and the clips page: a content script that asks is doing a
  // page's bidding. Same-site verdicts are for Loa's content script, before and after each fetch.
  onBackgroundRequest({
    'save-clip': (message, sender) =>
      isOwnExtensionPage(sender, self)
        ? saveClip(message.clip)
        : new ClipsError('invalid-input', "Clips are saved from Loa's own pages only").toFailure(),
    'open-clips': async (_message, sender) => {
      if (isOwnExtensionPage(sender, self)) await openClipsPage();
    },
    'same-site': ({ urls, pageUrl }, sender) =>
      isOwnContentScript(sender, self) && Array.isArray(urls) ? sameSiteVerdicts(urls, pageUrl) : [],
    'complete-article': ({ page }, sender) =>
      isOwnContentScript(sender, self) || isOwnExtensionPage(sender, self) ? completeArticle(page) : null,
    // A popup opening on a tab without a reader shows the player from here instead of injecting one.
    'idle-speech-status': async ({ lang }, sender) => {
      if (!isOwnExtensionPage(sender, self) || typeof lang !== 'string') return null;
      const [voices, settings] = await Promise.all([listVoices(), storedSettings().catch(() => null)]);
      return idleSpeechStatus(voices, lang, parseSpeechSettings(settings));
    },
    'voice-options': async ({ lang }, sender) =>
      isOwnExtensionPage(sender, self) && typeof lang === 'string'
        ? voiceOptions(await listVoices(), lang)
        : { sameLanguage: [], otherLanguages: [] },
  });
});
