import { browser, type Browser } from 'wxt/browser';
import { clipFromArticle, clipFromSelection, openClipStore, toClipsError, type ClipInput, type ClipStore } from '@/lib/clips';
import { onBackgroundRequest, sendToTab, type ClipSaveResponse } from '@/lib/messages';
import type { SpeechCommand } from '@/lib/speech/session';
import { hostBridgeEngine } from '@/lib/speech/tts-bridge';
import { ensureContentScript, isRestrictedUrl } from '@/lib/tabs';

/**
 * The background wires the browser's entry points (keyboard commands, context menus) to the
 * content script of the active tab, and owns clip writes: the database lives in the extension's
 * origin, which a content script cannot reach.
 */
const BADGE_MS = 4000;

export default defineBackground(() => {
  // First and synchronously: a reader's connection may be what wakes this worker up.
  if (!import.meta.env.FIREFOX) hostBridgeEngine(browser.tts, (listener) => browser.runtime.onConnect.addListener(listener));
  let store: ClipStore | null = null;
  const clips = () => (store ??= openClipStore());

  async function saveClip(clip: ClipInput): Promise<ClipSaveResponse> {
    try {
      return { ok: true, result: await clips().saveClip(clip) };
    } catch (error) {
      return toClipsError(error).toFailure();
    }
  }

  /** Tells the user about a failure they caused from a shortcut or a menu, where no popup is open. */
  // Manifest V2 (Firefox) has browserAction where V3 has action.
  const toolbarButton = browser.action ?? browser.browserAction;
  function notifyOnBadge(tabId: number | undefined, ok: boolean) {
    void toolbarButton.setBadgeText({ tabId, text: ok ? '✓' : '!' });
    void toolbarButton.setBadgeBackgroundColor({ tabId, color: ok ? '#1b7f3b' : '#b3261e' });
    setTimeout(() => void toolbarButton.setBadgeText({ tabId, text: '' }), BADGE_MS);
  }

  async function saveArticleOf(tab: Browser.tabs.Tab | undefined) {
    if (!tab?.id || isRestrictedUrl(tab.url)) return notifyOnBadge(tab?.id, false);
    await ensureContentScript(tab.id);
    const extracted = await sendToTab(tab.id, { type: 'extract' });
    if (!extracted.ok) return notifyOnBadge(tab.id, false);
    const saved = await saveClip(clipFromArticle(extracted.article, 'article'));
    notifyOnBadge(tab.id, saved.ok);
  }

  async function saveSelectionOf(tab: Browser.tabs.Tab | undefined, selection: string) {
    if (!tab?.id || !tab.url || !selection.trim()) return notifyOnBadge(tab?.id, false);
    let page = { url: tab.url, title: tab.title ?? tab.url, lang: 'und', siteName: null as string | null };
    if (!isRestrictedUrl(tab.url)) {
      await ensureContentScript(tab.id);
      const extracted = await sendToTab(tab.id, { type: 'extract' });
      if (extracted.ok) page = extracted.article;
    }
    const saved = await saveClip(clipFromSelection(page, selection));
    notifyOnBadge(tab.id, saved.ok);
  }

  /** Drives the tab's reader; a failure shows on the badge, since no popup is open to say it. */
  async function speechIn(tab: Browser.tabs.Tab | undefined, command: SpeechCommand) {
    if (!tab?.id || isRestrictedUrl(tab.url)) return notifyOnBadge(tab?.id, false);
    try {
      await ensureContentScript(tab.id);
      const status = await sendToTab(tab.id, { type: 'speech', command });
      if (status.error) notifyOnBadge(tab.id, false);
    } catch {
      notifyOnBadge(tab.id, false);
    }
  }

  async function readSelectionIn(tab: Browser.tabs.Tab | undefined, text: string) {
    if (!tab?.id || isRestrictedUrl(tab.url) || !text.trim()) return notifyOnBadge(tab?.id, false);
    await ensureContentScript(tab.id);
    await sendToTab(tab.id, { type: 'speak-selection', text });
  }

  const activeTab = async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0];

  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: 'read-selection', title: browser.i18n.getMessage('menuReadSelection'), contexts: ['selection'] });
      browser.contextMenus.create({ id: 'read-page', title: browser.i18n.getMessage('menuReadPage'), contexts: ['page'] });
      browser.contextMenus.create({ id: 'save-selection', title: browser.i18n.getMessage('menuSaveSelection'), contexts: ['selection'] });
      browser.contextMenus.create({ id: 'open-clips', title: browser.i18n.getMessage('menuOpenClips'), contexts: [import.meta.env.MANIFEST_VERSION === 2 ? 'browser_action' : 'action'] });
    });
  });

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
      const speech: Record<string, SpeechCommand> = {
        'play-pause': { action: 'toggle' },
        stop: { action: 'stop' },
        'next-sentence': { action: 'next' },
        'previous-sentence': { action: 'previous' },
      };
      if (command === 'save-clip') await saveArticleOf(target);
      else if (speech[command]) await speechIn(target, speech[command]);
    })();
  });

  async function openClipsPage() {
    await browser.tabs.create({ url: browser.runtime.getURL('/clips.html') });
  }

  onBackgroundRequest({
    'save-clip': (message) => saveClip(message.clip),
    'open-clips': () => openClipsPage(),
  });
});
