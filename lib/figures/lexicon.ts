/**
 * Word lists the figure scanner consults. Every list is a closed class (function words, months,
 * units, magnitudes): open-class nouns are never listed, they are recognised by shape and position.
 * All entries are lower case NFC; callers look words up with `lower()`.
 */

import { allMonthWords } from '../lang';

export type UnitKind = 'currency' | 'percent' | 'measure' | 'count' | 'time' | 'none';

/** Lower-cased NFC, the form every list below is written in. */
export function lower(word: string): string {
  return word.normalize('NFC').toLowerCase();
}

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s*\|\s*/).map(lower));

/** Number formats: English (and East Asian) pages write 4,142.5; most others 4.142,5. */
const DOT_DECIMAL = new Set(['en', 'zh', 'ja', 'ko', 'th', 'he', 'hi', 'ms', 'fil', 'tl']);
export function decimalSeparator(lang: string): '.' | ',' {
  return DOT_DECIMAL.has(lang) ? '.' : ',';
}

/** Magnitude words multiply the number before them ("549,9 tỷ", "1,2 Milliarden", "$4.5 billion"). */
export const MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ['nghìn', 1e3],
  ['ngàn', 1e3],
  ['triệu', 1e6],
  ['tỷ', 1e9],
  ['tỉ', 1e9],
  ['tausend', 1e3],
  ['mio', 1e6],
  ['million', 1e6],
  ['millionen', 1e6],
  ['mrd', 1e9],
  ['milliarde', 1e9],
  ['milliarden', 1e9],
  ['thousand', 1e3],
  ['millions', 1e6],
  ['billion', 1e9],
  ['billions', 1e9],
  ['trillion', 1e12],
  ['bn', 1e9],
]);
/** German "Billion" is 10^12, English "billion" 10^9. */
export const GERMAN_MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ['billion', 1e12],
  ['billionen', 1e12],
]);

/** Currency words and signs, mapped to the one name a reader (and the labels) use for them. */
export const CURRENCIES: ReadonlyMap<string, string> = new Map([
  ['đồng', 'đồng'],
  ['đ', 'đồng'],
  ['vnđ', 'đồng'],
  ['vnd', 'đồng'],
  ['$', 'USD'],
  ['usd', 'USD'],
  ['us$', 'USD'],
  ['dollar', 'USD'],
  ['dollars', 'USD'],
  ['us-dollar', 'USD'],
  ['đô la', 'USD'],
  ['đô la mỹ', 'USD'],
  ['us dollars', 'USD'],
  ['€', 'Euro'],
  ['euro', 'Euro'],
  ['euros', 'Euro'],
  ['eur', 'Euro'],
  ['£', 'GBP'],
  ['gbp', 'GBP'],
  ['¥', 'JPY'],
  ['jpy', 'JPY'],
  ['cny', 'CNY'],
  ['nhân dân tệ', 'CNY'],
  ['chf', 'CHF'],
  ['franken', 'CHF'],
  ['cent', 'Cent'],
  ['cents', 'Cent'],
]);
export const CURRENCY_SIGNS = '$€£¥';

/** Words meaning "per cent": reported as "%" so the same quantity reads the same in every language. */
export const PERCENT_WORDS = set('prozent | percent | phần trăm | vh');

/** Units of measure: a number followed by one of these is a measurement, never a count of things. */
export const MEASURES = set(
  't | kg | g | mg | km | m | cm | mm | ha | km² | km2 | m² | m2 | m³ | m3 | l | ml | mw | gw | kw | kwh | mwh | gwh | twh | ' +
    'tấn | tạ | lít | mét | héc-ta | hécta | tonne | tonnen | tonnes | tons | ton | liter | litres | liters | meter | metres | ' +
    'meters | kilometer | kilometres | kilometers | kilometern | miles | mile | acres | hektar | barrel | gigawatt | megawatt | ' +
    '°c | grad | độ | prozentpunkte | prozentpunkt | percentage points | điểm phần trăm',
);
/**
 * Units that can be written glued to the number ("5000đ", "12km"), case as written: others glued
 * are ids ("4G", "20th", "10h30").
 */
export const GLUED_UNITS: ReadonlySet<string> = new Set([
  'đ',
  'km',
  'kg',
  'g',
  'mg',
  'ha',
  'm',
  'cm',
  'mm',
  'm2',
  'm²',
  'm3',
  'm³',
  't',
  'MW',
  'GW',
  'kW',
  'kWh',
  'l',
  'ml',
]);
/** "k" glued to a number is the informal thousand ("50k"); after a currency sign so are "m" and "bn" ("$4.5m"). */
export const GLUED_MAGNITUDES: ReadonlyMap<string, number> = new Map([['k', 1e3]]);
export const GLUED_MONEY_MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['m', 1e6],
  ['mn', 1e6],
  ['bn', 1e9],
  ['b', 1e9],
]);

