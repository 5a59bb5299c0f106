import { decision, type Explain } from './explain';
import { linkTextShare } from './furniture';
import { collapse } from '../text/whitespace';

/** Class/id names news CMSs give the bold lead ("sapo" in Vietnamese newsrooms, "chapô", "teaser"). */
const LEAD_NAME =
  /sapo|chapo|chapeau|teaser|standfirst|(^|[-_\s])(lead|intro|summary|abstract|excerpt|description|desc)([-_\s]|$)|(lead|intro|summary)(text|paragraph)/i;
/** A lead is a paragraph, not a heading line and not a whole article. */
const MIN_LEAD = 40;
const MAX_LEAD = 1200;
/** A lead is prose: a box that is mostly link text is a teaser or a menu. */
const MAX_LEAD_LINK_SHARE = 0.5;
/** A lead is one or two paragraphs; a box with more is the article (or a sidebar). */
const MAX_LEAD_PARAGRAPHS = 2;
/** "All bold" allows a little plain text: a dateline or an agency tag in front of the bold words. */
const MIN_BOLD_SHARE = 0.9;
/**
 * A paragraph is the meta description's lead when it is about as long (descriptions are cut, so
 * a little shorter is fine), holds nearly all of its words, and most of its own words are in it.
 */
const DESCRIPTION_LENGTH_SHARE = 0.8;
const DESCRIPTION_WORDS_IN_PARAGRAPH = 0.9;
const PARAGRAPH_WORDS_IN_DESCRIPTION = 0.6;
/** A cut copy of the lead shorter than this could be any short line ("Hà Nội"), not the lead again. */
const MIN_LEAD_COPY = 30;
/** A headline candidate must share at least this much with the document title to replace it. */
const MIN_HEADLINE_MATCH = 0.5;
/** Shorter is a kicker or a date, longer is a paragraph set in <h1>. */
const MIN_HEADLINE = 8;
const MAX_HEADLINE = 300;
/**
 * Titles often add the site name ("… | Báo Mẫu"), so the title's words missing from the headline
 * count less than the headline's words missing from the title.
 */
const TITLE_EXTRA_ALLOWANCE = 0.3;

export interface Lead {
  text: string;
  element: Element | null;
}

export function normalized(text: string): string {
  return collapse(text)
    .normalize('NFC')
    .replace(/\u00ad/g, '')
    .toLowerCase();
}

/**
 * How much of one text's words another holds (a truncated meta description still matches), in
 * parts, so that a text compared with many (the meta description, the document title) is
 * normalized and split once: the words counted on the short side, ...
 */
function wordsOf(text: string): string[] {
  return normalized(text)
    .split(' ')
    .filter((word) => word.length > 1);
}

/** ...the words looked up on the long side, ... */
function poolOf(text: string): Set<string> {
  return new Set(normalized(text).split(' '));
}

/** ...and the share of the first found in the second. */
function shareIn(words: string[], pool: Set<string>): number {
  return words.length === 0 ? 0 : words.filter((word) => pool.has(word)).length / words.length;
}

function metaDescription(doc: Document): string {
  for (const selector of [
    'meta[property="og:description"]',
    'meta[name="description"]',
    'meta[name="twitter:description"]',
  ]) {
    const content = collapse(doc.querySelector(selector)?.getAttribute('content'));
    if (content.length >= MIN_LEAD) return content;
  }
  return '';
}

/** A body paragraph this long marks where the article text has begun. */
const LONG_PARAGRAPH = 250;

/** Scripts, JSON-LD, styles and dialogs hold text no reader sees: never a lead. */
function isVisibleText(element: Element): boolean {
  return (
    !element.closest('script, style, template, dialog, [hidden], [aria-hidden="true"]') &&
    !element.querySelector('script, style, template')
  );
}

