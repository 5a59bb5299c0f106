import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../lib/text/sentences';

const texts = (text: string, lang: string) => splitSentences(text, lang).map((sentence) => sentence.text);

describe('splitSentences: Vietnamese', () => {
  it('keeps abbreviations and numbers inside their sentence', () => {
    expect(
      texts(
        'Tại TP.HCM, có 4.142 nhiệm vụ. Tỷ lệ đạt 78,7% so với kế hoạch. Th.S Nguyễn Văn A phát biểu. ' +
          'ThS. Lê Văn B và PGS.TS. Trần C cũng dự. TP. Hồ Chí Minh có hơn 10 triệu dân.',
        'vi',
      ),
    ).toEqual([
      'Tại TP.HCM, có 4.142 nhiệm vụ.',
      'Tỷ lệ đạt 78,7% so với kế hoạch.',
      'Th.S Nguyễn Văn A phát biểu.',
      'ThS. Lê Văn B và PGS.TS. Trần C cũng dự.',
      'TP. Hồ Chí Minh có hơn 10 triệu dân.',
    ]);
  });

  it('reads "v.v." and ellipses by the word that follows', () => {
    // "Người" is written in lower case elsewhere in the text, so here it starts a sentence.
    expect(texts('Giá rau, củ, quả v.v. đều tăng. Giá thịt, cá v.v. Người dân lo, người bán cũng lo.', 'vi')).toEqual([
      'Giá rau, củ, quả v.v. đều tăng.',
      'Giá thịt, cá v.v.',
      'Người dân lo, người bán cũng lo.',
    ]);
    expect(
      texts('Cần giữ kỷ luật, kỷ cương... và đổi mới. Kết quả đạt được… Tuy nhiên vẫn còn hạn chế.', 'vi'),
    ).toEqual(['Cần giữ kỷ luật, kỷ cương... và đổi mới.', 'Kết quả đạt được…', 'Tuy nhiên vẫn còn hạn chế.']);
  });

  it('keeps closing quotes with their sentence and does not start a sentence in lower case', () => {
    expect(texts('Ông nói: "Giá tăng mạnh. Chúng tôi lo lắng." Sau đó ông rời đi.', 'vi')).toEqual([
      'Ông nói: "Giá tăng mạnh.',
      'Chúng tôi lo lắng."',
      'Sau đó ông rời đi.',
    ]);
    expect(texts('“Tại sao?” ông hỏi. “Tốt lắm!” bà đáp.', 'vi')).toEqual([
      '“Tại sao?” ông hỏi.',
      '“Tốt lắm!” bà đáp.',
    ]);
  });

  it('ends list items without a period at their line end, and joins a wrapped line', () => {
    expect(
      texts('Các nội dung chính:\n- Cải cách hành chính\n- Chuyển đổi số\nvà xây dựng Chính phủ số', 'vi'),
    ).toEqual(['Các nội dung chính:', '- Cải cách hành chính', '- Chuyển đổi số\nvà xây dựng Chính phủ số']);
  });

  it('keeps a numbered heading with its text', () => {
    expect(texts('1. Bộ Ngoại giao gửi hồ sơ.\n\n2. Bộ Tài chính thẩm định.', 'vi')).toEqual([
      '1. Bộ Ngoại giao gửi hồ sơ.',
      '2. Bộ Tài chính thẩm định.',
    ]);
  });
});

describe('splitSentences: German and English', () => {
  it('keeps German ordinals, abbreviations and thousands together', () => {
    expect(
      texts(
        'Das ist z.B. gut, z. B. heute. Am 27. Januar 2022 war es kalt. Es fehlen 5 Mrd. Euro. ' +
          'Die Zahl sank auf 2.462.000. Zum 60. Jahrestag kamen viele. Die Kosten liegen bei 12. Das ist viel.',
        'de',
      ),
    ).toEqual([
      'Das ist z.B. gut, z. B. heute.',
      'Am 27. Januar 2022 war es kalt.',
      'Es fehlen 5 Mrd. Euro.',
      'Die Zahl sank auf 2.462.000.',
      'Zum 60. Jahrestag kamen viele.',
      'Die Kosten liegen bei 12.',
      'Das ist viel.',
    ]);
  });

  it('keeps English titles and decides "U.S." and "p.m." by the next word', () => {
    expect(
      texts(
        'Dr. Smith met Mr. Jones at the U.S. Army office. He moved to the U.S. The move was quick. See No. 5 at 5 p.m. Then leave.',
        'en',
      ),
    ).toEqual([
      'Dr. Smith met Mr. Jones at the U.S. Army office.',
      'He moved to the U.S.',
      'The move was quick.',
      'See No. 5 at 5 p.m.',
      'Then leave.',
    ]);
  });
});

describe('splitSentences: offsets and robustness', () => {
  it('gives offsets into the text and paragraph indexes of the blank-line paragraphs', () => {
    const text = '  Đoạn một. Câu hai!\n\nĐoạn hai?\n   \n\nĐoạn ba… hết';
    const sentences = splitSentences(text, 'vi');
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(sentences.map((sentence) => [sentence.text, sentence.paragraph])).toEqual([
      ['Đoạn một.', 0],
      ['Câu hai!', 0],
      ['Đoạn hai?', 1],
      ['Đoạn ba… hết', 2],
    ]);
  });

  it('returns nothing for empty or blank text and survives odd language tags', () => {
    expect(splitSentences('', 'vi')).toEqual([]);
    expect(splitSentences(' \n\n \n', 'vi')).toEqual([]);
    expect(texts('One. Two.', '')).toEqual(['One.', 'Two.']);
    expect(texts('One. Two.', 'not a tag!')).toEqual(['One.', 'Two.']);
  });

  it('cuts text without punctuation into pieces of bounded length at word breaks', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `từ${i % 97}`).join(' ');
    const sentences = splitSentences(text, 'vi');
    expect(sentences.length).toBeGreaterThan(20);
    for (const sentence of sentences) {
      expect(sentence.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
      expect(sentence.text).toMatch(/^từ\d+.*\d$/s);
    }
    expect(sentences.map((sentence) => sentence.text).join(' ')).toBe(text);
  });

  it('splits a 20,000-word article with every rule in play', () => {
    const paragraph =
      'Tại TP.HCM, ThS. Nguyễn Văn A cho biết đã hoàn thành 4.142 nhiệm vụ, đạt 78,7% v.v. và còn nữa. ' +
      'Ông nói: "Giá tăng. Dân lo." Bà Smith sống ở TP. Hồ Chí Minh… Người dân chờ đợi';
    const text = Array.from({ length: 1_000 }, () => paragraph).join('\n\n');
    const sentences = splitSentences(text, 'vi');
    expect(sentences).toHaveLength(1_000 * 5);
    expect(new Set(sentences.map((sentence) => sentence.paragraph)).size).toBe(1_000);
  });
});

describe('splitSentences without Intl.Segmenter', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('falls back to punctuation and the same rules', async () => {
    vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
    vi.resetModules();
    const { splitSentences: split } = await import('../../lib/text/sentences');
    // "→" is outside the characters the Unicode rules are computed for here, so the segmenter is asked.
    expect(
      split('Tại TP. Hồ Chí Minh có 4.142 hộ. Họ nói: "Tốt." Xong → hết!\nDòng mới', 'vi').map((s) => s.text),
    ).toEqual(['Tại TP. Hồ Chí Minh có 4.142 hộ.', 'Họ nói: "Tốt."', 'Xong → hết!', 'Dòng mới']);
  });
});
