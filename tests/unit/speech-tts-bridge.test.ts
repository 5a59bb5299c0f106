import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { UtteranceLike } from '../../lib/speech/engine';
import { parseHtml } from '../../cli/html';
import { extractArticle } from '../../lib/extract';
import type { ContentRequest, SpeechCommand, SpeechStatus } from '../../lib/messages';
import { firstArticleUtterance, tookAhead } from '../../lib/speech/ahead';
import { readStarter, type SendToTab } from '../../lib/speech/read-starter';
import { ReadingSession, type Readable } from '../../lib/speech/session';
import { DEFAULT_SETTINGS, type SpeechSettings } from '../../lib/speech/settings';
import type { SpeechSentence } from '../../lib/speech/queue';
import { Speaker } from '../../lib/speech/speaker';
import type { SpeakerEvent } from '../../lib/speech/speaker-ports';
import { createBridgeEngine, isNotAllowed } from '../../lib/speech/tts-bridge/client';
import {
  hostBridgeEngine,
  type TtsLike,
  type TtsOptionsLike,
  type TtsVoiceLike,
} from '../../lib/speech/tts-bridge/host';
import { TTS_PORT, type PortLike } from '../../lib/speech/tts-bridge/protocol';
import { asksPageForVoices, speechPlatform, type SessionArea } from '../../lib/speech/platform';
import { loadVoices } from '../../lib/speech/voice-loading';
import { speechWarmUp } from '../../lib/speech/warm-up';
import { NORTHERN } from '../support/fake-speech';

/** One end of an in-memory port pair, with Chrome's semantics where the bridge depends on them. */
class Endpoint implements PortLike {
  peer!: Endpoint;
  sender?: { tab?: { id?: number } };
  closed = false;
  private readonly messageListeners: Array<(message: unknown) => void> = [];
  private readonly disconnectListeners: Array<() => void> = [];
  readonly onMessage = { addListener: (l: (message: unknown) => void) => void this.messageListeners.push(l) };
  readonly onDisconnect = { addListener: (l: () => void) => void this.disconnectListeners.push(l) };
  constructor(readonly name: string) {}

  postMessage(message: unknown): void {
    if (this.closed) throw new Error('Attempting to use a disconnected port object');
    // Messages are serialized: a voice or utterance object cannot cross as it is.
    const copy: unknown = JSON.parse(JSON.stringify(message));
    const peer = this.peer;
    queueMicrotask(() => {
      if (!peer.closed) for (const l of peer.messageListeners) l(copy);
    });
  }

  /** Only the other end hears of it, as in Chrome. */
  disconnect(): void {
    if (this.closed) return;
    this.closed = true;
    this.peer.closed = true;
    const peer = this.peer;
    queueMicrotask(() => peer.disconnectListeners.forEach((l) => l()));
  }
}

/** runtime.connect / runtime.onConnect, and a service worker that can be stopped. */
class FakeRuntime {
  private listeners: Array<(port: PortLike) => void> = [];
  private workerPorts: Endpoint[] = [];
  clientPorts: Endpoint[] = [];

  readonly onConnect = (listener: (port: PortLike) => void) => void this.listeners.push(listener);

  /** `tabId`: the tab whose content script connects, as the worker's end reports it. */
  readonly connect = (name = TTS_PORT, tabId?: number): PortLike => {
    const client = new Endpoint(name);
    const worker = new Endpoint(name);
    worker.sender = { tab: { id: tabId } };
    client.peer = worker;
    worker.peer = client;
    this.clientPorts.push(client);
    this.workerPorts.push(worker);
    const listeners = [...this.listeners];
    queueMicrotask(() => listeners.forEach((l) => l(worker)));
    return client;
  };

  /** The service worker is stopped: its ports close and its listeners are gone until it starts. */
  stopWorker(): void {
    for (const port of this.workerPorts) port.disconnect();
    this.workerPorts = [];
    this.listeners = [];
  }
}

interface Spoken {
  text: string;
  options: TtsOptionsLike;
}

/**
 * Behaves like Chrome's TtsController where it matters: events arrive asynchronously, a new
 * utterance interrupts the current one, stop() interrupts and unpauses, and a paused engine keeps
 * a new utterance waiting (even with `enqueue: false`) until resume().
 */
class FakeTts implements TtsLike {
  spoken: Spoken[] = [];
  current: Spoken | null = null;
  waiting: Spoken | null = null;
  paused = false;
  calls: string[] = [];
  private readonly voicesListeners: Array<() => void> = [];
  readonly onVoicesChanged = { addListener: (l: () => void) => void this.voicesListeners.push(l) };
  constructor(public voices: TtsVoiceLike[] = [NORTH_TTS, SOUTH_TTS]) {}

  speak(text: string, options: TtsOptionsLike): Promise<void> {
    this.calls.push('speak');
    const utterance = { text, options };
    this.spoken.push(utterance);
    if (this.paused) {
      this.flush();
      this.waiting = utterance;
    } else {
      this.flush();
      this.begin(utterance);
    }
    return Promise.resolve();
  }
  stop(): void {
    this.calls.push('stop');
    this.paused = false;
    this.flush();
  }
  pause(): void {
    this.calls.push('pause');
    this.paused = true;
  }
  resume(): void {
    this.calls.push('resume');
    this.paused = false;
    if (this.waiting && !this.current) {
      const next = this.waiting;
      this.waiting = null;
      this.begin(next);
    }
  }
  voiceLists = 0;
  getVoices(): Promise<TtsVoiceLike[]> {
    this.voiceLists++;
    return Promise.resolve(this.voices);
  }
  changeVoices(voices: TtsVoiceLike[]): void {
    this.voices = voices;
    this.voicesListeners.forEach((l) => l());
  }
  /** The current utterance reaches its end. */
  finish(): void {
    const u = this.current;
    this.current = null;
    if (u) this.fire(u, 'end');
  }
  fail(): void {
    const u = this.current;
    this.current = null;
    if (u) this.fire(u, 'error');
  }

  private begin(u: Spoken): void {
    this.current = u;
    this.fire(u, 'start');
  }
  private flush(): void {
    if (this.current) this.fire(this.current, 'interrupted');
    if (this.waiting) this.fire(this.waiting, 'cancelled');
    this.current = null;
    this.waiting = null;
  }
  private fire(u: Spoken, type: string): void {
    queueMicrotask(() => u.options.onEvent?.({ type }));
  }
}