function isLeadSized(element: Element): boolean {
  const text = collapse(element.textContent);
  return (
    text.length >= MIN_LEAD &&
    text.length <= MAX_LEAD &&
    linkTextShare(element) < MAX_LEAD_LINK_SHARE &&
    element.querySelectorAll('p').length <= MAX_LEAD_PARAGRAPHS
  );
}

/** Whole paragraph set in bold: how most Vietnamese and many German sites mark the lead inline. */
function isAllBold(element: Element): boolean {
  const text = collapse(element.textContent);
  if (text.length < MIN_LEAD) return false;
  let bold = 0;
  for (const strong of Array.from(element.querySelectorAll('strong, b'))) {
    if (!strong.parentElement?.closest('strong, b') || strong.parentElement === element)
      bold += collapse(strong.textContent).length;
  }
  return bold / text.length > MIN_BOLD_SHARE;
}

/**
 * Finds the lead paragraph on the page (run it on the clone before Readability, which tends to
 * drop leads that sit outside the article container). Three signals, strongest first:
 * the page's meta description repeats it, the CMS named it (LEAD_NAME), or it is the first
 * paragraph after the headline and it is all bold.
 */
export function findLead(doc: Document, explain?: Explain): Lead | null {
  const lead = findLeadOn(doc);
  if (lead) explain?.(decision(`lead:${lead.signal}`, 'chosen', lead.element, lead.text));
  return lead && { text: lead.text, element: lead.element };
}

function findLeadOn(doc: Document): (Lead & { signal: string }) | null {
  const description = metaDescription(doc);
  const body = doc.body;
  if (!body) return null;
  // A lead follows the headline; a "summary" box in the site header is not it. Document order is
  // numbered once: compareDocumentPosition walks the tree per call in linkedom, which made this
  // quadratic on pages of thousands of paragraphs (a static list: indexing jsdom's live
  // getElementsByTagName is quadratic too). An ancestor comes before, so it never follows. Only a
  // page with a headline asks, so the numbering waits for the first question.
  let order: Map<Element, number> | undefined;
  const position = (element: Element) => {
    if (!order) {
      const numbered = (order = new Map());
      body.querySelectorAll('*').forEach((each, index) => numbered.set(each, index));
    }
    return order.get(element) ?? -1;
  };
  const follows = (element: Element, anchor: Element) => position(element) > position(anchor);
  const paragraphs = Array.from(body.querySelectorAll('p'));
  // A theme's site title in the page header is an <h1> too, before the article's: an <h1> outside
  // the chrome is taken over it, but only above the body's text (a widget's "Latest news" below
  // it is no headline, and an article's own header may sit outside <article> and <main>).
  const headlines = Array.from(body.querySelectorAll('h1'));
  const bodyStart = paragraphs.find((p) => collapse(p.textContent).length >= LONG_PARAGRAPH);
  const headline =
    headlines.find((heading) => !chromeOf(heading) && (!bodyStart || follows(bodyStart, heading))) ??
    headlines[0] ??
    null;
  // A lead sits between the headline and the body's first long paragraph: a teaser in a sidebar,
  // an author bio or a slideshow caption after the article is not it.
  const firstLong = headline
    ? paragraphs.find((p) => follows(p, headline) && collapse(p.textContent).length >= LONG_PARAGRAPH)
    : undefined;
  const afterHeadline = (element: Element) =>
    (!headline || follows(element, headline)) && (!firstLong || element === firstLong || !follows(element, firstLong));

  if (description) {
    const descriptionWords = wordsOf(description);
    const descriptionPool = poolOf(description);
    for (const element of Array.from(body.querySelectorAll('p, h2, div, span, strong'))) {
      // A box of paragraphs is ruled out before its whole text is read and measured.
      if (!afterHeadline(element) || element.querySelector('p, div') || !isLeadSized(element)) continue;
      const text = collapse(element.textContent);
      if (
        text.length >= description.length * DESCRIPTION_LENGTH_SHARE &&
        shareIn(descriptionWords, poolOf(text)) > DESCRIPTION_WORDS_IN_PARAGRAPH &&
        shareIn(wordsOf(text), descriptionPool) > PARAGRAPH_WORDS_IN_DESCRIPTION &&
        isVisibleText(element)
      ) {
        return { text, element, signal: 'meta-description' };
      }
    }
  }

  const named = Array.from(body.querySelectorAll('[class], [id]')).filter((element) => {
    const name = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    return (
      LEAD_NAME.test(name) &&
      !/^(meta|link|script|style|a|li|ul|ol|nav|header|footer|form|img|input)$/i.test(element.tagName) &&
      // A "teaser" that holds a picture is an image box, and "©" marks a photo credit.
      !element.querySelector('img, picture, figure, noscript') &&
      !collapse(element.textContent).includes('©') &&
      isLeadSized(element)
    );
  });
  // The site's header, a footer or a sidebar holds a site description or an author bio, not this
  // article's lead, unless the headline sits in it too.
  const inPageChrome = (element: Element) => {
    const chrome = chromeOf(element);
    return chrome !== null && !(headline && chrome.contains(headline));
  };
  // Prefer the innermost named box.
  const namedLead = named.find(
    (element) =>
      afterHeadline(element) &&
      !inPageChrome(element) &&
      !named.some((other) => other !== element && element.contains(other)) &&
      isVisibleText(element),
  );
  if (namedLead) return { text: collapse(namedLead.textContent), element: namedLead, signal: 'named-box' };

  const firstParagraph = headline
    ? paragraphs.find((p) => afterHeadline(p) && collapse(p.textContent).length >= MIN_LEAD)
    : undefined;
  if (firstParagraph && isAllBold(firstParagraph) && isLeadSized(firstParagraph) && isVisibleText(firstParagraph)) {
    return { text: collapse(firstParagraph.textContent), element: firstParagraph, signal: 'all-bold' };
  }
  return null;
}

