/**
 * A `SynthLike` engine for the content script that speaks through `chrome.tts` in the background.
 *
 * Chrome (M71+) rejects `speechSynthesis.speak()` with `not-allowed` in a frame the user has not
 * interacted with since it loaded, which is the usual case when reading starts from the popup, a
 * keyboard command or a context menu. `chrome.tts` has no such rule and sees the same voices, so the
 * content script keeps its `Speaker` and swaps the engine. Firefox has no `tts` API and no such rule:
 * there the page's `speechSynthesis` is always used.
 */
import { PlainUtterance, type SpeechEngine } from '../engine';
import type { SpeakerError } from '../speaker-ports';
import type { VoiceLike } from '../voice-catalogue';
import type { UtteranceFields } from '../speaker';
import {
  parseReply,
  type BridgeRequest,
  type BridgeUtterance,
  type ForwardedEvent,
  type PortLike,
  type SpeakRequest,
} from './protocol';

/** The page engine's error when the frame has no user activation: time to switch to the bridge. */
export function isNotAllowed(error: SpeakerError): boolean {
  return error === 'not-allowed';
}

interface Queued {
  id: number;
  utterance: PlainUtterance;
  /** Handed to the background; only the head of the queue ever is. */
  sent: boolean;
  /** The background reported its `start`. */
  started?: boolean;
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
  /** A voice request waits for a timer or for the utterance in flight to start (see askVoices). */
  let askScheduled = false;
  let askAfterStart = false;
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

  /** The voices were held back for the utterance in flight, which has started or ended. */
  function askWaitingVoices(): void {
    if (!askAfterStart) return;
    askAfterStart = false;
    askVoices();
  }

  /** Dispatched after the caller returns, as `speechSynthesis` does: the speaker is mid-call. */
  function failLater(entry: Queued, code: string): void {
    queueMicrotask(() => entry.utterance.dispatchEvent(errorEvent(code)));
  }

  function sendHead(): void {
    const head = queue[0];
    if (!head || head.sent || paused) return;
    const request: SpeakRequest = { type: 'speak', id: head.id, ...bridgeUtterance(head.utterance) };
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
    askAfterStart = false;
    const head = queue[0];
    if (!head?.sent) return;
    queue.shift();
    // While speaking, only a real error keeps the speaker from waiting for an `end` that will
    // never come. While paused, an interruption is what happened: the speaker reads the sentence
    // again on resume instead of reporting a failure the user did not see.
    failLater(head, paused ? 'interrupted' : 'synthesis-failed');
    sendHead();
  }

  /**
   * Asks the background for its voices, but never ahead of an utterance: its answer (13,362 voices
   * from Chromium's speech-dispatcher) keeps the service worker busy for 100–200 ms, and a first
   * sentence sent just after it waited that long for chrome.tts. Asked after a timer, so a sentence
   * sent in the same run as the question goes first, and after that sentence has started.
   */
  function askVoices(): void {
    askScheduled = false;
    if (asking || voices.length > 0) return;
    const head = queue[0];
    if (head?.sent && !head.started) {
      askAfterStart = true;
      return;
    }
    asking = post({ type: 'voices' });
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
      head.started = true;
      head.utterance.dispatchEvent(new Event('start'));
      askWaitingVoices();
      return;
    }
    queue.shift();
    sendHead();
    askWaitingVoices();
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
      askWaitingVoices();
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
      if (voices.length === 0 && !asking && !askScheduled && !askAfterStart) {
        askScheduled = true;
        setTimeout(askVoices);
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

/** What chrome.tts is asked to say for an utterance: the voice goes by its name. */
export function bridgeUtterance(utterance: UtteranceFields): BridgeUtterance {
  return {
    text: utterance.text,
    voiceName: utterance.voice?.name,
    lang: utterance.lang,
    rate: utterance.rate,
    pitch: utterance.pitch,
    volume: utterance.volume,
  };
}
