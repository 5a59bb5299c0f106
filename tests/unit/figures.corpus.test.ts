import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import type { Figure } from '../../lib/article';
import { extractArticle } from '../../lib/extract/index';
import { extractFigures } from '../../lib/figures/index';
import { corpusPages, labeledPages, normalizeText, type CorpusLabels } from '../../scripts/lib/corpus';

/**
 * Corpus-wide measurement of the figure extractor on the real pipeline (parseHtml + extractArticle).
 *
 * Fair matching (tests/corpus/README.md):
 * - A labeled figure is found when a reported figure (top 10) has the same value (relative
 *   tolerance 1e-9) and the same unit (NFC, soft hyphens removed, white space collapsed, lower
 *   case), or when the labeled `text` is inside the reported `text` (ranges such as
 *   "800.000 - 900.000 đồng/bó" are labeled by one bound, "900.000 đồng/bó").
 * - A notFigure is reported when it overlaps a reported figure as a whole number: the reported
 *   text contains the notFigure, or the notFigure contains the reported text (reporting "331"
 *   out of "+49 331 866-7011" is reporting the phone number). Containment only counts at number
 *   boundaries, so "2020" is not found inside "12.020 Euro". Both texts normalized as above.
 */

const RECALL_THRESHOLD = 0.95;
const TOP = 10;

function sameValue(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** `needle` occurs in `haystack` with no digit or digit separator glued to either end. */
function containsNumber(haystack: string, needle: string): boolean {
  if (!needle) return false;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack.slice(Math.max(0, at - 2), at);
    const after = haystack.slice(at + needle.length, at + needle.length + 2);
    const gluedBefore = /\d$|\d[.,]$/.test(before) && /^\d/.test(needle);
    const gluedAfter = /^\d|^[.,]\d/.test(after) && /\d$/.test(needle);
    if (!gluedBefore && !gluedAfter) return true;
  }
  return false;
}

function matches(label: CorpusLabels['figures'][number], figure: Figure): boolean {
  if (sameValue(label.value, figure.value) && normalizeText(label.unit) === normalizeText(figure.unit)) return true;
  return normalizeText(figure.text).includes(normalizeText(label.text));
}

function reports(notFigure: string, figure: Figure): boolean {
  const label = normalizeText(notFigure);
  const text = normalizeText(figure.text);
  return containsNumber(text, label) || containsNumber(label, text);
}

interface PageResult {
  name: string;
  labeled: number;
  found: number;
  missed: string[];
  reported: string[];
  top: string[];
}

function measure(): PageResult[] {
  return labeledPages().map((page) => {
    const result = extractArticle(parseHtml(page.html));
    if (!result.ok) throw new Error(`${page.name}: extraction failed: ${result.message}`);
    const { text, lead, lang, sentences } = result.article;
    const figures = extractFigures({ text, lead, lang, sentences });
    const missed = page.labels.figures.filter((label) => !figures.some((figure) => matches(label, figure)));
    const reported = page.labels.notFigures.filter((notFigure) => figures.some((figure) => reports(notFigure, figure)));
    return {
      name: page.name,
      labeled: page.labels.figures.length,
      found: page.labels.figures.length - missed.length,
      missed: missed.map((label) => label.text),
      reported,
      top: figures.map((figure) => `${figure.text} = ${figure.value} [${figure.unit}]`),
    };
  });
}

describe('figures on the labeled corpus (real extraction pipeline)', () => {
  const results = measure();
  const labeled = results.reduce((sum, page) => sum + page.labeled, 0);
  const found = results.reduce((sum, page) => sum + page.found, 0);
  const recall = found / labeled;
  const report = results
    .filter((page) => page.missed.length > 0 || page.reported.length > 0 || process.env.FIGURES_VERBOSE)
    .map((page) =>
      [
        `${page.name}: ${page.found}/${page.labeled}`,
        page.missed.length ? `  missed: ${page.missed.join(' · ')}` : '',
        page.reported.length ? `  notFigures reported: ${page.reported.join(' · ')}` : '',
        `  top ${TOP}: ${page.top.join(' · ')}`,
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
  const notFigures = labeledPages().reduce((sum, page) => sum + page.labels.notFigures.length, 0);
  const falsePositives = results.reduce((sum, page) => sum + page.reported.length, 0);
  console.info(
    `figures: recall ${found}/${labeled} = ${recall.toFixed(3)}; notFigures reported ${falsePositives}/${notFigures}\n${report}`,
  );

  it(`finds at least ${RECALL_THRESHOLD * 100}% of the labeled figures in the top ${TOP}`, () => {
    expect(recall).toBeGreaterThanOrEqual(RECALL_THRESHOLD);
  });

  it('reports none of the labeled notFigures', () => {
    expect(results.flatMap((page) => page.reported.map((notFigure) => `${page.name}: ${notFigure}`))).toEqual([]);
  });
});

describe('figures on every corpus page, labeled or not', () => {
  for (const page of corpusPages()) {
    it(`${page.name}: every figure points at its own text and sentence`, () => {
      const result = extractArticle(parseHtml(page.html));
      if (!result.ok) return;
      const { text, lead, lang, sentences } = result.article;
      const figures = extractFigures({ text, lead, lang, sentences });
      expect(figures.length).toBeLessThanOrEqual(TOP);
      for (const figure of figures) {
        const source = figure.where === 'lead' ? (lead ?? '') : text;
        expect(source.slice(figure.start, figure.end)).toBe(figure.text);
        // The card snippet holds its figure, marked at the right place.
        expect(figure.context?.text.slice(figure.context.start, figure.context.end)).toBe(figure.text);
        expect(Number.isFinite(figure.value)).toBe(true);
        if (figure.where === 'lead') {
          expect(figure.sentenceIndex).toBe(-1);
        } else {
          const sentence = sentences[figure.sentenceIndex];
          expect(sentence?.text).toBe(figure.sentence);
          expect(figure.start).toBeGreaterThanOrEqual(sentence?.start ?? Infinity);
        }
      }
    });
  }
});
