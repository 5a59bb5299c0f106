import { describe, expect, it } from 'vitest';
import { TOKEN, tokenize } from '../../lib/text/tokens';
import { DEVSETS_MISSING, devsetsAvailable, readDevsetJsonl } from '../../scripts/lib/devsets';

/** The definition `tokenize` reads by table: what it must give on every text. */
const byPattern = (text: string) => text.normalize('NFC').toLowerCase().match(TOKEN) ?? [];

/** Contexts that tell a letter, a mark, a digit and anything else apart when "x" is replaced by a character. */
const CONTEXTS = ['x', 'ax', 'xa', 'a x b', '1x2', '1.x', 'x.5', '3,x', 'x,', 'xx', 'a\u0301x', 'x\u0301'];

describe('tokenize', () => {
  it('splits words and keeps a number with its separators as one token', () => {
    expect(tokenize('Chính phủ chi 4.142 tỷ, tăng 78,7% (so với 2024).')).toEqual([
      'chính',
      'phủ',
      'chi',
      '4.142',
      'tỷ',
      'tăng',
      '78,7',
      'so',
      'với',
      '2024',
    ]);
    expect(tokenize('3G, abc123, 1.2.3., 12,')).toEqual(['3', 'g', 'abc123', '1.2.3', '12']);
    expect(tokenize('Cải cách')).toEqual(tokenize('Ca\u0309i ca\u0301ch'));
  });

  it('gives the pattern’s tokens for every character of the Basic Multilingual Plane, in every context', () => {
    const differences: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      for (const context of CONTEXTS) {
        const text = context.replaceAll('x', char);
        if (tokenize(text).join('|') !== byPattern(text).join('|'))
          differences.push(`U+${code.toString(16)} in ${context}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('gives the pattern’s tokens around characters outside it and lone surrogates', () => {
    for (const text of ['𝐀𝐁 12', 'ab𝟙𝟚 3', 'Tốt 👍 xong', 'a\ud800b 1', '\udc00', '中文 𠀋字 4,5']) {
      expect(tokenize(text)).toEqual(byPattern(text));
    }
  });

  it.skipIf(!devsetsAvailable())('gives the pattern’s tokens on the VietNews validation articles', () => {
    const articles = readDevsetJsonl<{ title: string; abstract: string; sentences: string[] }>('vietnews/val.jsonl.gz');
    const differences: string[] = [];
    for (const article of articles) {
      for (const text of [...article.sentences, article.title, article.abstract]) {
        if (tokenize(text).join('|') !== byPattern(text).join('|')) differences.push(text.slice(0, 80));
      }
    }
    expect(differences).toEqual([]);
  });
});

if (!devsetsAvailable()) console.warn(`VietNews check skipped: ${DEVSETS_MISSING}`);
