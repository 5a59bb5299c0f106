/**
 * Accent-insensitive search keys. Vietnamese readers often type without diacritics ("cai cach"),
 * so both the index and the query are folded the same way before they meet.
 */

// Vietnamese tone and vowel marks all decompose (NFD) into this block; marks of other scripts
// (Devanagari vowel signs and the like) carry meaning and are kept.
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
/** Longer runs are URLs, hashes or glued junk that nobody types into a search box. */
const MAX_TOKEN_LENGTH = 40;

/** "Cải cách ĐỒNG bộ" → "cai cach dong bo". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_DIACRITICS, '')
    .toLowerCase()
    // đ has no decomposition, so NFD leaves it alone.
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

/** The folded syllable tokens of `text`, in order, repeats kept: "Cải cách, cải tổ" → ["cai", "cach", "cai", "to"]. */
export function folded(text: string): string[] {
  return foldText(text).match(TOKEN) ?? [];
}

/** The distinct tokens of all `parts`, as stored in the multi-entry word index. */
export function wordKeys(...parts: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const token of folded(part)) {
      if (token.length <= MAX_TOKEN_LENGTH) words.add(token);
    }
  }
  return [...words];
}

export interface WordQuery {
  /** Tokens that must be present as whole words. */
  exact: string[];
  /** The word still being typed, matched as a prefix, or null when the query ends with a separator. */
  prefix: string | null;
}

/**
 * Splits a search-box string into what the word index can answer. The last word counts as a prefix
 * while the user is still typing it; a one-letter prefix would scan most of the index, so it is
 * matched whole instead (Vietnamese has real one-letter words: "ở", "à").
 */
export function parseWordQuery(query: string): WordQuery | null {
  const tokens = folded(query).filter((token) => token.length <= MAX_TOKEN_LENGTH);
  if (tokens.length === 0) return null;
  const stillTyping = /[\p{L}\p{M}\p{N}]$/u.test(query);
  const last = tokens[tokens.length - 1]!;
  if (stillTyping && last.length >= 2) {
    return { exact: unique(tokens.slice(0, -1)), prefix: last };
  }
  return { exact: unique(tokens), prefix: null };
}

function unique(tokens: string[]): string[] {
  return [...new Set(tokens)];
}
