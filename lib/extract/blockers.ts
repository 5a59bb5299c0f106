import { collapse } from '../text/whitespace';
import { decision, type Explain } from './explain';

/**
 * What a consent tool shows where an embedded post, video or map would be until the reader agrees
 * to load it: the provider's content named with loading it, or the reader's consent named with
 * connecting to it. Addressed to the reader ("dein", "Ihr", "your"), never a sentence about
 * someone else's consent.
 */
const BLOCKER_MESSAGE = new RegExp(
  [
    'um (?:den|die) inhalte? (?:von|aus) \\S+ (?:zu )?(?:laden|anzuzeigen|sehen)',
    'wir[^.]{0,40}laden (?:der|von) inhalten? (?:von|aus) \\S+ blockiert',
    'ohne (?:dein|ihr)e? (?:einverständnis|zustimmung)[^.]{0,60}(?:verbindung|inhalte?|laden)',
    'without your consent[^.]{0,60}(?:connect|content|load)',
    'click (?:here |below |the button )?to (?:load|show|view|display) (?:the |this )?(?:content|video|map|post|tweet)',
  ].join('|'),
  'iu',
);
/** The message is a few lines; a longer block is text that happens to say so. */
const MAX_MESSAGE_CHARS = 400;
/** The blocker's box is its message with a title and a button or two: at most this much longer. */
const MAX_BOX_GROWTH = 2;
const LINES = 'p, div';

/** Cuts the consent tools' placeholders for embeds, with the title and buttons of their box. */
export function cutEmbedBlockers(content: Element, explain?: Explain): void {
  for (const line of Array.from(content.querySelectorAll(LINES))) {
    if (!content.contains(line) || line.querySelector(LINES)) continue;
    const chars = collapse(line.textContent).length;
    if (chars > MAX_MESSAGE_CHARS || !BLOCKER_MESSAGE.test(collapse(line.textContent))) continue;
    let box = line;
    for (
      let parent = box.parentElement;
      parent && parent !== content && collapse(parent.textContent).length <= MAX_BOX_GROWTH * chars;
      parent = parent.parentElement
    )
      box = parent;
    if (collapse(content.textContent).length <= collapse(box.textContent).length) return;
    explain?.(decision('embed-blocker', 'removed', box));
    box.remove();
  }
}
