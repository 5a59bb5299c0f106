import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_STARTED_KEY } from '../../lib/speech/platform';
import { WARM_UP_MARK } from '../../lib/speech/warm-up';
import {
  dispatchCommand,
  launchExtension,
  startPageServer,
  startSpeechSink,
  watchSpeech,
  type LoadedExtension,
  type PageServer,
  type SpeechDispatcher,
} from '../../scripts/lib/browser-harness';

const ARTICLE = 'vn-baolaocai-seed-reconstructed';
const TITLE = 'Ban Chỉ đạo Cải cách hành chính của Chính phủ họp phiên thứ 7';
const NORTHERN = /^Vietnamese \(Northern\)/;

/** The warm-up's mark on the worker's timeline: how many voices it listed, or null if it has not. */
function warmUpVoices(extension: LoadedExtension): Promise<number | null> {
  return extension.worker.evaluate(
    (name) => (performance.getEntriesByName(name)[0] as PerformanceMark | undefined)?.detail ?? null,
    WARM_UP_MARK,
  );
}

/** Whether the background knows the speech platform has started, so the reader skips the page's getVoices. */
function platformStarted(extension: LoadedExtension): Promise<boolean> {
  const key = JSON.stringify(PLATFORM_STARTED_KEY);
  return extension.worker.evaluate(`chrome.storage.session.get(${key}).then((stored) => stored[${key}] === true)`);
}

/**
 * Reads the article from the shortcut (chrome.tts: the page was not clicked) until the first
 * sentence was heard to its end in real time, and says in which voice it began and the first
 * status with the voice list in (the slots filled).
 */
async function readFromShortcut(extension: LoadedExtension, server: PageServer) {
  const speech = await watchSpeech(extension);
  const page = await extension.context.newPage();
  await page.goto(server.corpusUrl(ARTICLE));
  await page.bringToFront();
  await dispatchCommand(extension, 'play-pause');
  const first = await speech.waitFor(
    (status) => status.state.status === 'speaking' && status.sentence !== null,
    60_000,
  );
  await speech.waitFor((status) => status.state.index >= 1 && status.sentence !== null, 60_000);
  const listed = (await speech.statuses()).find((status) => status.sentence !== null && !status.preparing);
  const northern = await speech.waitFor((status) => NORTHERN.test(status.state.voice?.name ?? ''), 60_000);
  await dispatchCommand(extension, 'stop');
  await speech.waitFor((status) => status.state.status === 'idle');
  await page.close();
  return { first, northern, listed };
}

describe('the speech warm-up at browser start, in Chromium with chrome.tts', () => {
  let server: PageServer;
  let sink: SpeechDispatcher;
  const profiles: string[] = [];
  beforeAll(async () => {
    server = await startPageServer();
    sink = startSpeechSink('realtime');
  });
  afterAll(async () => {
    sink?.stop();
    await server?.close();
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
  });
  const newProfile = () => {
    const profile = mkdtempSync(join(tmpdir(), 'loa-warmup-profile-'));
    profiles.push(profile);
    return profile;
  };

  it('leaves the speech platform alone in a browser where Loa never read aloud', async () => {
    const extension = await launchExtension({ profileDir: newProfile(), speech: sink });
    try {
      // Reading lists the voices: had the install event warmed up, its listing would have ended by then.
      const { first, northern } = await readFromShortcut(extension, server);
      expect(first.sentence).toBe(TITLE);
      expect(northern.preparing).toBe(false);
      expect(await warmUpVoices(extension)).toBeNull();
    } finally {
      await extension.close();
    }
  });

  it('starts it when a listener’s browser starts; a key right after the warm-up then speaks in the remembered voice', async () => {
    const profileDir = newProfile();
    const before = await launchExtension({ profileDir, speech: sink });
    try {
      // Reading once remembers the slot's voice: this browser now belongs to a listener.
      await readFromShortcut(before, server);
      expect(await warmUpVoices(before)).toBeNull();
    } finally {
      await before.close();
    }

    const after = await launchExtension({ profileDir, speech: sink });
    try {
      // Before any key: the platform was started and listed its voices at browser start.
      const deadline = Date.now() + 60_000;
      let listed = await warmUpVoices(after);
      while (listed === null && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        listed = await warmUpVoices(after);
      }
      expect(listed).toBeGreaterThan(0);
      // The key right after the warm-up takes the path that skips the page's getVoices: chrome.tts alone starts the first sentence.
      expect(await platformStarted(after)).toBe(true);
      const { first, listed: slotsFilled } = await readFromShortcut(after, server);
      expect(first.sentence).toBe(TITLE);
      expect(first.state.voice?.name).toMatch(NORTHERN);
      // The warm-up's list reaches the tab while its first sentence is read (the reader asks for it
      // once that sentence has started, which on a fresh tab is as soon as the reader is in).
      expect(slotsFilled?.state.index).toBe(0);
    } finally {
      await after.close();
    }
  });
});
