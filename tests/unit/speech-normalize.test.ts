import { describe, expect, it } from 'vitest';
import { speakable } from '../../lib/speech/normalize';
import { cardinalVi } from '../../lib/speech/normalize-vi';
import { cardinalDe } from '../../lib/speech/normalize-de';
import { cardinalEn, ordinalEn } from '../../lib/speech/normalize-en';

describe('Vietnamese number reading rules', () => {
  it.each([
    ['0', 'không'],
    ['5', 'năm'],
    ['10', 'mười'],
    ['11', 'mười một'], // "một" after mười, "mốt" only after mươi
    ['14', 'mười bốn'], // "tư" only after mươi
    ['15', 'mười lăm'],
    ['20', 'hai mươi'],
    ['21', 'hai mươi mốt'],
    ['24', 'hai mươi tư'],
    ['25', 'hai mươi lăm'],
    ['101', 'một trăm linh một'],
    ['105', 'một trăm linh năm'],
    ['110', 'một trăm mười'],
    ['1001', 'một nghìn không trăm linh một'],
    ['1010', 'một nghìn không trăm mười'],
    ['2026', 'hai nghìn không trăm hai mươi sáu'],
    ['4142', 'bốn nghìn một trăm bốn mươi hai'],
    ['1000005', 'một triệu không trăm linh năm'],
    ['75000000', 'bảy mươi lăm triệu'],
    ['1000000000', 'một tỷ'],
    ['1000000000000', 'một nghìn tỷ'],
    ['2500000000000', 'hai nghìn năm trăm tỷ'],
    ['007', 'bảy'],
  ])('%s → %s', (digits, words) => {
    expect(cardinalVi(digits)).toBe(words);
  });
});

