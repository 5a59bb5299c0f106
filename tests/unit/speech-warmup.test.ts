import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type SpeechSettings } from '../../lib/speech/settings';
import { createVoiceListing } from '../../lib/speech/voice-loading';
import { hasListened, speechWarmUp } from '../../lib/speech/warm-up';
import { NORTHERN } from '../support/fake-speech';

const LISTENER: SpeechSettings = {
  ...DEFAULT_SETTINGS,
  slotByLang: { vi: 'north-female' },
  voiceByLang: { vi: { slot: 'north-female', voice: NORTHERN, pitch: 1 } },
};

/** The warm-up over `stored`, counting how often it started the speech platform. */
function warmUpOver(stored: () => Promise<unknown>) {
  const starts = { count: 0 };
  const warmUp = speechWarmUp({
    storedSettings: stored,
    start: async () => {
      starts.count++;
      return [NORTHERN];
    },
  });
  return { warmUp, starts };
}

describe('who gets the warm-up', () => {
  it('is a listener only with a remembered voice', () => {
    expect(hasListened(LISTENER)).toBe(true);
    expect(hasListened(undefined)).toBe(false);
    expect(hasListened(DEFAULT_SETTINGS)).toBe(false);
    // A rate or a slot chosen without ever reading aloud to the end of a voice listing is no sign.
    expect(hasListened({ ...DEFAULT_SETTINGS, rate: 1.5, slotByLang: { vi: 'south-male' } })).toBe(false);
    // Whatever an older or newer Loa stored is read through the settings' own validation.
    expect(hasListened({ voiceByLang: { vi: { slot: 'north-female', voice: 'Northern' } } })).toBe(false);
    expect(hasListened('listened')).toBe(false);
  });

  it('starts the speech platform for a listener, once however many start events come', async () => {
    const { warmUp, starts } = warmUpOver(async () => LISTENER);
    const [onStartup, onInstalled] = await Promise.all([warmUp(), warmUp()]);
    expect([onStartup, onInstalled]).toEqual([true, true]);
    expect(await warmUp()).toBe(true);
    expect(starts.count).toBe(1);
  });

  it('leaves the speech platform alone for someone who never listened', async () => {
    for (const stored of [undefined, DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, rate: 2 }]) {
      const { warmUp, starts } = warmUpOver(async () => stored);
      expect(await warmUp()).toBe(false);
      expect(starts.count).toBe(0);
    }
  });

  it('does nothing when the settings cannot be read, and does not throw', async () => {
    const { warmUp, starts } = warmUpOver(() => Promise.reject(new Error('storage unavailable')));
    expect(await warmUp()).toBe(false);
    expect(starts.count).toBe(0);
  });
});

describe('one voice listing from an engine that is still starting', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  /** An engine that lists nothing until `ready` voices are set. */
  function startingEngine() {
    const engine = { lists: 0, ready: [] as string[] };
    const list = async () => {
      engine.lists++;
      return engine.ready;
    };
    return { engine, list };
  }

  it('asks again until the voices come, and every caller meanwhile joins the same listing', async () => {
    const { engine, list } = startingEngine();
    const listing = createVoiceListing(list, { pollMs: 250, timeoutMs: 8000 });
    const first = listing.voices();
    await vi.advanceTimersByTimeAsync(600);
    const second = listing.voices();
    expect(engine.lists).toBe(3);
    engine.ready = ['Vietnamese (Northern)'];
    await vi.advanceTimersByTimeAsync(250);
    expect(await first).toEqual(['Vietnamese (Northern)']);
    expect(await second).toEqual(['Vietnamese (Northern)']);
    expect(engine.lists).toBe(4);
    // Kept: a later caller does not list again.
    expect(await listing.voices()).toEqual(['Vietnamese (Northern)']);
    expect(engine.lists).toBe(4);
  });

  it('looks again at once when the engine says its voices changed', async () => {
    const { engine, list } = startingEngine();
    const listing = createVoiceListing(list, { pollMs: 250, timeoutMs: 8000 });
    const voices = listing.voices();
    await vi.advanceTimersByTimeAsync(0);
    engine.ready = ['Vietnamese (Southern)'];
    listing.changed();
    await vi.advanceTimersByTimeAsync(0);
    expect(await voices).toEqual(['Vietnamese (Southern)']);
    expect(engine.lists).toBe(2);
    // A change after the list is in makes it stale: the next caller lists anew.
    engine.ready = ['Vietnamese (Central)'];
    listing.changed();
    expect(await listing.voices()).toEqual(['Vietnamese (Central)']);
    expect(engine.lists).toBe(3);
  });

  it('answers "none" when an engine never lists voices, and tries again for the next caller', async () => {
    const { engine, list } = startingEngine();
    const listing = createVoiceListing(list, { pollMs: 250, timeoutMs: 1000 });
    const voices = listing.voices();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await voices).toEqual([]);
    const asked = engine.lists;
    const again = listing.voices();
    expect(engine.lists).toBe(asked + 1);
    engine.ready = ['Vietnamese (Northern)'];
    await vi.advanceTimersByTimeAsync(250);
    expect(await again).toEqual(['Vietnamese (Northern)']);
  });

  it('takes a failed listing as "none yet"', async () => {
    let calls = 0;
    const listing = createVoiceListing(
      async () => {
        if (++calls === 1) throw new Error('engine not ready');
        return ['Vietnamese (Northern)'];
      },
      { pollMs: 250, timeoutMs: 8000 },
    );
    const voices = listing.voices();
    await vi.advanceTimersByTimeAsync(250);
    expect(await voices).toEqual(['Vietnamese (Northern)']);
  });
});