/** Spans of time: real figures ("09 tháng", "77 Jahre"), but usually less central than amounts. */
export const TIME_UNITS = set(
  'năm | tháng | tuần | ngày | giờ | phút | giây | quý | tuổi | thập kỷ | thế kỷ | ' +
    'jahr | jahre | jahren | jahres | monat | monate | monaten | woche | wochen | tag | tage | tagen | stunde | stunden | ' +
    'minute | minuten | sekunde | sekunden | jahrzehnt | jahrzehnte | ' +
    'year | years | month | months | week | weeks | day | days | hour | hours | minute | minutes | second | seconds | ' +
    'decade | decades',
);
/** "13 Uhr" is a time of day, not a quantity ("lúc 9 giờ" is caught by "lúc", "5 p.m." by the scanner). */
export const CLOCK_WORDS = set('uhr');

/** Multipliers ("tăng 5 lần", "3 times") count like nouns. */
export const MULTIPLIERS = set('lần | times | mal | fach');

/** Month names: a number next to one is part of a date ("April 26", "26. Januar", "November 2021"). */
export const MONTHS: ReadonlySet<string> = new Set(allMonthWords().map(lower));
/** Vietnamese words that make the number after them a date, a year or a clock time ("ngày 16/7", "năm 2023", "tháng 3"). */
const DATE_WORDS_VI = set('ngày | tháng | năm | quý | lúc | hồi | đêm | sáng | trưa | chiều | tối | mùng | mồng');
const DATE_WORDS_DE = set('jahr | jahres | jahrgang | jahrgangs | anno');
const DATE_WORDS_EN = set('year | anno | fy');

/**
 * Words after which a number is a label, an ordinal or an address, not an amount:
 * "phiên họp thứ 7", "khoản 3 Điều 12", "phút 106", "Nr. 5", "Section 8".
 */
const ID_WORDS_VI = set(
  'thứ | số | khoản | điều | điểm | mục | chương | phần | hiệp | phút | mã | tổ | khóa | khoá | kỳ | quận | phường | lô | tầng | ' +
    'phòng | câu | bài | trang | hạng | top | tuyến | kênh | đường | hẻm | ngõ | ngách | xóm | ấp | khu',
);
const ID_WORDS_DE = set(
  'nr | nummer | artikel | art | absatz | abs | paragraf | paragraph | seite | s | kapitel | ziffer | platz | stufe | phase | teil | band | heft | ausgabe | top',
);
const ID_WORDS_EN = set(
  'no | number | article | section | chapter | page | pages | room | route | apt | suite | highway | interstate | vol | volume | phase | part | step | level | grade | top | issue | version',
);

export function dateWords(lang: string): ReadonlySet<string> {
  return lang === 'vi' ? DATE_WORDS_VI : lang === 'de' ? DATE_WORDS_DE : DATE_WORDS_EN;
}
export function idWords(lang: string): ReadonlySet<string> {
  return lang === 'vi' ? ID_WORDS_VI : lang === 'de' ? ID_WORDS_DE : ID_WORDS_EN;
}

/**
 * Vietnamese syllables that end a counted noun: function words, copulas, prepositions, common verbs
 * of reporting. A noun phrase after a number runs until one of these ("4.142 nhiệm vụ | được giao").
 */
export const STOP_VI = set(
  'được | của | và | đã | là | trên | dưới | trong | ngoài | với | cho | để | do | bởi | tại | từ | đến | tới | theo | về | so | ' +
    'như | có | không | chưa | này | đó | kia | nay | các | những | mỗi | một | thì | mà | nên | nhưng | hoặc | hay | cũng | ' +
    'vẫn | đang | sẽ | vừa | mới | rồi | bị | khi | nếu | sau | trước | gồm | bao | thuộc | ở | vào | ra | lên | xuống | qua | ' +
    'nữa | trở | còn | đều | chỉ | rất | khoảng | gần | hơn | nhất | cả | hết | tăng | giảm | đạt | lại | thêm | nào | ấy | ' +
    'bằng | cùng | giữa | sang | phải | cần | đi | làm | thành | vượt | kể | đây | gì | ai | tương | tức | gấp | trừ | ngay | ' +
    'nhằm | vì | tuy | dù | song | lẫn | kèm | hiện | đầu | cuối | liên',
);
/** Vietnamese compounds that begin with a stop syllable but are nouns or noun modifiers ("người theo dõi"). */
export const COMPOUNDS_VI = set(
  'theo dõi | có mặt | đầu tư | đầu mối | liên doanh | liên kết | liên minh | hiện vật | ra đời',
);
/** "đồng" before one of these is not the currency ("đồng chí" comrade, "đồng thời" at the same time). */
export const NOT_CURRENCY_AFTER_DONG = set(
  'chí | thời | ý | nghiệp | hồ | bào | đội | tình | loạt | minh | phục | ruộng | bằng | hành | hương | thuận | nhất | tâm | bộ | sáng | tiền',
);
/**
 * Vietnamese classifiers and collective nouns: they head a phrase and take the noun after them
 * ("57 nhóm nhiệm vụ", "5,8 triệu người theo dõi"), so the phrase runs one word longer.
 */
