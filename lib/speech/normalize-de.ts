/**
 * German reading of numbers, dates, times, money and percentages ("1.234,5", "13,6 %", "27.01.2022").
 * espeak-ng reads "27.01.2022" as "siebenundzwanzig Punkt null eins Punkt …": dates need words.
 */
import { de } from '../lang/de';

const ONES = [
  'null',
  'eins',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'zehn',
  'elf',
  'zwölf',
  'dreizehn',
  'vierzehn',
  'fünfzehn',
  'sechzehn',
  'siebzehn',
  'achtzehn',
  'neunzehn',
] as const;
const TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'] as const;

/** `final`: "eins" at the end of a number ("einhunderteins"), "ein" inside ("einundzwanzig"). */
function belowHundred(n: number, final: boolean): string {
  if (n === 1) return final ? 'eins' : 'ein';
  if (n < 20) return ONES[n] ?? '';
  const unit = n % 10;
  const tens = TENS[Math.floor(n / 10)] ?? '';
  return unit === 0 ? tens : `${unit === 1 ? 'ein' : ONES[unit]}und${tens}`;
}

function belowThousand(n: number, final: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  return `${hundreds > 0 ? `${hundreds === 1 ? 'ein' : ONES[hundreds]}hundert` : ''}${rest > 0 ? belowHundred(rest, final) : ''}`;
}

const LARGE = [
  ['Million', 'Millionen'],
  ['Milliarde', 'Milliarden'],
  ['Billion', 'Billionen'],
  ['Billiarde', 'Billiarden'],
] as const;

/** German cardinal: one word below a million, separate words for Millionen and up. */
export function cardinalDe(digits: string): string {
  const trimmed = digits.replace(/^0+/, '');
  if (trimmed === '') return 'null';
  const padded = trimmed.padStart(Math.ceil(trimmed.length / 3) * 3, '0');
  const groups = padded.length / 3;
  if (groups > LARGE.length + 2) return digitsOneByOne(trimmed);
  const parts: string[] = [];
  for (let g = 0; g < groups - 2; g++) {
    const value = Number(padded.slice(g * 3, g * 3 + 3));
    if (value === 0) continue;
    const [one, many] = LARGE[groups - 3 - g] ?? ['', ''];
    parts.push(value === 1 ? `eine ${one}` : `${belowThousand(value, false)} ${many}`);
  }
  const thousands = groups >= 2 ? Number(padded.slice(-6, -3)) : 0;
  const rest = Number(padded.slice(-3));
  const small = `${thousands > 0 ? `${belowThousand(thousands, false)}tausend` : ''}${rest > 0 ? belowThousand(rest, true) : ''}`;
  if (small) parts.push(small);
  return parts.join(' ');
}

function digitsOneByOne(digits: string): string {
  return [...digits].map((d) => ONES[Number(d)] ?? d).join(' ');
}

/** "1.234,5" → words; decimals are read digit by digit ("Komma vier zwei"); "4.0" → "vier Punkt null". */
export function numberDe(token: string): string {
  const version = /^(\d+)\.(\d{1,2})$/.exec(token);
  if (version) return `${cardinalDe(version[1] ?? '')} Punkt ${digitsOneByOne(version[2] ?? '')}`;
  const [int = '', frac] = token.replace(/\./g, '').split(',');
  const whole = cardinalDe(int);
  return frac === undefined ? whole : `${whole} Komma ${digitsOneByOne(frac)}`;
}

/** Years before 2000 in hundreds: 1996 "neunzehnhundertsechsundneunzig". */
function yearDe(y: number): string {
  if (y < 1100 || y >= 2000) return cardinalDe(String(y));
  const rest = y % 100;
  return `${belowHundred(Math.floor(y / 100), false)}hundert${rest > 0 ? belowHundred(rest, true) : ''}`;
}

/** The stem of an ordinal: 1 "erst", 3 "dritt", 7 "siebt", 20 "zwanzigst". */
function ordinalStem(n: number): string {
  if (n === 1) return 'erst';
  if (n === 3) return 'dritt';
  if (n === 7) return 'siebt';
  if (n === 8) return 'acht';
  const words = cardinalDe(String(n));
  return n < 20 ? `${words}t` : `${words}st`;
}

/**
 * The ending depends on the words before: "am 27." → "siebenundzwanzigsten", "der 27." →
 * "siebenundzwanzigste", a bare date line → "siebenundzwanzigster".
 */
function ordinalDe(n: number, before: string): string {
  const word = /(\p{L}+)\s*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  const ending = /^(?:am|vom|zum|beim|im|dem|den|bis|ab|seit|ans?|für|gegen|um|über|nach|vor)$/.test(word)
    ? 'en'
    : /^(?:der|die|das)$/.test(word)
      ? 'e'
      : 'er';
  return `${ordinalStem(n)}${ending}`;
}

