/**
 * Boxes a CMS puts inside or right after the article that are not its text: the author's bio,
 * the post's metadata line, ratings, newsletter and subscription promotions, paywall notices,
 * copyright lines. They are recognised by the names themes give them (words, never a site's
 * name), marked on the clone before Readability runs (so its choice of container is the one it
 * makes on the page as it is) and cut from its output, since Readability drops class names.
 */
import { collapse } from '../text/whitespace';
import { isCaptionBox, markCaptionBox } from './captions';
import { decision, type Explain } from './explain';

/**
 * Class/id words of boilerplate boxes, as WordPress themes and news CMSs name them; not when
 * negated ("non-paywall" is the free part of an article).
 */
const BOILERPLATE_NAME =
  /(^|[\s_-])(?<!(?:^|[\s_])no[nt]?-)(author-?(bio|box|info|card|description|details|profile)|about-?(the-)?author|entry-author|saboxplugin-wrap|post-?metadata|post-?meta|entry-meta|entry-utility|entry-footer|post-?ratings?|star-?rating|copyright|(photo-?|image-?)?credits?|newsletter|paywall|subscription|share-?(bar|buttons|links)|tags?-?(list|links|cloud)|post-?tags)($|[\s_-])/i;
/** A box this long is not a bio or a metadata line: some themes name the whole post "entry-meta". */
const MAX_BOX_CHARS = 1500;
/** ...nor is a box that holds most of what Readability chose: then the theme named the post itself. */
const MAX_BOX_SHARE = 0.5;
const MARK = 'data-loa-boilerplate';

/**
 * Marks the boilerplate boxes of `root` (the clone) for `cutMarkedBoxes`, and its caption boxes for
 * `cutPhotoCaptions`, in one pass over the named elements.
 */
export function markBoxes(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('[class], [id]'))) {
    // The page's own wrappers are neither: a theme's class on them names the page, not a box.
    if (/^(BODY|HTML|MAIN|ARTICLE)$/.test(element.tagName)) continue;
    const className = element.getAttribute('class') ?? '';
    if (isCaptionBox(element, className)) markCaptionBox(element);
    if (!BOILERPLATE_NAME.test(`${className} ${element.getAttribute('id') ?? ''}`)) continue;
    if (collapse(element.textContent).length > MAX_BOX_CHARS) continue;
    element.setAttribute(MARK, '');
  }
}

/**
 * Removes headings that end the text: a heading introduces what follows it, so one with nothing
 * after it was the title of a box that is gone ("Weiterlesen", "Autoren:", "Mehr zum Thema").
 * A heading element that holds prose (paragraphs, or sentence after sentence) is the article
 * itself set in a heading tag, and stays.
 */
export function cutTrailingHeadings(content: Element, explain?: Explain): void {
  for (;;) {
    const headings = Array.from(content.querySelectorAll('h1, h2, h3, h4, h5, h6'));
    const last = headings[headings.length - 1];
    if (!last || textAfter(last, content) || holdsProse(last)) return;
    explain?.(decision('trailing-heading', 'removed', last));
    last.remove();
  }
}

/** A word that ends a sentence, and one that opens the next. */
const SENTENCE_END = /[.!?…。！？]["'”’»)]*$/u;
const SENTENCE_START = /^\p{Lu}/u;
/** Words before a sentence's end for it to count as a sentence, not an abbreviation ("Dr. Oetker"). */
const MIN_SENTENCE_WORDS = 4;

/** Paragraphs inside, or a sentence followed by another: a title has one sentence at most. */
function holdsProse(heading: Element): boolean {
  if (heading.querySelector('p')) return true;
  const words = collapse(heading.textContent).split(' ');
  return words.some(
    (word, index) =>
      index + 1 >= MIN_SENTENCE_WORDS && SENTENCE_END.test(word) && SENTENCE_START.test(words[index + 1] ?? ''),
  );
}

function textAfter(element: Element, root: Element): boolean {
  for (let at: Element | null = element; at && at !== root; at = at.parentElement) {
    for (let next = at.nextSibling; next; next = next.nextSibling) {
      if (collapse(next.textContent).length > 0) return true;
    }
  }
  return false;
}

/** Removes the marked boxes from Readability's output. */
export function cutMarkedBoxes(content: Element, explain?: Explain): void {
  const contentChars = collapse(content.textContent).length;
  for (const box of Array.from(content.querySelectorAll(`[${MARK}]`))) {
    // A box inside a box already cut.
    if (!content.contains(box)) continue;
    if (collapse(box.textContent).length > contentChars * MAX_BOX_SHARE) continue;
    explain?.(decision('boilerplate-box', 'removed', box));
    box.remove();
  }
}
