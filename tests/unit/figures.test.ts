import { describe, expect, it } from 'vitest';
import { extractFigures, parseNumeral, scanFigures } from '../../lib/figures/index';
import { splitSentences } from '../../lib/text/sentences';

/** The figures of a snippet as `text → value unit`, in text order. */
function read(text: string, lang: string): string[] {
  return scanFigures(text, lang).map((figure) => `${figure.text} → ${figure.value} ${figure.unit}`.trim());
}

/** Just the verbatim texts of the figures found. */
function texts(text: string, lang: string): string[] {
  return scanFigures(text, lang).map((figure) => figure.text);
}

function figuresOf(text: string, lang: string, lead: string | null = null, limit?: number) {
  return extractFigures({ text, lead, lang, sentences: splitSentences(text, lang), limit });
}

describe('number formats', () => {
  it('reads Vietnamese and German numbers with dot groups and decimal comma', () => {
    expect(parseNumeral('4.142', 'vi')).toBe(4142);
    expect(parseNumeral('549,9', 'vi')).toBe(549.9);
    expect(parseNumeral('1.437.800', 'de')).toBe(1437800);
    expect(parseNumeral('0,611', 'vi')).toBe(0.611);
  });

  it('reads English numbers with comma groups and decimal point', () => {
    expect(parseNumeral('4,142', 'en')).toBe(4142);
    expect(parseNumeral('549.9', 'en')).toBe(549.9);
    expect(parseNumeral('.07', 'en')).toBe(0.07);
  });

  it("falls back to the other convention only when the page's own cannot read the numeral", () => {
    expect(parseNumeral('2.5', 'vi')).toBe(2.5);
    expect(parseNumeral('549,9', 'en')).toBe(549.9);
  });

  it('rejects malformed numerals, phone-like groups and leading-zero codes', () => {
    expect(parseNumeral('1.2.3', 'vi')).toBeNull();
    expect(parseNumeral('1.2.3', 'en')).toBeNull();
    expect(parseNumeral('0903.343.439', 'vi')).toBeNull();
    expect(parseNumeral('27.01.2022', 'de')).toBeNull();
    expect(parseNumeral('007', 'en')).toBeNull();
    expect(parseNumeral('09', 'vi')).toBe(9);
    expect(parseNumeral('9'.repeat(400), 'en')).toBeNull();
  });
});

describe('values and magnitudes', () => {
  it('multiplies by Vietnamese magnitude words', () => {
    expect(read('được phân bổ 549,9 tỷ đồng cho dự án', 'vi')).toEqual(['549,9 tỷ đồng → 549900000000 đồng']);
    expect(read('xử phạt 1,5 tỷ đồng do vi phạm', 'vi')).toEqual(['1,5 tỷ đồng → 1500000000 đồng']);
    expect(read('có 5,8 triệu người theo dõi trên Instagram', 'vi')).toEqual([
      '5,8 triệu người theo dõi → 5800000 người theo dõi',
    ]);
    expect(read('khoảng 12 nghìn hộ và 3 ngàn người', 'vi')).toEqual([
      '12 nghìn hộ → 12000 hộ',
      '3 ngàn người → 3000 người',
    ]);
  });

  it('multiplies by German magnitude words, written out or abbreviated', () => {
    expect(read('mit 1,2 Milliarden Euro der Geber', 'de')).toEqual(['1,2 Milliarden Euro → 1200000000 Euro']);
    expect(read('stellt 476 Millionen Euro bereit', 'de')).toEqual(['476 Millionen Euro → 476000000 Euro']);
    expect(read('dass die 5 Mrd. Euro nicht reichen', 'de')).toEqual(['5 Mrd. Euro → 5000000000 Euro']);
    expect(read('Rohbenzin | 10,72 Mio. t | 12,40 Mio. t', 'de')).toEqual([
      '10,72 Mio. t → 10720000 t',
      '12,40 Mio. t → 12400000 t',
    ]);
  });

  it('reads English money with the currency sign before the number', () => {
    expect(read('a plan worth $4.5 billion over ten years', 'en')).toEqual(['$4.5 billion → 4500000000 USD']);
    expect(read('making up to $70,000 a year', 'en')).toEqual(['$70,000 → 70000 USD']);
    expect(read('a grant of $4.5m for schools', 'en')).toEqual(['$4.5m → 4500000 USD']);
  });

  it('reports per cent as "%" in every language', () => {
    expect(read('tăng thêm khoảng 20% so với', 'vi')).toEqual(['20% → 20 %']);
    expect(read('um 13,6 % gestiegen', 'de')).toEqual(['13,6 % → 13.6 %']);
    expect(read('sehen das 67 Prozent der Befragten', 'de')).toEqual(['67 Prozent → 67 %']);
    expect(read('rose 5 percent last year', 'en')).toEqual(['5 percent → 5 %']);
    expect(read('levy a .07% fee on banks', 'en')).toEqual(['.07% → 0.07 %']);
  });

  it('keeps glued units and the "per" part of rates', () => {
    expect(read('chỉ với (5000đ) mỗi bài', 'vi')).toEqual(['5000đ → 5000 đồng']);
    expect(read('giá khoảng 800.000 đồng/bó', 'vi')).toEqual(['800.000 đồng/bó → 800000 đồng/bó']);
    expect(read('quanh mức 3.000 đồng/cổ phiếu.', 'vi')).toEqual(['3.000 đồng/cổ phiếu → 3000 đồng/cổ phiếu']);
    expect(read('wenn sie 270 g/kWh nicht überschreiten', 'de')).toEqual(['270 g/kWh → 270 g/kWh']);
  });

  it('reads a score out of a total as its first number', () => {
    expect(read('đạt 78,7/100 điểm, tăng so với', 'vi')).toEqual(['78,7/100 điểm → 78.7 điểm']);
  });
});

