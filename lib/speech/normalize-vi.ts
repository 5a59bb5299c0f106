/**
 * Vietnamese reading of numbers, dates, times and units, as a news reader says them.
 * Engines disagree here (espeak-ng reads "2/2" as "hai hai" and "tháng 4" as "tháng bốn"), so
 * everything numeric is spelled out before it reaches any voice.
 */

const DIGIT = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

function digit(d: number): string {
  return DIGIT[d] ?? '';
}

/** One group of three digits. `leading`: the first non-zero group, where "không trăm" is not said. */
function group(h: number, t: number, u: number, leading: boolean): string[] {
  const words: string[] = [];
  if (h > 0 || !leading) words.push(digit(h), 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (words.length > 0) words.push('linh');
      words.push(digit(u));
    }
  } else if (t === 1) {
    words.push('mười');
    if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digit(u));
  } else {
    words.push(digit(t), 'mươi');
    if (u === 1) words.push('mốt');
    else if (u === 4) words.push('tư');
    else if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digit(u));
  }
  return words;
}

const SCALES = ['', 'nghìn', 'triệu'] as const;

/** Up to nine digits; `leading` is false when a higher part (tỷ) was already read. */
function belowBillion(digits: string, leading: boolean): string[] {
  const padded = digits.padStart(Math.ceil(digits.length / 3) * 3, '0');
  const words: string[] = [];
  let first = leading;
  const groups = padded.length / 3;
  for (let g = 0; g < groups; g++) {
    const chunk = padded.slice(g * 3, g * 3 + 3);
    if (chunk === '000') continue;
    words.push(...group(Number(chunk[0]), Number(chunk[1]), Number(chunk[2]), first));
    const scale = SCALES[groups - 1 - g];
    if (scale) words.push(scale);
    first = false;
  }
  return words;
}

/** Reads a string of digits as a Vietnamese cardinal ("4142" → "bốn nghìn một trăm bốn mươi hai"). */
export function cardinalVi(digits: string): string {
  const trimmed = digits.replace(/^0+/, '');
  if (trimmed === '') return 'không';
  if (trimmed.length <= 9) return belowBillion(trimmed, true).join(' ');
  // Above a billion Vietnamese stacks "tỷ": 10^12 is "nghìn tỷ", 10^18 is "tỷ tỷ".
  const high = trimmed.slice(0, -9);
  const low = trimmed.slice(-9).replace(/^0+/, '');
  const words = [cardinalVi(high), 'tỷ'];
  if (low !== '') words.push(...belowBillion(low.padStart(9, '0'), false));
  return words.join(' ');
}

function digitsOneByOne(digits: string): string {
  return [...digits].map((d) => digit(Number(d))).join(' ');
}

/** Fraction digits after "phẩy": leading zeros one by one, then up to three digits as a number. */
function fraction(digits: string): string {
  const zeros = /^0*/.exec(digits)?.[0] ?? '';
  const rest = digits.slice(zeros.length);
  const words = [...zeros].map(() => 'không');
  if (rest.length > 0) words.push(rest.length <= 3 ? cardinalVi(rest) : digitsOneByOne(rest));
  return words.join(' ');
}

/**
 * Reads a number as written in Vietnamese text: "." groups thousands, "," is the decimal mark.
 * A "." that does not group thousands ("2.0") is read "chấm", as for versions.
 */
export function numberVi(token: string): string {
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(token)) {
    const [int = '', frac] = token.replace(/\./g, '').split(',');
    return frac === undefined ? cardinalVi(int) : `${cardinalVi(int)} phẩy ${fraction(frac)}`;
  }
  const comma = /^(\d+),(\d+)$/.exec(token);
  if (comma) return `${cardinalVi(comma[1] ?? '')} phẩy ${fraction(comma[2] ?? '')}`;
  const dot = /^(\d+)\.(\d+)$/.exec(token);
  if (dot) return `${cardinalVi(dot[1] ?? '')} chấm ${fraction(dot[2] ?? '')}`;
  // A written leading zero in a longer number is a code or a phone number, read digit by digit.
  if (/^0\d{2,}$/.test(token)) return digitsOneByOne(token);
  return cardinalVi(token);
}