/** Lets every queued message and event cross: the bridge only ever waits on microtasks. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const NORTH_TTS: TtsVoiceLike = { voiceName: 'Vietnamese (Northern) espeak-ng', lang: 'vi' };
const SOUTH_TTS: TtsVoiceLike = { voiceName: 'Google tiếng Việt', lang: 'vi-VN', remote: true };

function sentences(...texts: string[]): SpeechSentence[] {
  let offset = 0;
  return texts.map((text, i) => {
    const s = { text, start: offset, end: offset + text.length, paragraph: i, source: 'text' as const };
    offset += text.length + 1;
    return s;
  });
}

const THREE = sentences('Một.', 'Hai.', 'Ba.');

/** A tab: a Speaker over its own bridge, with the article loaded and a voice chosen. */
async function openTab(
  runtime: FakeRuntime,
  pauseMode: 'restart' | 'native' = 'restart',
  connect: () => PortLike = () => runtime.connect(),
) {
  const bridge = createBridgeEngine(connect);
  const speaker = new Speaker({ ...bridge, pauseMode });
  const events: SpeakerEvent[] = [];
  speaker.subscribe((e) => events.push(e));
  await loadVoices(bridge.synth, 1000);
  speaker.load(THREE, 'vi');
  speaker.setVoice({ voice: NORTHERN });
  const kinds = () =>
    events.filter((e) => e.type !== 'state').map((e) => ('index' in e ? `${e.type}:${e.index}` : e.type));
  const errors = () => events.filter((e) => e.type === 'error');
  return { bridge, speaker, events, kinds, errors };
}

function setup() {
  const runtime = new FakeRuntime();
  const tts = new FakeTts();
  hostBridgeEngine(tts, runtime.onConnect);
  return { runtime, tts };
}

describe('a Speaker over the chrome.tts bridge', () => {
  it('reads three sentences in order, one utterance each, with the chosen voice', async () => {
    const { runtime, tts } = setup();
    const tab = await openTab(runtime);
    tab.speaker.setRate(1.5);
    tab.speaker.play();
    for (const text of ['Một.', 'Hai.', 'Ba.']) {
      await settle();
      expect(tts.current?.text).toBe(text);
      expect(tab.bridge.synth.speaking).toBe(true);
      tts.finish();
    }
    await settle();
    expect(tab.kinds()).toEqual([
      'sentence-start:0',
      'sentence-end:0',
      'sentence-start:1',
      'sentence-end:1',
      'sentence-start:2',
      'sentence-end:2',
      'end',
    ]);
    expect(tab.speaker.getState().status).toBe('idle');
    expect(tab.bridge.synth.speaking).toBe(false);
    expect(tts.spoken).toHaveLength(3);
    expect(tts.spoken[0]?.options).toMatchObject({
      voiceName: NORTHERN.name,
      lang: 'vi',
      rate: 1.5,
      pitch: 1,
      volume: 1,
      enqueue: false,
    });
    expect(tts.calls).toEqual(['stop', 'speak', 'stop', 'speak', 'stop', 'speak']);
  });

  it('pauses and resumes natively: the same utterance goes on', async () => {
    const { runtime, tts } = setup();
    const tab = await openTab(runtime, 'native');
    tab.speaker.play();
    await settle();
    tab.speaker.pause();
    await settle();
    expect(tts.paused).toBe(true);
    expect(tab.bridge.synth.paused).toBe(true);
    expect(tab.speaker.getState().status).toBe('paused');
    tab.speaker.resume();
    await settle();
    expect(tts.paused).toBe(false);
    expect(tts.spoken).toHaveLength(1);
    tts.finish();
    await settle();
    expect(tts.current?.text).toBe('Hai.');
    expect(tab.kinds()).toEqual(['sentence-start:0', 'sentence-end:0', 'sentence-start:1']);
    expect(tab.errors()).toEqual([]);
  });

  it('pauses by cancelling and resumes by reading the sentence again (restart mode)', async () => {
    const { runtime, tts } = setup();
    const tab = await openTab(runtime);
    tab.speaker.play();
    await settle();
    tab.speaker.pause();
    await settle();
    expect(tts.current).toBeNull();
    expect(tts.calls).toEqual(['stop', 'speak', 'stop']);
    tab.speaker.resume();
    await settle();
    expect(tts.current?.text).toBe('Một.');
    expect(tab.speaker.getState().status).toBe('speaking');
    expect(tab.errors()).toEqual([]);
  });

  it('moves to the next sentence mid-utterance without reporting the interruption', async () => {
    const { runtime, tts } = setup();
    const tab = await openTab(runtime);
    tab.speaker.play();
    await settle();
    expect(tab.speaker.next()).toBe(true);
    await settle();
    expect(tts.current?.text).toBe('Hai.');
    tts.finish();
    await settle();
    expect(tts.current?.text).toBe('Ba.');
    expect(tab.kinds()).toEqual(['sentence-start:0', 'sentence-start:1', 'sentence-end:1', 'sentence-start:2']);
    expect(tab.errors()).toEqual([]);
  });

  it('stops', async () => {
    const { runtime, tts } = setup();
    const tab = await openTab(runtime);
    tab.speaker.play();
    await settle();
    tab.speaker.stop();
    await settle();
    expect(tts.current).toBeNull();
    expect(tts.calls).toEqual(['stop', 'speak', 'stop']);
    expect(tab.speaker.getState()).toMatchObject({ status: 'idle', index: 0 });
    expect(tab.bridge.synth.speaking).toBe(false);
    expect(tab.errors()).toEqual([]);
  });

  it('reports a synthesis error from chrome.tts as fatal', async () => {
    const { runtime, tts } = setup();
    const tab = await openTab(runtime);
    tab.speaker.play();
    await settle();
    tts.fail();
    await settle();
    expect(tab.errors()).toEqual([{ type: 'error', error: 'synthesis-failed', fatal: true, index: 0 }]);
    expect(tab.speaker.getState().status).toBe('idle');
  });

  it('fails the utterance when the service worker stops mid-sentence, then reconnects on play', async () => {
    const { runtime, tts } = setup();
    const tab = await openTab(runtime);
    tab.speaker.play();
    await settle();
    runtime.stopWorker();
    await settle();
    expect(tab.errors()).toEqual([{ type: 'error', error: 'synthesis-failed', fatal: true, index: 0 }]);
    expect(tab.speaker.getState().status).toBe('idle');
    expect(tab.bridge.synth.speaking).toBe(false);

    // The next connection starts the worker again.
    hostBridgeEngine(tts, runtime.onConnect);
    tab.speaker.play();
    await settle();
    expect(runtime.clientPorts).toHaveLength(2);
    expect(tts.current?.text).toBe('Một.');
    tts.finish();
    await settle();
    expect(tts.current?.text).toBe('Hai.');
    expect(tab.kinds().slice(-3)).toEqual(['sentence-start:0', 'sentence-end:0', 'sentence-start:1']);
  });

  it('reads the sentence again on resume when the service worker stopped during a pause', async () => {
    const { runtime, tts } = setup();
    const tab = await openTab(runtime, 'native');
    tab.speaker.play();
    await settle();
    tab.speaker.pause();
    await settle();
    runtime.stopWorker();
    hostBridgeEngine(tts, runtime.onConnect);
    await settle();
    expect(tab.errors()).toEqual([]);
    tab.speaker.resume();
    await settle();
    expect(tts.spoken.map((s) => s.text)).toEqual(['Một.', 'Một.']);
    expect(tts.current?.text).toBe('Một.');
    expect(tab.speaker.getState().status).toBe('speaking');
  });

  it('fails instead of hanging when the background cannot be reached at all', async () => {
    const { runtime } = setup();
    const tab = await openTab(runtime);
    const dead = createBridgeEngine(() => {
      throw new Error('Extension context invalidated.');
    });
    // Voices of a bridge that did connect, so the speaker gets as far as speaking.
    const speaker = new Speaker({
      synth: Object.assign(dead.synth, { getVoices: tab.bridge.synth.getVoices }),
      createUtterance: dead.createUtterance,
    });
    const events: SpeakerEvent[] = [];
    speaker.subscribe((e) => events.push(e));
    speaker.load(THREE, 'vi');
    speaker.setVoice({ voice: NORTHERN });
    speaker.play();
    await settle();
    expect(events.filter((e) => e.type === 'error')).toEqual([
      { type: 'error', error: 'synthesis-failed', fatal: true, index: 0 },
    ]);
    expect(speaker.getState().status).toBe('idle');
  });
});

