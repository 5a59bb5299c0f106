import { collapse } from '../text/whitespace';
import { decision, type Explain } from './explain';
import { proseChars } from './prose';

/** Characters of prose paragraphs outside figures that make a body of the page's own. */
const OWN_PROSE_BODY = 500;
const outsideFigures = (paragraph: Element) => !paragraph.closest('figure, figcaption');

/**
 * Whether the article tells its story in prose paragraphs of its own: then its captions describe
 * photos (a gallery's, with the photographer's credit), and only a photo story's captions are its text.
 */
export function hasOwnProseBody(root: Element): boolean {
  return proseChars(root, outsideFigures) >= OWN_PROSE_BODY;
}

/** An article tells its story outside its captions when this much of its text is outside them. */
const OWN_TEXT = 500;

/** A box named as a caption ("wp-caption-text", "media__caption", "image-caption"). */
const CAPTION_NAME = /caption/i;
/** A caption is a line or two under a photo; a longer box named so is a layout wrapper. */
const MAX_CAPTION_CHARS = 400;
/** Readability drops class names: caption boxes are marked on the clone before it runs. */
const MARK = 'data-loa-caption';

/** Marks the boxes of `root` (the clone) named as captions, for `cutPhotoCaptions`. */
export function markCaptionBoxes(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('[class]'))) {
    if (CAPTION_NAME.test(element.getAttribute('class') ?? '')) element.setAttribute(MARK, '');
  }
}

/**
 * Cuts the photo captions out of an article with a text of its own beside them: they describe the
 * photos (and carry the photographer's credit), they do not tell the story.
 */
export function cutPhotoCaptions(content: Element, explain?: Explain): void {
  const captions = Array.from(content.querySelectorAll(`figcaption, [${MARK}]`)).filter(
    (element) => element !== content && collapse(element.textContent).length <= MAX_CAPTION_CHARS,
  );
  const outermost = captions.filter(
    (caption) => !captions.some((other) => other !== caption && other.contains(caption)),
  );
  const captionChars = outermost.reduce((sum, caption) => sum + collapse(caption.textContent).length, 0);
  if (outermost.length === 0 || collapse(content.textContent).length - captionChars < OWN_TEXT) return;
  for (const caption of outermost) {
    explain?.(decision('photo-caption', 'removed', caption));
    caption.remove();
  }
}
