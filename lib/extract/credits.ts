import { collapse } from '../text/whitespace';
import { decision, type Explain } from './explain';

/**
 * A line that only credits a picture, in the wordings `PHOTO_CREDIT` (which the furniture rules
 * drop) does not know: the featured or cover image named as such ("Titelbild: …", "Beitragsbild:
 * …", "Featured image: …"), "Crédits photos : …", "Photograph by …". Only named image words:
 * German compounds in -bild are mostly not pictures ("Leitbild: …" states a mission).
 */
const CREDIT_LINE = new RegExp(
  [
    '^(?:titel|beitrags|aufmacher)(?:bild|foto)\\s*:',
    '^(?:featured|cover) (?:image|photo)\\s*:',
    '^crédits? photos?\\s*:',
    // Not a sentence: "Photographs by the families were shown in court." ends as one.
    '^(?:photo(?:graph)?s?|pictures?) by .*[^.!?]$',
  ].join('|'),
  'iu',
);
/** A credit is a name or two and an agency; a longer line is a caption that says something. */
const MAX_CREDIT_CHARS = 100;
const LINES = 'p, div, span, em, i, small, figcaption';

/** Cuts the picture credits that stand as lines of their own in the article. */
export function cutCreditLines(content: Element, explain?: Explain): void {
  for (const line of Array.from(content.querySelectorAll(LINES))) {
    // Inside a line cut already (lines come outermost first).
    if (!content.contains(line)) continue;
    const text = collapse(line.textContent);
    if (!text || text.length > MAX_CREDIT_CHARS || !CREDIT_LINE.test(text)) continue;
    if (collapse(content.textContent).length <= text.length) return;
    explain?.(decision('credit-line', 'removed', line));
    line.remove();
  }
}
