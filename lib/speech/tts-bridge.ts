/**
 * A `SynthLike` engine for the content script that speaks through `chrome.tts` in the background.
 *
 * Chrome (M71+) rejects `speechSynthesis.speak()` with `not-allowed` in a frame the user has not
 * interacted with since it loaded, which is the usual case when reading starts from the popup, a
 * keyboard command or a context menu. `chrome.tts` has no such rule and sees the same voices, so the
 * content script keeps its `Speaker` and swaps the engine. Firefox has no `tts` API and no such rule:
 * there the page's `speechSynthesis` is always used.
 *
 * The two halves talk over a long-lived runtime port named `loa-tts`: the content script asks
 * (`speak`, `cancel`, `pause`, `resume`, `voices`), the background answers with the utterance's
 * `start`/`end`/`interrupted`/`cancelled`/`error` events tagged with the request's id.
 */
import { PlainUtterance, type SpeechEngine } from './engine';
import type { SpeakerError } from './speaker';
import { markStage } from './stages';
import type { VoiceLike } from './voices';

export const TTS_PORT = 'loa-tts';

/** The part of `runtime.Port` the bridge uses; a real port satisfies it. */
export interface PortLike {
  readonly name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
}

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

/** The page engine's error when the frame has no user activation: time to switch to the bridge. */
export function isNotAllowed(error: SpeakerError): boolean {
  return error === 'not-allowed';
}

const FORWARDED = ['start', 'end', 'interrupted', 'cancelled', 'error'] as const;
type ForwardedEvent = (typeof FORWARDED)[number];

type SpeakRequest = {
  type: 'speak';
  id: number;
  text: string;
  voiceName?: string;
  lang?: string;
  rate: number;
  pitch: number;
  volume: number;
};
type BridgeRequest = SpeakRequest | { type: 'cancel' | 'pause' | 'resume'; id: number } | { type: 'voices' };
type BridgeReply = { type: 'event'; id: number; event: ForwardedEvent } | { type: 'voices'; voices: VoiceLike[] };

// ---------------------------------------------------------------------------------------------
// Content-script side
// ---------------------------------------------------------------------------------------------

interface Queued {
  id: number;
  utterance: PlainUtterance;
  /** Handed to the background; only the head of the queue ever is. */
  sent: boolean;
}

/** How the background's end-of-utterance events reach the speaker, in `speechSynthesis` terms. */
const ERROR_CODES: Record<Exclude<ForwardedEvent, 'start' | 'end'>, string> = {
  interrupted: 'interrupted',
  cancelled: 'canceled',
  error: 'synthesis-failed',
};

function errorEvent(code: string): Event {
  return Object.assign(new Event('error'), { error: code });
}

/**
 * The content script's engine. `connect` opens a port to the background:
 * `() => browser.runtime.connect({ name: TTS_PORT })`. It is called again whenever the port was
 * lost (the service worker was stopped) and there is something to say.
 *
 * Like `speechSynthesis`, utterances queue and play one after another, `cancel()` reports
 * `interrupted` to the one playing and `canceled` to the rest, and a pause holds new utterances
 * until `resume()`.
 */
