/**
 * Lower-cased word tokens. Vietnamese writes a space between syllables, so for Vietnamese these
 * are syllables ("chính", "phủ"), not words; German and English tokens are words.
 * Numbers keep their separators ("4.142", "78,7") so that a figure is one token.
 */
export function tokenize(text: string): string[] {
  const lowered = text.normalize('NFC').toLowerCase();
  return scanTokens(lowered) ?? lowered.match(TOKEN) ?? [];
}

/**
 * What a token is; `scanTokens` reads it by table, and the pattern reads text outside the Basic
 * Multilingual Plane. Exported as the definition the table must agree with.
 */
export const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+/gu;

const enum Kind {
  Other,
  Digit,
  Letter,
  /** Half of a surrogate pair: the code unit alone does not say what the character is. */
  Surrogate,
  Unseen,
}

const NUMBER = /\p{N}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** Kinds by code unit, each classified when first met (a page uses a few hundred characters). */
let kinds: Uint8Array | null = null;

function kindOf(code: number): Kind {
  kinds ??= new Uint8Array(0x10000).fill(Kind.Unseen);
  let kind = kinds[code]! as Kind;
  if (kind === Kind.Unseen) {
    const char = String.fromCharCode(code);
    if (code >= 0xd800 && code <= 0xdfff) kind = Kind.Surrogate;
    else if (NUMBER.test(char)) kind = Kind.Digit;
    else kind = LETTER_OR_MARK.test(char) ? Kind.Letter : Kind.Other;
    kinds[code] = kind;
  }
  return kind;
}

const isSeparator = (code: number) => code === 0x2e || code === 0x2c;

/**
 * TOKEN's matches, read a code unit at a time (the pattern's Unicode classes cost about twice as
 * much per character), or null when the text has a surrogate.
 */
function scanTokens(text: string): string[] | null {
  const tokens: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const kind = kindOf(text.charCodeAt(i));
    if (kind === Kind.Surrogate) return null;
    if (kind === Kind.Other) {
      i++;
      continue;
    }
    const start = i;
    if (kind === Kind.Digit) {
      do i++;
      while (i < n && kindOf(text.charCodeAt(i)) === Kind.Digit);
      while (i + 1 < n && isSeparator(text.charCodeAt(i)) && kindOf(text.charCodeAt(i + 1)) === Kind.Digit) {
        i += 2;
        while (i < n && kindOf(text.charCodeAt(i)) === Kind.Digit) i++;
      }
    } else {
      let next: Kind;
      do i++;
      while (i < n && ((next = kindOf(text.charCodeAt(i))) === Kind.Digit || next === Kind.Letter));
    }
    tokens.push(text.slice(start, i));
  }
  return tokens;
}
