import { collapse } from '../text/whitespace';
import { decision, type Explain } from './explain';
import { proseChars, type ProseLengths } from './prose';

/** Readability drops class names: caption boxes are marked on the clone before it runs. */
const MARK = 'data-loa-caption';
/** Captions: figures' own and marked caption boxes. */
const CAPTIONS = `figcaption, [${MARK}]`;
/** Where a caption's text sits apart from the story's: figures and their captions. */
const CAPTION_PLACES = `figure, ${CAPTIONS}`;

/**
 * Characters of the page's own text outside figures and captions that make a body of text beside
 * its photos. Before Readability only prose paragraphs are counted (a gallery's credit lines are
 * not a body); in Readability's pick, after the boxes are cut, all its text (lists and tables too).
 */
const OWN_BODY = 500;
const outsideCaptions = (paragraph: Element) => !paragraph.closest(CAPTION_PLACES);

/**
 * Whether the article tells its story in prose paragraphs of its own: then its captions describe
 * photos (a gallery's, with the photographer's credit), and only a photo story's captions are its text.
 */
export function hasOwnProseBody(root: Element, known?: ProseLengths): boolean {
  return proseChars(root, outsideCaptions, known) >= OWN_BODY;
}

/**
 * A class word naming a caption ("wp-caption-text", "media__caption", "image-caption"), as a whole
 * word between separators: "captionless" is not one, nor is a negated "no-caption".
 */
const CAPTION_NAME = /(?:^|[\s_-])(?<!(?:^|[\s_])no-)captions?(?:$|[\s_-])/i;
/** Elements that are text of their own even when a theme names them a caption: headings, tables. */
const TEXT_OF_ITS_OWN = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'CAPTION']);
const IMAGE = 'img, picture, figure';
/** A caption is a line or two under a photo; a longer box named so is a layout wrapper. */
const MAX_CAPTION_CHARS = 400;

/**
 * Whether `element` (on the clone, below the page's wrappers: see `markBoxes`) is a short box named
 * as a caption that sits with a photo:
 * inside a figure (a heading or a table only there), holding the image, or beside it (past the
 * photo's other caption boxes: its description, then its credit).
 */
export function isCaptionBox(element: Element, className: string): boolean {
  if (!CAPTION_NAME.test(className)) return false;
  if (collapse(element.textContent).length > MAX_CAPTION_CHARS) return false;
  if (element.closest('figure')) return true;
  if (TEXT_OF_ITS_OWN.has(element.tagName)) return false;
  return (
    element.querySelector(IMAGE) !== null ||
    holdsImage(besideCaptions(element, 'previousElementSibling')) ||
    holdsImage(besideCaptions(element, 'nextElementSibling'))
  );
}

/** The first sibling that way that is neither a box named as a caption nor an empty box. */
function besideCaptions(element: Element, way: 'previousElementSibling' | 'nextElementSibling'): Element | null {
  let sibling = element[way];
  while (sibling && (CAPTION_NAME.test(sibling.getAttribute('class') ?? '') || isEmptyBox(sibling)))
    sibling = sibling[way];
  return sibling;
}

const isEmptyBox = (element: Element) => !holdsImage(element) && !collapse(element.textContent);

const holdsImage = (element: Element | null) =>
  element !== null && (element.matches(IMAGE) || element.querySelector(IMAGE) !== null);

/**
 * Marks a caption box for `cutPhotoCaptions`. Readability replaces a <div> that holds one paragraph
 * by that paragraph, and first wraps a <div>'s loose text in a new one, so the mark goes on
 * everything inside the box too, and the loose text of its <div>s is set in marked paragraphs here.
 */
export function markCaptionBox(box: Element): void {
  for (const element of [box, ...Array.from(box.querySelectorAll('*'))]) {
    element.setAttribute(MARK, '');
    if (element.tagName !== 'DIV' || element.children.length > 0 || !collapse(element.textContent)) continue;
    const paragraph = element.ownerDocument.createElement('p');
    paragraph.setAttribute(MARK, '');
    while (element.firstChild) paragraph.appendChild(element.firstChild);
    element.appendChild(paragraph);
  }
}

/**
 * Cuts the photo captions out of an article with a body of text of its own beside them: they
 * describe the photos and carry the photographer's credit, they do not tell the story.
 */
export function cutPhotoCaptions(content: Element, explain?: Explain): void {
  const captions: { element: Element; chars: number }[] = [];
  for (const element of Array.from(content.querySelectorAll(CAPTIONS))) {
    // The whole of Readability's pick, or inside a caption counted already.
    if (element === content || element.parentElement?.closest(CAPTIONS)) continue;
    const chars = collapse(element.textContent).length;
    if (chars <= MAX_CAPTION_CHARS) captions.push({ element, chars });
  }
  const captionChars = captions.reduce((sum, caption) => sum + caption.chars, 0);
  if (captions.length === 0 || collapse(content.textContent).length - captionChars < OWN_BODY) return;
  for (const { element } of captions) {
    explain?.(decision('photo-caption', 'removed', element));
    element.remove();
  }
}
