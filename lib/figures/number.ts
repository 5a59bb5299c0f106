import { decimalSeparator } from './lexicon';

/** Thin, narrow no-break and no-break spaces group thousands in German and Swiss typography ("1 500"); so does the Swiss apostrophe. */
const SPACE_GROUPS = "\u00a0\u202f\u2009'’";

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

const DIGITS = /^\d+$/;
/** Thousands groups: one to three leading digits, then groups of exactly three, all with the same separator. */
const GROUPED = /^\d{1,3}(\D)\d{3}(?:\1\d{3})*$/;
const NON_DIGITS = /\D/g;

function parseWith(raw: string, decimal: '.' | ','): number | null {
  const group = decimal === ',' ? '.' : ',';
  const at = raw.indexOf(decimal);
  if (at !== raw.lastIndexOf(decimal)) return null;
  const whole = at < 0 ? raw : raw.slice(0, at);
  const fraction = at < 0 ? undefined : raw.slice(at + 1);
  if (fraction !== undefined && !DIGITS.test(fraction)) return null;
  let digits: string;
  if (whole === '') {
    // ".07%": only a fraction, English style.
    if (fraction === undefined) return null;
    digits = '0';
  } else if (DIGITS.test(whole)) {
    digits = whole;
  } else {
    const separator = GROUPED.exec(whole)?.[1];
    if (separator === undefined || (separator !== group && !SPACE_GROUPS.includes(separator))) return null;
    digits = whole.replace(NON_DIGITS, '');
  }
  // A leading zero is fine in "09 tháng" and "0,611", but "0903…" or "007" is a phone number or a code.
  if (digits.length > 1 && digits.startsWith('0') && (digits.length > 2 || whole !== digits)) return null;
  const value = Number(fraction === undefined ? digits : `${digits}.${fraction}`);
  // Hundreds of digits in a row are data (a hash, a serial), not a quantity anyone writes.
  return Number.isFinite(value) && digits.length <= 18 ? value : null;
}

/** Multiplies without binary noise, so "89,4 Millionen" is exactly 89400000. */
export function scale(value: number, factor: number): number {
  return factor === 1 ? value : Number((value * factor).toPrecision(12));
}

/** A bare integer of four digits in the range of years, written without separators ("2023"). */
export function isYearLike(raw: string): boolean {
  if (!/^\d{4}$/.test(raw)) return false;
  const year = Number(raw);
  return year >= 1800 && year <= 2100;
}
