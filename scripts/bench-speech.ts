/**
 * The "read aloud" key → first sound, in Chromium with espeak-ng, where the time goes. Each run
 * dispatches the real `play-pause` command listener (the Alt+Shift+Q path) on an article page the
 * user has not clicked (so Loa speaks through chrome.tts, as a shortcut user meets it) and reads
 * the stage marks of lib/speech/stages.ts from the service worker's and the page's timelines.
 *
 * - Warm: voices already listed, content script injected by an earlier read; median of 10, beside
 *   two baselines measured in the same run: a bare chrome.tts.speak() of the same sentence from the
 *   service worker, and the engine floor, speechSynthesis.speak() → start in a clicked page.
 * - The speech platform's cold start: a fresh browser's own first speechSynthesis.speak() → start
 *   in a clicked page (fresh profile, a speech-dispatcher of its own that has listed nothing), median of 5.
 * - First read after the browser starts, key pressed at once, 2 s and 5 s after the browser is up
 *   (a reader opens the page first): a listener (a profile that has read before, so the voice is
 *   remembered and the warm-up starts the platform with the browser) against a first-time user (a
 *   fresh profile: no warm-up), alternating, median of 3 each; each browser gets a speech-dispatcher
 *   of its own. Also key → badge "preparing", whether the warm-up was done before the key, and
 *   whether the first sentence used the remembered voice.
 *
 *   LOA_E2E=1 npx wxt build && npx tsx scripts/bench-speech.ts      (npm run bench:speech)
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { SpeechStage } from '../lib/speech/stages';
import { WARM_UP_MARK } from '../lib/speech/warm-up';
import { writeBenchRows, type BenchRow } from './lib/bench-report';
import { median } from './lib/stats';
import { describe, keyToFirstSound, medians, round } from './lib/speech-marks';
import {
  dispatchCommand,
  launchExtension,
  startPageServer,
  startSpeechSink,
  watchSpeech,
  type LoadedExtension,
  type PageServer,
} from './lib/browser-harness';

const RUNS = 10;
const FRESH_RUNS = 5;
/** When the key is pressed after the browser starts: at once, and after a page load or two. */
const START_DELAYS_MS = [0, 2000, 5000];
/** Browsers started per delay and kind of user: each is a full browser start. */
const START_RUNS = 3;
const ARTICLE = 'vn-baolaocai-seed-reconstructed';
const TITLE = 'Ban Chỉ đạo Cải cách hành chính của Chính phủ họp phiên thứ 7';
const NORTHERN = 'Vietnamese (Northern) espeak-ng';
const WARM_GOAL_MS = 150;
const FRESH_GOAL_MS = 1000;
const BADGE_GOAL_MS = 100;

async function clickedPage(extension: LoadedExtension, url: string): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(url);
  await page.click('body');
  return page;
}

