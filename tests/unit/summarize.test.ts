import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Figure } from '../../lib/article';
import { lead3, textRank } from '../../scripts/lib/baselines';
import { summarize, summaryLength } from '../../lib/summarize';
import { withoutAgencyPrefix } from '../../lib/text/captions';
import { FEATURES } from '../../lib/summarize/features';
import { SENTENCE_MODEL } from '../../lib/summarize/model';
import { needsPrevious } from '../../lib/summarize/openers';
import { summarizeOnDevice, onDeviceSummarizerReady } from '../../lib/summarize/on-device';
import { rouge, rougeL } from '../../scripts/lib/rouge';
import { oracle } from '../../scripts/lib/vietnews';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../lib/text/sentences';

const FLOWERS = [
  'Giá hoa hồng nhập khẩu tăng mạnh trong dịp lễ 8-3 năm nay.',
  'Nhiều cửa hàng hoa cho biết giá hoa hồng nhập khẩu tăng do chi phí vận chuyển.',
  'Chủ một cửa hàng hoa cho biết giá hoa hồng nhập khẩu đã tăng so với năm trước.',
  'Một bó hoa hồng nhập khẩu có giá khoảng 700.000 đồng, cửa hàng hoa cho biết.',
  'Thời tiết Hà Nội hôm nay có mưa nhỏ, nhiệt độ khoảng 20 độ C.',
  'Khách hàng vẫn mua hoa hồng nhập khẩu tại các cửa hàng hoa.',
].join(' ');

function article(text: string, lang = 'vi', lead: string | null = null) {
  return { text, sentences: splitSentences(text, lang), lead, lang };
}

/** A figure as the figures extractor reports it, located by its text. */
function figureAt(text: string, needle: string): Figure {
  const start = text.indexOf(needle);
  return {
    text: needle,
    value: 0,
    unit: '',
    sentence: '',
    where: 'text',
    start,
    end: start + needle.length,
    sentenceIndex: -1,
  };
}

/** A long article of distinct sentences on a few topics. */
function longArticle(sentences: number): string {
  const topics = ['ngân sách', 'giáo dục', 'y tế', 'giao thông', 'nông nghiệp'];
  return Array.from({ length: sentences }, (_, i) => {
    const topic = topics[i % topics.length]!;
    return `Năm ${2000 + (i % 25)}, tỉnh số ${i} tăng chi cho ${topic} thêm ${i + 1} tỷ đồng theo kế hoạch ${i % 7}.`;
  }).join(' ');
}