const MONTH_PATTERN = String.raw`(?:Jan(?:uar)?|Jän(?:ner)?|Feb(?:ruar)?|Mär(?:z)?|Apr(?:il)?|Mai|Jun(?:i)?|Jul(?:i)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Okt(?:ober)?|Nov(?:ember)?|Dez(?:ember)?)\.?`;

/** Full month name; a full name's trailing dot ends the sentence and is kept ("am 30. April."). */
function monthName(written: string): string {
  const key = written.slice(0, 3).toLowerCase().replace('jän', 'jan');
  const month = de.months.find((m) => m.slice(0, 3).toLowerCase() === key) ?? written;
  return written === `${month}.` || written === 'Jänner.' ? `${month}.` : month;
}

function validDay(d: number): boolean {
  return d >= 1 && d <= 31;
}

/** Nouns that take "eine" after the number 1 ("1 Million" → "eine Million"). */
const FEMININE = /^(?:Million|Milliarde|Billion|Stunde|Minute|Sekunde|Woche|Person|Tonne|Frau|Krone|Stimme)$/;

const B = String.raw`(?<![\p{L}\p{N}_.,/])(?<!\p{L}-)`;
const E = String.raw`(?![\p{L}\p{N}]|[.,:]\d)`;
/** Thousands grouped with "."; a "." before one or two digits is a version ("Industrie 4.0"). */
const N = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+\.\d{1,2}(?![.\d])|\d+`;

function plainValue(token: string): number {
  return Number(token.replace(/\./g, '').replace(',', '.'));
}

type Replacer = (match: string, ...groups: (string | undefined)[]) => string;

/** The word before a date, kept in the output: it decides the ordinal's ending. */
const BEFORE = String.raw`(?:(?<!\p{L})(\p{L}+)(\s+))?`;

function dateWords(before: string | undefined, space: string | undefined, day: number, rest: string): string {
  const lead = before === undefined ? '' : `${before}${space ?? ' '}`;
  return `${lead}${ordinalDe(day, before ?? '')} ${rest}`;
}

const CURRENCY: Record<string, string> = { '€': 'Euro', $: 'Dollar', '£': 'Pfund', '¥': 'Yen' };

const RULES: ReadonlyArray<readonly [RegExp, Replacer]> = [
  // Telephone numbers: "+49 331 866-7011", "0331 866-7011", "030/1234567".
  [
    new RegExp(String.raw`${B}\+\d{1,3}(?:[ .\-/]\d{2,8}){2,}${E}|${B}0\d{2,5}(?:[ /\-]\d{2,8}){1,3}${E}`, 'gu'),
    (m) => {
      const groups = m.split(/\D+/).filter(Boolean).map(digitsOneByOne).join(', ');
      return m.startsWith('+') ? `plus ${groups}` : groups;
    },
  ],
  // Numeric dates: "27.01.2022", "am 2.1.2022".
  [
    new RegExp(String.raw`${BEFORE}${B}(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})${E}`, 'gu'),
    (m, before, space, d = '', mo = '', y = '') => {
      const month = de.months[Number(mo) - 1];
      return month && validDay(Number(d)) ? dateWords(before, space, Number(d), `${month} ${yearDe(Number(y))}`) : m;
    },
  ],
  // "26. Januar 2022", "26. und 27. Januar", "30. April", "26. Jan 2022".
  [
    new RegExp(
      String.raw`${BEFORE}${B}(\d{1,2})\.(?:\s*(und|bis|oder|–|-)\s*(\d{1,2})\.)?\s*(${MONTH_PATTERN})(?!\p{L})(?:\s+(\d{4})${E})?`,
      'gu',
    ),
    (m, before, space, d = '', conj, d2, month = '', y) => {
      if (!validDay(Number(d))) return m;
      const second =
        conj && d2 ? ` ${conj === 'und' || conj === 'oder' ? conj : 'bis'} ${ordinalDe(Number(d2), before ?? '')}` : '';
      const tail = `${monthName(month)}${y ? ` ${yearDe(Number(y))}` : ''}`;
      return `${dateWords(before, space, Number(d), '').trimEnd()}${second} ${tail}`;
    },
  ],
  // Day and month without a year: "am 4.5."
  [
    new RegExp(String.raw`${BEFORE}${B}(\d{1,2})\.(\d{1,2})\.(?![\p{L}\p{N}])`, 'gu'),
    (m, before, space, d = '', mo = '') => {
      const month = de.months[Number(mo) - 1];
      return month && validDay(Number(d)) ? dateWords(before, space, Number(d), month) : m;
    },
  ],
  // Clock times: "13:30 Uhr", "13.30 Uhr", "9:05".
  [
    new RegExp(String.raw`${B}(\d{1,2})(?::(\d{2})|\.(\d{2})(?=\s*Uhr))(?:\s*Uhr)?${E}`, 'gu'),
    (m, h = '', mm1, mm2) => {
      const minutes = Number(mm1 ?? mm2);
      if (Number(h) > 24 || minutes > 59) return m;
      return `${cardinalDe(h)} Uhr${minutes > 0 ? ` ${cardinalDe(String(minutes))}` : ''}`;
    },
  ],
  // Results: "2:1" → "zwei zu eins".
  [
    new RegExp(String.raw`${B}(\d{1,2}):(\d{1,2})${E}`, 'gu'),
    (_m, a = '', b = '') => `${cardinalDe(a)} zu ${cardinalDe(b)}`,
  ],
  // Seasons and fiscal years: "2020/21", "2020/2021".
  [
    new RegExp(String.raw`${B}(\d{4})\/(\d{2}|\d{4})${E}`, 'gu'),
    (_m, y = '', y2 = '') => `${yearDe(Number(y))} ${y2.length === 4 ? `bis ${yearDe(Number(y2))}` : cardinalDe(y2)}`,
  ],
  // Decades: "70er Jahre" → "siebziger Jahre", "1990er" → "neunzehnhundertneunziger".
  [
    new RegExp(String.raw`${B}(\d{1,3}0)er(?!\p{L})`, 'gu'),
    (_m, n = '') => `${n.length === 4 ? yearDe(Number(n)) : cardinalDe(n)}er`,
  ],
  // Money before the number: "€ 5", "$70".
  [
    new RegExp(String.raw`([€$£¥])\s?(${N})${E}`, 'gu'),
    (_m, sign = '', n = '') => `${numberDe(n)} ${CURRENCY[sign] ?? sign}`,
  ],
  // Abbreviated scales: "3,3 Mio. Euro", "1 Mrd.".
  [
    new RegExp(String.raw`${B}(${N})\s?(Mio|Mrd)\.`, 'gu'),
    (_m, n = '', scale = '') => {
      const [one, many] = scale === 'Mio' ? ['Million', 'Millionen'] : ['Milliarde', 'Milliarden'];
      return plainValue(n) === 1 ? `eine ${one}` : `${numberDe(n)} ${many}`;
    },
  ],
  // Ranges: "20–45 %", "2020-2021"; a hyphen between a larger and a smaller number is left as a pair.
  [
    new RegExp(String.raw`${B}(${N})(\s?%)?(\s*[–—]\s*|-)(${N})(\s?%)?(?![\p{L}\p{N}\-/]|[.,]\d)`, 'gu'),
    (_m, a = '', pctA, dash = '', b = '', pctB) => {
      const read = (t: string) => (/^\d{4}$/.test(t) ? yearDe(Number(t)) : numberDe(t));
      const first = `${read(a)}${pctA ? ' Prozent' : ''}`;
      const second = `${read(b)}${pctB ? ' Prozent' : ''}`;
      const falling = dash === '-' && !pctA && plainValue(a) > plainValue(b);
      return `${first} ${falling ? '' : 'bis '}${second}`;
    },
  ],
  [new RegExp(String.raw`${B}(${N})\s?%`, 'gu'), (_m, n = '') => `${numberDe(n)} Prozent`],
  [new RegExp(String.raw`${B}(${N})\s?€`, 'gu'), (_m, n = '') => `${numberDe(n)} Euro`],
  [/§§\s?/gu, () => 'Paragrafen '],
  [/§\s?/gu, () => 'Paragraf '],
  // 1100–1999 is a year unless a noun follows ("1500 Zeichen"); German capitalizes every noun.
  [new RegExp(String.raw`${B}(1[1-9]\d{2})${E}(?![.,]\d)(?!\s+\p{Lu}\p{Ll})`, 'gu'), (_m, y = '') => yearDe(Number(y))],
  [
    new RegExp(
      String.raw`(?<=(?:Jahr|Jahre|Jahres|Jahren|im|seit|von|bis|ab|um|${de.months.join('|')})\s)(1[1-9]\d{2})${E}(?![.,]\d)`,
      'gu',
    ),
    (_m, y = '') => yearDe(Number(y)),
  ],
  // "1 Million" → "eine Million", "1 Euro" → "ein Euro".
  [
    new RegExp(String.raw`${B}1(?![.,]\d)(\s+)(\p{Lu}\p{L}*)`, 'gu'),
    (_m, space = ' ', noun = '') => `${FEMININE.test(noun) ? 'eine' : 'ein'}${space}${noun}`,
  ],
  [new RegExp(String.raw`${B}(${N})${E}`, 'gu'), (_m, n = '') => numberDe(n)],
];

export function normalizeDe(text: string): string {
  let out = text;
  for (const [pattern, replace] of RULES) out = out.replace(pattern, replace);
  return out;
}
