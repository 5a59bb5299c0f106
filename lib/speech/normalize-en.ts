/** English reading of numbers, years, dates, times, money and percentages ("1,234.5", "$4.5 Million"). */
import { en } from '../lang/en';

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
] as const;
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;
const SCALES = ['', 'thousand', 'million', 'billion', 'trillion', 'quadrillion'] as const;

function belowHundred(n: number): string {
  if (n < 20) return ONES[n] ?? '';
  const unit = n % 10;
  const tens = TENS[Math.floor(n / 10)] ?? '';
  return unit === 0 ? tens : `${tens}-${ONES[unit] ?? ''}`;
}

function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (hundreds > 0) words.push(ONES[hundreds] ?? '', 'hundred');
  if (rest > 0) words.push(belowHundred(rest));
  return words.join(' ');
}

/** American cardinal, without "and": "1234" → "one thousand two hundred thirty-four". */
export function cardinalEn(digits: string): string {
  const trimmed = digits.replace(/^0+/, '');
  if (trimmed === '') return 'zero';
  const padded = trimmed.padStart(Math.ceil(trimmed.length / 3) * 3, '0');
  const groups = padded.length / 3;
  if (groups > SCALES.length) return digitsOneByOne(trimmed);
  const words: string[] = [];
  for (let g = 0; g < groups; g++) {
    const value = Number(padded.slice(g * 3, g * 3 + 3));
    if (value === 0) continue;
    words.push(belowThousand(value));
    const scale = SCALES[groups - 1 - g];
    if (scale) words.push(scale);
  }
  return words.join(' ');
}

function digitsOneByOne(digits: string): string {
  return [...digits].map((d) => ONES[Number(d)] ?? d).join(' ');
}

const ORDINAL_WORDS: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** "21" → "twenty-first", "100" → "one hundredth". */
export function ordinalEn(digits: string): string {
  const words = cardinalEn(digits);
  return words.replace(/([a-z]+)$/, (last) => {
    const irregular = ORDINAL_WORDS[last];
    if (irregular) return irregular;
    if (last.endsWith('y')) return `${last.slice(0, -1)}ieth`;
    return `${last}th`;
  });
}

/** Years the way they are said: 1958 "nineteen fifty-eight", 2005 "two thousand five", 2015 "twenty fifteen". */
function yearEn(y: number): string {
  const high = Math.floor(y / 100);
  const low = y % 100;
  if (y >= 2000 && y < 2010) return cardinalEn(String(y));
  if (low === 0) return `${belowHundred(high)} hundred`;
  return `${belowHundred(high)} ${low < 10 ? `oh ${ONES[low] ?? ''}` : belowHundred(low)}`;
}

/** "1,234.5" → words; "0.07" → "zero point zero seven"; ".07" → "point zero seven". */
export function numberEn(token: string): string {
  const [int = '', frac] = token.replace(/,/g, '').split('.');
  const whole = int === '' ? '' : cardinalEn(int);
  if (frac === undefined) return whole;
  return `${whole}${whole ? ' ' : ''}point ${digitsOneByOne(frac)}`;
}

const MONTH_PATTERN = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;

function monthName(written: string): string {
  const key = written.slice(0, 3).toLowerCase();
  return en.months.find((m) => m.slice(0, 3).toLowerCase() === key) ?? written;
}

const CURRENCY: Record<string, readonly [string, string]> = {
  $: ['dollar', 'dollars'],
  '£': ['pound', 'pounds'],
  '€': ['euro', 'euros'],
  '¥': ['yen', 'yen'],
};

/** Start of a number: not glued to a word ("G20", "COVID-19"). */
const B = String.raw`(?<![\p{L}\p{N}_,/])(?<!\p{L}-)(?<!\d\.)`;
const E = String.raw`(?![\p{L}\p{N}]|[.,:]\d)`;
const N = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;

function plainValue(token: string): number {
  return Number(token.replace(/,/g, ''));
}

type Replacer = (match: string, ...groups: (string | undefined)[]) => string;