export function createBridgeEngine(connect: () => PortLike): SpeechEngine {
  const voiceEvents = new EventTarget();
  let voices: readonly VoiceLike[] = [];
  /** Whether the background answered once: only its first answer, or a changed list, is news. */
  let answered = false;
  /** A voice request is on its way: asking again before it is answered only multiplies replies. */
  let asking = false;
  let port: PortLike | null = null;
  let queue: Queued[] = [];
  let paused = false;
  let nextId = 1;

  function open(): PortLike | null {
    if (port) return port;
    let opened: PortLike;
    try {
      opened = connect();
      // Listeners check `port` so that a replaced port's late messages change nothing.
      opened.onMessage.addListener((message) => {
        if (port === opened) receive(message);
      });
      opened.onDisconnect.addListener(() => {
        if (port === opened) lose();
      });
      opened.postMessage({ type: 'voices' } satisfies BridgeRequest);
      asking = true;
    } catch {
      // The extension was reloaded or updated under this page: there is no background to reach.
      return null;
    }
    port = opened;
    return opened;
  }

  function post(request: BridgeRequest): boolean {
    const target = open();
    if (!target) return false;
    try {
      target.postMessage(request);
      return true;
    } catch {
      // Chrome throws on a port whose disconnection has not been reported yet.
      lose();
      return false;
    }
  }

  /** Dispatched after the caller returns, as `speechSynthesis` does: the speaker is mid-call. */
  function failLater(entry: Queued, code: string): void {
    queueMicrotask(() => entry.utterance.dispatchEvent(errorEvent(code)));
  }

  function sendHead(): void {
    const head = queue[0];
    if (!head || head.sent || paused) return;
    const u = head.utterance;
    const request: SpeakRequest = {
      type: 'speak',
      id: head.id,
      text: u.text,
      voiceName: u.voice?.name,
      lang: u.lang,
      rate: u.rate,
      pitch: u.pitch,
      volume: u.volume,
    };
    if (post(request)) {
      head.sent = true;
      return;
    }
    queue.shift();
    failLater(head, 'synthesis-failed');
    sendHead();
  }

  /** The background went away (its service worker was stopped) with the head utterance in it. */
  function lose(): void {
    port = null;
    asking = false;
    const head = queue[0];
    if (!head?.sent) return;
    queue.shift();
    // While speaking, only a real error keeps the speaker from waiting for an `end` that will
    // never come. While paused, an interruption is what happened: the speaker reads the sentence
    // again on resume instead of reporting a failure the user did not see.
    failLater(head, paused ? 'interrupted' : 'synthesis-failed');
    sendHead();
  }

  function receive(message: unknown): void {
    const reply = parseReply(message);
    if (!reply) return;
    if (reply.type === 'voices') {
      asking = false;
      // A repeated answer (an engine still starting says "none" again) is no change: announcing
      // it made listeners ask again, and each answer announce again, thousands of times.
      if (answered && sameVoices(voices, reply.voices)) return;
      answered = true;
      voices = reply.voices;
      voiceEvents.dispatchEvent(new Event('voiceschanged'));
      return;
    }
    const head = queue[0];
    // Events of utterances cancelled here were already reported when they were cancelled.
    if (!head?.sent || head.id !== reply.id) return;
    if (reply.event === 'start') {
      head.utterance.dispatchEvent(new Event('start'));
      return;
    }
    queue.shift();
    sendHead();
    head.utterance.dispatchEvent(reply.event === 'end' ? new Event('end') : errorEvent(ERROR_CODES[reply.event]));
  }

  // Also a VoiceSource, so `loadVoices(synth)` waits for the background's list.
  const synth: SpeechEngine['synth'] = {
    speak(utterance) {
      if (!(utterance instanceof PlainUtterance))
        throw new TypeError('Only utterances from createUtterance can be spoken');
      queue.push({ id: nextId++, utterance, sent: false });
      sendHead();
    },
    cancel() {
      const dropped = queue;
      queue = [];
      // The background's stop() also unpauses chrome.tts.
      paused = false;
      const head = dropped[0];
      if (head?.sent) post({ type: 'cancel', id: head.id });
      dropped.forEach((entry, i) => failLater(entry, i === 0 ? 'interrupted' : 'canceled'));
    },
    pause() {
      paused = true;
      const head = queue[0];
      if (head?.sent) post({ type: 'pause', id: head.id });
    },
    resume() {
      paused = false;
      const head = queue[0];
      if (head?.sent) post({ type: 'resume', id: head.id });
      else sendHead();
    },
    get speaking() {
      return queue.length > 0;
    },
    get paused() {
      return paused;
    },
    get pending() {
      return queue.length > 1;
    },
    getVoices: () => {
      // The engine may still be starting (speech-dispatcher lists its voices after seconds):
      // an empty answer is asked again, so a caller that polls gets the list when it comes.
      if (voices.length === 0 && !asking) {
        if (port) asking = post({ type: 'voices' });
        else open();
      }
      return voices;
    },
    addEventListener: (type, listener) => voiceEvents.addEventListener(type, listener),
    removeEventListener: (type, listener) => voiceEvents.removeEventListener(type, listener),
  };

  open();
  // chrome.tts.speak takes a voiceName without a listing first (13,362 espeak voices take seconds).
  return { synth, createUtterance: (text) => new PlainUtterance(text), voicesByName: true };
}

function sameVoices(a: readonly VoiceLike[], b: readonly VoiceLike[]): boolean {
  return a.length === b.length && a.every((voice, i) => voice.voiceURI === b[i]?.voiceURI && voice.lang === b[i]?.lang);
}