describe('ranges and changes are one figure valued at their second number', () => {
  it('joins hyphen and dash ranges, sharing the unit and magnitude of the second number', () => {
    expect(read('tăng giá từ 10 - 20% tùy loại', 'vi')).toEqual(['10 - 20% → 20 %']);
    expect(read('a rise of 20–45% in prices', 'en')).toEqual(['20–45% → 45 %']);
    expect(read('có giá 2 - 4 triệu đồng khá phổ biến', 'vi')).toEqual(['2 - 4 triệu đồng → 4000000 đồng']);
    expect(read('khoảng 800.000 - 900.000 đồng/bó', 'vi')).toEqual(['800.000 - 900.000 đồng/bó → 900000 đồng/bó']);
  });

  it('joins word ranges: từ … đến, between … and, von … auf', () => {
    expect(read('gồm 8 nam giới, từ 32 đến 46 tuổi', 'vi')).toEqual([
      '8 nam giới → 8 nam giới',
      '32 đến 46 tuổi → 46 tuổi',
    ]);
    expect(read('dao động từ 400.000 đồng đến 1 triệu đồng', 'vi')).toEqual([
      '400.000 đồng đến 1 triệu đồng → 1000000 đồng',
    ]);
    expect(read('between 20 and 30 percent of them', 'en')).toEqual(['20 and 30 percent → 30 %']);
    expect(read('sank um 2,3% von 91,5 auf 89,4 Millionen Tonnen.', 'de')).toEqual([
      '2,3% → 2.3 %',
      '91,5 auf 89,4 Millionen Tonnen → 89400000 Tonnen',
    ]);
  });

  it('does not join numbers with different units or a backwards pair', () => {
    expect(read('tăng 5 lần, giá 20 đến 3 người', 'vi')).toEqual(['5 lần → 5 lần', '3 người → 3 người']);
    expect(read('von 500 Euro auf 30 Anträge', 'de')).toEqual(['500 Euro → 500 Euro', '30 Anträge → 30 Anträge']);
    expect(texts('thắng 1-0 sau hiệp phụ', 'vi')).toEqual([]);
  });
});

