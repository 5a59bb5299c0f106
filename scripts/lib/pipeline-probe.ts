/**
 * What `npm run bench:pipeline` runs on a page, in Node and (bundled as an IIFE) inside
 * Chromium: Loa's whole pipeline (`extractArticle`: extraction, related, figures, summary) beside
 * `Readability.parse` alone on the same document, alternating, so each page gets its own ratio.
 */
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../../lib/extract';
import { median } from './stats';

export interface PageTiming {
  /** Median of the repetitions, milliseconds. */
  readabilityMs: number;
  pipelineMs: number;
}

/** A tree's `extractArticle`, bundled on its own (a bench's "before" and "after"). */
export type Extractor = (doc: Document, options: { url: string }) => unknown;

/** Warm-up runs of each pipeline before `timeAgainst` times them: the same for both. */
const PAIR_WARM_UP = 2;

export interface PairTiming extends PageTiming {
  /** The "before" tree's pipeline on the same page, same rounds, median milliseconds. */
  beforeMs: number;
  /** Whether both trees gave the same result (as JSON). */
  identical: boolean;
}

/**
 * Times both on `doc`, each with its own copy of the page: Readability mutates what it parses, so
 * its documented use parses `document.cloneNode(true)`, and that clone is timed with it, as the
 * pipeline's own clone is.
 */
export function timePage(doc: Document, url: string, repetitions: number): PageTiming {
  const readability: number[] = [];
  const pipeline: number[] = [];
  extractArticle(doc, { url });
  for (let round = 0; round < repetitions; round++) {
    readability.push(timed(() => readabilityAlone(doc, 1)));
    pipeline.push(timed(() => extractArticle(doc, { url })));
  }
  return { readabilityMs: median(readability), pipelineMs: median(pipeline) };
}

/**
 * `timePage` for two trees' pipelines in the same rounds. Both are bundled the same way and apart
 * from the baseline's Readability (sharing its code would warm one of them), get the same warm-up,
 * and swap places every round, so neither is always the one that runs after Readability's garbage.
 */
export function timeAgainst(
  doc: Document,
  url: string,
  repetitions: number,
  after: Extractor,
  before: Extractor,
): PairTiming {
  const readability: number[] = [];
  const pipeline: number[] = [];
  const previous: number[] = [];
  // The identity check is the first warm-up run of both.
  const identical = JSON.stringify(after(doc, { url })) === JSON.stringify(before(doc, { url }));
  for (let round = 1; round < PAIR_WARM_UP; round++) {
    before(doc, { url });
    after(doc, { url });
  }
  for (let round = 0; round < repetitions; round++) {
    readability.push(timed(() => readabilityAlone(doc, 1)));
    if (round % 2 === 0) {
      pipeline.push(timed(() => after(doc, { url })));
      previous.push(timed(() => before(doc, { url })));
    } else {
      previous.push(timed(() => before(doc, { url })));
      pipeline.push(timed(() => after(doc, { url })));
    }
  }
  return {
    readabilityMs: median(readability),
    pipelineMs: median(pipeline),
    beforeMs: median(previous),
    identical,
  };
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** The pipeline alone, for the CPU profile that splits it into stages. */
export function runPipeline(doc: Document, url: string, repetitions: number): void {
  for (let round = 0; round < repetitions; round++) extractArticle(doc, { url });
}

/** The baseline as the bench times it (clone and parse), by this name in a CPU profile. */
export function readabilityAlone(doc: Document, repetitions: number): void {
  for (let round = 0; round < repetitions; round++) new Readability(doc.cloneNode(true) as Document).parse();
}
