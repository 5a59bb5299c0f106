import { describe, expect, it } from 'vitest';
import { isPhotoCredit, PHOTO_CREDIT } from '../../lib/text/captions';
import { splitSentences } from '../../lib/text/sentences';
import { corpusPages } from '../../scripts/lib/corpus';
import { DEVSETS_MISSING, devsetsAvailable, readDevsetJsonl } from '../../scripts/lib/devsets';

describe('isPhotoCredit', () => {
  it('finds credits alone and at the end of a caption, and not in prose', () => {
    for (const credit of [
      '© dpa',
      'Quang cảnh phiên họp. Ảnh: TTXVN',
      'Ảnh tư liệu: AFP/TTXVN',
      'Minister Schulze (Foto: BMZ)',
      'The port at dawn (Photo by A. Name)',
      'Nguồn: Bộ Tài chính',
    ])
      expect(isPhotoCredit(credit), credit).toBe(true);
    for (const prose of [
      'Giá vàng tăng 2% (so với tuần trước).',
      'Ông cho biết: giá sẽ tăng.',
      'Foto ohne Doppelpunkt',
    ])
      expect(isPhotoCredit(prose), prose).toBe(false);
  });

  // `isPhotoCredit` runs the pattern only on a text that opens with "©", holds a ":" or closes
  // with ")": every way the pattern can match must need one of these, or the prefilter drops credits.
  it('has PHOTO_CREDIT match only texts the prefilter lets through', () => {
    expect(PHOTO_CREDIT.flags).not.toContain('m');
    const alternatives = topLevelAlternatives(PHOTO_CREDIT.source);
    expect(alternatives.length).toBeGreaterThan(1);
    for (const alternative of alternatives)
      expect(
        alternative.startsWith('^©') || hasRequiredColon(alternative) || alternative.endsWith('\\)$'),
        alternative,
      ).toBe(true);
  });

  it('answers as PHOTO_CREDIT does on every sentence of the corpus pages', () => {
    let credits = 0;
    for (const page of corpusPages()) {
      const text = page.html.replace(/<[^>]*>/g, '\n\n');
      for (const { text: sentence } of splitSentences(text, page.labels?.lang ?? 'vi')) {
        expect(isPhotoCredit(sentence), sentence).toBe(PHOTO_CREDIT.test(sentence));
        if (PHOTO_CREDIT.test(sentence)) credits++;
      }
    }
    expect(credits).toBeGreaterThan(10);
  });

  it.skipIf(!devsetsAvailable())('answers as PHOTO_CREDIT does on the VietNews validation sentences', () => {
    const articles = readDevsetJsonl<{ sentences: string[] }>('vietnews/val.jsonl.gz');
    const differences = articles
      .flatMap((article) => article.sentences)
      .filter((sentence) => isPhotoCredit(sentence) !== PHOTO_CREDIT.test(sentence));
    expect(differences).toEqual([]);
  });
});

if (!devsetsAvailable()) console.warn(`VietNews check skipped: ${DEVSETS_MISSING}`);

/** Reads a pattern's source a character at a time: `visit` sees each one outside escapes, with its group depth. */
function walkPattern(source: string, visit: (at: number, depth: number) => void): void {
  let depth = 0;
  let inClass = false;
  for (let at = 0; at < source.length; at++) {
    const char = source[at];
    if (char === '\\') at++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else visit(at, depth);
  }
}

/** The alternatives of a pattern's outermost `|`. */
function topLevelAlternatives(source: string): string[] {
  const cuts: number[] = [];
  walkPattern(source, (at, depth) => {
    if (depth === 0 && source[at] === '|') cuts.push(at);
  });
  return [-1, ...cuts].map((cut, k) => source.slice(cut + 1, cuts[k] ?? source.length));
}

/** Whether every match of the alternative holds a literal ":" (outside groups, not made optional). */
function hasRequiredColon(alternative: string): boolean {
  let required = false;
  walkPattern(alternative, (at, depth) => {
    const next = alternative.slice(at + 1, at + 3);
    if (depth === 0 && alternative[at] === ':' && !/^[?*]|^\{0/.test(next)) required = true;
  });
  return required;
}