describe('what is not a figure', () => {
  it('skips dates in every common form', () => {
    expect(texts('Chiều 2/2, ngày 19/12 và 7/3/2026, Tháng 3/2026 có hiệu lực', 'vi')).toEqual([]);
    expect(texts('trong dịp lễ 8-3 năm nay và 20-10 năm ngoái', 'vi')).toEqual([]);
    expect(texts('Stand: 27.01.2022. Am 26. und 27. Januar sowie am 8. Mai 1945.', 'de')).toEqual([]);
    expect(texts('Der 11.10. eines jeden Jahres ist Weltmädchentag.', 'de')).toEqual([]);
    expect(texts('April 26, 2022: the conference runs June 13 to 17.', 'en')).toEqual([]);
    expect(texts('im Zeitraum von Januar bis November 2021 gegenüber', 'de')).toEqual([]);
  });

  it('skips clock times', () => {
    expect(texts('Cập nhật 16/07/2026 17:17, họp lúc 13:30', 'vi')).toEqual([]);
    expect(texts('ab 8 Uhr auf thw.de', 'de')).toEqual([]);
    expect(texts('doors open at 5 p.m. sharp', 'en')).toEqual([]);
  });

  it('skips years, spans of years and seasons', () => {
    expect(texts('trong năm 2023 và giai đoạn 2020 - 2024', 'vi')).toEqual([]);
    expect(texts('Seit 1996 offizieller Gedenktag; Jagdjahr 2020/21 und 2015/16.', 'de')).toEqual([]);
    expect(texts('2022 stand das Thema Ehrenamt im Fokus', 'de')).toEqual([]);
  });

  it('skips document numbers', () => {
    expect(texts('Quyết định 766/QĐ-TTg và Nghị quyết số 40/2026/NQ-CP', 'vi')).toEqual([]);
    expect(texts('Luật Chứng khoán số 54/2019/QH14; Giấy phép số 76/GP-BTTTT', 'vi')).toEqual([]);
  });

  it('skips phone numbers', () => {
    expect(texts('Hotline 0903.343.439 hoặc (84) 24 382 55593', 'vi')).toEqual([]);
    expect(texts('Telefon +49 331 866-7011', 'de')).toEqual([]);
    expect(texts('Tel: 1 (876) 926-3590-4', 'en')).toEqual([]);
  });

  it('skips ids, names with numbers, ordinals and labels', () => {
    expect(texts('khí hydro sulfua (H2S) và Covid-19', 'vi')).toEqual([]);
    expect(texts('partnerships with Fortune 500 companies in the 20th Century', 'en')).toEqual([]);
    expect(texts('phiên họp thứ 7, theo khoản 3 Điều 12, ở phút 106', 'vi')).toEqual([]);
    expect(texts('địa chỉ: 428 Đường Nguyễn Huệ, Tổ 1, Khu phố 3', 'vi')).toEqual([]);
    expect(texts('Top 10 người mẫu đắt giá nhất', 'vi')).toEqual([]);
    expect(texts('visit www.aice2022.com or a 4G network', 'en')).toEqual([]);
    expect(texts('(Teil I Nr. 53, Seite 3411)', 'de')).toEqual([]);
    expect(texts("Laporte (Eric Garcia 99'), Ferran Torres (106')", 'vi')).toEqual([]);
  });

  it('skips postal codes and form limits written as four bare digits before a noun', () => {
    expect(texts('Bundeshaus Nord, 3003 Bern', 'de')).toEqual([]);
    expect(texts('Ihre Nachricht (max. 1500 Zeichen)', 'de')).toEqual([]);
  });

  it('skips file sizes of downloads', () => {
    expect(texts('Informationsschreiben PDF | 38 KB | Datei', 'de')).toEqual([]);
    expect(texts('Hochauflösendes Bild (jpeg, 1MB)', 'de')).toEqual([]);
  });

  it('skips bare small numbers with nothing counted', () => {
    expect(texts('Argentina phải chơi với hiệp 2, khiến', 'vi')).toEqual([]);
    expect(texts('Artikel 2 und 4 treten in Kraft', 'de')).toEqual([]);
  });
});