export const CLASSIFIERS_VI = set(
  'người | nhóm | con | cái | chiếc | bộ | căn | ngôi | đoàn | loại | gói | đợt | cuộc | bản | tờ | quyển | cuốn | tấm | ' +
    'bức | trận | vụ | lượt | hộ | cặp | đôi | lô | chuyến | suất | khối | dãy | phiên | ca | cơ sở | tổ chức',
);
/**
 * Steps and ways of a procedure ("rút gọn còn 2 bước", "3 hình thức nộp hồ sơ", "in 3 Schritten"):
 * how a thing is done, not how much of it there is, so never a key figure.
 */
export const PROCEDURE_NOUNS: readonly string[] = [
  ...set(
    'bước | hình thức | phương thức | cách thức | công đoạn | thao tác | khâu | step | steps | way | ways | schritt | schritte | schritten | stufen',
  ),
];

/**
 * Single syllables that are a whole counted noun by themselves ("9 tỉnh miền núi", "20 bông dao động"):
 * units of administration and of sale that rarely start a longer word. ("trường" or "nước" do: "trường hợp".)
 */
export const WHOLE_NOUNS_VI = set('tỉnh | huyện | xã | phường | thôn | làng | show | bông | bó | ly | cốc');
/** "cấp X" after a counted noun names its level and belongs to it ("397 UBND cấp huyện"). */
export const LEVEL_WORD_VI = 'cấp';

/** German function words that can be capitalised at a sentence start but never name what is counted. */
export const STOP_DE = set(
  'der | die | das | den | dem | des | ein | eine | einer | eines | einem | einen | und | oder | aber | mit | von | vom | zu | ' +
    'zum | zur | in | im | an | am | auf | aus | bei | für | über | unter | nach | vor | seit | bis | um | pro | je | als | ' +
    'wie | sowie | sind | ist | war | waren | wurde | wurden | werden | hat | haben | sich | es | sie | er | wir | ich | nicht | ' +
    'auch | noch | mehr | weniger | rund | etwa | fast | knapp | insgesamt | davon | dabei | dort | hier | so | damit',
);
/** English function words: a count is never named by one ("25% more", "1,500 of them"). */
export const STOP_EN = set(
  'a | an | the | and | or | but | of | to | in | on | at | by | for | from | with | as | than | that | which | who | is | are | ' +
    'was | were | be | been | being | will | would | can | could | should | may | might | must | more | less | fewer | per | ' +
    'each | this | these | those | it | its | their | his | her | our | your | my | up | down | out | over | under | into | ' +
    'onto | about | since | until | ago | so | if | when | while | also | only | just | still | already | have | has | had | ' +
    'do | does | did | not | no | yes | all | some | any | most | much | many | such | other | another | same | both | ' +
    'either | neither | every | through | during | after | before | between | among | against | around | across | off | ' +
    'there | here | then | now | we | you | they | he | she | i | me | us | them | him | what | where | how | why | whom',
);
/** English adjectives that sit between a number and its noun and belong to the count ("1,500 new jobs"). */
export const PREMODIFIERS_EN = set(
  'new | additional | extra | young | old | local | foreign | small | large | major | full-time | part-time | active | ' +
    'registered | eligible | international | total',
);

/** Connectors between the two ends of a range ("10 - 20%", "từ 32 đến 46 tuổi") or a change ("von 91,5 auf 89,4"). */
export const RANGE_CONNECTORS = set('- | – | — | to | bis | đến | tới | auf | lên | xuống | and | und');
/** Connectors of a change rather than a range: the second number may be the smaller ("von 91,5 auf 89,4", "từ 3% xuống 1%"). */
export const CHANGE_CONNECTORS = set('auf | lên | xuống');
/**
 * Connectors that only join numbers after their opener: "von X auf Y" is a change, but "um 2,3%
 * auf 89,4" is two figures; "and" joins only after "between" ("between 20 and 30 percent").
 */
export const OPENER_FOR: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['auf', set('von')],
  ['lên', set('từ')],
  ['xuống', set('từ')],
  ['and', set('between')],
  ['und', set('zwischen')],
]);
