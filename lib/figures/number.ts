import { decimalSeparator } from './lexicon';

/** Thin, narrow no-break and no-break spaces group thousands in German and Swiss typography ("1 500"); so does the Swiss apostrophe. */
const SPACE_GROUPS = '\u00a0\u202f\u2009\'’';

/**
 * The value of a numeral as written, or null when it is not a well-formed number.
 * The page's own convention is tried first (vi/de "4.142,5", en "4,142.5"); the other one only
 * when the first cannot read it, so "549,9" in an English quote of a German source still parses
 * while "4.142" in Vietnamese stays four thousand. Malformed numerals ("1.2.3", "0903.343.439",
 * "27.01.2022") return null: they are dates, phone numbers or ids, never amounts.
 */
export function parseNumeral(raw: string, lang: string): number | null {
  const native = decimalSeparator(lang);
  return parseWith(raw, native) ?? parseWith(raw, native === ',' ? '.' : ',');
}

function parseWith(raw: string, decimal: '.' | ','): number | null {
  const group = decimal === ',' ? '.' : ',';
  const parts = raw.split(decimal);
  if (parts.length > 2) return null;
  const [whole = '', fraction] = parts;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  let digits: string;
  if (whole === '') {
    // ".07%": only a fraction, English style.
    if (fraction === undefined) return null;
    digits = '0';
  } else if (/^\d+$/.test(whole)) {
    digits = whole;
  } else {
    const separators = new Set(whole.replace(/\d/g, ''));
    if (separators.size !== 1) return null;
    const [separator = ''] = separators;
    if (separator !== group && !SPACE_GROUPS.includes(separator)) return null;
    const groups = whole.split(separator);
    // Thousands groups: one to three leading digits, then groups of exactly three.
    if (!/^\d{1,3}$/.test(groups[0] ?? '') || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
    digits = groups.join('');
  }
  // A leading zero is fine in "09 tháng" and "0,611", but "0903…" or "007" is a phone number or a code.
  if (digits.length > 1 && digits.startsWith('0') && (digits.length > 2 || whole !== digits)) return null;
  return Number(fraction === undefined ? digits : `${digits}.${fraction}`);
}

/** Multiplies without binary noise, so "89,4 Millionen" is exactly 89400000. */
export function scale(value: number, factor: number): number {
  return Number((value * factor).toPrecision(12));
}

/** A bare integer of four digits in the range of years, written without separators ("2023"). */
export function isYearLike(raw: string): boolean {
  if (!/^\d{4}$/.test(raw)) return false;
  const year = Number(raw);
  return year >= 1800 && year <= 2100;
}