describe('speakable, Vietnamese', () => {
  it.each([
    ['4.142 nhiệm vụ', 'bốn nghìn một trăm bốn mươi hai nhiệm vụ'],
    ['78,7%', 'bảy mươi tám phẩy bảy phần trăm'],
    ['549,9 tỷ đồng', 'năm trăm bốn mươi chín phẩy chín tỷ đồng'],
    ['1,5 tỷ đồng', 'một phẩy năm tỷ đồng'],
    ['0,611%', 'không phẩy sáu trăm mười một phần trăm'],
    ['0,05', 'không phẩy không năm'],
    ['75.000.000 đồng', 'bảy mươi lăm triệu đồng'],
    ['20–45%', 'hai mươi đến bốn mươi lăm phần trăm'],
    ['20%–45%', 'hai mươi phần trăm đến bốn mươi lăm phần trăm'],
    ['từ 3 - 4 lần', 'từ ba đến bốn lần'],
    ['7-10 ngày', 'bảy đến mười ngày'],
    ['giai đoạn 2020 - 2024', 'giai đoạn hai nghìn không trăm hai mươi đến hai nghìn không trăm hai mươi tư'],
    ['Argentina 1-0', 'Argentina một không'],
    // Dates
    ['Chiều 2/2, Ban Chỉ đạo họp', 'Chiều ngày hai tháng hai, Ban Chỉ đạo họp'],
    ['Ngày 16/7, Quốc hội', 'Ngày mười sáu tháng bảy, Quốc hội'],
    ['7/3/2026', 'ngày bảy tháng ba năm hai nghìn không trăm hai mươi sáu'],
    ['có hiệu lực từ ngày 04/9/2026.', 'có hiệu lực từ ngày bốn tháng chín năm hai nghìn không trăm hai mươi sáu.'],
    ['ngày 4/4', 'ngày bốn tháng tư'],
    ['Tháng 3/2026 có', 'Tháng ba năm hai nghìn không trăm hai mươi sáu có'],
    ['12/2025', 'tháng mười hai năm hai nghìn không trăm hai mươi lăm'],
    ['dịp 8-3', 'dịp tám tháng ba'],
    ['tháng 4 năm nay', 'tháng tư năm nay'],
    ['16/07/2026 17:17', 'ngày mười sáu tháng bảy năm hai nghìn không trăm hai mươi sáu mười bảy giờ mười bảy'],
    ['lúc 13h30', 'lúc mười ba giờ ba mươi'],
    ['8h sáng', 'tám giờ sáng'],
    // Document numbers are not dates
    ['Quyết định 766/QĐ-TTg', 'Quyết định bảy trăm sáu mươi sáu QĐ-TTg'],
    ['Nghị định số 357/2025/NĐ-CP', 'Nghị định số ba trăm năm mươi bảy năm hai nghìn không trăm hai mươi lăm NĐ-CP'],
    ['Luật 54/2019/QH14', 'Luật năm mươi tư năm hai nghìn không trăm mười chín QH14'],
    ['Giấy phép 20/GP-BVHTTDL', 'Giấy phép hai mươi GP-BVHTTDL'],
    // Shares, scores, ratios
    ['78,7/100 điểm', 'bảy mươi tám phẩy bảy trên một trăm điểm'],
    ['chiếm 1/3', 'chiếm một phần ba'],
    ['phục vụ 24/7', 'phục vụ hai mươi tư trên bảy'],
    // Units and prices
    ['5000đ', 'năm nghìn đồng'],
    ['3.000 đồng/cổ phiếu', 'ba nghìn đồng mỗi cổ phiếu'],
    ['500 triệu đồng/năm', 'năm trăm triệu đồng mỗi năm'],
    ['100 USD', 'một trăm đô la Mỹ'],
    ['45 km', 'bốn mươi lăm ki-lô-mét'],
    // Ordinals and codes
    ['phiên họp thứ 7', 'phiên họp thứ bảy'],
    ['thứ 4', 'thứ tư'],
    ['lần thứ 1', 'lần thứ nhất'],
    ['khí H2S', 'khí H2S'],
    ['Covid-19', 'Covid-19'],
    ['09 tháng', 'chín tháng'],
    ['phiên bản 2.0', 'phiên bản hai chấm không'],
    // Telephone numbers digit by digit
    ['0903.343.439', 'không chín không ba, ba bốn ba, bốn ba chín'],
    ['(84) 24 382 55593', 'tám bốn, hai bốn, ba tám hai, năm năm năm chín ba'],
    // No numbers: unchanged
    ['Thủ tướng Chính phủ chủ trì.', 'Thủ tướng Chính phủ chủ trì.'],
  ])('%s', (text, spoken) => {
    expect(speakable(text, 'vi')).toBe(spoken);
  });

  it('does not say "ngày" twice when the text already has it', () => {
    expect(speakable('ngày 2/2', 'vi')).toBe('ngày hai tháng hai');
    expect(speakable('mùng 2/9', 'vi')).toBe('mùng hai tháng chín');
  });

  it('leaves an impossible date alone as a ratio', () => {
    expect(speakable('32/13', 'vi')).toBe('ba mươi hai trên mười ba');
  });

  it('reads NFD text and soft hyphens like their clean form', () => {
    expect(speakable('4.142 nhi\u00ADệm vụ'.normalize('NFD'), 'vi-VN')).toBe(
      'bốn nghìn một trăm bốn mươi hai nhiệm vụ',
    );
  });
});

describe('speakable, English', () => {
  it.each([
    ['1,234.5', 'one thousand two hundred thirty-four point five'],
    ['45%', 'forty-five percent'],
    ['.07%', 'point zero seven percent'],
    ['1,500 participants', 'one thousand five hundred participants'],
    ['$70,000', 'seventy thousand dollars'],
    ['$1', 'one dollar'],
    ['$4.5 Million', 'four point five million dollars'],
    ['£4,230', 'four thousand two hundred thirty pounds'],
    ['April 26, 2022', 'April twenty-sixth, twenty twenty-two'],
    ['June 13 to 17', 'June thirteenth to seventeenth'],
    ['26 April 2022', 'the twenty-sixth of April twenty twenty-two'],
    ['4/26/2022', 'April twenty-sixth, twenty twenty-two'],
    ['in 1958 and 2005', 'in nineteen fifty-eight and two thousand five'],
    ['1600 Pennsylvania Ave', 'sixteen hundred Pennsylvania Ave'],
    ['5000 people', 'five thousand people'],
    ['20th Century', 'twentieth Century'],
    ['21st Century', 'twenty-first Century'],
    ['20–45%', 'twenty to forty-five percent'],
    ['1990-1995', 'nineteen ninety to nineteen ninety-five'],
    ['an 18-week course', 'an eighteen-week course'],
    ['10:30 a.m.', 'ten thirty a.m.'],
    ['9:05', 'nine oh five'],
    ['12:00', "twelve o'clock"],
    ['926-3590-4', 'nine two six, three five nine zero, four'],
    ['COVID-19 and G20', 'COVID-19 and G20'],
  ])('%s', (text, spoken) => {
    expect(speakable(text, 'en')).toBe(spoken);
  });

  it.each([
    ['1', 'one', 'first'],
    ['12', 'twelve', 'twelfth'],
    ['40', 'forty', 'fortieth'],
    ['103', 'one hundred three', 'one hundred third'],
    ['1000001', 'one million one', 'one million first'],
  ])('%s → %s / %s', (digits, cardinal, ordinal) => {
    expect(cardinalEn(digits)).toBe(cardinal);
    expect(ordinalEn(digits)).toBe(ordinal);
  });
});

