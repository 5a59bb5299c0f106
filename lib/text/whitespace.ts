/** Runs of white space folded to single spaces, ends trimmed; every other character kept. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** White space folded to single spaces; soft hyphens and zero-width spaces (hyphenation hints) dropped. */
export function collapse(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\u00ad\u200b]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Soft hyphens and zero-width characters: hyphenation and joining hints a page shows as nothing. */
export const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const INVISIBLES = new RegExp(INVISIBLE.source, 'g');

/** `text` without its INVISIBLE characters. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLES, '');
}
