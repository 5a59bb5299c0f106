/**
 * The "read aloud" key → first sound, in Chromium with espeak-ng, where the time goes. Each run
 * dispatches the real `play-pause` command listener (the Alt+Shift+Q path) on an article page the
 * user has not clicked (so Loa speaks through chrome.tts, as a shortcut user meets it) and reads
 * the stage marks of lib/speech/stages.ts from the service worker's and the page's timelines.
 *
 * - Warm: voices already listed, content script injected by an earlier read; median of 10, beside
 *   two baselines measured in the same run: a bare chrome.tts.speak() of the same sentence from the
 *   service worker, and the engine floor, speechSynthesis.speak() → start in a clicked page.
 * - First read after the browser starts: a fresh profile and a speech-dispatcher of its own each
 *   run (so nothing is listed yet), median of 5: key → badge "preparing", key → first sound; beside
 *   it the same browser's own first speechSynthesis.speak() → start (the speech platform's cold start).
 * - First read after a restart: a profile that has read before (the slot's voice remembered) starts
 *   again with a new speech-dispatcher; median of 5, and whether the first sentence used that voice.
 *
 *   LOA_E2E=1 npx wxt build && npx tsx scripts/bench-speech.ts      (npm run bench:speech)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SPEECH_STAGES, STAGE_MARK_PREFIX, type SpeechStage } from '../lib/speech/stages';
import { writeBenchRows, type BenchRow } from './lib/bench-report';
import { median } from './lib/stats';
import {
  dispatchCommand,
  launchExtension,
  startPageServer,
  startSpeechSink,
  watchSpeech,
  type LoadedExtension,
} from './lib/browser-harness';

const RUNS = 10;
const FRESH_RUNS = 5;
const ARTICLE = 'vn-baolaocai-seed-reconstructed';
const TITLE = 'Ban Chỉ đạo Cải cách hành chính của Chính phủ họp phiên thứ 7';
const NORTHERN = 'Vietnamese (Northern) espeak-ng';
const WARM_GOAL_MS = 150;
const FRESH_GOAL_MS = 1000;
const BADGE_GOAL_MS = 100;

const round = (ms: number) => Math.round(ms * 10) / 10;

type Marks = Partial<Record<SpeechStage, number>>;

/**
 * The first mark of each stage on a context's timeline, in epoch milliseconds (comparable across
 * the worker and the page). A string, not a function: tsx would wrap a function's inner callbacks
 * in helpers the browser's contexts lack.
 */
const READ_MARKS = `(() => {
  const first = {};
  for (const mark of performance.getEntriesByType('mark')) {
    if (!mark.name.startsWith(${JSON.stringify(STAGE_MARK_PREFIX)})) continue;
    const stage = mark.name.slice(${STAGE_MARK_PREFIX.length});
    if (!(stage in first)) first[stage] = performance.timeOrigin + mark.startTime;
  }
  return first;
})()`;

async function workerMarks(extension: LoadedExtension): Promise<Marks> {
  return extension.worker.evaluate<Marks>(READ_MARKS);
}

/** The content script's marks: it shares the page's performance timeline. */
async function pageMarks(page: Page): Promise<Marks> {
  return page.evaluate<Marks>(READ_MARKS);
}

async function waitForFirstSound(extension: LoadedExtension, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await workerMarks(extension))['tts-start'] !== undefined) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no first sound');
}

/** Stage → milliseconds since the stage before it that this run has, and the total. */
function breakdown(marks: Marks): Map<SpeechStage | 'total', number> {
  const steps = new Map<SpeechStage | 'total', number>();
  let previous = marks.command;
  for (const stage of SPEECH_STAGES) {
    // The badge is set beside the path, not on it: it is timed from the key, like the total.
    const at = marks[stage];
    if (at === undefined || previous === undefined || stage === 'command') continue;
    if (stage === 'badge') {
      steps.set(stage, at - marks.command!);
      continue;
    }
    steps.set(stage, at - previous);
    previous = at;
  }
  if (marks['tts-start'] !== undefined && marks.command !== undefined)
    steps.set('total', marks['tts-start'] - marks.command);
  return steps;
}

function medians(runs: Array<Map<SpeechStage | 'total', number>>): Map<SpeechStage | 'total', number> {
  const out = new Map<SpeechStage | 'total', number>();
  for (const stage of [...SPEECH_STAGES, 'total'] as const) {
    const values = runs.map((run) => run.get(stage)).filter((value): value is number => value !== undefined);
    if (values.length > 0) out.set(stage, round(median(values)));
  }
  return out;
}

const describe = (steps: Map<SpeechStage | 'total', number>) =>
  [...steps].map(([stage, ms]) => `${stage} ${ms}`).join(', ');

/** One key press on `page`, to the first sound; its stages from both timelines. */
async function keyToFirstSound(extension: LoadedExtension, page: Page, timeoutMs: number) {
  await dispatchCommand(extension, 'play-pause');
  await waitForFirstSound(extension, timeoutMs);
  return breakdown({ ...(await pageMarks(page)), ...(await workerMarks(extension)) });
}

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

