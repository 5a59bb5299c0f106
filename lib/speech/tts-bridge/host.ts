/** The background's half of the chrome.tts bridge: it speaks what content scripts send with `chrome.tts`. */
import { markStage, VOICES_CHANGED_MARK } from '../stages';
import type { VoiceLike } from '../voice-catalogue';
import { createVoiceListing } from '../voice-loading';
import {
  FORWARDED,
  isForwarded,
  parseRequest,
  TTS_PORT,
  type BridgeReply,
  type BridgeRequest,
  type BridgeUtterance,
  type ForwardedEvent,
  type PortLike,
  type SpeakRequest,
} from './protocol';

/** The part of `chrome.tts.TtsEvent` the bridge uses. */
export interface TtsEventLike {
  type: string;
}

/** The `chrome.tts.speak` options the bridge sets. */
export interface TtsOptionsLike {
  voiceName?: string;
  lang?: string;
  rate?: number;
  pitch?: number;
  volume?: number;
  enqueue?: boolean;
  desiredEventTypes?: string[];
  onEvent?: (event: TtsEventLike) => void;
}

/** The part of `chrome.tts.TtsVoice` the bridge uses. */
export interface TtsVoiceLike {
  voiceName?: string;
  lang?: string;
  remote?: boolean;
  /** Set on the voices of an extension's `ttsEngine`, listed while the browser's own platform may still be starting. */
  extensionId?: string;
}

/** The part of `chrome.tts` the bridge uses: pass `browser.tts` in Chrome's background. */
export interface TtsLike {
  speak(utterance: string, options: TtsOptionsLike): Promise<void>;
  stop(): void;
  pause(): void;
  resume(): void;
  getVoices(): Promise<TtsVoiceLike[]>;
  /** Chrome 124+. */
  readonly onVoicesChanged?: { addListener(listener: () => void): void };
}

/** An utterance in chrome.tts, and the tab's port that hears its events (none yet: they wait in `missed`). */
interface Playing {
  port: PortLike | null;
  id: number;
  missed: ForwardedEvent[];
}

export interface BridgeHost {
  listVoices: () => Promise<readonly VoiceLike[]>;
  /**
   * Speaks a tab's first utterance before its reader is there to ask (it is being injected): the
   * reader's first request for the same text takes it over instead of speaking it again. Returns
   * the handle `dropAhead` takes.
   */
  speakAhead(tabId: number, utterance: BridgeUtterance): AheadUtterance;
  /**
   * Stops `spoken` unless its reader took it over already (or another utterance replaced it): a
   * stop came before the reader, or the reader will not ask for it (it failed, or answered that it did not).
   */
  dropAhead(spoken: AheadUtterance): void;
}

/** An utterance spoken by `speakAhead`, for its tab's reader to take over. */
export interface AheadUtterance {
  readonly tabId: number;
  readonly text: string;
}

export interface HostOptions {
  /**
   * chrome.tts answered a listing: with the browser's own platform voices (it is up), or without
   * them (it is starting, or stopped; another extension's engine voices do not count).
   */
  onListing?: (platformVoices: boolean) => void;
}

/**
 * Serves `loa-tts` ports with `tts` (`browser.tts` in Chrome's background). `onConnect` registers
 * a port listener: `(listener) => browser.runtime.onConnect.addListener(listener)`. Call it when
 * the service worker starts, so that a connection that wakes the worker finds it. Nothing is
 * listed until a tab or `listVoices` asks: listing starts the browser's speech platform.
 *
 * One utterance plays at a time, whichever tab asked: a new one interrupts the old (its tab gets
 * `interrupted`), and a tab can only cancel, pause or resume its own.
 */
