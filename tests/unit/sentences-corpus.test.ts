import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import { extractArticle } from '../../lib/extract/index';
import { MAX_SENTENCE_CHARS, MIN_PIECE_CHARS, splitSentences } from '../../lib/text/sentences';
import { corpusPages } from '../../scripts/lib/corpus';

/**
 * Every sentence boundary of every corpus page's extracted text, checked against what a reader
 * would call a sentence end. The lists below are written independently of the splitter's own
 * tables: they are the cases the issue names plus the ones the corpus actually contains.
 */

/** Abbreviations after which a sentence never ends (lower-cased, with their period). */
const NEVER_LAST = new Set([
  'tp.',
  'th.s.',
  'ths.',
  'ts.',
  'pgs.ts.',
  'pgs.',
  'gs.',
  'dr.',
  'prof.',
  'mr.',
  'mrs.',
  'ms.',
  'hon.',
  'z.b.',
  'bzw.',
  'u.a.',
  'd.h.',
  'nr.',
  'st.',
]);
const MONTHS =
  /^(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Okt|Nov|Dez)\b/u;
const FINAL = /[.!?…:;][\s"'”’»“)\]]*$/u;
const CLOSING_FIRST = /^[”’»)\]]/u;

const pages = corpusPages().flatMap((page) => {
  const result = extractArticle(parseHtml(page.html, page.labels?.url), { url: page.labels?.url });
  return result.ok ? [{ name: page.name, text: result.article.text, lang: result.article.lang }] : [];
});

describe('sentence boundaries of the corpus pages', () => {
  it('extracts text from most pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(25);
  });

  for (const { name, text, lang } of pages) {
    it(name, () => {
      const sentences = splitSentences(text, lang);
      const paragraphs = text.split('\n\n');
      const problems: string[] = [];
      let covered = 0;
      for (const [i, sentence] of sentences.entries()) {
        expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
        expect(sentence.text).toBe(sentence.text.trim());
        expect(sentence.start).toBeGreaterThanOrEqual(covered);
        // Nothing but white space between sentences: no text is lost.
        expect(text.slice(covered, sentence.start).trim()).toBe('');
        covered = sentence.end;
        expect(paragraphs[sentence.paragraph]).toContain(sentence.text);
        if (/^(\d{1,3}|\p{L}|[IVX]+)[.)]$/u.test(sentence.text)) problems.push(`a list marker alone: ${sentence.text}`);

        const next = sentences[i + 1];
        if (!next || next.paragraph !== sentence.paragraph) continue;
        const before = sentence.text;
        const after = next.text;
        const where = `${before.slice(-40)} ‖ ${after.slice(0, 30)}`;
        const lineEnd = text.slice(sentence.end, next.start).includes('\n');
        const cut = before.length >= MIN_PIECE_CHARS && before.length <= MAX_SENTENCE_CHARS && !FINAL.test(before);
        if (!lineEnd && !FINAL.test(before) && !cut) problems.push(`not at final punctuation: ${where}`);
        if (/\d[.,]$/.test(before) && /^\d/.test(after)) problems.push(`inside a number: ${where}`);
        const lastWord = before
          .split(/\s+/)
          .at(-1)!
          .replace(/^[("“„'‚]+/u, '')
          .toLowerCase();
        if (NEVER_LAST.has(lastWord)) problems.push(`after an abbreviation: ${where}`);
        if (/(^|\s)\d{1,2}\.$/.test(before) && MONTHS.test(after)) problems.push(`inside a date: ${where}`);
        if (CLOSING_FIRST.test(after)) problems.push(`before a closing mark: ${where}`);
        if (/^["'“„(]*\p{Ll}/u.test(after) && !lineEnd) problems.push(`starts in lower case: ${where}`);
        if (/^[.,;:!?]/.test(after)) problems.push(`starts with punctuation: ${where}`);
      }
      expect(text.slice(covered).trim()).toBe('');
      expect(problems).toEqual([]);
    });
  }
});
