/**
 * The one message protocol between the popup, the clips page, the background and the content
 * script. Every message is a member of a discriminated union with its response type beside it,
 * so each side is type-checked against the same table.
 */
import { browser } from 'wxt/browser';
import type { Article, ArticlePage, ExtractResult } from './article';
import type { ClipInput, ClipsFailure, SaveResult } from './clips';
import type { SpeakerError, SpeakerState } from './speech/speaker-ports';
import type { VoiceRef } from './speech/voice-catalogue';
import type { SlotId, VoiceSlots } from './speech/voices';

/** What the popup, shortcuts, menus and the clips page ask of a reading session. */
export type SpeechCommand =
  | { action: 'play'; what?: 'article' | 'summary'; from?: number }
  | { action: 'toggle' | 'pause' | 'resume' | 'stop' | 'next' | 'previous' | 'next-paragraph' | 'previous-paragraph' }
  | { action: 'rate'; rate: number }
  | { action: 'voice'; slot: SlotId }
  | { action: 'pin'; slot: SlotId; voiceURI: string | null }
  /** Scroll to the sentence being read again, after the user scrolled away from it. */
  | { action: 'follow' };

/** Everything a view needs to show the player as it really is. */
export interface SpeechStatus {
  state: SpeakerState;
  slots: VoiceSlots | null;
  slot: SlotId | null;
  /** The last fatal problem, until the next successful start. */
  error: SpeakerError | null;
  /** The text of the sentence being read. */
  sentence: string | null;
  what: 'article' | 'summary' | 'selection' | null;
  /** Titles of the articles queued to be read after this one ("listen to these next"). */
  upNext: string[];
  /** The voice list is still loading: reading has started with the language's default voice. */
  preparing: boolean;
  /** False once the user scrolled the page away from the sentence being read. */
  following: boolean;
}

/** Every voice that can be pinned to a voice slot, the page language's first (`voiceOptions`). */
type PinnableVoices = { sameLanguage: VoiceRef[]; otherLanguages: VoiceRef[] };

type Sender = { id?: string; url?: string; tab?: { id?: number; url?: string } };

/**
 * Popup/background → content scripts (the tab's page). `extract` and `reveal` are the extraction
 * script's (`content.js`, injected on every popup opening); the others are the reader's
 * (`reader.js`, injected with it only where reading starts; a popup opening asks it only when the
 * page already has it, and the background otherwise).
 */
export type ContentRequest =
  | { type: 'extract' }
  /** Scrolls the page to this sentence of the article and flashes it. */
  | { type: 'reveal'; sentence: string }
  | {
      type: 'speech';
      command: SpeechCommand;
      /**
       * The background's last chrome.tts listing had the browser's own voices: the speech platform
       * is up, and the reader need not start it (see lib/speech/platform.ts).
       */
      platformStarted?: boolean;
      /**
       * The background is speaking this read's first sentence through chrome.tts already (a reader
       * just injected for a key or a menu): the reader reads through the bridge and takes it over.
       */
      spokenAhead?: boolean;
    }
  /**
   * The extraction script, before the reader is injected for a read: the page's own article and
   * what else decides how the reader will start it (the background speaks its first sentence meanwhile).
   */
  | { type: 'reading-start' }
  /** Fills the voice slots (waiting for the browser's voice list) and reports the player. */
  | { type: 'speech-status' }
  | { type: 'speak-selection'; text: string }
  | { type: 'voice-options' }
  /** Fetches these stories of the page's own site, extracts them and reads them after the current one. */
  | { type: 'queue-stories'; urls: string[] };

export interface ContentResponses {
  extract: ExtractResult;
  /** False when the passage could not be found on the live page. */
  reveal: boolean;
  /** `tookAhead`: the reader asked the bridge for the sentence spoken ahead for it (`spokenAhead`). */
  speech: SpeechStatus & { tookAhead?: boolean };
  /** `pageMaySpeak`: the page's own speechSynthesis would read (lib/speech/platform.ts); `selected`: text is selected. */
  'reading-start': { page: ArticlePage | null; pageMaySpeak: boolean; selected: boolean };
  'speech-status': SpeechStatus;
  'speak-selection': SpeechStatus;
  'voice-options': PinnableVoices;
  'queue-stories': { status: SpeechStatus; queued: number; skipped: number };
}

/** Popup/content/clips page → background. */
export type BackgroundRequest =
  | { type: 'save-clip'; clip: ClipInput }
  | { type: 'open-clips' }
  /** Content script: which of `urls` are http(s) addresses of `pageUrl`'s registrable domain (the background carries the Public Suffix List). */
  | { type: 'same-site'; pageUrl: string; urls: string[] }
  /** Content script: the key figures and summary of the page it extracted (`completeArticle`). */
  | { type: 'complete-article'; page: ArticlePage }
  /**
   * Popup of a tab without a reader: the player as a fresh reading session for `lang` would show it,
   * over the background's voice list (answered once the voices are listed).
   */
  | { type: 'idle-speech-status'; lang: string }
  /** Popup of a tab without a reader: every voice that can be pinned to a slot of `lang`. */
  | { type: 'voice-options'; lang: string };

