import { describe, expect, it } from 'vitest';
import { sentenceStarts } from '../../lib/text/sentence-breaks';
import { DEVSETS_MISSING, devsetsAvailable, readDevsetJsonl } from '../../scripts/lib/devsets';

const LOCALES = ['vi', 'de', 'en'];

function segmenterStarts(text: string, locale: string): number[] {
  const segments = Array.from(new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(text));
  return segments.map((segment) => segment.index).slice(1);
}

/**
 * Contexts that tell the sentence-break classes apart when "x" is replaced by a character: after a
 * period with and without a space, before a lower-case word, a digit or a capital, after closing
 * brackets, after a paragraph separator, with a combining mark.
 */
const CONTEXTS = [
  'Ab.x Cd',
  'Ab. x Cd',
  'Ab. xc',
  'Ab.x1',
  'Ab x1',
  'Ab x cd',
  'Ab.x',
  'Ab x Cd',
  'x',
  'xAb. Cd',
  'Ab\nx',
  'Ab\u2029x',
  'x\u0301 Ab. Cd',
  'Ab.)x Cd',
  'Ab. x',
  'ab.x',
  'AB.xC',
  'b.xC',
  '1.xC',
  'Ab!x Cd',
  'Ab? x cd',
  'Ab.xx Cd',
  'Ab x. Cd',
  'Ab x! Cd',
  'Ab x, Cd',
  'Ab.\u00a0x',
  'x.Cd',
  'x. Cd',
  'Ab.x\u0301 Cd',
  'Ab.\u0301x Cd',
  'Ab.x\u0301c',
];

describe('sentenceStarts (the Unicode sentence rules without Intl.Segmenter)', () => {
  it('gives the segmenter’s boundaries for every character it knows, in every context', () => {
    let known = 0;
    const differences: string[] = [];
    for (let code = 0; code < 0x2100; code++) {
      const char = String.fromCharCode(code);
      if (sentenceStarts(char) === null) continue;
      known++;
      for (const context of CONTEXTS) {
        const text = context.replaceAll('x', char);
        const expected = segmenterStarts(text, 'vi');
        if (sentenceStarts(text)?.join() !== expected.join())
          differences.push(`U+${code.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(differences).toEqual([]);
    // ASCII, Latin-1, Latin Extended A/B and Additional, combining diacritics, punctuation, currency.
    expect(known).toBeGreaterThan(1_000);
  });

  it('leaves other scripts and symbols to the segmenter', () => {
    for (const text of ['Xem → trang sau.', '中文。', 'Привет. Мир.', 'Tốt 👍. Xong.', 'ก ข.']) {
      expect(sentenceStarts(text)).toBeNull();
    }
  });

  it('agrees with the segmenter of each language on random mixes of the hard characters', () => {
    const alphabet = Array.from(
      'aAbZz09.!?;:,-\'"()[]«»“”‘’…  \n\r\t\u00a0\u2029\u0085\u0301\u0323\u00ad\u200b\u200d\u2024\u2013\u2014\u203c#%&*ÀàĐđỆệß€²',
    );
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const differences: string[] = [];
    for (let round = 0; round < 20_000; round++) {
      let text = '';
      for (let length = 1 + next(16); length > 0; length--) text += alphabet[next(alphabet.length)];
      const locale = LOCALES[round % LOCALES.length]!;
      if (sentenceStarts(text)?.join() !== segmenterStarts(text, locale).join()) differences.push(JSON.stringify(text));
    }
    expect(differences).toEqual([]);
  });

  it.skipIf(!devsetsAvailable())('agrees with the segmenter on the VietNews validation articles', () => {
    const articles = readDevsetJsonl<{ title: string; abstract: string; sentences: string[] }>('vietnews/val.jsonl.gz');
    let checked = 0;
    const differences: string[] = [];
    for (const article of articles) {
      for (const text of [article.sentences.join(' '), article.title, article.abstract]) {
        const starts = sentenceStarts(text);
        if (starts === null) continue;
        checked++;
        if (starts.join() !== segmenterStarts(text, 'vi').join()) differences.push(text.slice(0, 80));
      }
    }
    expect(differences).toEqual([]);
    expect(checked).toBeGreaterThan(5_000);
  });
});

if (!devsetsAvailable()) console.warn(`VietNews check skipped: ${DEVSETS_MISSING}`);