describe('summarize', () => {
  it('returns sentences of the article, in page order', () => {
    const input = article(FLOWERS);
    const summary = summarize(input);
    expect(summary).toHaveLength(3);
    const positions = summary.map((sentence) => FLOWERS.indexOf(sentence));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('scales with article length between the configured bounds', () => {
    expect(summaryLength(200, 3, 5)).toBe(3);
    expect(summaryLength(900, 3, 5)).toBe(4);
    expect(summaryLength(5_000, 3, 5)).toBe(5);
    expect(summaryLength(5_000, 2, 2)).toBe(2);
    expect(summaryLength(5_000, 4, 1)).toBe(4);
    expect(summarize(article(longArticle(200)))).toHaveLength(5);
    expect(summarize(article(longArticle(200)), { minSentences: 2, maxSentences: 2 })).toHaveLength(2);
  });

  it('favours a sentence with a key figure when it is central, not when it is off topic', () => {
    const input = article(FLOWERS);
    const options = { minSentences: 2, maxSentences: 2 };
    const price = 'Một bó hoa hồng nhập khẩu có giá khoảng 700.000 đồng, cửa hàng hoa cho biết.';
    const weather = 'Thời tiết Hà Nội hôm nay có mưa nhỏ, nhiệt độ khoảng 20 độ C.';
    expect(summarize(input, options)).not.toContain(price);
    expect(summarize({ ...input, figures: [figureAt(FLOWERS, '700.000 đồng')] }, options)).toContain(price);
    expect(summarize({ ...input, figures: [figureAt(FLOWERS, '20 độ C')] }, options)).not.toContain(weather);
  });

  it('leaves out what the lead says and adds what it does not', () => {
    const lead = 'Nhiều cửa hàng hoa cho biết giá hoa hồng nhập khẩu tăng do chi phí vận chuyển.';
    const summary = summarize(article(FLOWERS, 'vi', lead));
    expect(summary).not.toContain(lead);
    expect(summary.length).toBeGreaterThan(0);
  });

  it('never repeats a sentence', () => {
    const repeated = `${FLOWERS}\n\n${FLOWERS}`;
    const summary = summarize(article(repeated), { minSentences: 4, maxSentences: 4 });
    expect(new Set(summary).size).toBe(summary.length);
  });

  it('leaves photo credits and headings out', () => {
    const text = `Giá hoa tăng mạnh\n\n${FLOWERS}\n\nKhách chọn hoa hồng nhập khẩu tại một cửa hàng hoa ở TP.HCM - Ảnh: H.Y.T.`;
    const summary = summarize(article(text), { minSentences: 5, maxSentences: 5 });
    expect(summary).not.toContain('Giá hoa tăng mạnh');
    expect(summary.some((sentence) => sentence.includes('Ảnh'))).toBe(false);
  });

  it('leaves captions out: those ending on a credit, and those worded like them', () => {
    const captions = [
      'Quang cảnh cửa hàng hoa hồng nhập khẩu tại Hà Nội. Ảnh: TTXVN',
      'Quang cảnh cửa hàng hoa hồng nhập khẩu ở TP.HCM sáng nay.',
      'Toàn cảnh chợ hoa hồng nhập khẩu ngày 7-3. Ảnh tư liệu: AFP/TTXVN',
      'Die Ministerin mit Händlern von importierten Rosen beim Blumenmarkt —',
    ];
    const text = [FLOWERS, ...captions].join('\n\n');
    const summary = summarize(article(text), { minSentences: 5, maxSentences: 5 });
    expect(summary).toHaveLength(5);
    for (const caption of captions) expect(summary.some((sentence) => caption.includes(sentence))).toBe(false);
  });

  it('leaves out fragments: list items, a sentence announcing a list', () => {
    const fragments = [
      'giá hoa hồng nhập khẩu tăng 20% so với năm trước;',
      'Cửa hàng hoa hồng nhập khẩu cho biết giá tăng như sau:',
      '- Giá hoa hồng nhập khẩu tại cửa hàng hoa tăng mạnh.',
    ];
    const text = [FLOWERS, ...fragments].join('\n\n');
    const summary = summarize(article(text), { minSentences: 5, maxSentences: 5 });
    for (const fragment of fragments) expect(summary).not.toContain(fragment);
  });

  it('drops the agency tag before the first word of a sentence it shows', () => {
    const text = `(Dân trí) - ${FLOWERS}`;
    const summary = summarize(article(text), { minSentences: 6, maxSentences: 6 });
    expect(summary[0]).toBe('Giá hoa hồng nhập khẩu tăng mạnh trong dịp lễ 8-3 năm nay.');
    expect(withoutAgencyPrefix('(Chinhphu.vn) - Chính phủ ban hành nghị quyết.')).toBe(
      'Chính phủ ban hành nghị quyết.',
    );
    expect(withoutAgencyPrefix('HÀ NỘI (Reuters) – Giá vàng tăng.')).toBe('Giá vàng tăng.');
    expect(withoutAgencyPrefix('TTO - Sáng nay, giá hoa tăng.')).toBe('Sáng nay, giá hoa tăng.');
    expect(withoutAgencyPrefix('COVID-19 - một năm nhìn lại.')).toBe('COVID-19 - một năm nhìn lại.');
    expect(withoutAgencyPrefix('Giá hoa tăng (theo Reuters) - tin nhanh.')).toBe(
      'Giá hoa tăng (theo Reuters) - tin nhanh.',
    );
  });

  it('picks a sentence that leans on the one before only together with it', () => {
    expect(needsPrevious('Tuy nhiên, giá hoa vẫn tăng.', 'vi')).toBe(true);
    expect(needsPrevious('Họ cho biết giá hoa vẫn tăng.', 'vi')).toBe(true);
    expect(needsPrevious('Ông cho biết giá hoa vẫn tăng.', 'vi')).toBe(true);
    expect(needsPrevious('Ông Nguyễn Văn An cho biết giá hoa vẫn tăng.', 'vi')).toBe(false);
    expect(needsPrevious('However, prices kept rising.', 'en')).toBe(true);
    expect(needsPrevious('Dabei stiegen die Preise weiter.', 'de')).toBe(true);
    expect(needsPrevious('Die Preise stiegen weiter.', 'de')).toBe(false);
    const leaning = 'Tuy nhiên, giá hoa hồng nhập khẩu tại các cửa hàng hoa vẫn tăng mạnh trong dịp lễ.';
    const text = [FLOWERS, leaning].join(' ');
    const input = article(text);
    for (const k of [2, 3, 4]) {
      const summary = summarize(input, { minSentences: k, maxSentences: k });
      if (summary.includes(leaning))
        expect(summary).toContain('Khách hàng vẫn mua hoa hồng nhập khẩu tại các cửa hàng hoa.');
    }
  });
});

describe('summarize: bad input', () => {
  it('returns a short text whole and nothing for an empty one', () => {
    expect(summarize(article('Chỉ có một câu duy nhất trong bài.'))).toEqual(['Chỉ có một câu duy nhất trong bài.']);
    expect(summarize(article('Ngắn. Rất ngắn.'))).toEqual(['Ngắn.', 'Rất ngắn.']);
    expect(summarize(article('Ngắn. Ngắn.'))).toEqual(['Ngắn.']);
    expect(summarize(article(''))).toEqual([]);
    expect(summarize({ text: ' \n\n ', sentences: [], lead: null, lang: 'vi' })).toEqual([]);
  });

  it('splits the text itself when no sentences are given', () => {
    expect(summarize({ text: FLOWERS, sentences: [], lead: null, lang: 'vi' })).toEqual(summarize(article(FLOWERS)));
  });

  it('summarizes 20,000 words without punctuation in bounded pieces', () => {
    const varied = Array.from({ length: 20_000 }, (_, i) => `từ${(i * 7_919) % 3_001}`).join(' ');
    const summary = summarize(article(varied));
    expect(summary).toHaveLength(5);
    for (const sentence of summary) expect(sentence.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    // The same words over and over: one piece says it all.
    const repetitive = Array.from(
      { length: 20_000 },
      (_, i) => ['giá', 'hoa', 'tăng', 'mạnh', 'năm', 'nay'][i % 6],
    ).join(' ');
    expect(summarize(article(repetitive))).toHaveLength(1);
  });

  it('summarizes 20,000 identical sentences and 50,000 paragraphs without error', () => {
    const identical = Array.from(
      { length: 20_000 },
      () => 'Giá hoa hồng nhập khẩu tăng mạnh trong dịp lễ năm nay.',
    ).join(' ');
    expect(summarize(article(identical))).toEqual(['Giá hoa hồng nhập khẩu tăng mạnh trong dịp lễ năm nay.']);
    const paragraphs = Array.from(
      { length: 50_000 },
      (_, i) => `Đoạn ${i}: tỉnh số ${i % 97} tăng chi cho giáo dục thêm ${i} tỷ đồng.`,
    ).join('\n\n');
    expect(summarize(article(paragraphs))).toHaveLength(5);
  });

  it('summarizes a 20,000-word article', () => {
    const text = longArticle(1_200);
    expect(text.split(/\s+/).length).toBeGreaterThan(20_000);
    expect(summarize(article(text))).toHaveLength(5);
  });

  it('copes with mixed languages and unknown language tags', () => {
    const text =
      'Bộ Tài chính công bố số liệu mới. The ministry published new figures on Monday. Die Zahlen zeigen einen Anstieg. ' +
      'Bộ Tài chính cho biết số liệu tăng. The figures show a rise in revenue. Die Einnahmen steigen weiter.';
    for (const lang of ['vi', 'en', 'xx', '']) {
      const summary = summarize({ text, sentences: [], lead: null, lang });
      expect(summary).toHaveLength(3);
    }
  });
});

describe('baselines and ROUGE', () => {
  const input = article(FLOWERS);

  it('Lead-3 is the first three sentences', () => {
    expect(lead3(input.sentences)).toEqual(input.sentences.slice(0, 3).map((sentence) => sentence.text));
  });

  it('TextRank returns the top k sentences in page order', () => {
    const summary = textRank(input.sentences, 2);
    expect(summary).toHaveLength(2);
    expect(summary.map((sentence) => FLOWERS.indexOf(sentence))).toEqual(
      summary.map((sentence) => FLOWERS.indexOf(sentence)).sort((a, b) => a - b),
    );
    expect(textRank([], 3)).toEqual([]);
  });

  it('ROUGE-L scores the longest common subsequence', () => {
    // Common subsequence "chính phủ họp": 3 of 4 candidate tokens, 3 of 5 reference tokens.
    const score = rougeL('Chính phủ sáng họp', 'chính phủ họp chiều nay');
    expect(score.precision).toBeCloseTo(3 / 4);
    expect(score.recall).toBeCloseTo(3 / 5);
    expect(rougeL('', 'a').f1).toBe(0);
  });

  it('the oracle picks the sentences closest to the reference, in page order, and stops when none helps', () => {
    const sentences = [
      'Trời mưa to ở Hà Nội.',
      'Chính phủ họp phiên thường kỳ.',
      'Giá vàng tăng mạnh sáng nay.',
      'Bóng đá Việt Nam thắng.',
    ];
    expect(oracle(sentences, 'Giá vàng tăng mạnh. Chính phủ họp phiên thường kỳ tháng này.')).toEqual([1, 2]);
  });

  it('ROUGE counts clipped n-gram overlap on lower-cased syllables', () => {
    expect(rouge('Chính phủ họp', 'chính phủ họp', 2)).toEqual({ recall: 1, precision: 1, f1: 1 });
    // Reference bigrams: "chính phủ", "phủ họp", "họp sáng"; candidate: "chính phủ", "phủ mở".
    const score = rouge('Chính phủ mở', 'Chính phủ họp sáng', 2);
    expect(score.recall).toBeCloseTo(1 / 3);
    expect(score.precision).toBeCloseTo(1 / 2);
    expect(score.f1).toBeCloseTo(0.4);
    expect(rouge('a a a', 'a', 1).precision).toBeCloseTo(1 / 3);
    expect(rouge('', 'a', 1).f1).toBe(0);
  });
});

describe('sentence model', () => {
  it('was trained on the features the summarizer computes, and stays small', () => {
    expect(SENTENCE_MODEL.features).toEqual([...FEATURES]);
    expect(SENTENCE_MODEL.stumps.every(([feature]) => feature! >= 0 && feature! < FEATURES.length)).toBe(true);
    expect(JSON.stringify(SENTENCE_MODEL).length).toBeLessThanOrEqual(10_000);
  });
});

describe('on-device summarizer', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('answers null without the API, without an error', async () => {
    expect(await onDeviceSummarizerReady('en')).toBe(false);
    expect(await summarizeOnDevice('Some text.', 'en')).toBeNull();
  });

  it('uses the model only when it is ready, and hides its failures', async () => {
    const destroy = vi.fn();
    const create = vi.fn(async () => ({ summarize: async () => ' - Key point. ', destroy }));
    vi.stubGlobal('Summarizer', { availability: async () => 'available', create });
    expect(await summarizeOnDevice('Some text.', 'en')).toBe('- Key point.');
    expect(destroy).toHaveBeenCalledOnce();

    vi.stubGlobal('Summarizer', { availability: async () => 'downloadable', create });
    expect(await summarizeOnDevice('Some text.', 'en')).toBeNull();

    vi.stubGlobal('Summarizer', {
      availability: async () => 'available',
      create: async () => Promise.reject(new Error('NotAllowedError')),
    });
    expect(await summarizeOnDevice('Some text.', 'vi')).toBeNull();

    vi.stubGlobal('Summarizer', { availability: () => Promise.reject(new Error('unsupported language')), create });
    expect(await onDeviceSummarizerReady('vi')).toBe(false);
  });
});
