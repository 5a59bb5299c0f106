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
 *   With the key at once it prints the goal beside the platform's own cold start (the floor) and
 *   splits the listener's wait into Loa's own part and chrome.tts waiting for the platform.
 *   Then, on this build only, a listener's key as soon as the warm-up has listed voices: the path
 *   that skips the page's getVoices (`--warmed-starts N` browsers, default as `--start-runs`). Each
 *   case says which path it took, and the notes carry n and the machine's load.
 *   `--start-runs N` starts N browsers per case (3); `--before DIR` (an earlier commit's E2E build)
 *   runs the browser starts of both builds alternating, and reports the before build in the notes.
 *
 *   LOA_E2E=1 npx wxt build && npx tsx scripts/bench-speech.ts [--start-runs N] [--warmed-starts N] [--before DIR]      (npm run bench:speech)
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { PLATFORM_STARTED_KEY } from '../lib/speech/platform';
import { STAGE_MARK_PREFIX, VOICES_CHANGED_MARK, type SpeechStage } from '../lib/speech/stages';
import { WARM_UP_MARK } from '../lib/speech/warm-up';
import { writeBenchRows, type BenchRow } from './lib/bench-report';
import { textOption, wholeOption } from './lib/options';
import { median } from './lib/stats';
import { describe, keyToFirstSound, medians, round } from './lib/speech-marks';
import {
  dispatchCommand,
  EXTENSION_DIR,
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
/** Browsers started per delay, kind of user and build: each is a full browser start (`--start-runs N`). */
const START_RUNS = wholeOption('--start-runs', 3);
/** Listener browser starts on this build with the key pressed as soon as the warm-up has listed voices (`--warmed-starts N`). */
const WARMED_RUNS = wholeOption('--warmed-starts', START_RUNS);
/** The E2E build of an earlier commit (`--before DIR`): its first reads after a browser start alternate with this build's. */
const BEFORE_DIR = textOption('--before');
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

/**
 * A profile that has read Vietnamese aloud once with `build`, so its slot's voice is remembered: a
 * listener's. One per build: an unpacked extension's id (and so its storage) comes from its folder.
 */
async function listenerProfile(server: PageServer, build: Build): Promise<string> {
  const profileDir = mkdtempSync(join(tmpdir(), 'loa-bench-listener-'));
  const sink = startSpeechSink('instant');
  const extension = await launchExtension({ profileDir, speech: sink, extensionDir: build.dir });
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
  /** The background knew the speech platform had started, so the reader skipped the page's getVoices (lib/speech/platform.ts). */
  skippedPageCall: boolean;
  /** The first sentence spoke in the remembered Northern voice. */
  rememberedVoice: boolean;
  /** When the key was pressed, after the browser was up (the page's load can make it later than asked). */
  keyAtMs: number;
  /** chrome.tts said its voices changed (the speech platform had started), ms after the key; null when it did not. */
  platformUpMs: number | null;
}

/**
 * The first read of a browser that has just started (a speech-dispatcher of its own that has
 * listed nothing yet): a listener's (a copy of `listener`, so the warm-up runs) or a first-time
 * user's (a fresh profile: no warm-up). The page is opened at once and the key pressed `when` ms
 * after the browser is up, or when the page has loaded if that is later; with `when` 'warm-up', as
 * soon as the warm-up has listed voices (a listener's only).
 */
async function firstReadAfterStart(
  server: PageServer,
  build: Build,
  who: Who,
  listeners: Map<Build['name'], string>,
  when: StartWhen,
): Promise<StartRun> {
  const listener = listeners.get(build.name)!;
  const profileDir = mkdtempSync(join(tmpdir(), 'loa-bench-profile-'));
  if (who === 'listener') cpSync(listener, profileDir, { recursive: true });
  const sink = startSpeechSink('instant');
  const extension = await launchExtension({ profileDir, speech: sink, extensionDir: build.dir });
  const up = Date.now();
  const speech = await watchSpeech(extension);
  const page = await extension.context.newPage();
  await page.goto(server.corpusUrl(ARTICLE));
  await page.bringToFront();
  const warmedUp = () =>
    extension.worker.evaluate<boolean>(`performance.getEntriesByName(${JSON.stringify(WARM_UP_MARK)}).length > 0`);
  if (when === 'warm-up') {
    const deadline = Date.now() + 60_000;
    while (!(await warmedUp()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  } else await new Promise((resolve) => setTimeout(resolve, Math.max(0, up + when - Date.now())));
  const keyAtMs = Date.now() - up;
  const warmedBeforeKey = await warmedUp();
  const skippedPageCall = await extension.worker.evaluate<boolean>(
    `chrome.storage.session.get(${JSON.stringify(PLATFORM_STARTED_KEY)}).then((stored) => stored[${JSON.stringify(PLATFORM_STARTED_KEY)}] === true)`,
  );
  const steps = await keyToFirstSound(extension, page, 60_000);
  const first = await speech.waitFor((status) => status.sentence !== null, 10_000).catch(() => null);
  const platformUp = await extension.worker.evaluate<number | null>(`(() => {
    const [key] = performance.getEntriesByName(${JSON.stringify(STAGE_MARK_PREFIX + 'command')});
    const [up] = performance.getEntriesByName(${JSON.stringify(VOICES_CHANGED_MARK)});
    return key && up ? up.startTime - key.startTime : null;
  })()`);
  const platformUpMs = platformUp === null ? null : round(platformUp);
  console.log(
    `  ${build.name}, ${who}, key at ${keyAtMs} ms: ${describe(steps)}${platformUpMs === null ? '' : `; platform up at ${platformUpMs} ms after the key`}`,
  );
  await extension.close();
  sink.stop();
  rmSync(profileDir, { recursive: true, force: true });
  return {
    steps,
    warmedBeforeKey,
    skippedPageCall,
    rememberedVoice: first?.state.voice?.name === NORTHERN,
    keyAtMs,
    platformUpMs,
  };
}

/** Loa's own part of a first read: key → the utterance at chrome.tts, before chrome.tts's own start. */
function ownPart(steps: Map<SpeechStage | 'total', number>): number | undefined {
  const total = steps.get('total');
  const start = steps.get('tts-start');
  return total === undefined || start === undefined ? undefined : total - start;
}

interface Build {
  name: 'after' | 'before';
  dir: string;
}

/** When the key is pressed: ms after the browser is up, or as soon as the warm-up has listed voices. */
type StartWhen = number | 'warm-up';

interface StartCase {
  build: Build['name'];
  who: Who;
  when: StartWhen;
  runs: number;
  steps: Map<SpeechStage | 'total', number>;
  /** Median of Loa's own part (ownPart) over the runs that sounded. */
  ownMs: number;
  /** Median of when the speech platform was up after the key (negative: before), over the runs that saw it. */
  platformUpMs: number | null;
  warmedBeforeKey: number;
  skippedPageCall: number;
  rememberedVoice: number;
  /** Runs with no first sound within 60 s. */
  silent: number;
  keyAtMs: number;
}

const defined = (values: Array<number | null | undefined>) =>
  values.filter((value): value is number => value !== null && value !== undefined);

/** Builds, listener and first-time user alternate at each delay, so all meet the same machine load. */
async function startCases(server: PageServer, builds: Build[]): Promise<StartCase[]> {
  const listeners = new Map<Build['name'], string>();
  for (const build of builds) listeners.set(build.name, await listenerProfile(server, build));
  const cases: StartCase[] = [];
  // The path skipping the page's getVoices, which only this build has: a listener's key right after the warm-up.
  const plans = [
    ...START_DELAYS_MS.map((when) => ({ when, runs: START_RUNS, builds, whos: ['listener', 'first-time'] as Who[] })),
    { when: 'warm-up' as const, runs: WARMED_RUNS, builds: builds.slice(0, 1), whos: ['listener'] as Who[] },
  ];
  for (const { when, runs: count, builds: planned, whos } of plans) {
    const runs = new Map<string, StartRun[]>();
    const key = (build: Build, who: Who) => `${build.name} ${who}`;
    for (let run = 0; run < count; run++)
      for (const build of planned)
        for (const who of whos) {
          const done = await firstReadAfterStart(server, build, who, listeners, when);
          runs.set(key(build, who), [...(runs.get(key(build, who)) ?? []), done]);
        }
    for (const build of planned)
      for (const who of whos) {
        const these = runs.get(key(build, who)) ?? [];
        const platformUp = defined(these.map((run) => run.platformUpMs));
        cases.push({
          build: build.name,
          who,
          when,
          runs: these.length,
          steps: medians(these.map((run) => run.steps)),
          ownMs: round(median(defined(these.map((run) => ownPart(run.steps))))),
          platformUpMs: platformUp.length > 0 ? round(median(platformUp)) : null,
          warmedBeforeKey: these.filter((run) => run.warmedBeforeKey).length,
          skippedPageCall: these.filter((run) => run.skippedPageCall).length,
          rememberedVoice: these.filter((run) => run.rememberedVoice).length,
          silent: these.filter((run) => !run.steps.has('total')).length,
          keyAtMs: Math.round(median(these.map((run) => run.keyAtMs))),
        });
      }
  }
  for (const listener of listeners.values()) rmSync(listener, { recursive: true, force: true });
  return cases;
}

const builds: Build[] = [
  { name: 'after', dir: EXTENSION_DIR },
  ...(BEFORE_DIR ? [{ name: 'before' as const, dir: resolve(BEFORE_DIR) }] : []),
];
const loadAtStart = loadavg()[0]!;
const warmRun = await warm();
const server = await startPageServer();
const coldStart = await platformColdStart(server);
const starts = await startCases(server, builds);
await server.close();
/** The machine's 1-minute load when the run began and ended: wall times here grow with it. */
const load = `load at start → end ${loadAtStart.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
const warmTotal = warmRun.stages.get('total') ?? Number.NaN;
const startCase = (who: Who, when: StartWhen, build: Build['name'] = 'after') =>
  starts.find((c) => c.who === who && c.when === when && c.build === build);
const total = (c: StartCase | undefined) => c?.steps.get('total') ?? Number.NaN;
const listenerAtOnce = startCase('listener', 0)!;
const firstTimeAtOnce = startCase('first-time', 0)!;
const listenerWarmed = startCase('listener', 'warm-up')!;
const freshBadge = firstTimeAtOnce.steps.get('badge') ?? Number.NaN;
const afterStarts = starts.filter((c) => c.build === 'after');
const startsOnThisBuild = afterStarts.reduce((sum, c) => sum + c.runs, 0);
const sounded = afterStarts.reduce((sum, c) => sum + c.runs - c.silent, 0);
const whenText = (when: StartWhen) =>
  when === 'warm-up'
    ? 'key as soon as the warm-up listed voices'
    : when === 0
      ? 'key at once'
      : `key ${when / 1000} s after start`;
/** Which path this build took: only it may skip the page's getVoices; a before build always makes the call. */
const pathNote = (c: StartCase) =>
  c.build === 'before'
    ? 'the page getVoices call made in every run (this build always makes it)'
    : c.skippedPageCall === 0
      ? 'the page getVoices call made in every run, the same path as the before build (a difference is noise)'
      : `the page getVoices call skipped in ${c.skippedPageCall}/${c.runs} runs (the path the before build lacks)`;
/** The same case in the before build, for a row's note. */
const beforeNote = (c: StartCase) => {
  const then = startCase(c.who, c.when, 'before');
  return then
    ? `; before build, same run: ${total(then)} ms (n = ${then.runs}, silent ${then.silent}), stages (ms): ${describe(then.steps)}`
    : '';
};

console.log(`${load}`);
console.log(`Alt+Shift+Q → first sound, voices listed, median of ${RUNS} (ms between stages):`);
console.log(`  ${describe(warmRun.stages)}`);
console.log(
  `  baselines, same run: bare chrome.tts.speak → start ${warmRun.bare} ms; engine floor speechSynthesis.speak → start ${warmRun.floor} ms`,
);
console.log(`the fresh browser's own first speechSynthesis.speak → start, median of ${FRESH_RUNS}: ${coldStart} ms`);
for (const c of starts) {
  console.log(
    `first read after the browser starts, ${c.build} build, ${c.who}, ${whenText(c.when)} (key at ${c.keyAtMs} ms), median of ${c.runs}:`,
  );
  console.log(`  ${describe(c.steps)}`);
  console.log(
    `  warm-up done before the key ${c.warmedBeforeKey}/${c.runs}; ${pathNote(c)}; first sentence in the remembered voice ${c.rememberedVoice}/${c.runs}; no first sound in 60 s ${c.silent}/${c.runs}`,
  );
}
// The goal against the speech platform's own start, side by side: what a listener waits for at once.
console.log(`\nfirst read at once after the browser starts, goal ≤ ${FRESH_GOAL_MS} ms:`);
console.log(
  `  a listener (warm-up): ${total(listenerAtOnce)} ms, median of n = ${listenerAtOnce.runs} browser starts; a first-time user: ${total(firstTimeAtOnce)} ms (n = ${firstTimeAtOnce.runs})`,
);
console.log(
  `  the floor, a fresh browser's own first speechSynthesis.speak → start: ${coldStart} ms, median of n = ${FRESH_RUNS}, same run; listener / floor ${round(total(listenerAtOnce) / coldStart)}×`,
);
console.log(
  `  the listener's wait: Loa's own part (key → utterance at chrome.tts) ${listenerAtOnce.ownMs} ms, then chrome.tts's start ` +
    `${listenerAtOnce.steps.get('tts-start') ?? '?'} ms; the speech platform had started (chrome.tts voices changed) ${listenerAtOnce.platformUpMs ?? '?'} ms after the key`,
);
console.log(
  `key as soon as the warm-up listed voices: ${listenerWarmed.runs - listenerWarmed.silent} of ${listenerWarmed.runs} browser starts sounded; ${pathNote(listenerWarmed)}`,
);
console.log(`browser starts on this build: ${startsOnThisBuild}, with a first sound within 60 s: ${sounded}`);

const rows: BenchRow[] = [
  {
    what: 'Alt+Shift+Q → first sound, voices already listed',
    goal: `≤ ${WARM_GOAL_MS} ms`,
    value: warmTotal,
    unit: 'ms',
    meets: warmTotal <= WARM_GOAL_MS,
    baseline: { what: 'bare chrome.tts.speak → start, same run', value: warmRun.bare },
    note: `median of ${RUNS}, ${load}; stages (ms): ${describe(warmRun.stages)}; engine floor speechSynthesis.speak → start ${warmRun.floor} ms`,
  },
  ...START_DELAYS_MS.map((delayMs): BenchRow => {
    const listener = startCase('listener', delayMs)!;
    const firstTime = startCase('first-time', delayMs)!;
    return {
      what: `first read after the browser starts, ${whenText(delayMs)}: a listener (warm-up) → first sound`,
      goal: `≤ ${FRESH_GOAL_MS} ms`,
      value: total(listener),
      unit: 'ms',
      meets: total(listener) <= FRESH_GOAL_MS,
      baseline: {
        // What the Speed table shows of the note: n, the load, and whether the before build's path differs.
        what:
          `a first-time user (no warm-up), same run; n = ${listener.runs}, ${load}; listener ` +
          (listener.skippedPageCall === 0
            ? 'on the same path as before this change'
            : `skipped the page getVoices in ${listener.skippedPageCall}/${listener.runs}`),
        value: total(firstTime),
      },
      note:
        `median of n = ${listener.runs} each, ${load} (runs without a first sound in 60 s: listener ${listener.silent}, first-time ${firstTime.silent}), fresh speech-dispatcher each run; key at ${listener.keyAtMs} ms after the browser was up ` +
        `(the page loads first); warm-up done before the key ${listener.warmedBeforeKey}/${listener.runs}; listener: ${pathNote(listener)}; first sentence in the ` +
        `remembered voice ${listener.rememberedVoice}/${listener.runs}; listener stages (ms): ${describe(listener.steps)}; ` +
        `Loa's own part (key → utterance at chrome.tts) ${listener.ownMs} ms; speech platform up ${listener.platformUpMs ?? '?'} ms after the key; ` +
        `first-time stages (ms): ${describe(firstTime.steps)}; a fresh browser's own first speechSynthesis.speak → start ${coldStart} ms (median of ${FRESH_RUNS})` +
        `${beforeNote(listener)}`,
    };
  }),
  {
    what: `first read after the browser starts, ${whenText('warm-up')}: a listener → first sound`,
    goal: `≤ ${FRESH_GOAL_MS} ms`,
    value: total(listenerWarmed),
    unit: 'ms',
    meets: total(listenerWarmed) <= FRESH_GOAL_MS,
    ...(startCase('listener', 5000, 'before') && {
      baseline: {
        what:
          `before build, a listener's key 5 s after start (warm-up done, the page getVoices called), same run; ` +
          `n = ${listenerWarmed.runs} (${listenerWarmed.runs - listenerWarmed.silent} sounded) and ${START_RUNS}, ${load}`,
        value: total(startCase('listener', 5000, 'before')),
      },
    }),
    note:
      `median of n = ${listenerWarmed.runs} browser starts on this build only, ${load}; ${listenerWarmed.runs - listenerWarmed.silent} of ${listenerWarmed.runs} sounded within 60 s; ` +
      `${pathNote(listenerWarmed)}; key at ${listenerWarmed.keyAtMs} ms after the browser was up; first sentence in the remembered voice ${listenerWarmed.rememberedVoice}/${listenerWarmed.runs}; ` +
      `stages (ms): ${describe(listenerWarmed.steps)}`,
  },
  {
    what: 'first read after the browser starts: key → badge "preparing"',
    goal: `≤ ${BADGE_GOAL_MS} ms`,
    value: freshBadge,
    unit: 'ms',
    meets: freshBadge <= BADGE_GOAL_MS,
    note: `a first-time user, key at once, median of ${firstTimeAtOnce.runs}, ${load}; the popup shows "preparing" from the first status it gets`,
  },
];
writeBenchRows('speech', rows);
