/**
 * Lower-cased word tokens. Vietnamese writes a space between syllables, so for Vietnamese these
 * are syllables ("chính", "phủ"), not words; German and English tokens are words.
 * Numbers keep their separators ("4.142", "78,7") so that a figure is one token.
 */
export function tokenize(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(TOKEN) ?? [];
}

const TOKEN = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+/gu;