describe('voices', () => {
  it('lists chrome.tts voices by name, remote ones as not local', async () => {
    const { runtime, tts } = setup();
    tts.voices = [...tts.voices, { lang: 'en' }];
    const bridge = createBridgeEngine(() => runtime.connect());
    expect(bridge.synth.getVoices()).toEqual([]);
    await loadVoices(bridge.synth, 1000);
    expect(bridge.synth.getVoices()).toEqual([
      NORTHERN,
      { name: 'Google tiếng Việt', voiceURI: 'Google tiếng Việt', lang: 'vi-VN', localService: false, default: false },
    ]);
  });

  it('passes on a changed voice list', async () => {
    const { runtime, tts } = setup();
    const bridge = createBridgeEngine(() => runtime.connect());
    await settle();
    let changes = 0;
    bridge.synth.addEventListener('voiceschanged', () => changes++);
    tts.changeVoices([SOUTH_TTS]);
    await settle();
    expect(changes).toBe(1);
    expect(bridge.synth.getVoices().map((v) => v.name)).toEqual(['Google tiếng Việt']);
  });
});

describe('voices on a fresh browser', () => {
  it('answers once the starting engine lists its voices: no empty answers, no loop', async () => {
    const { runtime, tts } = setup();
    tts.voices = [];
    const bridge = createBridgeEngine(() => runtime.connect());
    let changes = 0;
    bridge.synth.addEventListener('voiceschanged', () => {
      changes++;
      bridge.synth.getVoices();
    });
    for (let i = 0; i < 20; i++) await settle();
    // Still starting: the tab's question waits for the list instead of hearing "none".
    expect(changes).toBe(0);
    expect(bridge.synth.getVoices()).toEqual([]);
    tts.changeVoices([NORTH_TTS]);
    for (let i = 0; i < 3; i++) await settle();
    expect(changes).toBe(1);
    expect(bridge.synth.getVoices().map((voice) => voice.name)).toEqual([NORTHERN.name]);
  });

  it('lets a tab that asks while the warm-up is listing join that listing', async () => {
    const runtime = new FakeRuntime();
    const tts = new StartingTts([NORTH_TTS]);
    const { listVoices } = hostBridgeEngine(tts, runtime.onConnect);
    const listener = { ...DEFAULT_SETTINGS, voiceByLang: { vi: { slot: null, voice: NORTHERN, pitch: 1 } } };
    const warming = speechWarmUp({ storedSettings: async () => listener, start: listVoices })();
    await settle();
    expect(tts.voiceLists).toBe(1);
    const bridge = createBridgeEngine(() => runtime.connect());
    const tabVoices = loadVoices(bridge.synth, 5000);
    await settle();
    expect(tts.voiceLists).toBe(1);
    tts.list();
    expect((await tabVoices).map((voice) => voice.name)).toEqual([NORTHERN.name]);
    expect(await warming).toBe(true);
    expect(tts.voiceLists).toBe(1);
  });

  it('lists the voices once for every tab, and again only when they change', async () => {
    const { runtime, tts } = setup();
    const a = createBridgeEngine(() => runtime.connect());
    const b = createBridgeEngine(() => runtime.connect());
    await loadVoices(a.synth, 1000);
    await loadVoices(b.synth, 1000);
    expect(tts.voiceLists).toBe(1);
    tts.changeVoices([SOUTH_TTS]);
    await settle();
    expect(tts.voiceLists).toBe(2);
    expect(b.synth.getVoices().map((voice) => voice.name)).toEqual(['Google tiếng Việt']);
  });
});

/** A `storage.session` area: what one browser session keeps across service worker restarts. */
class SessionStore implements SessionArea {
  private readonly items = new Map<string, unknown>();
  async get(key: string): Promise<Record<string, unknown>> {
    return this.items.has(key) ? { [key]: this.items.get(key) } : {};
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(items)) this.items.set(key, value);
  }
}

describe('whether the speech platform has started', () => {
  it('is known once chrome.tts lists voices, also to a worker started later in the same browser session', async () => {
    const session = new SessionStore();
    const platform = speechPlatform(session);
    // chrome.tts lists no voices while the platform starts.
    const tts = new FakeTts([]);
    const { listVoices } = hostBridgeEngine(tts, new FakeRuntime().onConnect, { onListing: platform.listed });
    const listing = listVoices();
    await settle();
    expect(tts.voiceLists).toBe(1);
    expect(await platform.started()).toBe(false);
    tts.changeVoices([NORTH_TTS]);
    expect((await listing).map((voice) => voice.name)).toEqual([NORTHERN.name]);
    expect(await platform.started()).toBe(true);
    expect(await speechPlatform(session).started()).toBe(true);
    // A new browser session starts with an empty area.
    expect(await speechPlatform(new SessionStore()).started()).toBe(false);
  });

  it('is known to the worker that listed when the browser has no session storage', async () => {
    const platform = speechPlatform(undefined);
    const tts = new FakeTts([NORTH_TTS]);
    const { listVoices } = hostBridgeEngine(tts, new FakeRuntime().onConnect, { onListing: platform.listed });
    expect(await platform.started()).toBe(false);
    expect((await listVoices()).map((voice) => voice.name)).toEqual([NORTHERN.name]);
    expect(await platform.started()).toBe(true);
  });

  it("is not known from another extension's engine voices, which are listed while the platform starts", async () => {
    const session = new SessionStore();
    const platform = speechPlatform(session);
    const engineVoice: TtsVoiceLike = { voiceName: 'Vietnamese (engine)', lang: 'vi', extensionId: 'a'.repeat(32) };
    const tts = new FakeTts([engineVoice]);
    const { listVoices } = hostBridgeEngine(tts, new FakeRuntime().onConnect, { onListing: platform.listed });
    expect((await listVoices()).map((voice) => voice.name)).toEqual([engineVoice.voiceName]);
    expect(await platform.started()).toBe(false);
    expect(await speechPlatform(session).started()).toBe(false);
  });

  it('is forgotten when chrome.tts relists without platform voices after they changed, with no tab asking', async () => {
    const session = new SessionStore();
    const platform = speechPlatform(session);
    const tts = new FakeTts([NORTH_TTS]);
    const { listVoices } = hostBridgeEngine(tts, new FakeRuntime().onConnect, { onListing: platform.listed });
    await listVoices();
    expect(await platform.started()).toBe(true);
    // The platform stopped (speech-dispatcher died): chrome.tts lists nothing until it starts again.
    tts.changeVoices([]);
    await settle();
    expect(await platform.started()).toBe(false);
    expect(await speechPlatform(session).started()).toBe(false);
    tts.changeVoices([NORTH_TTS]);
    await settle();
    expect(await platform.started()).toBe(true);
  });

  it('is forgotten by a later worker that relists without platform voices', async () => {
    const session = new SessionStore();
    speechPlatform(session).listed(true);
    await settle();
    const later = speechPlatform(session);
    later.listed(false);
    await settle();
    expect(await later.started()).toBe(false);
    expect(await speechPlatform(session).started()).toBe(false);
  });
});