export type ClipSaveResponse = { ok: true; result: SaveResult } | ClipsFailure;

export interface BackgroundResponses {
  'save-clip': ClipSaveResponse;
  'open-clips': void;
  /** One verdict per requested URL, in order; empty when the asker is not Loa's content script. */
  'same-site': boolean[];
  /** Null when the asker is not Loa's own content script or page. */
  'complete-article': Article | null;
  /** Null when the asker is not Loa's own page. */
  'idle-speech-status': SpeechStatus | null;
  'voice-options': PinnableVoices;
}

/** Tags content-script messages so the background's runtime listener ignores them, and vice versa. */
const CONTENT = 'loa-content';
const BACKGROUND = 'loa-background';
/** The content script's reading progress, for whichever extension page is listening. */
const SPEECH_STATUS = 'loa-speech-status';

export type Envelope<T> = { to: typeof CONTENT | typeof BACKGROUND | typeof SPEECH_STATUS; message: T };

/** Sent by the content script on every change; nobody listening (popup closed) is normal. */
export function broadcastSpeechStatus(status: SpeechStatus): void {
  browser.runtime.sendMessage({ to: SPEECH_STATUS, message: status } satisfies Envelope<SpeechStatus>).catch(() => {});
}

/** Calls `listener` with every reading status a tab broadcasts, and that tab's id. */
export function onSpeechStatus(listener: (status: SpeechStatus, tabId: number) => void): () => void {
  const handle = (raw: unknown, sender: Sender) => {
    const envelope = raw as Partial<Envelope<SpeechStatus>> | undefined;
    if (envelope?.to === SPEECH_STATUS && envelope.message && sender.tab?.id !== undefined)
      listener(envelope.message, sender.tab.id);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handle as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return () =>
    browser.runtime.onMessage.removeListener(handle as Parameters<typeof browser.runtime.onMessage.removeListener>[0]);
}

/**
 * webextension-polyfill's wire form of a rejected handler: the polyfill turned it into a rejection
 * for its callers, and these functions still do, so a failed handler fails its sender as before.
 */
type Rejection = { __mozWebExtensionPolyfillReject__: true; message: string };

function rejection(error: unknown): Rejection {
  // The polyfill's own wording for a rejection without a message.
  const message = (error as { message?: unknown } | null)?.message;
  return {
    __mozWebExtensionPolyfillReject__: true,
    message: typeof message === 'string' ? message : 'An unexpected error occurred',
  };
}

function unwrapReply<T>(reply: unknown): T {
  const failed = reply as Partial<Rejection> | undefined;
  if (failed?.__mozWebExtensionPolyfillReject__ === true) throw new Error(failed.message);
  return reply as T;
}

export async function sendToTab<T extends ContentRequest>(
  tabId: number,
  message: T,
): Promise<ContentResponses[T['type']]> {
  return unwrapReply(await browser.tabs.sendMessage(tabId, { to: CONTENT, message } satisfies Envelope<T>));
}

export async function sendToBackground<T extends BackgroundRequest>(
  message: T,
): Promise<BackgroundResponses[T['type']]> {
  return unwrapReply(await browser.runtime.sendMessage({ to: BACKGROUND, message } satisfies Envelope<T>));
}

/** One handler per message type, so each is checked against its own response type. */
export type ContentHandlers = {
  [K in ContentRequest['type']]: (
    message: Extract<ContentRequest, { type: K }>,
  ) => Promise<ContentResponses[K]> | ContentResponses[K];
};
export type BackgroundHandlers = {
  [K in BackgroundRequest['type']]: (
    message: Extract<BackgroundRequest, { type: K }>,
    sender: Sender,
  ) => Promise<BackgroundResponses[K]> | BackgroundResponses[K];
};

function listen<Req extends { type: string }>(
  to: string,
  handlers: Record<string, (message: never, sender: Sender) => unknown>,
): () => void {
  // Answers through sendResponse and `true`: Chrome's own onMessage ignores a returned promise, and
  // without webextension-polyfill (kept out of the content script for its size) nothing adapts it.
  const listener = (raw: unknown, sender: Sender, sendResponse: (response: unknown) => void) => {
    const envelope = raw as Partial<Envelope<Req>> | undefined;
    const handle = envelope?.to === to && envelope.message ? handlers[envelope.message.type] : undefined;
    const message = envelope?.message;
    if (!handle || !message) return undefined;
    Promise.resolve()
      .then(() => handle(message as never, sender))
      .then(sendResponse, (error: unknown) => sendResponse(rejection(error)));
    return true;
  };
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return () =>
    browser.runtime.onMessage.removeListener(
      listener as Parameters<typeof browser.runtime.onMessage.removeListener>[0],
    );
}

/** Each content script answers its own share of the requests and leaves the rest to the other. */
export function onContentRequest<K extends ContentRequest['type']>(handlers: Pick<ContentHandlers, K>): () => void {
  return listen<ContentRequest>(CONTENT, handlers);
}

export function onBackgroundRequest(handlers: BackgroundHandlers): () => void {
  return listen<BackgroundRequest>(BACKGROUND, handlers);
}