function parseReply(message: unknown): BridgeReply | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.type === 'voices' && Array.isArray(m.voices)) {
    return { type: 'voices', voices: m.voices.filter(isVoice) };
  }
  if (m.type === 'event' && typeof m.id === 'number' && isForwarded(m.event)) {
    return { type: 'event', id: m.id, event: m.event };
  }
  return null;
}

function isVoice(value: unknown): value is VoiceLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.lang === 'string' && typeof v.voiceURI === 'string';
}

function isForwarded(type: unknown): type is ForwardedEvent {
  return (FORWARDED as readonly unknown[]).includes(type);
}

// ---------------------------------------------------------------------------------------------
// Background side
// ---------------------------------------------------------------------------------------------

/**
 * Serves `loa-tts` ports with `tts` (`browser.tts` in Chrome's background). `onConnect` registers
 * a port listener: `(listener) => browser.runtime.onConnect.addListener(listener)`. Call it when
 * the service worker starts, so that a connection that wakes the worker finds it.
 *
 * One utterance plays at a time, whichever tab asked: a new one interrupts the old (its tab gets
 * `interrupted`), and a tab can only cancel, pause or resume its own.
 */
export function hostBridgeEngine(tts: TtsLike, onConnect: (listener: (port: PortLike) => void) => void): void {
  const ports = new Set<PortLike>();
  let current: { port: PortLike; id: number } | null = null;

  const owns = (port: PortLike, id: number) => current?.port === port && current.id === id;

  function stop(): void {
    current = null;
    tts.stop();
  }

  function speak(port: PortLike, request: SpeakRequest): void {
    // A paused chrome.tts keeps a new utterance waiting, even with `enqueue: false`, and only
    // stop() unpauses it. Another tab, or this worker before it was restarted, may have paused it.
    markStage('tts-speak');
    stop();
    const playing = { port, id: request.id };
    current = playing;
    const report = (event: ForwardedEvent) => {
      if (event !== 'start' && current === playing) current = null;
      send(port, { type: 'event', id: request.id, event });
    };
    tts
      .speak(request.text, {
        ...(request.voiceName ? { voiceName: request.voiceName } : {}),
        ...(request.lang ? { lang: request.lang } : {}),
        rate: request.rate,
        pitch: request.pitch,
        volume: request.volume,
        enqueue: false,
        desiredEventTypes: [...FORWARDED],
        onEvent: (event) => {
          if (event.type === 'start') markStage('tts-start');
          if (isForwarded(event.type)) report(event.type);
        },
      })
      .catch(() => report('error'));
  }

  // Listed once per worker start and kept (13,362 voices take ~440 ms to list); an empty list is
  // not kept, since an engine still starting has none yet, and a change of voices lists again.
  let listed: Promise<VoiceLike[]> | null = null;
  const listVoices = () => {
    const list = (listed ??= tts.getVoices().then(
      (voices) => voices.flatMap(toVoice),
      () => [],
    ));
    void list.then((voices) => {
      if (voices.length === 0 && listed === list) listed = null;
    });
    return list;
  };
  listVoices();

  function sendVoices(port: PortLike): void {
    // An answer, even empty, spares the content script its wait for voices.
    void listVoices().then((voices) => send(port, { type: 'voices', voices }));
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
    listed = null;
    for (const port of ports) sendVoices(port);
  });
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

/** chrome.tts rejects the whole utterance when a number is out of its range. */
function clamp(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

function parseRequest(message: unknown): BridgeRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'voices':
      return { type: 'voices' };
    case 'cancel':
    case 'pause':
    case 'resume':
      return typeof m.id === 'number' ? { type: m.type, id: m.id } : null;
    case 'speak':
      if (typeof m.id !== 'number' || typeof m.text !== 'string') return null;
      return {
        type: 'speak',
        id: m.id,
        text: m.text,
        voiceName: typeof m.voiceName === 'string' ? m.voiceName : undefined,
        lang: typeof m.lang === 'string' ? m.lang : undefined,
        rate: clamp(m.rate, 0.1, 10, 1),
        pitch: clamp(m.pitch, 0, 2, 1),
        volume: clamp(m.volume, 0, 1, 1),
      };
    default:
      return null;
  }
}