describe("whether the reader asks the page's speechSynthesis for its voices before a read", () => {
  it('skips the call only when chrome.tts will speak and the platform has started', () => {
    expect(asksPageForVoices({ platformStarted: true, pageSpeaks: false })).toBe(false);
    expect(asksPageForVoices({ platformStarted: false, pageSpeaks: false })).toBe(true);
    expect(asksPageForVoices({ platformStarted: undefined, pageSpeaks: false })).toBe(true);
    expect(asksPageForVoices({ pageSpeaks: false })).toBe(true);
    // The page's own engine needs its voices anyway: asking early lists them while the article is extracted.
    expect(asksPageForVoices({ platformStarted: true, pageSpeaks: true })).toBe(true);
    expect(asksPageForVoices({ platformStarted: false, pageSpeaks: true })).toBe(true);
  });
});

describe('tabs sharing chrome.tts', () => {
  it('lets a new tab interrupt the one reading, which stops quietly', async () => {
    const { runtime, tts } = setup();
    const a = await openTab(runtime);
    const b = await openTab(runtime);
    a.speaker.play();
    await settle();
    b.speaker.play(1);
    await settle();
    expect(tts.current?.text).toBe('Hai.');
    expect(a.speaker.getState().status).toBe('idle');
    expect(a.errors()).toEqual([]);
    expect(b.speaker.getState().status).toBe('speaking');

    // Tab A is closed: it cannot stop tab B's reading.
    runtime.clientPorts[0]?.disconnect();
    await settle();
    expect(tts.current?.text).toBe('Hai.');
    tts.finish();
    await settle();
    expect(b.kinds()).toEqual(['sentence-start:1', 'sentence-end:1', 'sentence-start:2']);
  });

  it('does not let a tab cancel or pause another tab’s utterance', async () => {
    const { runtime, tts } = setup();
    const a = runtime.connect();
    const b = runtime.connect();
    // Each tab numbers its own utterances, so both have an utterance 1.
    a.postMessage({ type: 'speak', id: 1, text: 'Một.', rate: 1, pitch: 1, volume: 1 });
    await settle();
    b.postMessage({ type: 'speak', id: 1, text: 'Hai.', rate: 1, pitch: 1, volume: 1 });
    // Tab A acts before it hears that it was interrupted.
    a.postMessage({ type: 'pause', id: 1 });
    a.postMessage({ type: 'resume', id: 1 });
    a.postMessage({ type: 'cancel', id: 1 });
    await settle();
    expect(tts.current?.text).toBe('Hai.');
    expect(tts.calls).toEqual(['stop', 'speak', 'stop', 'speak']);
  });

  it('does not let a tab paused natively hold the next tab’s reading', async () => {
    const { runtime, tts } = setup();
    const a = await openTab(runtime, 'native');
    const b = await openTab(runtime);
    a.speaker.play();
    await settle();
    a.speaker.pause();
    await settle();
    b.speaker.play();
    await settle();
    expect(tts.paused).toBe(false);
    expect(tts.current?.text).toBe('Một.');
    expect(b.kinds()).toEqual(['sentence-start:0']);
    // Tab A's paused utterance is gone; its resume reads the sentence again, taking the engine back.
    a.speaker.resume();
    await settle();
    expect(a.errors()).toEqual([]);
    expect(tts.spoken).toHaveLength(3);
    expect(b.speaker.getState().status).toBe('idle');
  });

  it('stops reading when the reading tab closes or navigates', async () => {
    const { runtime, tts } = setup();
    const tab = await openTab(runtime);
    tab.speaker.play();
    await settle();
    runtime.clientPorts[0]?.disconnect();
    await settle();
    expect(tts.calls).toEqual(['stop', 'speak', 'stop']);
    expect(tts.current).toBeNull();
  });

  it('ignores ports with other names', async () => {
    const { runtime, tts } = setup();
    const port = runtime.connect('other');
    port.postMessage({ type: 'speak', id: 1, text: 'x', rate: 1, pitch: 1, volume: 1 });
    await settle();
    expect(tts.spoken).toEqual([]);
  });
});

describe('the bridge as a speechSynthesis-like engine', () => {
  it('queues utterances, reports cancelled ones like Chrome, and holds new ones while paused', async () => {
    const { runtime, tts } = setup();
    const { synth, createUtterance } = createBridgeEngine(() => runtime.connect());
    const log: string[] = [];
    const watch = (u: UtteranceLike, name: string) => {
      for (const type of ['start', 'end', 'error'] as const) {
        u.addEventListener(type, (e) =>
          log.push(`${name}:${type}${type === 'error' ? `:${String((e as Event & { error?: unknown }).error)}` : ''}`),
        );
      }
      return u;
    };
    synth.speak(watch(createUtterance('Một.'), 'one'));
    synth.speak(watch(createUtterance('Hai.'), 'two'));
    synth.speak(watch(createUtterance('Ba.'), 'three'));
    expect([synth.speaking, synth.pending]).toEqual([true, true]);
    await settle();
    tts.finish();
    await settle();
    expect(tts.current?.text).toBe('Hai.');
    synth.cancel();
    expect([synth.speaking, synth.pending]).toEqual([false, false]);
    await settle();
    expect(log).toEqual(['one:start', 'one:end', 'two:start', 'two:error:interrupted', 'three:error:canceled']);
    expect(tts.spoken.map((s) => s.text)).toEqual(['Một.', 'Hai.']);

    synth.pause();
    synth.speak(watch(createUtterance('Bốn.'), 'four'));
    await settle();
    expect(tts.spoken).toHaveLength(2);
    synth.resume();
    await settle();
    expect(tts.current?.text).toBe('Bốn.');
  });

  it('keeps numbers within what chrome.tts accepts', async () => {
    const { runtime, tts } = setup();
    const port = runtime.connect();
    port.postMessage({ type: 'speak', id: 1, text: 'x', rate: 50, pitch: -1, volume: Number.NaN });
    port.postMessage({ type: 'speak', id: 'two', text: 'y' });
    await settle();
    expect(tts.spoken).toHaveLength(1);
    expect(tts.spoken[0]?.options).toMatchObject({ rate: 10, pitch: 0, volume: 1 });
  });
});