describe('Vietnamese counted nouns', () => {
  it('stops at function words and punctuation', () => {
    expect(read('thực hiện 4.142 nhiệm vụ được giao; đã ban hành 5.586 văn bản để chỉ đạo', 'vi')).toEqual([
      '4.142 nhiệm vụ → 4142 nhiệm vụ',
      '5.586 văn bản → 5586 văn bản',
    ]);
    expect(read('chủ trì 4 phiên họp của Ban Chỉ đạo', 'vi')).toEqual(['4 phiên họp → 4 phiên họp']);
    expect(read('với 289 phiếu thuận trong tổng số 318 đại biểu có mặt', 'vi')).toEqual([
      '289 phiếu thuận → 289 phiếu thuận',
      '318 đại biểu → 318 đại biểu',
    ]);
  });

  it('takes two syllables for a plain noun, one more after a classifier or collective', () => {
    expect(read('sử dụng 30 tài khoản chứng khoán để', 'vi')).toEqual(['30 tài khoản → 30 tài khoản']);
    expect(read('thực hiện 57 nhóm nhiệm vụ cải cách hành chính', 'vi')).toEqual([
      '57 nhóm nhiệm vụ → 57 nhóm nhiệm vụ',
    ]);
    expect(read('8 nạn nhân sống sót trong vụ ngạt khí', 'vi')).toEqual(['8 nạn nhân → 8 nạn nhân']);
  });

  it('ends the noun at a capitalised name and keeps acronyms and "cấp X"', () => {
    expect(read('sở hữu 432.860 cổ phiếu AAT, tương đương', 'vi')).toEqual(['432.860 cổ phiếu → 432860 cổ phiếu']);
    expect(read('và 397 UBND cấp huyện đã được kiểm tra', 'vi')).toEqual(['397 UBND cấp huyện → 397 UBND cấp huyện']);
  });

  it('takes spans of time and whole nouns as one syllable', () => {
    expect(read('có thời hạn 09 tháng do đã cho mượn', 'vi')).toEqual(['09 tháng → 9 tháng']);
    expect(read('kiểm tra tại 9 tỉnh, thành phố', 'vi')).toEqual(['9 tỉnh → 9 tỉnh']);
    expect(read('góp mặt trong 74 show tại New York', 'vi')).toEqual(['74 show → 74 show']);
  });

  it('does not read "đồng" as the currency when it starts another word', () => {
    expect(read('có 3 đồng chí được khen thưởng', 'vi')).toEqual(['3 đồng chí → 3 đồng chí']);
  });

  it('names a bare number after "tổng số" / "số lượng"', () => {
    expect(read('số lượng hồ sơ trực tuyến đạt 12.500', 'vi')).toEqual(['12.500 → 12500 hồ sơ']);
  });
});

describe('German and English counted nouns', () => {
  it('takes the capitalised German noun, in the nominative after a preposition', () => {
    expect(read('In 30 Fachforen wurde diskutiert', 'de')).toEqual(['30 Fachforen → 30 Fachforen']);
    expect(read('in rund 30 Ländern, vor allem', 'de')).toEqual(['30 Ländern → 30 Länder']);
    expect(read('von 147 Antragsstellenden eingereicht', 'de')).toEqual([
      '147 Antragsstellenden → 147 Antragsstellende',
    ]);
    expect(read('an 57 ehrenamtliche Helfer verliehen', 'de')).toEqual([
      '57 ehrenamtliche Helfer → 57 ehrenamtliche Helfer',
    ]);
  });

  it('reads number-adjective compounds as spans', () => {
    expect(read('für ihr 10-jähriges Engagement', 'de')).toEqual(['10-jähriges → 10 Jahre']);
    expect(read('an 18-week coding bootcamp', 'en')).toEqual(['18-week → 18 week']);
  });

  it('lets an elided noun be understood from the previous figure of the paragraph', () => {
    expect(read('Über 810 Millionen Menschen hungern. Über 280 Millionen sind betroffen.', 'de')).toEqual([
      '810 Millionen Menschen → 810000000 Menschen',
      '280 Millionen → 280000000 Menschen',
    ]);
  });

  it('names a bare number after "die Zahl der" / "the number of"', () => {
    expect(read('verdreifachte sich die Zahl der Anträge nahezu auf 28.784 und', 'de')).toEqual([
      '28.784 → 28784 Anträge',
    ]);
    expect(read('the number of applicants rose to 12,500.', 'en')).toEqual(['12,500 → 12500 applicants']);
  });

  it('takes the English noun after the number, with a modifier before a plural head', () => {
    expect(read('approximately 1,500 participants are expected from 140 countries', 'en')).toEqual([
      '1,500 participants → 1500 participants',
      '140 countries → 140 countries',
    ]);
    expect(read('have baked 200,000 holiday cookies', 'en')).toEqual([
      '200,000 holiday cookies → 200000 holiday cookies',
    ]);
    expect(read('earn 25% more than others', 'en')).toEqual(['25% → 25 %']);
  });
});

