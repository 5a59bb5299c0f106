import { UNRENDERED_TAGS } from '../dom/tags';
import { collapse } from '../text/whitespace';
import { boundedClone } from './clone';
import { decision, type Explain } from './explain';

/** Parses markup into a document that runs no script and loads nothing (the CLI's parser). */
export type HtmlParser = (html: string) => Document;

/**
 * A fallback with this much rendered text (Readability's own default threshold) is the page's
 * article written out for readers without scripts, not a tracking pixel or a "please enable
 * JavaScript" notice, which on portals runs to a few sentences.
 */
const FALLBACK_ARTICLE_CHARS = 500;

/**
 * A copy of the page with its article-sized <noscript> fallbacks read as markup, or null when it
 * has none. With scripting on (Chromium, and the CLI parsing as Chromium does) a <noscript> holds
 * its markup as one text node, and a page that writes its article from a script template keeps the
 * only static copy of the text there; the furniture rules drop <noscript>, a control of the page.
 * Each fallback becomes a <div> of its parsed content, so Readability sees its paragraphs.
 */
export function withNoscriptFallbacks(doc: Document, parse: HtmlParser, explain: Explain | undefined): Document | null {
  // Its markup is longer than its text: a shorter one cannot hold an article, and the page is not copied.
  const isCandidate = (fallback: Element) => collapse(fallback.textContent).length >= FALLBACK_ARTICLE_CHARS;
  if (!Array.from(doc.querySelectorAll('body noscript')).some(isCandidate)) return null;
  const copy = boundedClone(doc);
  let expanded = false;
  for (const fallback of Array.from(copy.querySelectorAll('body noscript')).filter(isCandidate)) {
    // A parser with scripting off (jsdom's, linkedom's) has already read the markup into elements.
    const content = fallback.children.length > 0 ? fallback : parse(fallback.textContent ?? '').body;
    if (!content || renderedChars(content) < FALLBACK_ARTICLE_CHARS) continue;
    const block = copy.createElement('div');
    for (const node of Array.from(content.childNodes)) block.appendChild(copy.importNode(node, true));
    fallback.replaceWith(block);
    explain?.(decision('noscript-fallback', 'chosen', block));
    expanded = true;
  }
  return expanded ? copy : null;
}

/** Characters of the text a reader would see: not a fallback's styles, scripts or inner <noscript>. */
function renderedChars(root: Element): number {
  let chars = 0;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let at = node.parentElement;
    while (at && at !== root && !UNRENDERED_TAGS.has(at.tagName)) at = at.parentElement;
    if (at === root) chars += collapse(node.nodeValue).length;
  }
  return chars;
}