/** speechSynthesis.speak() → start of the title in the Northern voice (the language's default until it is listed). */
function engineFloor(page: Page): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve, reject) => {
    const voice = speechSynthesis.getVoices().find((candidate) => candidate.name === ${JSON.stringify(NORTHERN)});
    const utterance = new SpeechSynthesisUtterance(${JSON.stringify(TITLE)});
    if (voice) utterance.voice = voice;
    utterance.lang = 'vi';
    utterance.onerror = (event) => reject(new Error(event.error));
    const started = performance.now();
    utterance.onstart = () => {
      resolve(performance.now() - started);
      speechSynthesis.cancel();
    };
    speechSynthesis.speak(utterance);
  })`);
}

async function warm(): Promise<{ stages: Map<SpeechStage | 'total', number>; bare: number; floor: number }> {
  const server = await startPageServer();
  const sink = startSpeechSink('realtime');
  const extension = await launchExtension({ speech: sink });
  const speech = await watchSpeech(extension);
  const page = await extension.context.newPage();
  await page.goto(server.corpusUrl(ARTICLE));
  await page.bringToFront();

  // Warm-up: the first read waits for speech-dispatcher to list its voices (seconds, once per browser).
  await dispatchCommand(extension, 'play-pause');
  await speech.waitFor((status) => status.sentence !== null && !status.preparing, 60_000);
  await dispatchCommand(extension, 'stop');
  await speech.waitFor((status) => status.state.status === 'idle');

  const runs: Array<Map<SpeechStage | 'total', number>> = [];
  for (let run = 0; run < RUNS; run++) {
    runs.push(await keyToFirstSound(extension, page, 30_000));
    await dispatchCommand(extension, 'stop');
    await speech.waitFor((status) => status.state.status === 'idle');
  }

  const bare: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    bare.push(
      await extension.worker.evaluate<number>(`new Promise((resolve) => {
        const started = performance.now();
        chrome.tts.speak(${JSON.stringify(TITLE)}, {
          voiceName: ${JSON.stringify(NORTHERN)},
          onEvent(event) {
            if (event.type === 'start') {
              resolve(performance.now() - started);
              chrome.tts.stop();
            }
          },
        });
      })`),
    );
  }

  // The engine floor: a page the user clicked may use speechSynthesis, whose voices are listed by now.
  const clicked = await clickedPage(extension, server.corpusUrl(ARTICLE));
  const floor: number[] = [];
  for (let run = 0; run < RUNS; run++) floor.push(await engineFloor(clicked));

  await extension.close();
  sink.stop();
  await server.close();
  return { stages: medians(runs), bare: round(median(bare)), floor: round(median(floor)) };
}

/**
 * The speech platform's own cold start: the first speechSynthesis.speak() → start of a browser that
 * has just started (fresh profile, a speech-dispatcher that has listed nothing yet), median of 5.
 */
async function platformColdStart(server: PageServer): Promise<number> {
  const floor: number[] = [];
  for (let run = 0; run < FRESH_RUNS; run++) {
    const sink = startSpeechSink('instant');
    const extension = await launchExtension({ speech: sink });
    floor.push(await engineFloor(await clickedPage(extension, server.corpusUrl(ARTICLE))));
    await extension.close();
    sink.stop();
  }
  return round(median(floor));
}

/** A profile that has read Vietnamese aloud once, so its slot's voice is remembered: a listener's. */
async function listenerProfile(server: PageServer): Promise<string> {
  const profileDir = mkdtempSync(join(tmpdir(), 'loa-bench-listener-'));
  const sink = startSpeechSink('instant');
  const extension = await launchExtension({ profileDir, speech: sink });
  const speech = await watchSpeech(extension);
  const page = await extension.context.newPage();
  await page.goto(server.corpusUrl(ARTICLE));
  await page.bringToFront();
  await dispatchCommand(extension, 'play-pause');
  await speech.waitFor((status) => status.sentence !== null && status.state.voice?.name === NORTHERN, 60_000);
  await dispatchCommand(extension, 'stop');
  await speech.waitFor((status) => status.state.status === 'idle');
  await extension.close();
  sink.stop();
  return profileDir;
}

type Who = 'listener' | 'first-time';

interface StartRun {
  steps: Map<SpeechStage | 'total', number>;
  /** The warm-up had listed the voices when the key was pressed. */
  warmedBeforeKey: boolean;
  /** The first sentence spoke in the remembered Northern voice. */
  rememberedVoice: boolean;
  /** When the key was pressed, after the browser was up (the page's load can make it later than asked). */
  keyAtMs: number;
}

/**
 * The first read of a browser that has just started (a speech-dispatcher of its own that has
 * listed nothing yet): a listener's (a copy of `listener`, so the warm-up runs) or a first-time
 * user's (a fresh profile: no warm-up). The page is opened at once and the key pressed `delayMs`
 * after the browser is up, or when the page has loaded if that is later.
 */
async function firstReadAfterStart(server: PageServer, who: Who, listener: string, delayMs: number): Promise<StartRun> {
  const profileDir = mkdtempSync(join(tmpdir(), 'loa-bench-profile-'));
  if (who === 'listener') cpSync(listener, profileDir, { recursive: true });
  const sink = startSpeechSink('instant');
  const extension = await launchExtension({ profileDir, speech: sink });
  const up = Date.now();
  const speech = await watchSpeech(extension);
  const page = await extension.context.newPage();
  await page.goto(server.corpusUrl(ARTICLE));
  await page.bringToFront();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, up + delayMs - Date.now())));
  const keyAtMs = Date.now() - up;
  const warmedBeforeKey = await extension.worker.evaluate<boolean>(
    `performance.getEntriesByName(${JSON.stringify(WARM_UP_MARK)}).length > 0`,
  );
  const steps = await keyToFirstSound(extension, page, 60_000);
  const first = await speech.waitFor((status) => status.sentence !== null, 10_000).catch(() => null);
  console.log(`  ${who}, key at ${keyAtMs} ms: ${describe(steps)}`);
  await extension.close();
  sink.stop();
  rmSync(profileDir, { recursive: true, force: true });
  return { steps, warmedBeforeKey, rememberedVoice: first?.state.voice?.name === NORTHERN, keyAtMs };
}

interface StartCase {
  who: Who;
  delayMs: number;
  steps: Map<SpeechStage | 'total', number>;
  warmedBeforeKey: number;
  rememberedVoice: number;
  /** Runs with no first sound within 60 s. */
  silent: number;
  keyAtMs: number;
}

/** Listener and first-time user alternate at each delay, so both meet the same machine load. */
async function startCases(server: PageServer): Promise<StartCase[]> {
  const listener = await listenerProfile(server);
  const cases: StartCase[] = [];
  for (const delayMs of START_DELAYS_MS) {
    const runs: Record<Who, StartRun[]> = { listener: [], 'first-time': [] };
    for (let run = 0; run < START_RUNS; run++)
      for (const who of ['listener', 'first-time'] as const)
        runs[who].push(await firstReadAfterStart(server, who, listener, delayMs));
    for (const who of ['listener', 'first-time'] as const)
      cases.push({
        who,
        delayMs,
        steps: medians(runs[who].map((run) => run.steps)),
        warmedBeforeKey: runs[who].filter((run) => run.warmedBeforeKey).length,
        rememberedVoice: runs[who].filter((run) => run.rememberedVoice).length,
        silent: runs[who].filter((run) => !run.steps.has('total')).length,
        keyAtMs: Math.round(median(runs[who].map((run) => run.keyAtMs))),
      });
  }
  rmSync(listener, { recursive: true, force: true });
  return cases;
}

const warmRun = await warm();
const server = await startPageServer();
const coldStart = await platformColdStart(server);
const starts = await startCases(server);
await server.close();
const warmTotal = warmRun.stages.get('total') ?? Number.NaN;
const startCase = (who: Who, delayMs: number) => starts.find((c) => c.who === who && c.delayMs === delayMs)!;
const total = (c: StartCase) => c.steps.get('total') ?? Number.NaN;
const firstTimeAtOnce = startCase('first-time', 0);
const freshBadge = firstTimeAtOnce.steps.get('badge') ?? Number.NaN;

console.log(`Alt+Shift+Q → first sound, voices listed, median of ${RUNS} (ms between stages):`);
console.log(`  ${describe(warmRun.stages)}`);
console.log(
  `  baselines, same run: bare chrome.tts.speak → start ${warmRun.bare} ms; engine floor speechSynthesis.speak → start ${warmRun.floor} ms`,
);
console.log(`the fresh browser's own first speechSynthesis.speak → start, median of ${FRESH_RUNS}: ${coldStart} ms`);
for (const c of starts) {
  console.log(
    `first read after the browser starts, ${c.who}, key at ${c.keyAtMs} ms (asked ${c.delayMs}), median of ${START_RUNS}:`,
  );
  console.log(`  ${describe(c.steps)}`);
  console.log(
    `  warm-up done before the key ${c.warmedBeforeKey}/${START_RUNS}; first sentence in the remembered voice ${c.rememberedVoice}/${START_RUNS}`,
  );
}

