/**
 * Two ways of making text comparable, for two different questions. Search asks "is this the word
 * the user meant?", so accents fold away ("cải cách" → "cai cach"). Matching asks "is this the
 * same piece of text as on the page?", so accents stay and only what a page renders differently
 * (case, white space, invisible characters, curly quotes) goes.
 */

import { INVISIBLE } from './whitespace';

// Vietnamese tone and vowel marks all decompose (NFD) into this block; marks of other scripts
// (Devanagari vowel signs and the like) carry meaning and are kept.
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;

/** "Cải cách ĐỒNG bộ" → "cai cach dong bo": lower case, without Vietnamese (and Latin) diacritics. */
export function foldForSearch(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(COMBINING_DIACRITICS, '')
      .toLowerCase()
      // đ has no decomposition, so NFD leaves it alone.
      .replace(/đ/g, 'd')
      .normalize('NFC')
  );
}

const QUOTES: Record<string, string> = {
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};

/** One character, or a base character with its combining marks (NFD text, as some sites send). */
export const CLUSTERS = /\P{M}\p{M}*|\p{M}+/gu;

/**
 * The comparable form of one cluster (see CLUSTERS): NFC, lower case, no white space at all, no
 * soft hyphens or zero-width characters, straight quotes and dashes. White space is dropped rather
 * than collapsed because a `<br>` or a block boundary on the page is a space or nothing in the
 * extracted text.
 */
export function foldClusterForMatching(cluster: string): string {
  if (/^\s+$/u.test(cluster) || INVISIBLE.test(cluster)) return '';
  const nfc = cluster.normalize('NFC').toLowerCase();
  return QUOTES[nfc] ?? nfc;
}

/** `text` in the form a sentence is found again on the page by, cluster by cluster. */
export function foldForMatching(text: string): string {
  let out = '';
  for (const m of text.matchAll(CLUSTERS)) out += foldClusterForMatching(m[0]);
  return out;
}
