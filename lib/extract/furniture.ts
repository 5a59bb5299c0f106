/**
 * Page furniture that Readability lets through on real news pages: share bars, audio players,
 * file-name captions, subscribe/comment prompts. Each rule is general (text shape or widget
 * shape), never a site's class name, so it holds on sites we have not seen.
 */
import { measureTexts, type TextMeasures } from '../dom/text-measure';
import { PHOTO_CREDIT } from '../text/captions';
import { collapse } from '../text/whitespace';
import { decision, type Explain } from './explain';

/** Voice pickers of "listen to this article" widgets on Vietnamese news sites. */
const AUDIO_VOICE_LABEL = /^(nam|nữ)\s+miền\s+(bắc|trung|nam)$/i;
/** A media player's clock: "0:00 / 0:00", "00:00", "1:23:45". */
const PLAYER_CLOCK = /^\d{1,2}:\d{2}(:\d{2})?(\s*\/\s*\d{1,2}:\d{2}(:\d{2})?)?$/;
/** A caption that is only a file name ("IMG_5959.JPG", "Ảnh TTXVN.jpg"): the CMS leaked it. */
const FILE_NAME_CAPTION = /^[^\s/\\]?[^/\\]{0,80}\.(jpe?g|png|gif|webp|heic|bmp|tiff?)$/i;
/** Share/follow bars: short texts made only of network names, abbreviations and "share" words. */
const SHARE_WORD =
  /^(fb|yt|zl|tw|in|zalo|facebook|twitter|x|youtube|linkedin|telegram|whatsapp|messenger|email|e-mail|mail|print|in bài|copy link|sao chép( liên kết)?|chia sẻ|share|teilen|drucken|seite drucken|tweet|pinterest|reddit|xing|rss|[+]|\d+)$/i;
/** What a share bar puts between its words (a character class's body): its split and its first word agree on it. */
const SHARE_BAR_SEPARATORS = '\\s|·•/';
const SHARE_BAR_SPLIT = new RegExp(`[${SHARE_BAR_SEPARATORS}]+`);
/** The first word of a text, as a share bar's split gives it (see `isFurnitureText`). */
const FIRST_WORD = new RegExp(`^[${SHARE_BAR_SEPARATORS}]*([^${SHARE_BAR_SEPARATORS}]+)`);
/** Prompts that are not article text: subscribe, comment, follow, rate, back-to-top, listen. */
const PROMPT =
  /^(bình luận( bài viết này| của bạn)?( \(\d+\))?|gửi bình luận|viết bình luận|ý kiến bạn đọc|đăng ký( nhận tin| gói [^.]{0,40})?|theo dõi [^.]{0,60}( trên [^.]{0,30})?|nghe bài viết|đọc bài|xem thêm trên [^.]{0,40}|ist dieser beitrag hilfreich\??|newsletter( abonnieren)?|zum seitenanfang|nach oben|teilen-funktion aufrufen|seite drucken|back to top|subscribe( to [^.]{0,40})?|leave a comment|comments?( \(\d+\))?|listen to this article|prefer [^.]{0,40} on google)$/i;
/** The label an ad slot carries ("Anzeige", "- Advertisement -", "Reklama"): never said to a listener. */
const AD_LABEL = /^[-–—\s]*(anzeige|werbung|advertisement|sponsored|reklama|publicidad|publicité|quảng cáo)[-–—:\s]*$/i;
/**
 * A date alone on its line, with the time and a word or three before it ("23.10.2018",
 * "Publiziert: 03.04.2020, 12:35", "Erstellt am Dienstag 6. Mai 2014", "asked Feb 6, 2014 at
 * 20:37"): the page's publication stamp, which the article's metadata already carries.
 */
const DATE_LINE =
  /^(?:\p{L}+[:,]?\s+){0,3}(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s\p{L}{3,}\.?\s\d{4}|\p{L}{3,}\.?\s\d{1,2},?\s\d{4})(?:,?\s*(?:\p{L}{1,3}\s)?\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?(?:[+-]\d{2}:?\d{2})?(?:\s?(?:uhr|h|[ap]\.?m\.?))?)?[.\s]*$/iu;
/** Class/id names of widgets that are never article text when their content is short. */
const WIDGET_NAME =
  /(^|[-_\s])(share|sharing|social|audio|player|tts|listen|voice|comment|comments|subscribe|newsletter|toolbar|print|rating|follow|breadcrumbs?|bookmark)([-_\s]|$)/i;

/** A widget's own text (a share bar, a "listen" button, a rating) is short; a boxed paragraph is longer. */
const SHORT_WIDGET_TEXT = 160;
/** A credit names an agency or a photographer or two; a box that opens with "©" and goes on is text. */
const MAX_CREDIT_CHARS = 80;
/** A share bar lists at most this many networks and counters; a longer run of words is a sentence. */
const MAX_SHARE_BAR_WORDS = 12;
/** An audio widget shows a few voice names and a clock, never a paragraph. */
const MAX_AUDIO_WIDGET_TEXT = 300;

/** Share of an element's text that is link text: menus and teaser lists are mostly links, prose is not. */
export function linkTextShare(element: Element): number {
  return linkedChars(element) / (collapse(element.textContent).length || 1);
}

/** Characters of link text inside `element`, white space collapsed. */
export function linkedChars(element: Element): number {
  let linked = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) linked += collapse(link.textContent).length;
  return linked;
}