const RULES: ReadonlyArray<readonly [RegExp, Replacer]> = [
  // Telephone numbers: "(876) 926-3590", "+1 876 926 3590", "926-3590-4".
  [
    new RegExp(
      String.raw`${B}(?:\+\d{1,3}[ .\-]?)?(?:\(\d{3}\)[ .\-]?)?\d{3}[ .\-]\d{4}(?:-\d{1,4})?${E}|${B}\+\d{1,3}(?:[ .\-]\d{2,5}){2,}${E}`,
      'gu',
    ),
    (m) => {
      const groups = m.split(/\D+/).filter(Boolean).map(digitsOneByOne).join(', ');
      return m.startsWith('+') ? `plus ${groups}` : groups;
    },
  ],
  // "April 26, 2022", "June 13 to 17", "Jan. 5".
  [
    new RegExp(
      String.raw`\b(${MONTH_PATTERN})\s+(\d{1,2})(?:st|nd|rd|th)?(?:(\s*(?:to|–|-)\s*)(\d{1,2})(?:st|nd|rd|th)?)?(,?\s+\d{4})?${E}`,
      'gu',
    ),
    (m, month = '', day = '', _sep, day2, year) => {
      if (Number(day) < 1 || Number(day) > 31) return m;
      const second = day2 ? ` to ${ordinalEn(day2)}` : '';
      const y = year ? `${year.startsWith(',') ? ',' : ''} ${yearEn(Number(year.replace(/\D/g, '')))}` : '';
      return `${monthName(month)} ${ordinalEn(day)}${second}${y}`;
    },
  ],
  // "26 April 2022".
  [
    new RegExp(String.raw`${B}(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_PATTERN})(\s+\d{4})?${E}`, 'gu'),
    (m, day = '', month = '', year) =>
      Number(day) < 1 || Number(day) > 31
        ? m
        : `the ${ordinalEn(day)} of ${monthName(month)}${year ? ` ${yearEn(Number(year.trim()))}` : ''}`,
  ],
  // "4/26/2022" (month first, as in American text).
  [
    new RegExp(String.raw`${B}(\d{1,2})\/(\d{1,2})\/(\d{4})${E}`, 'gu'),
    (m, mo = '', d = '', y = '') => {
      const month = en.months[Number(mo) - 1];
      return month && Number(d) >= 1 && Number(d) <= 31 ? `${month} ${ordinalEn(d)}, ${yearEn(Number(y))}` : m;
    },
  ],
  // Clock times: "10:30", "9:05 a.m.", "12:00".
  [
    new RegExp(String.raw`${B}(\d{1,2}):(\d{2})${E}(\s*[ap]\.?m\.?)?`, 'giu'),
    (m, h = '', mm = '', suffix) => {
      if (Number(h) > 24 || Number(mm) > 59) return m;
      const minutes =
        Number(mm) === 0
          ? suffix
            ? ''
            : " o'clock"
          : ` ${Number(mm) < 10 ? `oh ${ONES[Number(mm)] ?? ''}` : belowHundred(Number(mm))}`;
      return `${cardinalEn(h)}${minutes}${suffix ?? ''}`;
    },
  ],
  // Ordinals: "20th Century", "21st".
  [new RegExp(String.raw`${B}(\d+)(?:st|nd|rd|th)${E}`, 'gu'), (_m, n = '') => ordinalEn(n)],
  // Money: "$70,000", "$4.5 Million", "£4,230", "€ 5".
  [
    new RegExp(String.raw`([$£€¥])\s?(${N})(?:\s+(thousand|million|billion|trillion))?${E}`, 'giu'),
    (_m, sign = '', n = '', scale) => {
      const [one, many] = CURRENCY[sign] ?? [sign, sign];
      const name = plainValue(n) === 1 && !scale ? one : many;
      return `${numberEn(n)}${scale ? ` ${scale.toLowerCase()}` : ''} ${name}`;
    },
  ],
  // Ranges: "20–45%", "1990-1995"; a hyphen between a larger and a smaller number is a score.
  [
    new RegExp(String.raw`${B}(${N})(\s?%)?(\s*[–—]\s*|-)(${N})(\s?%)?(?![\p{L}\p{N}\-/])`, 'gu'),
    (_m, a = '', pctA, dash = '', b = '', pctB) => {
      const read = (t: string) => (/^\d{4}$/.test(t) && isYear(t) ? yearEn(Number(t)) : numberEn(t));
      const first = `${read(a)}${pctA ? ' percent' : ''}`;
      const second = `${read(b)}${pctB ? ' percent' : ''}`;
      const falling = dash === '-' && !pctA && plainValue(a) > plainValue(b);
      return `${first} ${falling ? '' : 'to '}${second}`;
    },
  ],
  [new RegExp(String.raw`${B}(${N})\s?%`, 'gu'), (_m, n = '') => `${numberEn(n)} percent`],
  // Four plain digits from 1100 to 2099 are years in English text (counts take a comma).
  [new RegExp(String.raw`${B}(\d{4})${E}(?![.,]\d)`, 'gu'), (m, y = '') => (isYear(y) ? yearEn(Number(y)) : m)],
  [new RegExp(String.raw`${B}(${N})${E}`, 'gu'), (_m, n = '') => numberEn(n)],
];

function isYear(digits: string): boolean {
  const y = Number(digits);
  return y >= 1100 && y <= 2099;
}

export function normalizeEn(text: string): string {
  let out = text;
  for (const [pattern, replace] of RULES) out = out.replace(pattern, replace);
  return out;
}
