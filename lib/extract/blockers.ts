import { collapse } from '../text/whitespace';
import { words } from '../text/words';
import { decision, type Explain } from './explain';

/**
 * What a consent tool shows where an embedded post, video or map would be until the reader agrees
 * to load it: an imperative to click so that a provider's content loads, or the reader's consent
 * ("dein", "Ihr": the address is capitalised, so it is matched case by case) or data named with
 * the connection or the loading it holds back. Never a sentence about someone else's consent
 * ("ohne ihre Zustimmung hochgeladen") or about content in general ("um die Inhalte … zu sehen").
 */
const BLOCKER_MESSAGE = new RegExp(
  `${words(['klicke', 'klicken sie', 'tippe', 'tippen sie'])}[^.]{0,60}um (?:den|die) inhalte? (?:von|aus) \\S+ (?:zu )?${words(['laden', 'anzuzeigen'])}`,
  'iu',
);
const READER_CONSENT = new RegExp(
  [
    `${words(['[Oo]hne (?:[Dd]ein|Ihr)e? (?:Einverständnis|Zustimmung)'])}[^.]{0,60}${words(['Verbindung', 'Inhalte?', 'laden'])}`,
    `${words(['(?:[Dd]ein|Ihr)e[rn]? (?:persönlichen )?Daten'])}[^.]{0,40}${words(['wir'])}[^.]{0,40}Laden (?:der|von) Inhalten? (?:von|aus) \\S+ blockiert`,
  ].join('|'),
  'u',
);
/** The message is a few lines; a longer block is text that happens to say so. */
const MAX_MESSAGE_CHARS = 400;
/** The blocker's box is its message with a title and a button or two: each other part at most this long. */
const MAX_BOX_PART_CHARS = 60;
const MESSAGE_LINES = 'p, div';

/** A title, a button or the consent checkbox's label: what a blocker's box holds beside its message. */
function isBoxPart(part: Element): boolean {
  return (
    collapse(part.textContent).length <= MAX_BOX_PART_CHARS ||
    part.matches('label, input, a') ||
    part.querySelector('label, input') !== null
  );
}

/** Cuts the consent tools' placeholders for embeds, with the title and buttons of their box. */
export function cutEmbedBlockers(content: Element, explain?: Explain): void {
  for (const line of Array.from(content.querySelectorAll(MESSAGE_LINES))) {
    if (!content.contains(line) || line.querySelector(MESSAGE_LINES)) continue;
    const text = collapse(line.textContent);
    if (text.length > MAX_MESSAGE_CHARS || !(BLOCKER_MESSAGE.test(text) || READER_CONSENT.test(text))) continue;
    // The box grows over its title and buttons, never over a paragraph beside the message.
    let box = line;
    for (
      let parent = box.parentElement;
      parent && parent !== content && Array.from(parent.children).every((part) => part === box || isBoxPart(part));
      parent = parent.parentElement
    )
      box = parent;
    if (collapse(content.textContent).length <= collapse(box.textContent).length) return;
    explain?.(decision('embed-blocker', 'removed', box));
    box.remove();
  }
}