const rows: BenchRow[] = [
  {
    what: 'Alt+Shift+Q → first sound, voices already listed',
    goal: `≤ ${WARM_GOAL_MS} ms`,
    value: warmTotal,
    unit: 'ms',
    meets: warmTotal <= WARM_GOAL_MS,
    baseline: { what: 'bare chrome.tts.speak → start, same run', value: warmRun.bare },
    note: `median of ${RUNS}; stages (ms): ${describe(warmRun.stages)}; engine floor speechSynthesis.speak → start ${warmRun.floor} ms`,
  },
  ...START_DELAYS_MS.map((delayMs): BenchRow => {
    const listener = startCase('listener', delayMs);
    const firstTime = startCase('first-time', delayMs);
    const when = delayMs === 0 ? 'key at once' : `key ${delayMs / 1000} s after start`;
    return {
      what: `first read after the browser starts, ${when}: a listener (warm-up) → first sound`,
      goal: `≤ ${FRESH_GOAL_MS} ms`,
      value: total(listener),
      unit: 'ms',
      meets: total(listener) <= FRESH_GOAL_MS,
      baseline: { what: 'a first-time user (no warm-up), same run', value: total(firstTime) },
      note:
        `median of ${START_RUNS} each (runs without a first sound in 60 s: listener ${listener.silent}, first-time ${firstTime.silent}), fresh speech-dispatcher each run; key at ${listener.keyAtMs} ms after the browser was up ` +
        `(the page loads first); warm-up done before the key ${listener.warmedBeforeKey}/${START_RUNS}; first sentence in the ` +
        `remembered voice ${listener.rememberedVoice}/${START_RUNS}; listener stages (ms): ${describe(listener.steps)}; ` +
        `first-time stages (ms): ${describe(firstTime.steps)}; a fresh browser's own first speechSynthesis.speak → start ${coldStart} ms`,
    };
  }),
  {
    what: 'first read after the browser starts: key → badge "preparing"',
    goal: `≤ ${BADGE_GOAL_MS} ms`,
    value: freshBadge,
    unit: 'ms',
    meets: freshBadge <= BADGE_GOAL_MS,
    note: `a first-time user, key at once, median of ${START_RUNS}; the popup shows "preparing" from the first status it gets`,
  },
];
writeBenchRows('speech', rows);