export function hostBridgeEngine(
  tts: TtsLike,
  onConnect: (listener: (port: PortLike) => void) => void,
  { onListing }: HostOptions = {},
): BridgeHost {
  const ports = new Set<PortLike>();
  let current: Playing | null = null;
  /** Spoken by `speakAhead` and not yet claimed by its tab's reader. */
  let ahead: (Playing & AheadUtterance) | null = null;

  let platformVoicesListed = false;

  const owns = (port: PortLike, id: number) => current?.port === port && current.id === id;

  function stop(): void {
    current = null;
    tts.stop();
  }

  function utter(playing: Playing, utterance: BridgeUtterance): void {
    // A paused chrome.tts keeps a new utterance waiting, even with `enqueue: false`, and only
    // stop() unpauses it. Another tab, or this worker before it was restarted, may have paused it.
    markStage('tts-speak');
    stop();
    ahead = null;
    current = playing;
    const report = (event: ForwardedEvent) => {
      if (event !== 'start' && current === playing) current = null;
      if (playing.port) send(playing.port, { type: 'event', id: playing.id, event });
      else playing.missed.push(event);
    };
    tts
      .speak(utterance.text, {
        ...(utterance.voiceName ? { voiceName: utterance.voiceName } : {}),
        ...(utterance.lang ? { lang: utterance.lang } : {}),
        rate: utterance.rate,
        pitch: utterance.pitch,
        volume: utterance.volume,
        enqueue: false,
        desiredEventTypes: [...FORWARDED],
        onEvent: (event) => {
          if (event.type === 'start') markStage('tts-start');
          if (isForwarded(event.type)) report(event.type);
        },
      })
      .catch(() => report('error'));
  }

  /**
   * The reader's first request takes over what was spoken ahead for its tab when it asks for the
   * same text: the events so far reach it at once, and it owns the rest (pause, cancel). Its voice
   * or rate may differ (the settings changed in between): one sentence so is better than a repeat.
   */
  function claimAhead(port: PortLike, request: SpeakRequest): boolean {
    const spoken = ahead;
    if (!spoken || spoken.tabId !== port.sender?.tab?.id || spoken.text !== request.text) return false;
    ahead = null;
    spoken.port = port;
    spoken.id = request.id;
    for (const event of spoken.missed.splice(0)) send(port, { type: 'event', id: request.id, event });
    return true;
  }

  function speak(port: PortLike, request: SpeakRequest): void {
    if (!claimAhead(port, request)) utter({ port, id: request.id, missed: [] }, request);
  }

  // One listing, joined by every tab that asks and by the warm-up; an answer waits until the
  // engine lists its voices (seconds while the speech platform starts), so a tab asks only once.
  const listing = createVoiceListing(() =>
    tts.getVoices().then((listed) => {
      platformVoicesListed = listed.some((voice) => voice.voiceName && !voice.extensionId);
      onListing?.(platformVoicesListed);
      return listed.flatMap(toVoice);
    }),
  );

  function sendVoices(port: PortLike): void {
    void listing.voices().then((voices) => send(port, { type: 'voices', voices: [...voices] }));
  }

  function handle(port: PortLike, request: BridgeRequest): void {
    switch (request.type) {
      case 'speak':
        speak(port, request);
        break;
      case 'cancel':
        if (owns(port, request.id)) stop();
        break;
      case 'pause':
        if (owns(port, request.id)) tts.pause();
        break;
      case 'resume':
        if (owns(port, request.id)) tts.resume();
        break;
      case 'voices':
        sendVoices(port);
        break;
    }
  }

  onConnect((port) => {
    if (port.name !== TTS_PORT) return;
    ports.add(port);
    port.onMessage.addListener((message) => {
      const request = parseRequest(message);
      if (request) handle(port, request);
    });
    // The tab was closed or navigated: nobody is left to hear or stop its utterance.
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      if (current?.port === port) stop();
    });
  });

  tts.onVoicesChanged?.addListener(() => {
    if (typeof performance !== 'undefined') performance.mark(VOICES_CHANGED_MARK);
    listing.changed();
    // A platform that was up and stopped or lost its voices must be noticed with no tab asking too,
    // or the reader would go on skipping the call that starts it again.
    if (platformVoicesListed && ports.size === 0) void listing.voices();
    for (const port of ports) sendVoices(port);
  });
  return {
    listVoices: listing.voices,
    speakAhead(tabId, utterance) {
      const playing = { port: null, id: 0, missed: [], tabId, text: utterance.text };
      utter(playing, utterance);
      ahead = playing;
      return playing;
    },
    dropAhead(spoken) {
      if (ahead !== spoken) return;
      if (current === ahead) stop();
      ahead = null;
    },
  };
}

function send(port: PortLike, reply: BridgeReply): void {
  try {
    port.postMessage(reply);
  } catch {
    // The port closed before its disconnection was reported; that handler cleans up.
  }
}

/** chrome.tts has no default flag, and only named voices can be asked for by name. */
function toVoice(voice: TtsVoiceLike): VoiceLike[] {
  if (!voice.voiceName) return [];
  return [
    {
      name: voice.voiceName,
      voiceURI: voice.voiceName,
      lang: voice.lang ?? '',
      localService: !voice.remote,
      default: false,
    },
  ];
}
