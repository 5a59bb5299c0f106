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
