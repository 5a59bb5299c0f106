import { collapse } from '../text/whitespace';
import { decision, type Explain } from './explain';

/**
 * A line that only credits a picture, in the wordings `PHOTO_CREDIT` (which the furniture rules
 * drop) does not know: the featured or cover image named as such ("Titelbild: …", "Beitragsbild:
 * …", "Featured image: …"), "Crédits photos : …", "Photo by A. Name / Agency". Only named image words:
 * German compounds in -bild are mostly not pictures ("Leitbild: …" states a mission).
 */
const CREDIT_LINE =
  /^(?:(?:titel|beitrags|aufmacher)(?:bild|foto)|(?:featured|cover) (?:image|photo)|crédits? photos?)\s*:/iu;
/** "Photo by …" with a credit's shape: a name or two, then an agency or "on Unsplash", not a sentence. */
const CREDIT_BY =
  /^(?:[Pp]hoto(?:graph)?s?|[Pp]ictures?) by (?:\p{Lu}[\p{L}.'’-]*,? ?){1,4}(?:(?:\/|on|for|via|,|\||-|–) ?.{0,50})?$/u;
/** A credit is a name or two and an agency; a longer line is a caption that says something. */
const MAX_CREDIT_CHARS = 100;
const CREDIT_LINES = 'p, div, span, em, i, small, figcaption';
const INLINE_LINES = new Set(['SPAN', 'EM', 'I', 'SMALL']);

/** Cuts the picture credits that stand as lines of their own in the article. */
export function cutCreditLines(content: Element, explain?: Explain): void {
  for (const line of Array.from(content.querySelectorAll(CREDIT_LINES))) {
    // Only a line of its own: not a wrapper of other lines, not a title inside a sentence.
    if (!content.contains(line) || line.querySelector('p, div, figcaption')) continue;
    const text = collapse(line.textContent);
    if (!text || text.length > MAX_CREDIT_CHARS || !(CREDIT_LINE.test(text) || CREDIT_BY.test(text))) continue;
    if (INLINE_LINES.has(line.tagName) && collapse(line.parentElement?.textContent) !== text) continue;
    if (collapse(content.textContent).length <= text.length) return;
    explain?.(decision('credit-line', 'removed', line));
    line.remove();
  }
}