describe('speakable, German', () => {
  it.each([
    ['1.234,5', 'eintausendzweihundertvierunddreißig Komma fünf'],
    ['45 %', 'fünfundvierzig Prozent'],
    ['13,6\u00A0%', 'dreizehn Komma sechs Prozent'],
    ['2,3%', 'zwei Komma drei Prozent'],
    ['20–45 %', 'zwanzig bis fünfundvierzig Prozent'],
    ['10.167 Anträge', 'zehntausendeinhundertsiebenundsechzig Anträge'],
    ['1.437.800 Euro', 'eine Million vierhundertsiebenunddreißigtausendachthundert Euro'],
    ['431,42 Euro', 'vierhunderteinunddreißig Komma vier zwei Euro'],
    ['1,2 Milliarden Euro', 'eins Komma zwei Milliarden Euro'],
    ['3,3 Mio. Euro', 'drei Komma drei Millionen Euro'],
    ['1 Million', 'eine Million'],
    ['1 Euro', 'ein Euro'],
    ['€ 5', 'fünf Euro'],
    ['Berlin, 27.01.2022', 'Berlin, siebenundzwanzigster Januar zweitausendzweiundzwanzig'],
    ['am 26. Januar 2022', 'am sechsundzwanzigsten Januar zweitausendzweiundzwanzig'],
    ['der 3. Oktober', 'der dritte Oktober'],
    ['am 26. und 27. Januar', 'am sechsundzwanzigsten und siebenundzwanzigsten Januar'],
    ['26. Jan. 2022', 'sechsundzwanzigster Januar zweitausendzweiundzwanzig'],
    ['bis 30. April.', 'bis dreißigsten April.'],
    ['8. Mai 1945', 'achter Mai neunzehnhundertfünfundvierzig'],
    ['1996 wurde', 'neunzehnhundertsechsundneunzig wurde'],
    ['1500 Zeichen', 'eintausendfünfhundert Zeichen'],
    ['im Jahr 1945 Soldaten', 'im Jahr neunzehnhundertfünfundvierzig Soldaten'],
    ['2020/21', 'zweitausendzwanzig einundzwanzig'],
    ['13:30 Uhr', 'dreizehn Uhr dreißig'],
    ['13.30 Uhr', 'dreizehn Uhr dreißig'],
    ['2:1 gewonnen', 'zwei zu eins gewonnen'],
    ['+49 331 866-7011', 'plus vier neun, drei drei eins, acht sechs sechs, sieben null eins eins'],
    ['§ 3', 'Paragraf drei'],
    ['Covid-19 und SDG 2', 'Covid-19 und SDG zwei'],
  ])('%s', (text, spoken) => {
    expect(speakable(text, 'de')).toBe(spoken);
  });

  it.each([
    ['1', 'eins'],
    ['21', 'einundzwanzig'],
    ['101', 'einhunderteins'],
    ['1000', 'eintausend'],
    ['2000000', 'zwei Millionen'],
    ['1000001', 'eine Million eins'],
  ])('%s → %s', (digits, words) => {
    expect(cardinalDe(digits)).toBe(words);
  });
});

describe('speakable, other languages', () => {
  it('only cleans invisible characters and odd spaces', () => {
    expect(speakable('12\u00A0345 habi\u00ADtants', 'fr')).toBe('12 345 habitants');
  });
});
