/**
 * The Unicode sentence boundaries (UAX #29, rules SB1–SB998) that `Intl.Segmenter` gives with
 * granularity "sentence", computed by rule for text made only of characters whose
 * Sentence_Break class is listed here: ASCII, Latin-1, Latin Extended A/B and Additional (all of
 * Vietnamese, German and English), combining diacritics, general punctuation and currency signs.
 *
 * Why not the segmenter itself: in Chromium the first `Intl` object a page creates costs 11–21 ms
 * (the engine sets up its locale data), about as much as the rest of a page's extraction, and a
 * content script pays it on every page it reads. For any other character this returns null and
 * the caller asks the segmenter. tests/unit/sentence-breaks.test.ts checks every listed character
 * against `Intl.Segmenter` in the contexts that tell the classes apart.
 */

const enum Class {
  Other,
  CR,
  LF,
  Sep,
  Extend,
  Format,
  Sp,
  Lower,
  Upper,
  OLetter,
  Numeric,
  ATerm,
  STerm,
  Close,
  SContinue,
}

const UPPER = /[\p{Uppercase}\p{Lt}]/u;
const LOWER = /\p{Lowercase}/u;
const LETTER = /\p{Alphabetic}/u;

/** Classes by code point below this; a text with any other character is left to the segmenter. */
const KNOWN_BELOW = 0x20d0;
/** Ranges of code points below KNOWN_BELOW whose class is listed, as [first, last]. */
const KNOWN_RANGES: [number, number][] = [
  [0x0000, 0x024f],
  [0x0300, 0x036f],
  [0x1e00, 0x1eff],
  [0x2000, 0x206f],
  [0x20a0, 0x20cf],
];
const SCONTINUE = new Set([0x2c, 0x2d, 0x3a, 0x3b, 0x2013, 0x2014]);
const STERM = new Set([0x21, 0x3f, 0x203c, 0x203d, 0x2047, 0x2048, 0x2049]);
/** Brackets and quotation marks (Line_Break = Quotation) of the listed ranges. */
const CLOSE = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"']/u;
const FORMAT = /\p{Cf}/u;

function classify(code: number): Class {
  if (code === 0x0d) return Class.CR;
  if (code === 0x0a) return Class.LF;
  if (code === 0x85 || code === 0x2028 || code === 0x2029) return Class.Sep;
  if ((code >= 0x0300 && code <= 0x036f) || code === 0x200c || code === 0x200d) return Class.Extend;
  const char = String.fromCharCode(code);
  if (FORMAT.test(char)) return Class.Format;
  if (code === 0x2e || code === 0x2024) return Class.ATerm;
  if (STERM.has(code)) return Class.STerm;
  if (SCONTINUE.has(code)) return Class.SContinue;
  if (/\s/.test(char)) return Class.Sp;
  if (code >= 0x30 && code <= 0x39) return Class.Numeric;
  if (UPPER.test(char)) return Class.Upper;
  if (LOWER.test(char)) return Class.Lower;
  if (LETTER.test(char)) return Class.OLetter;
  if (CLOSE.test(char)) return Class.Close;
  return Class.Other;
}

/**
 * Classes by code point below KNOWN_BELOW, each classified when first met (a page uses a few
 * hundred characters): UNSEEN until then, UNKNOWN outside the listed ranges.
 */
let classes: Uint8Array | null = null;
const UNSEEN = 254;
const UNKNOWN = 255;

function classOf(code: number): number {
  if (code >= KNOWN_BELOW) return UNKNOWN;
  classes ??= new Uint8Array(KNOWN_BELOW).fill(UNSEEN);
  let c = classes[code]!;
  if (c === UNSEEN) {
    const listed = KNOWN_RANGES.some(([first, last]) => code >= first && code <= last);
    classes[code] = c = listed ? classify(code) : UNKNOWN;
  }
  return c;
}

const isParaSep = (c: Class) => c === Class.Sep || c === Class.CR || c === Class.LF;
/** What SB8 skips on its way to a lower-case letter: anything but a letter, a paragraph break or a terminator. */
const skippedBySB8 = (c: Class) =>
  !(
    c === Class.OLetter ||
    c === Class.Upper ||
    c === Class.Lower ||
    isParaSep(c) ||
    c === Class.ATerm ||
    c === Class.STerm
  );

/** Where the text after a terminator stands: right after it, after closing brackets, or after spaces. */
const enum After {
  None,
  Term,
  Close,
  Sp,
}

/**
 * The start of every sentence after the first, as `Intl.Segmenter(…, { granularity: 'sentence' })`
 * finds them in `text`, or null when the text has a character outside the listed ranges.
 */
export function sentenceStarts(text: string): number[] | null {
  const n = text.length;
  const cls = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = classOf(text.charCodeAt(i));
    if (c === UNKNOWN) return null;
    cls[i] = c;
  }
  const starts: number[] = [];
  // The terminator the text before `i` ends in (SB5: extending and format characters belong to the
  // character before them), how far past it, and the letter before it (for SB7).
  let term: Class = Class.Other;
  let after = After.None;
  let beforeTerm: Class = Class.Other;
  let previous: Class = Class.Other;
  // SB8 looks ahead to the next letter: the answer holds for every position up to where it stopped.
  let lookaheadUpTo = -1;
  let lookaheadLower = false;
  for (let i = 1; i <= n; i++) {
    const left = cls[i - 1]! as Class;
    // Move the state past the character at i - 1, unless SB5 attaches it to the one before.
    const attached = (left === Class.Extend || left === Class.Format) && i >= 2 && !isParaSep(cls[i - 2]! as Class);
    if (!attached) {
      if (left === Class.ATerm || left === Class.STerm) {
        beforeTerm = previous;
        term = left;
        after = After.Term;
      } else if (left === Class.Close && (after === After.Term || after === After.Close)) after = After.Close;
      else if (left === Class.Sp && after !== After.None) after = After.Sp;
      else after = After.None;
      previous = left;
    }
    if (i === n) break;
    const right = cls[i]! as Class;
    if (left === Class.CR && right === Class.LF) continue; // SB3
    if (isParaSep(left)) {
      starts.push(i); // SB4
      continue;
    }
    if (right === Class.Extend || right === Class.Format) continue; // SB5
    if (after === After.None) continue; // SB998
    if (term === Class.ATerm && after === After.Term) {
      if (right === Class.Numeric) continue; // SB6
      if (right === Class.Upper && (beforeTerm === Class.Upper || beforeTerm === Class.Lower)) continue; // SB7
    }
    if (term === Class.ATerm) {
      // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
      if (i > lookaheadUpTo) {
        let j = i;
        while (j < n && skippedBySB8(cls[j]! as Class)) j++;
        lookaheadUpTo = j;
        lookaheadLower = j < n && cls[j] === Class.Lower;
      }
      if (lookaheadLower) continue;
    }
    if (right === Class.SContinue || right === Class.ATerm || right === Class.STerm) continue; // SB8a
    if (after !== After.Sp && (right === Class.Close || right === Class.Sp || isParaSep(right))) continue; // SB9
    if (right === Class.Sp || isParaSep(right)) continue; // SB10
    starts.push(i); // SB11
  }
  return starts;
}
