/** String helpers for related-story detection. */

import { squeeze } from '../text/whitespace';

/** NFC, no soft hyphens, white space collapsed and trimmed: text as a reader compares it. */
export function normalizeText(text: string): string {
  let out = COMBINING_MARK.test(text) ? text.normalize('NFC') : text;
  if (out.includes('\u00AD')) out = out.replace(/\u00AD/g, '');
  return squeeze(out);
}

/** Only text with combining marks (decomposed "ê" + "̀") needs NFC; most text is composed already. */
const COMBINING_MARK = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;

/** Number of words, counting Vietnamese syllables as words (they are written apart). */
export function wordCount(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  return words ? words.length : 0;
}

/**
 * Lower-cased normalized text without the colon, bullets and arrows around it, for heading
 * matching. Dots are kept: "Xem thêm..." is an expander, not the heading "Xem thêm".
 */
export function headingKey(normalized: string): string {
  return normalized.toLowerCase().replace(/^[\s:：|•·»«›‹>\-–—#*]+|[\s:：|•·»«›‹>\-–—#*]+$/gu, '');
}
