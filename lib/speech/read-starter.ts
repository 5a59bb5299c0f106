/**
 * How the background sends a tab's reader the commands of keys and menus, in the order they were
 * pressed, and speaks a fresh tab's first sentence through chrome.tts while the reader is injected.
 */
import type { ContentRequest, ContentResponses, SpeechCommand, SpeechStatus } from '../messages';
import { firstArticleUtterance } from './ahead';
import { startsArticleAtFirstSentence } from './session';
import { parseSpeechSettings } from './settings';
import { markStage } from './stages';
import type { BridgeHost, AheadUtterance } from './tts-bridge/host';

/** `sendToTab` of lib/messages. */
export type SendToTab = <T extends ContentRequest>(tabId: number, message: T) => Promise<ContentResponses[T['type']]>;

export interface ReadStarterParts {
  /** Injects the extraction script alone; says whether the page has the reader already (lib/tabs). */
  ensureContentScript(tabId: number): Promise<{ reader: boolean }>;
  /** Injects the extraction script and the reader (lib/tabs). */
  ensureReader(tabId: number): Promise<void>;
  sendToTab: SendToTab;
  /** Chromium's chrome.tts host; null where pages speak for themselves (Firefox). */
  bridge: Pick<BridgeHost, 'speakAhead' | 'dropAhead'> | null;
}

/** What a key or a menu's command knows when it is pressed: both are looked up while the reader is injected. */
export interface CommandContext {
  /** The browser's speech platform has started (lib/speech/platform.ts). */
  platformStarted: Promise<boolean>;
  /** The stored speech settings, unparsed. */
  settings: Promise<unknown>;
}

/** A start a stop may still cancel: its command has not been sent to the reader. */
interface PendingStart {
  cancelled: boolean;
  ahead: AheadUtterance | null;
}

export interface ReadStarter {
  /**
   * Sends `command` to the tab's reader (injecting it) after the tab's earlier commands were sent.
   * Null: a stop pressed before this start was sent cancelled it, and nothing was sent.
   */
  speech(tabId: number, command: SpeechCommand, context: CommandContext): Promise<SpeechStatus | null>;
  /** Reads `text` in the tab's reader, in the same order. */
  readSelection(tabId: number, text: string): Promise<SpeechStatus>;
}

export function readStarter({ ensureContentScript, ensureReader, sendToTab, bridge }: ReadStarterParts): ReadStarter {
  /** Per tab: resolves once the last command given for it was sent. */
  const lastSent = new Map<number, Promise<void>>();
  /** Per tab: its starts not sent yet. */
  const pendingStarts = new Map<number, Set<PendingStart>>();

  /**
   * Runs `send` once the tab's earlier commands were sent: a key's injection (and, for a fresh tab's
   * start, its extraction) takes long enough for the next key to overtake it otherwise. `send`
   * calls `sent` right after handing its message over; a failure lets the next one go too.
   */
  function inOrder<T>(tabId: number, send: (sent: () => void) => Promise<T>): Promise<T> {
    const previous = lastSent.get(tabId) ?? Promise.resolve();
    let sent!: () => void;
    const turn = new Promise<void>((resolve) => (sent = resolve));
    lastSent.set(tabId, turn);
    void turn.then(() => {
      if (lastSent.get(tabId) === turn) lastSent.delete(tabId);
    });
    const result = previous.then(() => send(sent));
    result.then(sent, sent);
    return result;
  }

  async function sendSpeech(
    tabId: number,
    command: SpeechCommand,
    platformStarted: boolean,
    sent: () => void,
    ahead: AheadUtterance | null = null,
  ): Promise<SpeechStatus> {
    markStage('injected');
    const answer = sendToTab(tabId, { type: 'speech', command, platformStarted, spokenAhead: ahead !== null });
    sent();
    const status = await answer.catch((error: unknown) => {
      if (ahead) bridge?.dropAhead(ahead);
      throw error;
    });
    // A reader that took the sentence over asked for it on its port (that request may come after
    // this answer); one that did not never will, and nothing may go on speaking for it.
    if (ahead && !status.tookAhead) bridge?.dropAhead(ahead);
    return status;
  }

  /**
   * Where the tab has no reader yet and it would read through chrome.tts, the first sentence goes
   * to chrome.tts as soon as the page's article is extracted, and the reader is injected meanwhile:
   * compiling it and starting its session take about as long as chrome.tts takes to start speaking.
   */
  async function start(
    tabId: number,
    command: SpeechCommand,
    context: CommandContext,
    pending: PendingStart,
    sent: () => void,
  ): Promise<SpeechStatus | null> {
    const plain = async () => {
      await ensureReader(tabId);
      return pending.cancelled ? null : sendSpeech(tabId, command, await context.platformStarted, sent);
    };
    // Only with the platform up: on a first read after the browser starts, the page's getVoices()
    // must come first (lib/speech/platform.ts), and the reader calls it as it always did.
    const platformStarted = await context.platformStarted;
    // A start a stop cancelled meanwhile extracts nothing for a sentence it will not speak.
    if (!bridge || !platformStarted || (await ensureContentScript(tabId)).reader || pending.cancelled) return plain();
    const opening = await sendToTab(tabId, { type: 'reading-start' });
    const first =
      opening.page && !opening.pageMaySpeak && !opening.selected
        ? firstArticleUtterance(opening.page, parseSpeechSettings(await context.settings))
        : null;
    if (first && !pending.cancelled) {
      markStage('ahead');
      pending.ahead = bridge.speakAhead(tabId, first);
    }
    try {
      await ensureReader(tabId);
    } catch (error) {
      if (pending.ahead) bridge.dropAhead(pending.ahead);
      throw error;
    }
    if (pending.cancelled) return null;
    return sendSpeech(tabId, command, platformStarted, sent, pending.ahead);
  }

  return {
    speech(tabId, command, context) {
      const pending = pendingStarts.get(tabId) ?? new Set<PendingStart>();
      if (command.action === 'stop') {
        // The stop comes before these starts reach the reader: they do not, and what one spoke stops now.
        for (const start of pending) {
          start.cancelled = true;
          if (start.ahead) bridge?.dropAhead(start.ahead);
        }
      }
      if (!startsArticleAtFirstSentence(command))
        return inOrder(tabId, async (sent) => {
          await ensureReader(tabId);
          return sendSpeech(tabId, command, await context.platformStarted, sent);
        });
      const mine: PendingStart = { cancelled: false, ahead: null };
      pending.add(mine);
      pendingStarts.set(tabId, pending);
      const done = () => {
        pending.delete(mine);
        if (pending.size === 0 && pendingStarts.get(tabId) === pending) pendingStarts.delete(tabId);
      };
      return inOrder(tabId, (sent) =>
        start(tabId, command, context, mine, () => {
          done();
          sent();
        }),
      ).finally(done);
    },
    readSelection(tabId, text) {
      return inOrder(tabId, async (sent) => {
        await ensureReader(tabId);
        const answer = sendToTab(tabId, { type: 'speak-selection', text });
        sent();
        return answer;
      });
    },
  };
}
