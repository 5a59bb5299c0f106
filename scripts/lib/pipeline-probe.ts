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
    const readabilityStart = performance.now();
    new Readability(doc.cloneNode(true) as Document).parse();
    readability.push(performance.now() - readabilityStart);
    const pipelineStart = performance.now();
    extractArticle(doc, { url });
    pipeline.push(performance.now() - pipelineStart);
  }
  return { readabilityMs: median(readability), pipelineMs: median(pipeline) };
}

/** The pipeline alone, for the CPU profile that splits it into stages. */
export function runPipeline(doc: Document, url: string, repetitions: number): void {
  for (let round = 0; round < repetitions; round++) extractArticle(doc, { url });
}