describe('extractFigures', () => {
  const lead = 'Ngày 16/7, với 289 phiếu thuận trong tổng số 318 đại biểu có mặt, Quốc hội đã thông qua đề xuất.';
  const text = [
    'Theo báo cáo, năm 2023 các bộ đã ban hành 5.586 văn bản để chỉ đạo.',
    'Tổng kinh phí là 549,9 tỷ đồng, tăng 12% so với năm trước.',
    'Thủ tướng đã chủ trì 4 phiên họp của Ban Chỉ đạo.',
  ].join('\n\n');

  it('points lead figures into the lead and body figures into the text', () => {
    const figures = figuresOf(text, 'vi', lead);
    const sentences = splitSentences(text, 'vi');
    for (const figure of figures) {
      const source = figure.where === 'lead' ? lead : text;
      expect(source.slice(figure.start, figure.end)).toBe(figure.text);
      expect(figure.sentence).toContain(figure.text);
      if (figure.where === 'lead') expect(figure.sentenceIndex).toBe(-1);
      else expect(sentences[figure.sentenceIndex]?.text).toBe(figure.sentence);
    }
    expect(figures.filter((figure) => figure.where === 'lead').map((figure) => figure.text)).toEqual([
      '289 phiếu thuận',
      '318 đại biểu',
    ]);
  });

  it('ranks money and shares first, then lead figures, then body counts in page order', () => {
    const figures = figuresOf(text, 'vi', lead).map((figure) => figure.text);
    expect(figures).toEqual([
      '549,9 tỷ đồng',
      '12%',
      '289 phiếu thuận',
      '318 đại biểu',
      '5.586 văn bản',
      '4 phiên họp',
    ]);
  });

  it('reports a figure mentioned twice once, at its best-placed mention', () => {
    const figures = figuresOf('Giá tăng 20% trong quý.\n\nCác chuyên gia dự báo giá còn tăng 20% nữa.', 'vi');
    expect(figures.map((figure) => figure.text)).toEqual(['20%']);
    expect(figures[0]?.sentenceIndex).toBe(0);
  });

  it('ranks table cells and photo captions below prose', () => {
    const table =
      'Rohbenzin | 10,72 Mio. t | 12,40 Mio. t | 15,7 %\n\nDer Export ist um 13,6 % auf 23,1 Millionen Tonnen gestiegen.';
    expect(
      figuresOf(table, 'de')
        .map((figure) => figure.text)
        .slice(0, 2),
    ).toEqual(['13,6 %', '23,1 Millionen Tonnen']);
    const caption =
      'Một bó hoa có giá 400.000 đồng - Ảnh: H.Y.T.\n\nCửa hàng cho biết giá hoa tăng 300.000 đồng so với năm ngoái.';
    expect(figuresOf(caption, 'vi')[0]?.text).toBe('300.000 đồng');
  });

  it('returns the top 10 by default and honours a limit', () => {
    const many = Array.from(
      { length: 30 },
      (_, i) => `Đơn vị ${String.fromCharCode(65 + (i % 26))} đã tiếp nhận ${i + 1}.000 hồ sơ trực tuyến trong tháng.`,
    ).join('\n\n');
    expect(figuresOf(many, 'vi')).toHaveLength(10);
    expect(figuresOf(many, 'vi', null, 3)).toHaveLength(3);
    expect(figuresOf(many, 'vi', null, 0)).toEqual([]);
  });

  it('returns nothing for text without figures, or empty text', () => {
    expect(figuresOf('Chiều 2/2, Chính phủ họp phiên thứ 7 năm 2024.', 'vi')).toEqual([]);
    expect(figuresOf('', 'vi')).toEqual([]);
  });
});

describe('bad input', () => {
  it('survives malformed numbers and odd characters', () => {
    const odd = '1.2.3 1,2,3 1..2 ,,5 .. -- 1-2-3-4 $$$ 5%% €€5 ++7 1/2/3/4/5 ::9 ²³ 1e5 0x1F 12k€ ١٢٣';
    expect(() => scanFigures(odd, 'vi')).not.toThrow();
    expect(() => scanFigures(odd, 'en')).not.toThrow();
    expect(texts('1.2.3 nhiệm vụ', 'vi')).toEqual([]);
  });

  it('keeps the top ten figures of a 20,000-word article', () => {
    // Every paragraph different, one numeral every nine words: denser than the corpus articles.
    const paragraph = (i: number) =>
      `Năm 2023, các bộ, ngành, địa phương đã bám sát thực tế, chủ động, quyết tâm tổ chức thực hiện ${i}.142 nhiệm vụ ` +
      `được giao; đã ban hành ${i + 5}.586 văn bản để chỉ đạo, đôn đốc, quán triệt tổ chức thực hiện các nhiệm vụ cải ` +
      `cách hành chính đã đề ra theo Quyết định ${i}/QĐ-TTg ngày 19/12. Tổng kinh phí giải ngân đạt ${i},9 tỷ đồng, ` +
      `tăng ${i % 90}% so với cùng kỳ năm ngoái, theo báo cáo của Bộ Nội vụ tại phiên họp thứ 7.`;
    const words = paragraph(1).split(' ').length;
    const text = Array.from({ length: Math.ceil(20_000 / words) }, (_, i) => paragraph(i + 1)).join('\n\n');
    const sentences = splitSentences(text, 'vi');
    expect(extractFigures({ text, lead: null, lang: 'vi', sentences })).toHaveLength(10);
  });

  it('survives pathological runs of digits and separators (a quadratic pass would time out)', () => {
    // About 100,000 characters each; a quadratic pass over any of them would take minutes.
    const runs = [
      '9'.repeat(100_000),
      '1.'.repeat(50_000),
      '1,'.repeat(50_000),
      '1-'.repeat(50_000),
      '1/'.repeat(50_000),
      `1${' '.repeat(100_000)}nhiệm vụ`,
      `${'a'.repeat(100_000)}1`,
      '5 '.repeat(50_000),
      '12 tỷ '.repeat(16_000),
      'từ 1 đến '.repeat(11_000),
      'die Zahl der Anträge '.repeat(5_000) + '28.784',
    ];
    for (const run of runs) {
      expect(() => scanFigures(run, 'vi')).not.toThrow();
      expect(() => scanFigures(run, 'de')).not.toThrow();
    }
  }, 60_000);
});