/**
 * The site's header, footer, navigation or sidebar around `element`, or null. A <header> inside
 * the article or <main> is the article's own (headline, kicker, intro).
 */
function chromeOf(element: Element): Element | null {
  const header = element.closest('header');
  return element.closest('footer, nav, aside') ?? (header?.closest('article, main') ? null : header);
}

/**
 * True when `text` is the lead again (Readability often keeps the lead inside the content), or a
 * cut copy of it. A body paragraph that begins with the lead and goes on is body text (the lead
 * was an excerpt of it), and is kept.
 */
export function repeatsLead(text: string, lead: string): boolean {
  const a = normalized(text);
  const b = normalized(lead);
  return a === b || (a.length > MIN_LEAD_COPY && b.startsWith(a));
}

/**
 * The texts the page's <h1> elements offer as its headline, read before extraction changes the
 * page. Headlines often carry a kicker or a date inside the <h1> ("Ernährung sichern",
 * "27.01.2022"): each child is a candidate too.
 */
export function headlineCandidates(doc: Document): string[] {
  return Array.from(doc.querySelectorAll('h1'))
    .flatMap((heading) => [heading, ...Array.from(heading.childNodes)].map((node) => collapse(node.textContent)))
    .filter((text) => text.length >= MIN_HEADLINE && text.length <= MAX_HEADLINE);
}

/**
 * The headline as a reader sees it: the page's <h1> (of `headlineCandidates`, the one closest to
 * the document title) when it is this article's (its words overlap the document title), since
 * <title> often carries the site name or an SEO variant.
 */
export function findHeadline(candidates: string[], documentTitle: string): string {
  let best = '';
  let bestScore = MIN_HEADLINE_MATCH;
  const titleWords = wordsOf(documentTitle);
  const titlePool = poolOf(documentTitle);
  for (const text of candidates) {
    const score = Math.min(
      shareIn(wordsOf(text), titlePool),
      shareIn(titleWords, poolOf(text)) + TITLE_EXTRA_ALLOWANCE,
    );
    if (score > bestScore) {
      best = text;
      bestScore = score;
    }
  }
  return best || documentTitle;
}
