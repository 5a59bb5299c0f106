import { collapse } from '../text/whitespace';
import { linkedChars } from './furniture';

/** A prose paragraph: this long at least, ending a sentence, and mostly not link text. */
const PROSE_CHARS = 80;
const MAX_PROSE_LINK_SHARE = 0.25;
const SENTENCE_END = /[.!?…。！？]["'”’»“)]*$/u;
/** Page chrome: its paragraphs are never the article's. */
const CHROME = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM']);
/** Readers' comments are prose too, but not the article. */
const COMMENTS = /(^|[\s_-])(comments?|commentlist|replies|reply|respond|discussion)([\s_-]|$)/i;
/** How far above its paragraphs an article's headline sits, at most. */
const HEADLINE_CLIMB = 5;

function inComments(element: Element): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) {
    if (COMMENTS.test(`${at.getAttribute('class') ?? ''} ${at.getAttribute('id') ?? ''}`)) return true;
  }
  return false;
}

/** The elements that hold an <h1> (an element's `querySelector('h1')` finds one), found once for all climbs. */
function headlineHolders(root: Element): Set<Element> {
  let top = root;
  while (top.parentElement) top = top.parentElement;
  const holders = new Set<Element>();
  for (const headline of Array.from(top.querySelectorAll('h1'))) {
    for (let at = headline.parentElement; at && !holders.has(at); at = at.parentElement) holders.add(at);
  }
  return holders;
}

/** Whether the page's headline sits in the element or a few levels above it. */
function nearHeadline(element: Element, holders: Set<Element>): boolean {
  let at: Element | null = element;
  for (let level = 0; at && level <= HEADLINE_CLIMB; at = at.parentElement, level += 1) {
    if (holders.has(at)) return true;
  }
  return false;
}

/**
 * Prose lengths already measured, by paragraph. On the prepared clone `hasOwnProseBody` and then
 * `proseContainer` measure the same paragraphs, and nothing inside them changes in between (a
 * photo story's captions become new paragraphs around them): the second reads the first's.
 */
export type ProseLengths = Map<Element, number>;

/** `proseLength`, read from `known` when measured already, and kept there. */
function knownProseLength(paragraph: Element, known: ProseLengths | undefined): number {
  let length = known?.get(paragraph);
  if (length === undefined) {
    length = proseLength(paragraph);
    known?.set(paragraph, length);
  }
  return length;
}

/** The length of a prose paragraph's text, or 0 for any other paragraph. */
function proseLength(paragraph: Element): number {
  const raw = paragraph.textContent ?? '';
  // Collapsing only shortens a text: a short raw text is never prose, and needs no collapsing.
  if (raw.length < PROSE_CHARS) return 0;
  const text = collapse(raw);
  if (text.length < PROSE_CHARS || !SENTENCE_END.test(text)) return 0;
  return linkedChars(paragraph) < MAX_PROSE_LINK_SHARE * text.length ? text.length : 0;
}

function inChrome(element: Element): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) if (CHROME.has(at.tagName)) return true;
  return false;
}

/** Characters of prose paragraphs inside `root` (those `counts` accepts). */
export function proseChars(
  root: Element,
  counts: (paragraph: Element) => boolean = () => true,
  known?: ProseLengths,
): number {
  let total = 0;
  for (const paragraph of Array.from(root.querySelectorAll('p')))
    if (counts(paragraph)) total += knownProseLength(paragraph, known);
  return total;
}

/** The element whose child paragraphs are the most prose, with its first such paragraph. */
export interface ProseContainer {
  element: Element;
  first: Element;
  chars: number;
}

/**
 * The element whose own child paragraphs are the most prose: where an article's paragraphs sit
 * side by side. Readability scores commas and length, so a long list of names or a table can
 * outscore a body of sentences; this asks only for sentences.
 */
export function proseContainer(root: Element, known?: ProseLengths): ProseContainer | null {
  const totals = new Map<Element, { first: Element; chars: number }>();
  for (const paragraph of Array.from(root.querySelectorAll('p'))) {
    const parent = paragraph.parentElement;
    const length = parent ? knownProseLength(paragraph, known) : 0;
    if (!parent || length === 0) continue;
    const total = totals.get(parent);
    if (total) total.chars += length;
    else totals.set(parent, { first: paragraph, chars: length });
  }
  let best: ProseContainer | null = null;
  let holders: Set<Element> | undefined;
  for (const [element, { first, chars }] of totals) {
    if (best && chars <= best.chars) continue;
    if (inChrome(element) || inComments(element)) continue;
    if (!nearHeadline(element, (holders ??= headlineHolders(root)))) continue;
    best = { element, first, chars };
  }
  return best;
}
