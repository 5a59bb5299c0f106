/** White space folded to single spaces; soft hyphens and zero-width spaces (hyphenation hints) dropped. */
export function collapse(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\u00ad\u200b]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