/** chrome.tts on a fresh browser: its voice list comes only when `list()` is called, as after seconds. */
class StartingTts extends FakeTts {
  private release: (() => void) | null = null;
  override getVoices(): Promise<TtsVoiceLike[]> {
    this.voiceLists++;
    return new Promise((resolve) => (this.release = () => resolve(this.voices)));
  }
  list(): void {
    this.release?.();
  }
}

/** A tab's reading session on the bridge, right after a browser start, with `settings` as stored. */
function freshStart(settings: SpeechSettings, voices: TtsVoiceLike[] = [NORTH_TTS, SOUTH_TTS]) {
  const runtime = new FakeRuntime();
  const tts = new StartingTts(voices);
  hostBridgeEngine(tts, runtime.onConnect);
  const saved: SpeechSettings[] = [];
  const reading = new ReadingSession({
    engine: createBridgeEngine(() => runtime.connect()),
    settings,
    saveSettings: (next) => saved.push(next),
    onStatus: () => {},
    voicesTimeoutMs: 1000,
  });
  return { tts, reading, saved };
}

const GONE = { name: 'Vietnamese (Central) uninstalled', voiceURI: 'Vietnamese (Central) uninstalled', lang: 'vi' };

describe('the voice remembered for a slot, on a fresh browser', () => {
  it('speaks the first sentence with the remembered voice before chrome.tts lists its voices', async () => {
    const remembered = {
      slot: 'north-female' as const,
      voice: { name: SOUTH_TTS.voiceName!, voiceURI: SOUTH_TTS.voiceName!, lang: 'vi-VN' },
      pitch: 1,
    };
    const { tts, reading, saved } = freshStart({
      ...DEFAULT_SETTINGS,
      slotByLang: { vi: 'north-female' },
      voiceByLang: { vi: remembered },
    });
    const status = await reading.readText(THREE, 'vi', 'selection');
    await settle();
    expect(status.preparing).toBe(true);
    expect(tts.spoken).toHaveLength(1);
    expect(tts.spoken[0]?.options).toMatchObject({ voiceName: SOUTH_TTS.voiceName, lang: 'vi-VN' });
    tts.list();
    await settle();
    tts.finish();
    await settle();
    // The list confirms the slot's voice: reading goes on with it, and nothing needs saving.
    expect(tts.spoken[1]?.options.voiceName).toBe(SOUTH_TTS.voiceName);
    expect(saved).toEqual([]);
  });

  it('remembers the voice a slot resolved to once the list is in', async () => {
    const { tts, reading, saved } = freshStart(DEFAULT_SETTINGS);
    await reading.readText(THREE, 'vi', 'selection');
    await settle();
    expect(tts.spoken[0]?.options.voiceName).toBeUndefined();
    tts.list();
    await settle();
    expect(saved.at(-1)?.voiceByLang).toEqual({
      vi: { slot: null, voice: { name: NORTHERN.name, voiceURI: NORTHERN.voiceURI, lang: 'vi' }, pitch: 1 },
    });
  });

  it('uses the remembered voice only while its slot is the one chosen', async () => {
    const remembered = {
      slot: 'south-female' as const,
      voice: { name: SOUTH_TTS.voiceName!, voiceURI: SOUTH_TTS.voiceName!, lang: 'vi-VN' },
      pitch: 1,
    };
    const { tts, reading } = freshStart({
      ...DEFAULT_SETTINGS,
      slotByLang: { vi: 'north-male' },
      voiceByLang: { vi: remembered },
    });
    await reading.readText(THREE, 'vi', 'selection');
    await settle();
    expect(tts.spoken[0]?.options.voiceName).toBeUndefined();
    expect(tts.spoken[0]?.options.lang).toBe('vi');
  });

  it('falls back to the slot voice and forgets a remembered voice that is no longer installed', async () => {
    const { tts, reading, saved } = freshStart(
      { ...DEFAULT_SETTINGS, voiceByLang: { vi: { slot: null, voice: GONE, pitch: 1.25 } } },
      [NORTH_TTS],
    );
    await reading.readText(THREE, 'vi', 'selection');
    await settle();
    expect(tts.spoken[0]?.options).toMatchObject({ voiceName: GONE.name, pitch: 1.25 });
    tts.list();
    await settle();
    tts.finish();
    await settle();
    expect(tts.spoken[1]?.options.voiceName).toBe(NORTHERN.name);
    expect(saved.at(-1)?.voiceByLang).toEqual({
      vi: { slot: null, voice: { name: NORTHERN.name, voiceURI: NORTHERN.voiceURI, lang: 'vi' }, pitch: 1 },
    });
  });
});

describe('switching engines', () => {
  it('switches only on not-allowed', () => {
    expect(isNotAllowed('not-allowed')).toBe(true);
    for (const error of ['interrupted', 'canceled', 'synthesis-failed', 'no-voice', 'not-started']) {
      expect(isNotAllowed(error)).toBe(false);
    }
  });

  it('takes the real browser objects', () => {
    expectTypeOf<Browser.runtime.Port>().toExtend<PortLike>();
    expectTypeOf<typeof Browser.tts>().toExtend<TtsLike>();
  });
});

describe('the first sentence of a reader that has just been injected', () => {
  /** A tab's reading session on the bridge, its port's requests recorded in order. */
  function newReader(runtime: FakeRuntime) {
    const requests: string[] = [];
    const connect = () => {
      const port = runtime.connect();
      const post = port.postMessage.bind(port);
      port.postMessage = (message) => {
        requests.push((message as { type: string }).type);
        post(message);
      };
      return port;
    };
    const reading = new ReadingSession({
      engine: createBridgeEngine(connect),
      settings: DEFAULT_SETTINGS,
      saveSettings: () => {},
      onStatus: () => {},
      voicesTimeoutMs: 1000,
    });
    return { reading, requests };
  }

  it('reaches chrome.tts before the voice list is asked for, which follows once it has started', async () => {
    const runtime = new FakeRuntime();
    const tts = new FakeTts();
    // The background's list is in already (a popup or the warm-up listed it).
    await hostBridgeEngine(tts, runtime.onConnect).listVoices();
    const { reading, requests } = newReader(runtime);
    const status = await reading.readText(THREE, 'vi', 'selection');
    expect(status.preparing).toBe(true);
    for (let i = 0; i < 3; i++) await settle();
    expect(requests.slice(0, 2)).toEqual(['speak', 'voices']);
    expect(tts.spoken).toHaveLength(1);
    expect(reading.status().preparing).toBe(false);
    tts.finish();
    await settle();
    expect(tts.spoken[1]?.options.voiceName).toBe(NORTH_TTS.voiceName);
  });

  it('asks for the voices at once when nothing is read, and after a stopped first sentence', async () => {
    const runtime = new FakeRuntime();
    hostBridgeEngine(new FakeTts(), runtime.onConnect);
    const idle = newReader(runtime);
    expect((await idle.reading.statusFor('vi')).preparing).toBe(true);
    for (let i = 0; i < 3; i++) await settle();
    expect(idle.requests).toEqual(['voices']);
    expect(idle.reading.status().slot).toBe('north-male');

    const stopped = newReader(runtime);
    await stopped.reading.readText(THREE, 'vi', 'selection');
    await stopped.reading.command({ action: 'stop' }, () => null);
    for (let i = 0; i < 3; i++) await settle();
    expect(stopped.requests).toContain('voices');
    expect(stopped.reading.status().slots?.missing).toBe(false);
  });
});