/** A browser that has just started: fresh profile, a speech-dispatcher that has listed nothing yet. */
async function fresh(): Promise<{ stages: Map<SpeechStage | 'total', number>; floor: number }> {
  const server = await startPageServer();
  const runs: Array<Map<SpeechStage | 'total', number>> = [];
  const floor: number[] = [];
  const freshBrowser = async (measure: (extension: LoadedExtension) => Promise<void>) => {
    const sink = startSpeechSink('instant');
    const extension = await launchExtension({ speech: sink });
    await measure(extension);
    await extension.close();
    sink.stop();
  };
  for (let run = 0; run < FRESH_RUNS; run++) {
    await freshBrowser(async (extension) => {
      const page = await extension.context.newPage();
      await page.goto(server.corpusUrl(ARTICLE));
      await page.bringToFront();
      runs.push(await keyToFirstSound(extension, page, 60_000));
    });
    // The platform's own cold start: the first speechSynthesis.speak() of a browser, in a clicked page.
    await freshBrowser(
      async (extension) => void floor.push(await engineFloor(await clickedPage(extension, server.corpusUrl(ARTICLE)))),
    );
  }
  await server.close();
  return { stages: medians(runs), floor: round(median(floor)) };
}

/**
 * A returning listener: a browser that read Vietnamese before (its slot's voice remembered in
 * storage.local) is closed and started again with a new speech-dispatcher. Key → first sound, and
 * whether that first sentence already spoke in the remembered voice.
 */
async function restarted(): Promise<{ stages: Map<SpeechStage | 'total', number>; remembered: number }> {
  const server = await startPageServer();
  const runs: Array<Map<SpeechStage | 'total', number>> = [];
  let remembered = 0;
  for (let run = 0; run < FRESH_RUNS; run++) {
    const profileDir = mkdtempSync(join(tmpdir(), 'loa-bench-profile-'));
    for (const phase of ['before', 'after'] as const) {
      const sink = startSpeechSink('instant');
      const extension = await launchExtension({ profileDir, speech: sink });
      const speech = await watchSpeech(extension);
      const page = await extension.context.newPage();
      await page.goto(server.corpusUrl(ARTICLE));
      await page.bringToFront();
      if (phase === 'before') {
        await dispatchCommand(extension, 'play-pause');
        await speech.waitFor((status) => status.sentence !== null && status.state.voice?.name === NORTHERN, 60_000);
        await dispatchCommand(extension, 'stop');
        await speech.waitFor((status) => status.state.status === 'idle');
      } else {
        runs.push(await keyToFirstSound(extension, page, 60_000));
        const first = await speech.waitFor((status) => status.sentence !== null, 10_000);
        if (first.state.voice?.name === NORTHERN) remembered++;
      }
      await extension.close();
      sink.stop();
    }
    rmSync(profileDir, { recursive: true, force: true });
  }
  await server.close();
  return { stages: medians(runs), remembered };
}

const warmRun = await warm();
const freshRun = await fresh();
const restartRun = await restarted();
const restartTotal = restartRun.stages.get('total') ?? Number.NaN;
const warmTotal = warmRun.stages.get('total') ?? Number.NaN;
const freshTotal = freshRun.stages.get('total') ?? Number.NaN;
const freshBadge = freshRun.stages.get('badge') ?? Number.NaN;

console.log(`Alt+Shift+Q → first sound, voices listed, median of ${RUNS} (ms between stages):`);
console.log(`  ${describe(warmRun.stages)}`);
console.log(
  `  baselines, same run: bare chrome.tts.speak → start ${warmRun.bare} ms; engine floor speechSynthesis.speak → start ${warmRun.floor} ms`,
);
console.log(`first read after the browser starts, fresh profile, median of ${FRESH_RUNS} (ms between stages):`);
console.log(`  ${describe(freshRun.stages)}`);
console.log(`  baseline, same run: first speechSynthesis.speak → start of a fresh browser ${freshRun.floor} ms`);
console.log(`first read after a restart, voice remembered, median of ${FRESH_RUNS} (ms between stages):`);
console.log(`  ${describe(restartRun.stages)}`);
console.log(`  first sentence in the remembered voice: ${restartRun.remembered} of ${FRESH_RUNS}`);

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
  {
    what: 'first read after the browser starts: key → first sound',
    goal: `≤ ${FRESH_GOAL_MS} ms`,
    value: freshTotal,
    unit: 'ms',
    meets: freshTotal <= FRESH_GOAL_MS,
    baseline: { what: 'first speechSynthesis.speak → start of a fresh browser, same run', value: freshRun.floor },
    note: `fresh profile and speech-dispatcher each run, median of ${FRESH_RUNS}; stages (ms): ${describe(freshRun.stages)}; warm key → first sound ${warmTotal} ms`,
  },
  {
    what: 'first read after a browser restart (voice remembered): key → first sound',
    goal: `≤ ${FRESH_GOAL_MS} ms`,
    value: restartTotal,
    unit: 'ms',
    meets: restartTotal <= FRESH_GOAL_MS,
    baseline: { what: 'first speechSynthesis.speak → start of a fresh browser, same run', value: freshRun.floor },
    note: `same profile restarted with a new speech-dispatcher, median of ${FRESH_RUNS}; first sentence in the remembered voice ${restartRun.remembered}/${FRESH_RUNS}; stages (ms): ${describe(restartRun.stages)}`,
  },
  {
    what: 'first read after the browser starts: key → badge "preparing"',
    goal: `≤ ${BADGE_GOAL_MS} ms`,
    value: freshBadge,
    unit: 'ms',
    meets: freshBadge <= BADGE_GOAL_MS,
    note: `median of ${FRESH_RUNS}; the popup shows "preparing" from the first status it gets`,
  },
];
writeBenchRows('speech', rows);
