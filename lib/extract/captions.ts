import { collapse } from '../text/whitespace';
import { decision, type Explain } from './explain';
import { proseChars } from './prose';

/** Readability drops class names: caption boxes are marked on the clone before it runs. */
const MARK = 'data-loa-caption';
/** Where a caption's text sits apart from the story's: figures, their captions, marked caption boxes. */
const CAPTION_PLACES = `figure, figcaption, [${MARK}]`;

/** Characters of prose paragraphs outside figures and captions that make a body of the page's own. */
const OWN_PROSE_BODY = 500;
const outsideCaptions = (paragraph: Element) => !paragraph.closest(CAPTION_PLACES);

/**
 * Whether the article tells its story in prose paragraphs of its own: then its captions describe
 * photos (a gallery's, with the photographer's credit), and only a photo story's captions are its text.
 */
export function hasOwnProseBody(root: Element): boolean {
  return proseChars(root, outsideCaptions) >= OWN_PROSE_BODY;
}

/**
 * A class word naming a caption ("wp-caption-text", "media__caption", "image-caption"), as a whole
 * word between separators: "captionless" is not one, nor is a negated "no-caption".
 */
const CAPTION_NAME = /(?:^|[\s_-])(?<!(?:^|[\s_])no-)captions?(?:$|[\s_-])/i;
/** Elements that are text of their own even when a theme names them a caption: headings, tables. */
const NOT_A_CAPTION_BOX = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'CAPTION', 'BODY', 'MAIN', 'ARTICLE']);
const IMAGE = 'img, picture, figure';
/** A caption is a line or two under a photo; a longer box named so is a layout wrapper. */
const MAX_CAPTION_CHARS = 400;

/**
 * Whether `element` (on the clone) is a short box named as a caption that sits with a photo:
 * inside a figure, holding the image, or right beside it.
 */
export function isCaptionBox(element: Element, className: string): boolean {
  if (!CAPTION_NAME.test(className) || NOT_A_CAPTION_BOX.has(element.tagName)) return false;
  if (collapse(element.textContent).length > MAX_CAPTION_CHARS) return false;
  if (element.closest('figure') || element.querySelector(IMAGE)) return true;
  return [element.previousElementSibling, element.nextElementSibling].some(
    (sibling) => sibling !== null && (sibling.matches(IMAGE) || sibling.querySelector(IMAGE) !== null),
  );
}

/**
 * Marks a caption box for `cutPhotoCaptions`. Readability replaces a <div> that holds one paragraph
 * by that paragraph, and first wraps a <div>'s loose text in one, so the mark goes on the box's
 * paragraphs too, and its loose text is set in a marked paragraph here.
 */
export function markCaptionBox(box: Element): void {
  box.setAttribute(MARK, '');
  if (box.tagName === 'DIV' && box.children.length === 0 && collapse(box.textContent)) {
    const paragraph = box.ownerDocument.createElement('p');
    while (box.firstChild) paragraph.appendChild(box.firstChild);
    box.appendChild(paragraph);
  }
  for (const paragraph of Array.from(box.querySelectorAll('p'))) paragraph.setAttribute(MARK, '');
}

/**
 * Cuts the photo captions out of an article with a body of prose of its own beside them (measured
 * as `hasOwnProseBody` measures the page): they describe the photos and carry the photographer's
 * credit, they do not tell the story.
 */
export function cutPhotoCaptions(content: Element, explain?: Explain): void {
  if (!hasOwnProseBody(content)) return;
  for (const caption of Array.from(content.querySelectorAll(`figcaption, [${MARK}]`))) {
    // The whole of Readability's pick, or inside a caption already cut.
    if (caption === content || !content.contains(caption)) continue;
    if (collapse(caption.textContent).length > MAX_CAPTION_CHARS) continue;
    explain?.(decision('photo-caption', 'removed', caption));
    caption.remove();
  }
}