describe('the first sentence spoken ahead of a reader still being injected', () => {
  const PAGE = `<!doctype html><html lang="vi"><head><title>Khánh thành cầu mới</title></head><body><h1>Khánh thành cầu mới</h1><article>
<p>Sáng 12/3, tỉnh tổ chức lễ khánh thành cây cầu dài 1.250 m bắc qua sông. Công trình được xây dựng trong 18 tháng với tổng vốn đầu tư lớn.</p>
<p>Người dân hai bên bờ không còn phải đi đò qua sông mỗi ngày như trước đây nữa.</p></article></body></html>`;
  const {
    figures: _figures,
    summary: _summary,
    ...page
  } = (() => {
    const result = extractArticle(parseHtml(PAGE, 'https://tin.example.vn/cau.html'));
    if (!result.ok) throw new Error(result.message);
    return result.article;
  })();
  const remembered: SpeechSettings = {
    ...DEFAULT_SETTINGS,
    rate: 1.25,
    voiceByLang: {
      vi: {
        slot: null,
        voice: { name: SOUTH_TTS.voiceName!, voiceURI: SOUTH_TTS.voiceName!, lang: 'vi-VN' },
        pitch: 0.8,
      },
    },
  };

  /** The background's host, and a reader injected into tab `tabId` (its session on its own bridge). */
  function tab(settings: SpeechSettings, tabId = 7) {
    const runtime = new FakeRuntime();
    const tts = new FakeTts();
    const host = hostBridgeEngine(tts, runtime.onConnect);
    const reader = () => {
      const reading = new ReadingSession({
        engine: createBridgeEngine(() => runtime.connect(TTS_PORT, tabId)),
        settings,
        saveSettings: () => {},
        onStatus: () => {},
        voicesTimeoutMs: 1000,
      });
      return reading;
    };
    return { runtime, tts, host, reader };
  }

  /** A page whose first sentence (its title) is long and full of numbers: chunked differently per rate. */
  const numeric = (() => {
    const title =
      'Năm 2024, tỉnh đầu tư 1.250,5 tỷ đồng cho 37 dự án giao thông, trong đó 12 dự án hoàn thành trước ngày 30/6, 18 dự án đạt 75% khối lượng, còn lại 7 dự án chậm tiến độ do vướng mặt bằng tại 4 huyện, với tổng chiều dài 215,8 km đường và 46 cây cầu được nâng cấp từ nguồn vốn ngân sách';
    const result = extractArticle(
      parseHtml(
        `<!doctype html><html lang="vi"><head><title>${title}</title></head><body><h1>${title}</h1>${PAGE.slice(PAGE.indexOf('<article>'))}</body></html>`,
        'https://tin.example.vn/dau-tu.html',
      ),
    );
    if (!result.ok) throw new Error(result.message);
    return result.article;
  })();
  const english = (() => {
    const result = extractArticle(
      parseHtml(
        `<!doctype html><html lang="en"><head><title>Bridge opens after 18 months</title></head><body><h1>Bridge opens after 18 months</h1><article><p>The province opened a 1,250 m bridge on March 12. It took 18 months to build and cost more than planned.</p><p>People on both banks no longer need the ferry every day.</p></article></body></html>`,
        'https://news.example.com/bridge.html',
      ),
    );
    if (!result.ok) throw new Error(result.message);
    return result.article;
  })();
  /** The remembered voice belongs to a slot that is no longer the chosen one: the engine's default speaks. */
  const slotChanged: SpeechSettings = { ...remembered, slotByLang: { vi: 'north-male' } };

  it("is the reader's own first request, whatever the page, the rate and the remembered voice", async () => {
    const cases: Array<[Readable, SpeechSettings]> = [
      [page, DEFAULT_SETTINGS],
      [page, remembered],
      [numeric, { ...DEFAULT_SETTINGS, rate: 0.5 }],
      [numeric, { ...remembered, rate: 2 }],
      [numeric, { ...remembered, rate: 1.37 }],
      [english, remembered],
      [page, slotChanged],
    ];
    for (const [article, settings] of cases) {
      const plain = tab(settings);
      await plain.reader().command({ action: 'toggle' }, () => article);
      await settle();
      const { text, options } = plain.tts.spoken[0]!;
      expect(firstArticleUtterance(article, settings)).toEqual({
        text,
        voiceName: options.voiceName,
        lang: options.lang,
        rate: options.rate,
        pitch: options.pitch,
        volume: options.volume,
      });
    }
    expect(firstArticleUtterance(numeric, { ...DEFAULT_SETTINGS, rate: 0.5 })!.text).not.toBe(
      firstArticleUtterance(numeric, { ...DEFAULT_SETTINGS, rate: 2 })!.text,
    );
  });

  it('is taken over by the reader: spoken once, its start heard by the reader, the next sentence follows', async () => {
    const { tts, host, reader } = tab(remembered);
    host.speakAhead(7, firstArticleUtterance(page, remembered)!);
    await settle();
    const reading = reader();
    const status = await reading.command({ action: 'toggle' }, () => page);
    expect(status.state.status).toBe('speaking');
    await settle();
    expect(tts.spoken).toHaveLength(1);
    expect(reading.status().sentence).toBe(page.title);
    tts.finish();
    await settle();
    expect(tts.spoken.map((spoken) => spoken.text)).toEqual([
      firstArticleUtterance(page, remembered)!.text,
      expect.stringContaining('mười hai tháng ba'),
    ]);
    expect(reading.status().sentence).toContain('Sáng 12/3');
  });

  it('that ended before the reader came on is not spoken again: the reader goes on with the next sentence', async () => {
    const { tts, host, reader } = tab(DEFAULT_SETTINGS);
    host.speakAhead(7, firstArticleUtterance(page, DEFAULT_SETTINGS)!);
    await settle();
    tts.finish();
    await reader().command({ action: 'toggle' }, () => page);
    await settle();
    expect(tts.spoken).toHaveLength(2);
    expect(tts.spoken[1]!.text).toContain('mười hai tháng ba');
  });

  it('is paused and stopped by the reader that took it over', async () => {
    const { tts, host, reader } = tab(DEFAULT_SETTINGS);
    host.speakAhead(7, firstArticleUtterance(page, DEFAULT_SETTINGS)!);
    const reading = reader();
    await reading.command({ action: 'toggle' }, () => page);
    await settle();
    expect(tts.spoken).toHaveLength(1);
    await reading.command({ action: 'toggle' }, () => page);
    await settle();
    expect(reading.status().state.status).toBe('paused');
    expect(tts.current).toBeNull();
    await reading.command({ action: 'toggle' }, () => page);
    await settle();
    expect(tts.current?.text).toBe(tts.spoken[0]!.text);
    await reading.command({ action: 'stop' }, () => page);
    await settle();
    expect(tts.current).toBeNull();
    expect(reading.status().state.status).toBe('idle');
  });

  it("is not another tab's, nor another text's: those are spoken as asked", async () => {
    const other = tab(DEFAULT_SETTINGS, 8);
    other.host.speakAhead(7, firstArticleUtterance(page, DEFAULT_SETTINGS)!);
    await other.reader().command({ action: 'toggle' }, () => page);
    await settle();
    expect(other.tts.spoken).toHaveLength(2);

    const elsewhere = tab(DEFAULT_SETTINGS);
    elsewhere.host.speakAhead(7, { ...firstArticleUtterance(page, DEFAULT_SETTINGS)!, text: 'Một câu khác.' });
    await elsewhere.reader().command({ action: 'toggle' }, () => page);
    await settle();
    expect(elsewhere.tts.spoken.map((spoken) => spoken.text)).toEqual(['Một câu khác.', page.title]);
  });

  it('is taken over by the same text in another voice or rate (settings changed in between): heard once', async () => {
    const { tts, host, reader } = tab(remembered);
    host.speakAhead(7, firstArticleUtterance(page, DEFAULT_SETTINGS)!);
    const reading = reader();
    await reading.command({ action: 'toggle' }, () => page);
    await settle();
    expect(tts.spoken).toHaveLength(1);
    expect(tts.spoken[0]!.options.voiceName).toBeUndefined();
    tts.finish();
    await settle();
    expect(tts.spoken[1]!.options.rate).toBe(remembered.rate);
  });

  it('is stopped when dropped unclaimed, and a reader asking later speaks it itself', async () => {
    const { tts, host, reader } = tab(DEFAULT_SETTINGS);
    const spoken = host.speakAhead(7, firstArticleUtterance(page, DEFAULT_SETTINGS)!);
    await settle();
    host.dropAhead(spoken);
    expect(tts.calls.at(-1)).toBe('stop');
    expect(tts.current).toBeNull();
    await reader().command({ action: 'toggle' }, () => page);
    await settle();
    expect(tts.spoken).toHaveLength(2);
    expect(tts.current?.text).toBe(tts.spoken[0]!.text);
  });
});