describe('issue #12.5: changes, units, procedure counts and the card snippet', () => {
  it('keeps "từ X lên/xuống Y" one figure, valued at where it ended', () => {
    expect(read('Tỷ lệ nợ xấu tăng từ 1% lên 3% trong năm.', 'vi')).toEqual(['1% lên 3% → 3 %']);
    expect(read('Lãi suất giảm từ 6,5% xuống 5% trong quý.', 'vi')).toEqual(['6,5% xuống 5% → 5 %']);
    expect(read('Giá vàng ở mức 180,5–183,5 triệu đồng/lượng.', 'vi')).toEqual([
      '180,5–183,5 triệu đồng/lượng → 183500000 đồng/lượng',
    ]);
    // "lên" without "từ" is a verb, not a change of the number before it.
    expect(texts('Tăng 2% lên mức cao, đạt 5% sau đó.', 'vi')).toEqual(['2%', '5%']);
  });

  it('keeps the unit the page gives', () => {
    expect(read('Giá dầu Brent lên 85 USD/thùng sau phiên họp.', 'vi')).toEqual(['85 USD/thùng → 85 USD/thùng']);
  });

  it('drops counts of the steps and ways of a procedure', () => {
    expect(read('Thủ tục được rút gọn còn 2 bước và 3 hình thức nộp hồ sơ, cho 120 doanh nghiệp.', 'vi')).toEqual([
      '120 doanh nghiệp → 120 doanh nghiệp',
    ]);
    expect(texts('The form now takes 3 steps for 2,000 firms.', 'en')).toEqual(['2,000 firms']);
  });

  it('does not read "đồng tiền" (currencies) as an amount of đồng', () => {
    expect(
      scanFigures('Đồng USD tăng so với 6 đồng tiền chủ chốt khác.', 'vi').filter(
        (figure) => figure.kind === 'currency',
      ),
    ).toEqual([]);
  });

  it('centres the card snippet on the figure and gives its offsets to mark it', () => {
    const text =
      'Theo báo cáo của tổ chức xuất khẩu năng lượng công bố hôm qua tại hội nghị thường niên, Qatar tăng hơn 45% sản lượng khí đốt, trong khi Ả Rập Xê Út tăng 23% và Kuwait tăng 18% so với cùng kỳ năm trước theo số liệu của các cơ quan thống kê quốc gia.';
    const figures = figuresOf(text, 'vi');
    for (const figure of figures) {
      const context = figure.context!;
      expect(context.text.slice(context.start, context.end)).toBe(figure.text);
      expect(context.text.length).toBeLessThanOrEqual(124);
      // Centred: the figure sits away from both ends unless the sentence ends there.
      expect(context.start).toBeGreaterThan(20);
    }
    const eighteen = figures.find((figure) => figure.text === '18%')!.context!;
    expect(eighteen.text.startsWith('… ')).toBe(true);
    expect(eighteen.text).not.toContain('Theo báo cáo');
  });

  it('shows a short sentence whole', () => {
    const [figure] = figuresOf('Doanh thu đạt 549,9 tỷ đồng.', 'vi');
    expect(figure!.context).toEqual({ text: 'Doanh thu đạt 549,9 tỷ đồng.', start: 14, end: 27 });
  });
});
