/**
 * The stage marks of lib/speech/stages.ts, read from the service worker's and the page's timelines
 * for the speech benches: where the time goes from a "read aloud" key to the first sound.
 */
import type { Page } from 'playwright-core';
import { SPEECH_STAGES, STAGE_MARK_PREFIX, type SpeechStage } from '../../lib/speech/stages';
import { dispatchCommand, type LoadedExtension } from './browser-harness';
import { median } from './stats';

export const round = (ms: number) => Math.round(ms * 10) / 10;

export type Marks = Partial<Record<SpeechStage, number>>;

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

export async function workerMarks(extension: LoadedExtension): Promise<Marks> {
  return extension.worker.evaluate<Marks>(READ_MARKS);
}

/** The content script's marks: it shares the page's performance timeline. */
export async function pageMarks(page: Page): Promise<Marks> {
  return page.evaluate<Marks>(READ_MARKS);
}

export async function waitForFirstSound(extension: LoadedExtension, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await workerMarks(extension))['tts-start'] !== undefined) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/**
 * Stages beside the path to the first sound, each timed from the stage it follows: the badge from
 * the key, the highlighter's search from the first utterance (negative in builds that searched before speaking).
 */
const BESIDE_THE_PATH: Partial<Record<SpeechStage, SpeechStage>> = { badge: 'command', highlight: 'speak' };

/**
 * With a first sentence spoken ahead (`ahead` marked), the first sound's path is the background's:
 * command → ahead → tts-speak → tts-start. The reader is injected and starts beside it, from the
 * moment the background had the page's article; its `speak` is the request that takes the sentence over.
 */
const READER_BESIDE_AHEAD: Partial<Record<SpeechStage, SpeechStage>> = {
  injected: 'ahead',
  request: 'injected',
  article: 'request',
  voice: 'article',
  queue: 'voice',
  speak: 'queue',
};

const besideThePath = (marks: Marks) =>
  marks.ahead === undefined ? BESIDE_THE_PATH : { ...READER_BESIDE_AHEAD, ...BESIDE_THE_PATH };

export type Steps = Map<SpeechStage | 'total', number>;

/**
 * Stage → milliseconds: the path to the first sound first, in time order, each stage from the one
 * before it; then the stages beside it, each from its own predecessor; then the total.
 */
export function breakdown(marks: Marks): Steps {
  const steps: Steps = new Map();
  const beside = besideThePath(marks);
  const onThePath = SPEECH_STAGES.filter((stage) => marks[stage] !== undefined && !beside[stage]).sort(
    (a, b) => marks[a]! - marks[b]!,
  );
  let previous = marks.command;
  for (const stage of onThePath) {
    if (previous === undefined || stage === 'command') continue;
    steps.set(stage, marks[stage]! - previous);
    previous = marks[stage];
  }
  for (const [stage, from] of Object.entries(beside) as Array<[SpeechStage, SpeechStage]>)
    if (marks[stage] !== undefined && marks[from] !== undefined) steps.set(stage, marks[stage] - marks[from]);
  if (marks['tts-start'] !== undefined && marks.command !== undefined)
    steps.set('total', marks['tts-start'] - marks.command);
  return steps;
}

/** Each step's median over `runs`, in the order the runs list them (the path first). */
export function medians(runs: Steps[]): Steps {
  const order = [...new Set(runs.flatMap((run) => [...run.keys()]))];
  const out: Steps = new Map();
  for (const stage of order) {
    const values = runs.map((run) => run.get(stage)).filter((value): value is number => value !== undefined);
    out.set(stage, round(median(values)));
  }
  return out;
}

/** "path: command → a 1 → b 2; beside it: c 3 (from a); total 3". */
export const describe = (steps: Steps) => {
  const beside = besideThePath(steps.has('ahead') ? { ahead: 0 } : {});
  const listed = [...steps].filter(([stage]) => stage !== 'total');
  const path = listed.filter(([stage]) => !beside[stage as SpeechStage]);
  const aside = listed.filter(([stage]) => beside[stage as SpeechStage]);
  const total = steps.get('total');
  return (
    `path: command → ${path.map(([stage, ms]) => `${stage} ${round(ms)}`).join(' → ')}` +
    (aside.length
      ? `; beside it: ${aside.map(([stage, ms]) => `${stage} ${round(ms)} (from ${beside[stage as SpeechStage]})`).join(', ')}`
      : '') +
    (total === undefined ? '' : `; total ${round(total)}`)
  );
};

/** One key press on `page`, to the first sound; its stages from both timelines (no total when none came). */
export async function keyToFirstSound(extension: LoadedExtension, page: Page, timeoutMs: number) {
  await dispatchCommand(extension, 'play-pause');
  const sounded = await waitForFirstSound(extension, timeoutMs);
  const steps = breakdown({ ...(await pageMarks(page)), ...(await workerMarks(extension)) });
  if (!sounded) console.log(`  no first sound within ${timeoutMs} ms; stages: ${describe(steps)}`);
  return steps;
}