describe("the background's commands to a tab's reader, and the first sentence spoken ahead", () => {
  const PAGE = `<!doctype html><html lang="vi"><head><title>Mở rộng đường ven biển</title></head><body><h1>Mở rộng đường ven biển</h1><article>
<p>Tỉnh bắt đầu mở rộng 12 km đường ven biển trong tháng này. Dự án dự kiến hoàn thành sau hai năm thi công.</p>
<p>Người dân được hỗ trợ tái định cư theo quy định hiện hành của nhà nước.</p></article></body></html>`;
  const {
    figures: _figures,
    summary: _summary,
    ...article
  } = (() => {
    const result = extractArticle(parseHtml(PAGE, 'https://tin.example.vn/duong.html'));
    if (!result.ok) throw new Error(result.message);
    return result.article;
  })();

  /** A promise the test resolves: a step of the page (injection, extraction) that is still running. */
  function gate() {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { opened, open };
  }

  /**
   * A tab and the background's starter over the real bridge host: the page answers as
   * reader.content.ts does, with a real ReadingSession on its own bridge port. `extraction` and
   * `injection` hold the page's `reading-start` answer and the reader's injection until opened.
   */
  function tabWithStarter({ platformStarted = true, clicked = false, selected = false, withBridge = true } = {}) {
    const runtime = new FakeRuntime();
    const tts = new FakeTts();
    const host = hostBridgeEngine(tts, runtime.onConnect);
    let extraction = gate();
    let injection = gate();
    let failInjection = false;
    let reader: ReadingSession | null = null;
    const received: string[] = [];
    const answers: Array<() => void> = [];
    let holdAnswers = false;
    let openings = 0;
    let readerArticle: Readable | null = article;
    let speechFails = false;
    const sendToTab = (async (tabId: number, message: ContentRequest) => {
      if (message.type === 'reading-start') {
        openings++;
        await extraction.opened;
        return { page: article, pageMaySpeak: clicked, selected };
      }
      if (message.type !== 'speech') throw new Error(`not asked here: ${message.type}`);
      received.push(message.command.action + (message.spokenAhead ? ' (spoken ahead)' : ''));
      if (speechFails) throw new Error('The tab was closed.');
      const fresh = !reader;
      reader ??= new ReadingSession({
        engine: createBridgeEngine(() => runtime.connect(TTS_PORT, tabId)),
        settings: DEFAULT_SETTINGS,
        saveSettings: () => {},
        onStatus: () => {},
        voicesTimeoutMs: 1000,
      });
      const status = await reader.command(message.command, () => readerArticle, selected ? article.title : undefined);
      if (holdAnswers) await new Promise<void>((resolve) => answers.push(resolve));
      return { ...status, tookAhead: tookAhead(!!message.spokenAhead, fresh, status) };
    }) as SendToTab;
    let injected = false;
    const starter = readStarter({
      ensureContentScript: async () => ({ reader: injected }),
      ensureReader: async () => {
        await injection.opened;
        if (failInjection) throw new Error('The tab was closed.');
        injected = true;
      },
      sendToTab,
      bridge: withBridge ? host : null,
    });
    const context = () => ({ platformStarted: Promise.resolve(platformStarted), settings: Promise.resolve(null) });
    return {
      tts,
      host,
      received,
      openings: () => openings,
      reader: () => reader,
      press: (command: SpeechCommand) => starter.speech(7, command, context()),
      extract: () => extraction.open(),
      inject: () => injection.open(),
      failInjection: () => (failInjection = true),
      /** The reader finds no article (the page changed after it was extracted). */
      loseArticle: () => (readerArticle = null),
      /** The `speech` message fails (the tab closed after the reader was injected). */
      failSpeech: () => (speechFails = true),
      holdAnswers: () => (holdAnswers = true),
      answer: () => answers.shift()?.(),
      /** The tab shows another page: no reader, the page's steps still to come. */
      navigate: () => {
        injected = false;
        reader = null;
        extraction = gate();
        injection = gate();
      },
    };
  }

  const texts = (tts: FakeTts) => tts.spoken.map((spoken) => spoken.text);

  it('speaks the first sentence once, ahead, and the reader takes it over and goes on', async () => {
    const tab = tabWithStarter();
    const started = tab.press({ action: 'toggle' });
    tab.extract();
    await settle();
    expect(texts(tab.tts)).toEqual([article.title]);
    tab.inject();
    expect((await started)?.state.status).toBe('speaking');
    await settle();
    expect(tab.received).toEqual(['toggle (spoken ahead)']);
    tab.tts.finish();
    await settle();
    expect(texts(tab.tts)).toEqual([article.title, expect.stringContaining('mười hai ki-lô-mét')]);
  });

  it('key then stop while the page is still extracting: nothing is spoken, the start never reaches the reader', async () => {
    const tab = tabWithStarter();
    const started = tab.press({ action: 'toggle' });
    const stopped = tab.press({ action: 'stop' });
    tab.extract();
    tab.inject();
    expect(await started).toBeNull();
    expect((await stopped)?.state.status).toBe('idle');
    await settle();
    expect(tab.tts.spoken).toEqual([]);
    expect(tab.received).toEqual(['stop']);
  });

  it('stop while the sentence spoken ahead plays, before the reader is in: silent, sentence 1 sent once', async () => {
    const tab = tabWithStarter();
    const started = tab.press({ action: 'toggle' });
    tab.extract();
    await settle();
    expect(tab.tts.current?.text).toBe(article.title);
    const stopped = tab.press({ action: 'stop' });
    expect(tab.tts.current).toBeNull();
    tab.inject();
    expect(await started).toBeNull();
    expect((await stopped)?.state.status).toBe('idle');
    await settle();
    expect(texts(tab.tts)).toEqual([article.title]);
    expect(tab.tts.current).toBeNull();
  });

  it('stop after the start was sent, before the reader took the sentence over: the reader takes it, then stops', async () => {
    const tab = tabWithStarter();
    const started = tab.press({ action: 'toggle' });
    tab.extract();
    tab.inject();
    // The start is sent; the reader's port request for the sentence comes later.
    while (tab.received.length === 0) await Promise.resolve();
    const stopped = tab.press({ action: 'stop' });
    await Promise.all([started, stopped]);
    await settle();
    expect(tab.received).toEqual(['toggle (spoken ahead)', 'stop']);
    expect(texts(tab.tts)).toEqual([article.title]);
    expect(tab.tts.current).toBeNull();
    expect(tab.reader()?.status().state.status).toBe('idle');
  });

  it('key twice while the page is extracting: start, then pause, with sentence 1 sent once', async () => {
    const tab = tabWithStarter();
    const started = tab.press({ action: 'toggle' });
    const paused = tab.press({ action: 'toggle' });
    tab.extract();
    tab.inject();
    await Promise.all([started, paused]);
    await settle();
    expect(tab.received).toEqual(['toggle (spoken ahead)', 'toggle']);
    expect(tab.reader()?.status().state.status).toBe('paused');
    expect(texts(tab.tts)).toEqual([article.title]);
  });

  it('next while the page is extracting is not lost: the reader starts, then skips', async () => {
    const tab = tabWithStarter();
    const started = tab.press({ action: 'toggle' });
    const skipped = tab.press({ action: 'next' });
    tab.extract();
    tab.inject();
    await Promise.all([started, skipped]);
    await settle();
    expect(tab.received).toEqual(['toggle (spoken ahead)', 'next']);
    expect(texts(tab.tts)).toEqual([article.title, expect.stringContaining('mười hai ki-lô-mét')]);
  });

  it.each([
    ['an injection', 'failInjection'],
    ['the start message', 'failSpeech'],
  ] as const)('%s that fails stops the sentence spoken ahead, and the next command still goes', async (_, fail) => {
    const tab = tabWithStarter();
    tab[fail]();
    const started = tab.press({ action: 'toggle' });
    tab.extract();
    await settle();
    expect(tab.tts.current?.text).toBe(article.title);
    tab.inject();
    await expect(started).rejects.toThrow('closed');
    expect(tab.tts.current).toBeNull();
    await expect(tab.press({ action: 'stop' })).rejects.toThrow('closed');
  });

  it('a reader that did not take the sentence spoken ahead over (no article any more): the sentence stops', async () => {
    const tab = tabWithStarter();
    tab.loseArticle();
    const started = tab.press({ action: 'toggle' });
    tab.extract();
    await settle();
    expect(tab.tts.current?.text).toBe(article.title);
    tab.inject();
    expect((await started)?.state.status).toBe('idle');
    await settle();
    expect(tab.tts.current).toBeNull();
    expect(texts(tab.tts)).toEqual([article.title]);
  });

  it('takes the sentence over when a second key paused the new session before it answered', () => {
    const paused = { state: { status: 'paused' } } as SpeechStatus;
    const idle = { state: { status: 'idle' } } as SpeechStatus;
    expect(tookAhead(true, true, paused)).toBe(true);
    expect(tookAhead(true, true, idle)).toBe(false);
    expect(tookAhead(true, false, paused)).toBe(false);
    expect(tookAhead(false, true, paused)).toBe(false);
  });

  it('a late answer from the page before a navigation does not stop the next page’s sentence spoken ahead', async () => {
    const tab = tabWithStarter({ selected: false });
    tab.holdAnswers();
    const first = tab.press({ action: 'toggle' });
    tab.extract();
    tab.inject();
    await settle();
    // The first page's reader took its sentence; it is gone before it answered.
    tab.navigate();
    const second = tab.press({ action: 'toggle' });
    tab.extract();
    await settle();
    expect(tab.tts.spoken).toHaveLength(2);
    const secondAhead = tab.tts.current;
    tab.answer();
    await first;
    expect(tab.tts.current).toBe(secondAhead);
    tab.inject();
    await settle();
    tab.answer();
    await second;
    expect(tab.tts.current).toBe(secondAhead);
    expect(tab.tts.spoken).toHaveLength(2);
  });

  it('speaks nothing ahead before the speech platform started: the reader is injected and speaks first, as before', async () => {
    const tab = tabWithStarter({ platformStarted: false });
    const started = tab.press({ action: 'toggle' });
    tab.extract();
    await settle();
    expect(tab.tts.spoken).toEqual([]);
    tab.inject();
    await started;
    await settle();
    expect(tab.openings()).toBe(0);
    expect(tab.received).toEqual(['toggle']);
    expect(texts(tab.tts)).toEqual([article.title]);
  });

  it('keeps the order without a bridge too (Firefox): key then stop while injecting ends silent, key twice paused', async () => {
    const stopped = tabWithStarter({ withBridge: false });
    const started = stopped.press({ action: 'toggle' });
    const stop = stopped.press({ action: 'stop' });
    stopped.inject();
    expect(await started).toBeNull();
    expect((await stop)?.state.status).toBe('idle');
    expect(stopped.received).toEqual(['stop']);

    const twice = tabWithStarter({ withBridge: false });
    const first = twice.press({ action: 'toggle' });
    const second = twice.press({ action: 'toggle' });
    twice.inject();
    await Promise.all([first, second]);
    await settle();
    expect(twice.received).toEqual(['toggle', 'toggle']);
    expect(twice.reader()?.status().state.status).toBe('paused');
  });

  it('speaks nothing ahead on a page that may speak itself, or with a selection', async () => {
    for (const tab of [tabWithStarter({ clicked: true }), tabWithStarter({ selected: true })]) {
      const started = tab.press({ action: 'toggle' });
      tab.extract();
      await settle();
      expect(tab.tts.spoken).toEqual([]);
      tab.inject();
      await started;
      expect(tab.received).toEqual(['toggle']);
    }
  });
});
