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
 * Stage → milliseconds since the stage before it in time that this run has, and the total. In
 * time, not in the list's order: a sentence spoken ahead reaches chrome.tts before the reader starts.
 */
export function breakdown(marks: Marks): Map<SpeechStage | 'total', number> {
  const steps = new Map<SpeechStage | 'total', number>();
  const onThePath = SPEECH_STAGES.filter((stage) => marks[stage] !== undefined && !BESIDE_THE_PATH[stage]).sort(
    (a, b) => marks[a]! - marks[b]!,
  );
  let previous = marks.command;
  for (const stage of onThePath) {
    if (previous === undefined || stage === 'command') continue;
    steps.set(stage, marks[stage]! - previous);
    previous = marks[stage];
  }
  for (const [stage, from] of Object.entries(BESIDE_THE_PATH) as Array<[SpeechStage, SpeechStage]>)
    if (marks[stage] !== undefined && marks[from] !== undefined) steps.set(stage, marks[stage] - marks[from]);
  if (marks['tts-start'] !== undefined && marks.command !== undefined)
    steps.set('total', marks['tts-start'] - marks.command);
  return steps;
}

export function medians(runs: Array<Map<SpeechStage | 'total', number>>): Map<SpeechStage | 'total', number> {
  const out = new Map<SpeechStage | 'total', number>();
  for (const stage of [...SPEECH_STAGES, 'total'] as const) {
    const values = runs.map((run) => run.get(stage)).filter((value): value is number => value !== undefined);
    if (values.length > 0) out.set(stage, round(median(values)));
  }
  return out;
}

export const describe = (steps: Map<SpeechStage | 'total', number>) =>
  [...steps].map(([stage, ms]) => `${stage} ${ms}`).join(', ');

/** One key press on `page`, to the first sound; its stages from both timelines (no total when none came). */
export async function keyToFirstSound(extension: LoadedExtension, page: Page, timeoutMs: number) {
  await dispatchCommand(extension, 'play-pause');
  const sounded = await waitForFirstSound(extension, timeoutMs);
  const steps = breakdown({ ...(await pageMarks(page)), ...(await workerMarks(extension)) });
  if (!sounded) console.log(`  no first sound within ${timeoutMs} ms; stages: ${describe(steps)}`);
  return steps;
}