/** Months and ordinals say "tư" for 4 ("tháng tư", "thứ tư"). */
function monthVi(m: number): string {
  return m === 4 ? 'tư' : cardinalVi(String(m));
}

function ordinalVi(n: number): string {
  if (n === 1) return 'nhất';
  if (n === 4) return 'tư';
  return cardinalVi(String(n));
}

function validDay(d: number): boolean {
  return d >= 1 && d <= 31;
}
function validMonth(m: number): boolean {
  return m >= 1 && m <= 12;
}

/** Start of a number: not glued to a word ("H2S", "QH14") nor to a code's hyphen ("Covid-19"). */
const B = String.raw`(?<![\p{L}\p{N}_.,/])(?<!\p{L}-)`;
/** End of a number: no further digit or letter, nor a separator going on with digits ("27.01.2022Mineral"). */
const E = String.raw`(?![\p{L}\p{N}]|[.,:]\d)`;
/** A number as written in Vietnamese text. */
const N = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;

const DATE_WORDS = String.raw`ngày|mùng|mồng`;

function date(prefix: string | undefined, d: number, m: number, y?: string): string {
  const head = prefix ?? 'ngày ';
  const year = y === undefined ? '' : ` năm ${cardinalVi(y)}`;
  return `${head}${cardinalVi(String(d))} tháng ${monthVi(m)}${year}`;
}

const UNITS: Record<string, string> = {
  '%': 'phần trăm',
  đ: 'đồng',
  '₫': 'đồng',
  VND: 'đồng',
  VNĐ: 'đồng',
  USD: 'đô la Mỹ',
  '€': 'ơ-rô',
  EUR: 'ơ-rô',
  'km/h': 'ki-lô-mét một giờ',
  'km²': 'ki-lô-mét vuông',
  km2: 'ki-lô-mét vuông',
  km: 'ki-lô-mét',
  kg: 'ki-lô-gam',
  'm²': 'mét vuông',
  m2: 'mét vuông',
  'm³': 'mét khối',
  m3: 'mét khối',
  cm: 'xăng-ti-mét',
  mm: 'mi-li-mét',
  m: 'mét',
  ha: 'héc-ta',
  '°C': 'độ C',
  kWh: 'ki-lô-oát giờ',
  kW: 'ki-lô-oát',
  MW: 'mê-ga-oát',
  GW: 'gi-ga-oát',
};
const UNIT_PATTERN = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  .join('|');

/** Words after which "d/m" is a share ("chiếm 1/3"), not a date. */
const FRACTION_WORDS = String.raw`chiếm|khoảng|gần|hơn|trên|dưới|còn|được|giảm|tăng`;

type Replacer = (match: string, ...groups: (string | undefined)[]) => string;

function withUnit(unit: string | undefined): string {
  const u = unit?.trim();
  return u ? ` ${UNITS[u] ?? u}` : '';
}

