import type { Candidate } from './candidate';
import { isDigit, isLetter, isSpace, type PreviousWord, type TextCursor } from './cursor';
import { CHANGE_CONNECTORS, CURRENCIES, CURRENCY_SIGNS, OPENER_FOR, RANGE_CONNECTORS, lower } from './lexicon';
import { isYearLike, parseNumeral, scale } from './number';
import { readTail, type Tail } from './tail';

/**
 * An unspaced pair "a-b" after the numeral at `at`. A chain ("2022-01-27", "926-3590-4") is a
 * date or a phone number; a pair running backwards is a score or a Vietnamese day-month ("1-0",
 * "8-3"); null for all of those. "10-20%" is a range.
 */
export function readPair(
  cursor: TextCursor,
  at: number,
  first: number,
): { value: number; raw: string; end: number } | null {
  const second = /-(\d+(?:[.,]\d+)*)/y;
  second.lastIndex = at;
  const match = second.exec(cursor.text);
  const raw = match?.[1];
  if (!match || raw === undefined) return null;
  const end = at + match[0].length;
  const next = cursor.text[end];
  if (next === '-' || next === '/' || next === ':') return null;
  const value = parseNumeral(raw, cursor.lang);
  return value === null || value <= first ? null : { value, raw, end };
}

/**
 * "a/b" after a numeral. Returns the end of "/b" when the pair is a score or ratio ("78,7/100"),
 * or null when it is a date ("19/12", "3/2026"), a season ("2020/21") or a document number
 * ("54/2019/QH14", "7/3/2026").
 */
export function readSlash(cursor: TextCursor, raw: string, at: number): number | null {
  const slash = /\/(\d+)/y;
  slash.lastIndex = at;
  const match = slash.exec(cursor.text);
  const second = match?.[1];
  if (!match || second === undefined) return null;
  const end = at + match[0].length;
  const next = cursor.text[end];
  if (next === '/' || next === '-' || isLetter(next) || isDigit(next)) return null;
  if (/^\d+$/.test(raw)) {
    const a = Number(raw);
    const b = Number(second);
    const dayMonth = a >= 1 && a <= 31 && b >= 1 && b <= 12;
    const monthYear = a >= 1 && a <= 12 && isYearLike(second);
    const season = isYearLike(raw) && (second.length === 2 || isYearLike(second));
    if (dayMonth || monthYear || season) return null;
  }
  return end;
}

/**
 * A second number joined to the first by a range or change connector: "10 - 20%", "từ 32 đến
 * 46 tuổi", "von 91,5 auf 89,4 Millionen Tonnen". The range is one figure valued at its second
 * number (the upper bound, or the value after the change), spanning both.
 * Returns 'skip' for two bare numbers ("2020 - 2024"), null when there is no range.
 */
export function readRange(
  cursor: TextCursor,
  first: Tail,
  previous: PreviousWord | null,
  firstValue: number,
  firstRaw: string,
): (Omit<Candidate, 'text' | 'start'> & { end: number }) | 'skip' | null {
  const text = cursor.text;
  let at = first.end;
  while (isSpace(text[at])) at++;
  let connector: string;
  const ch = text[at];
  if (ch === '-' || ch === '–' || ch === '—') {
    connector = '-';
    at++;
  } else {
    const word = cursor.wordAt(at, false);
    if (!word || !RANGE_CONNECTORS.has(word.key)) return null;
    connector = word.key;
    at = word.end;
  }
  const opener = OPENER_FOR.get(connector);
  if (opener && !(previous && opener.has(previous.word.key))) return null;
  while (isSpace(text[at])) at++;
  let currency: string | null = null;
  if (CURRENCY_SIGNS.includes(text[at] ?? '\n')) {
    currency = CURRENCIES.get(text[at] ?? '') ?? null;
    at++;
  }
  const numeral = /\d+(?:[.,\u00a0\u202f\u2009]\d+)*/y;
  numeral.lastIndex = at;
  const match = numeral.exec(text);
  if (!match) return null;
  const secondEnd = at + match[0].length;
  const secondValue = parseNumeral(match[0], cursor.lang);
  const next = text[secondEnd];
  if (
    secondValue === null ||
    isLetter(next) ||
    next === '/' ||
    next === ':' ||
    (next === '-' && isDigit(text[secondEnd + 1]))
  ) {
    return null;
  }
  const second = readTail(cursor, secondEnd, currency, at);
  if (second.notAmount) return null;
  if (first.unit && second.unit && lower(first.unit) !== lower(second.unit)) return null;
  if (first.unit && !second.unit) return null;
  if (!first.unit && !second.unit && !first.magnitude && !second.magnitude) {
    // Two bare numbers: a span of years or a list, never a figure of its own.
    return /^\d+$/.test(firstRaw) && /^\d+$/.test(match[0]) ? 'skip' : null;
  }
  // "2 - 4 triệu đồng": a bare first number shares the magnitude of the second.
  const low = scale(firstValue, first.magnitude || first.unit ? first.factor : second.factor);
  const high = scale(secondValue, second.factor);
  if (!CHANGE_CONNECTORS.has(connector) && low > high) return null;
  return {
    end: second.end,
    value: high,
    unit: second.unit || first.unit,
    kind: second.unit ? second.kind : first.kind,
    magnitude: first.magnitude || second.magnitude,
  };
}
