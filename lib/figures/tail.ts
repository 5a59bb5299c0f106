import { ACRONYM, UPPER, isLetter, isSpace, type TextCursor, type Word } from './cursor';
import {
  CLOCK_WORDS,
  CURRENCIES,
  GERMAN_MAGNITUDES,
  GLUED_MAGNITUDES,
  GLUED_MONEY_MAGNITUDES,
  GLUED_UNITS,
  MAGNITUDES,
  MEASURES,
  MONTHS,
  MULTIPLIERS,
  NOT_CURRENCY_AFTER_DONG,
  PERCENT_WORDS,
  PROCEDURE_NOUNS,
  STOP_VI,
  TIME_UNITS,
  WHOLE_NOUNS_VI,
  lower,
  type UnitKind,
} from './lexicon';
import { countedNoun } from './nouns';

/** What follows a number: its magnitude and unit. */
export interface Tail {
  end: number;
  factor: number;
  magnitude: boolean;
  unit: string;
  kind: UnitKind;
  /** The word after the number makes it something else: a month or clock word (a date, a time), a file size. */
  notAmount: boolean;
}

/** Sizes of downloadable files ("PDF | 38 KB"): page furniture, never a figure of the story. */
const FILE_SIZES = new Set(['kb', 'kib', 'mb', 'mib', 'byte', 'bytes']);
const CLOCK_EN = /^(?:[ap]\.?m\.?|o['’]clock)(?![\p{L}])/iu;
/** German adjectives made from a number and a span or share ("10-jährige", "3-fach", "5-prozentig"). */
const GERMAN_COMPOUNDS: [string, string][] = [
  ['jährig', 'Jahre'],
  ['monatig', 'Monate'],
  ['wöchig', 'Wochen'],
  ['tägig', 'Tage'],
  ['stündig', 'Stunden'],
  ['prozentig', '%'],
  ['fach', 'fach'],
];
const DAY_PARTS_VI = new Set(['sáng', 'trưa', 'chiều', 'tối', 'đêm', 'khuya']);

function makeTail(
  end: number,
  factor: number,
  magnitude: boolean,
  unit: string,
  kind: UnitKind,
  notAmount = false,
): Tail {
  return { end, factor, magnitude, unit, kind, notAmount };
}

function isProcedure(unit: string): boolean {
  return PROCEDURE_NOUNS.some((noun) => unit === noun || unit.startsWith(`${noun} `));
}

function unitKind(key: string, fallback: UnitKind): UnitKind {
  if (TIME_UNITS.has(key)) return 'time';
  if (MULTIPLIERS.has(key)) return 'count';
  if (MEASURES.has(key)) return 'measure';
  return fallback;
}

/** Amounts that a year-shaped number can carry and still be an amount ("2000 USD", "1990 tấn"). */
export function isAmount(kind: UnitKind): boolean {
  return kind === 'currency' || kind === 'percent' || kind === 'measure';
}

/** Letters glued to a numeral: a unit written without a space ("5000đ", "12km", "50k", "$4.5m"), or null for an id ("4G", "20th", "10h30"). */
export function readGlued(cursor: TextCursor, at: number, currency: string | null): Tail | null {
  const word = cursor.wordAt(at, false);
  if (!word) return null;
  const factor = (currency ? GLUED_MONEY_MAGNITUDES : GLUED_MAGNITUDES).get(word.key);
  if (factor !== undefined) return makeTail(word.end, factor, true, '', 'none');
  if (!GLUED_UNITS.has(word.word)) return null;
  const money = CURRENCIES.get(word.key);
  return money ? makeTail(word.end, 1, false, money, 'currency') : makeTail(word.end, 1, false, word.word, 'measure');
}

/**
 * What follows a number: magnitude words, then the unit or counted noun.
 * `currency` is set when a currency sign came before the number ("$4.5 billion").
 */
export function readTail(cursor: TextCursor, from: number, currency: string | null, numberStart: number): Tail {
  const { text, lang } = cursor;
  let end = from;
  let factor = 1;
  let magnitude = false;
  for (let word = cursor.wordAt(end, true); word; word = cursor.wordAt(end, true)) {
    const multiplier = (lang === 'de' ? GERMAN_MAGNITUDES.get(word.key) : undefined) ?? MAGNITUDES.get(word.key);
    if (multiplier === undefined) break;
    factor *= multiplier;
    magnitude = true;
    end = word.end;
    if (text[end] === '.' && (word.key === 'mio' || word.key === 'mrd')) end++;
  }
  let at = end;
  while (isSpace(text[at])) at++;
  if (text[at] === '%') return makeTail(at + 1, factor, magnitude, '%', 'percent');
  if (currency) return makeTail(end, factor, magnitude, currency, 'currency');
  const first = cursor.wordAt(end, true);
  if (!first) return makeTail(end, factor, magnitude, '', 'none');
  if (!magnitude && UPPER.test(first.word) && MONTHS.has(first.key))
    return makeTail(first.end, factor, magnitude, '', 'none', true);
  if (
    !magnitude &&
    (CLOCK_WORDS.has(first.key) || (lang === 'en' && CLOCK_EN.test(text.slice(first.start, first.start + 8))))
  ) {
    return makeTail(first.end, factor, magnitude, '', 'none', true);
  }
  const second = cursor.wordAt(first.end, true);
  // "9 giờ sáng", "10 giờ 30": an hour of the day, not a number of hours.
  if (
    lang === 'vi' &&
    first.key === 'giờ' &&
    ((second && DAY_PARTS_VI.has(second.key)) || /^\s*\d/.test(text.slice(first.end, first.end + 3)))
  ) {
    return makeTail(first.end, factor, magnitude, '', 'none', true);
  }
  const pair = second ? `${first.key} ${second.key}` : '';
  const third = second ? cursor.wordAt(second.end, true) : null;
  const triple = third ? `${pair} ${third.key}` : '';

  if (CURRENCIES.has(triple) && third)
    return perUnit(cursor, makeTail(third.end, factor, magnitude, CURRENCIES.get(triple) ?? '', 'currency'));
  if (MEASURES.has(triple) && second && third)
    return makeTail(third.end, factor, magnitude, text.slice(first.start, third.end), 'measure');
  const pairMoney = CURRENCIES.get(pair);
  if (pairMoney && second) return perUnit(cursor, makeTail(second.end, factor, magnitude, pairMoney, 'currency'));
  const dongCompound = first.key === 'đồng' && second !== null && NOT_CURRENCY_AFTER_DONG.has(second.key);
  const money = CURRENCIES.get(first.key);
  if (money && !dongCompound) return perUnit(cursor, makeTail(first.end, factor, magnitude, money, 'currency'));
  if (second && (PERCENT_WORDS.has(pair) || pair === 'per cent'))
    return makeTail(second.end, factor, magnitude, '%', 'percent');
  if (PERCENT_WORDS.has(first.key)) return makeTail(first.end, factor, magnitude, '%', 'percent');
  if (second && MEASURES.has(pair))
    return perUnit(cursor, makeTail(second.end, factor, magnitude, text.slice(first.start, second.end), 'measure'));
  if (MEASURES.has(first.key)) return perUnit(cursor, makeTail(first.end, factor, magnitude, first.word, 'measure'));
  if (FILE_SIZES.has(first.key)) return makeTail(first.end, factor, magnitude, '', 'none', true);

  const noun = countedNoun(cursor, first, numberStart);
  if (!noun) return makeTail(end, factor, magnitude, '', 'none');
  if (isProcedure(lower(noun.unit))) return makeTail(noun.end, factor, magnitude, '', 'none', true);
  return perUnit(cursor, makeTail(noun.end, factor, magnitude, noun.unit, unitKind(lower(noun.unit), 'count')));
}

/** The unit named by the word after "N-": English takes the word ("18-week"), German the span words ("10-jährig"). */
export function compoundUnit(cursor: TextCursor, word: Word): { unit: string; kind: UnitKind } | null {
  if (cursor.lang === 'en')
    return UPPER.test(word.word) ? null : { unit: word.word, kind: unitKind(word.key, 'count') };
  if (cursor.lang !== 'de') return null;
  for (const [stem, unit] of GERMAN_COMPOUNDS) {
    if (word.key.startsWith(stem)) return { unit, kind: unit === '%' ? 'percent' : unitKind(lower(unit), 'count') };
  }
  return null;
}

/** "đồng/cổ phiếu", "USD/tấn", "km/h": a rate keeps its "per" part. */
function perUnit(cursor: TextCursor, tail: Tail): Tail {
  const text = cursor.text;
  if (text[tail.end] !== '/' || !isLetter(text[tail.end + 1])) return tail;
  const first = cursor.wordAt(tail.end + 1, false);
  // Names are never the "per" part; lower-case words and acronyms are ("đồng/USD").
  if (!first || (UPPER.test(first.word) && !ACRONYM.test(first.word))) return tail;
  let end = first.end;
  if (cursor.lang === 'vi') {
    const second = cursor.wordAt(end, true);
    const singleWord = TIME_UNITS.has(first.key) || MEASURES.has(first.key) || WHOLE_NOUNS_VI.has(first.key);
    if (second && !singleWord && !UPPER.test(second.word) && !STOP_VI.has(second.key)) end = second.end;
  }
  return { ...tail, end, unit: `${tail.unit}${text.slice(tail.end, end)}` };
}
