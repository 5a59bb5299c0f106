/**
 * The extraction-990 dev set and its score, as its README defines it: a fragment is found when
 * it is a whitespace-normalized, case-sensitive substring of the extracted body (lead + text);
 * mustInclude fragments found are true positives, missed ones false negatives; mustExclude
 * fragments found are false positives. Counts are pooled over all pages; a rejected page is an
 * empty body. Shared by `npm run -s eval:extract` and the dev-set gate in `npm test`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../../cli/html';
import { DEVSETS_DIR, readDevsetFile } from './devsets';

export interface DevPage {
  file: string;
  url: string;
  mustInclude: string[];
  mustExclude: string[];
}

export interface PageScore {
  truePositives: number;
  falseNegatives: number;
  falsePositives: number;
  missed: string[];
  leaked: string[];
}

export interface Pooled {
  precision: number;
  recall: number;
  f1: number;
  empty: number;
  pages: number;
}

export function devPages(): DevPage[] {
  return (JSON.parse(readDevsetFile('extraction-990/labels.json')) as { pages: DevPage[] }).pages;
}

/**
 * The address a page is read at: its label's, or, where the label names the page instead
 * ("hard::site-story.html"), none, so the page's own canonical link is used as the CLI uses it
 * for a saved page. A browser tab always has a real address; an invented one would make every
 * link on the page look like another site's.
 */
export function pageAddress(page: DevPage): string | undefined {
  return /^https?:\/\//.test(page.url) ? page.url : undefined;
}

/** A fixed slice of `count` pages spread evenly over the whole set (every n-th page from the first). */
export function devSlice(pages: DevPage[], count: number): DevPage[] {
  const step = Math.max(1, Math.floor(pages.length / count));
  return pages.filter((_, index) => index % step === 0).slice(0, count);
}

/** A page decoded as the CLI decodes saved pages (BOM, <meta charset>, UTF-8), for every extractor. */
export function pageHtml(page: DevPage): string {
  return decodeHtml(gunzipSync(readFileSync(join(DEVSETS_DIR, 'extraction-990', page.file))));
}

const normalizeSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

export function scorePage(body: string, page: DevPage): PageScore {
  const haystack = normalizeSpace(body);
  const found = (fragment: string) => haystack.includes(normalizeSpace(fragment));
  const missed = page.mustInclude.filter((fragment) => !found(fragment));
  const leaked = page.mustExclude.filter(found);
  return {
    truePositives: page.mustInclude.length - missed.length,
    falseNegatives: missed.length,
    falsePositives: leaked.length,
    missed,
    leaked,
  };
}

export function pool(scores: { score: PageScore; empty: boolean }[]): Pooled {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  for (const { score } of scores) {
    tp += score.truePositives;
    fn += score.falseNegatives;
    fp += score.falsePositives;
  }
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    empty: scores.filter((entry) => entry.empty).length,
    pages: scores.length,
  };
}