function isFurnitureText(text: string): boolean {
  if (!text) return false;
  if (AUDIO_VOICE_LABEL.test(text) || PLAYER_CLOCK.test(text) || FILE_NAME_CAPTION.test(text)) return true;
  if (PROMPT.test(text) || AD_LABEL.test(text)) return true;
  // A credit alone ("Foto: dpa", "(Ảnh: TTXVN)") names a photographer, says nothing to a listener.
  if (text.length <= MAX_CREDIT_CHARS && PHOTO_CREDIT.exec(text)?.index === 0) return true;
  // A share bar's every word is a share word, its first too: most texts fail on it, unsplit.
  const first = FIRST_WORD.exec(text)?.[1];
  if (first === undefined || !SHARE_WORD.test(first)) return false;
  // Split no further than the cap needs: a longer run of words is a sentence either way. Only the
  // first and the last piece can be empty, and a split cut short has no last piece.
  const words = text.split(SHARE_BAR_SPLIT, MAX_SHARE_BAR_WORDS + 2).filter(Boolean);
  return (
    words.length <= MAX_SHARE_BAR_WORDS &&
    words.some((word) => /\p{L}/u.test(word)) &&
    words.every((word) => SHARE_WORD.test(word))
  );
}

/** An audio-player widget (its <audio> already gone): a box that shows voice choices and a clock. */
function isAudioWidget(element: Element, texts: TextMeasures): boolean {
  // The length first: it is known without reading the text.
  const text = texts.isShorterThan(element, MAX_AUDIO_WIDGET_TEXT) ? texts.short(element) : null;
  return text !== null && /(nam|nữ)\s+miền\s+(bắc|nam)/i.test(text) && /\d:\d{2}/.test(text);
}

/**
 * Removes furniture from `root` (a clone of the page, or the article element Readability returned).
 * Leaves are judged by their own text; widgets by their name plus a short text, so a long
 * paragraph that merely sits in a box called "share" is never lost. `removed` is told every
 * element removed, in order.
 */
export function removeFurniture(root: Element, explain?: Explain, removed?: Element[]): void {
  // Removed elements and their descendants: checking this set instead of `root.contains` keeps
  // the pass linear on deep pages (each element is added once, with the subtree it left with).
  const gone = new Set<Element>();
  // Where a removal changed the text: re-measuring these (and their ancestors) is enough.
  const emptied = new Set<Element>();
  const remove = (element: Element, rule: string) => {
    explain?.(decision(rule, 'removed', element));
    gone.add(element);
    for (const inner of Array.from(element.querySelectorAll('*'))) gone.add(inner);
    if (element.parentElement) emptied.add(element.parentElement);
    element.remove();
    removed?.push(element);
  };
  for (const element of Array.from(root.querySelectorAll('audio, button, [role="button"], noscript, svg'))) {
    if (!gone.has(element)) remove(element, 'furniture:control');
  }
  emptied.clear();
  const texts = measureTexts(root);
  // ASP.NET and similar CMSs wrap the whole page in one <form>: only small forms are widgets.
  for (const form of Array.from(root.querySelectorAll('form'))) {
    if (!gone.has(form) && texts.isShorterThan(form, SHORT_WIDGET_TEXT)) remove(form, 'furniture:small-form');
  }
  for (const element of Array.from(root.querySelectorAll('div, section, aside, ul, ol, nav, span, p, figure'))) {
    if (element === root || gone.has(element)) continue;
    if (isAudioWidget(element, texts)) {
      remove(element, 'furniture:audio-widget');
      continue;
    }
    // The measured length first: unlike the names, it needs no DOM read.
    if (!texts.isShorterThan(element, SHORT_WIDGET_TEXT)) continue;
    const name = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (WIDGET_NAME.test(name) && !texts.isInSentence(element)) remove(element, 'furniture:widget-name');
  }
  // The widgets are gone: measure again where they were, so that a box that held one is judged by what is left.
  texts.remeasure(
    [...emptied].filter((element) => !gone.has(element)),
    root,
  );
  const judged = new Map<string, boolean>();
  for (const element of Array.from(
    root.querySelectorAll('p, span, div, li, figcaption, a, strong, em, b, i, small, h2, h3, h4, h5, h6, td'),
  )) {
    if (element === root || gone.has(element)) continue;
    const text = texts.short(element);
    if (text === null || texts.isInSentence(element)) continue;
    // Nested elements often have the same text (<p><a>…</a></p>): each text is judged once.
    let furniture = judged.get(text);
    if (furniture === undefined) judged.set(text, (furniture = isFurnitureText(text)));
    if (furniture) remove(element, 'furniture:text-shape');
    // A date in a heading or a table orders the content (a schedule's days, a list of releases).
    // Every date form has a digit: the cheap test spares most texts the long pattern.
    else if (/\d/.test(text) && DATE_LINE.test(text) && !element.closest('h1, h2, h3, h4, h5, h6, table'))
      remove(element, 'furniture:date-line');
  }
}

/** A caption this long is prose: photo stories tell the whole article in their captions. */
const PROSE_CAPTION = 100;

/**
 * Readability scores paragraphs, not captions, so a photo story (a body made only of
 * <figcaption>s) loses its text to the page footer. Prose-length captions become paragraphs.
 * Returns whether any did: then the page is read as a photo story.
 */
export function promoteProseCaptions(root: Element): boolean {
  const doc = root.ownerDocument;
  let promoted = false;
  for (const caption of Array.from(root.querySelectorAll('figcaption'))) {
    if (collapse(caption.textContent).length < PROSE_CAPTION) continue;
    const paragraph = doc.createElement('p');
    while (caption.firstChild) paragraph.appendChild(caption.firstChild);
    caption.replaceWith(paragraph);
    promoted = true;
  }
  return promoted;
}