const RULES: ReadonlyArray<readonly [RegExp, Replacer]> = [
  // Telephone numbers: "(84) 24 382 55593", "+84 24 3825 5593", "0903.343.439".
  [
    new RegExp(
      String.raw`${B}(?:\+\d{1,3}|\(\d{1,4}\))(?:[ .\-/]?\d{2,5}){2,}${E}|${B}0\d{2,4}(?:[ .\-]\d{3,4}){1,3}${E}`,
      'gu',
    ),
    (m) => {
      const groups = m.split(/\D+/).filter(Boolean).map(digitsOneByOne).join(', ');
      return m.startsWith('+') ? `cộng ${groups}` : groups;
    },
  ],
  // Document numbers: "766/QĐ-TTg", "357/2025/NĐ-CP", "54/2019/QH14". The code stays as written.
  [
    new RegExp(String.raw`${B}(\d+)(?:\/(\d{4}))?\/(\p{Lu}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*)`, 'gu'),
    (_m, n = '', year, code = '') => `${cardinalVi(n)}${year ? ` năm ${cardinalVi(year)}` : ''} ${code}`,
  ],
  // Full dates: "7/3/2026", "ngày 04/9/2026", "16-07-2026", "16.07.2026".
  [
    new RegExp(String.raw`((?:${DATE_WORDS})\s+)?${B}(\d{1,2})([/.\-])(\d{1,2})\3(\d{4})${E}`, 'giu'),
    (m, prefix, d = '', _sep, mo = '', y = '') =>
      validDay(Number(d)) && validMonth(Number(mo)) ? date(prefix, Number(d), Number(mo), y) : m,
  ],
  // Month and year: "3/2026", "tháng 12/2025".
  [
    new RegExp(String.raw`(?<!\p{L})(tháng\s+)?${B}(\d{1,2})\/(\d{4})${E}`, 'giu'),
    (m, prefix, mo = '', y = '') =>
      validMonth(Number(mo)) ? `${prefix ?? 'tháng '}${monthVi(Number(mo))} năm ${cardinalVi(y)}` : m,
  ],
  // Shares: "chiếm 1/3" → "một phần ba".
  [
    new RegExp(String.raw`(?<!\p{L})((?:${FRACTION_WORDS})\s+)(\d+)\/(\d+)${E}`, 'giu'),
    (_m, prefix = '', a = '', b = '') => `${prefix}${cardinalVi(a)} phần ${cardinalVi(b)}`,
  ],
  // "24/7" is round the clock, not the 24th of July.
  [new RegExp(String.raw`${B}24\/7${E}`, 'gu'), () => 'hai mươi tư trên bảy'],
  // Day and month: "2/2", "ngày 16/7".
  [
    new RegExp(String.raw`(?<!\p{L})((?:${DATE_WORDS})\s+)?${B}(\d{1,2})\/(\d{1,2})(?![\p{L}\p{N}/]|[.,]\d)`, 'giu'),
    (m, prefix, d = '', mo = '') =>
      validDay(Number(d)) && validMonth(Number(mo)) ? date(prefix, Number(d), Number(mo)) : m,
  ],
  // Day and month with a hyphen, only after a word that announces a date: "dịp 8-3", "sáng 6-3".
  [
    new RegExp(
      String.raw`(?<!\p{L})((?:ngày|dịp|lễ|sáng|chiều|tối|trưa|đêm|hôm|mùng|mồng)\s+)(\d{1,2})-(\d{1,2})(?![\p{L}\p{N}\-]|[.,]\d)`,
      'giu',
    ),
    (m, prefix = '', d = '', mo = '') =>
      validDay(Number(d)) && validMonth(Number(mo)) ? `${prefix}${cardinalVi(d)} tháng ${monthVi(Number(mo))}` : m,
  ],
  // Clock times: "13:30", "17:17", "13h30", "8h".
  [
    new RegExp(String.raw`${B}(\d{1,2})(?::(\d{2})|h(\d{2})?)${E}`, 'gu'),
    (m, h = '', mm1, mm2) => {
      const minutes = mm1 ?? mm2;
      if (Number(h) > 24 || (minutes !== undefined && Number(minutes) > 59)) return m;
      const tail = minutes === undefined || Number(minutes) === 0 ? '' : ` ${cardinalVi(minutes)}`;
      return `${cardinalVi(h)} giờ${tail}`;
    },
  ],
  // Ranges "20–45%", "3 - 4 lần", "2020 - 2024"; a falling pair joined by "-" is a score ("1-0").
  [
    new RegExp(
      String.raw`${B}(${N})(\s?(?:${UNIT_PATTERN}))?(\s*[–—]\s*|\s*-\s*)(${N})(\s?(?:${UNIT_PATTERN}))?(?![\p{L}\p{N}\-/]|[.,]\d)`,
      'gu',
    ),
    (_m, a = '', unitA, dash = '', b = '', unitB) => {
      const first = `${numberVi(a)}${withUnit(unitA)}`;
      const second = `${numberVi(b)}${withUnit(unitB)}`;
      const falling = dash.trim() === '-' && unitA === undefined && parseVi(a) > parseVi(b);
      return falling ? `${first} ${second}` : `${first} đến ${second}`;
    },
  ],
  // Ordinals: "thứ 7" → "thứ bảy", "thứ 4" → "thứ tư", "thứ 1" → "thứ nhất"; not a rank "thứ 6/63".
  [
    new RegExp(String.raw`(?<!\p{L})(thứ\s+)(\d{1,2})(?![\p{L}\p{N}/]|[.,]\d)`, 'giu'),
    (_m, w = '', n = '') => `${w}${ordinalVi(Number(n))}`,
  ],
  // Roman numerals after the words that take them: "khóa XV", "quý II/2026", "Đại hội XIII".
  [
    new RegExp(
      String.raw`(?<!\p{L})((?:quý|khóa|khoá|kỳ|thế kỷ|Đại hội|phần|chương|mục)\s+)([IVX]+)(?:\/(\d{4}))?(?![\p{L}\p{N}])`,
      'giu',
    ),
    (m, w = '', roman = '', year) => {
      const n = romanValue(roman);
      if (n === null) return m;
      return `${w}${cardinalVi(String(n))}${year ? ` năm ${cardinalVi(year)}` : ''}`;
    },
  ],
  // A month named by its number: "tháng 4" → "tháng tư".
  [
    new RegExp(String.raw`(?<!\p{L})(tháng\s+)(\d{1,2})${E}`, 'giu'),
    (m, w = '', n = '') => (validMonth(Number(n)) ? `${w}${monthVi(Number(n))}` : m),
  ],
  // Currency written before the number: "$5".
  [new RegExp(String.raw`\$\s?(${N})${E}`, 'gu'), (_m, n = '') => `${numberVi(n)} đô la`],
  // Number and unit: "78,7%", "5000đ", "100 USD", "45 km".
  [
    new RegExp(String.raw`${B}(${N})(\s?(?:${UNIT_PATTERN}))(?![\p{L}\p{N}])`, 'gu'),
    (_m, n = '', unit) => `${numberVi(n)}${withUnit(unit)}`,
  ],
  // A price per thing: "500 triệu đồng/năm" → "đồng mỗi năm".
  [/(đồng|đô la Mỹ|đô la|ơ-rô)\s?\/\s?(?=\p{L})/gu, (_m, unit = '') => `${unit} mỗi `],
  // Remaining pairs "78,7/100" are read "trên".
  [new RegExp(String.raw`${B}(${N})\/(${N})${E}`, 'gu'), (_m, a = '', b = '') => `${numberVi(a)} trên ${numberVi(b)}`],
  [new RegExp(String.raw`${B}(${N})${E}`, 'gu'), (_m, n = '') => numberVi(n)],
];

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

/** Value of a Roman numeral up to XXXIX (L and C are more often letters: "phần C"), or null ("IIX"). */
function romanValue(roman: string): number | null {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = ROMAN[roman[i] ?? ''] ?? 0;
    const next = ROMAN[roman[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && toRoman(total) === roman ? total : null;
}

function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** Numeric value of a token, for comparing the ends of a range. */
function parseVi(token: string): number {
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(token)) return Number(token.replace(/\./g, '').replace(',', '.'));
  return Number(token.replace(',', '.'));
}

export function normalizeVi(text: string): string {
  let out = text;
  for (const [pattern, replace] of RULES) out = out.replace(pattern, replace);
  return out;
}
