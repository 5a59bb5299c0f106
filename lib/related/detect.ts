import {
  classifyHeading,
  headingText,
  isHeadingLike,
  leadingHeading,
  readStories,
  type FoundStory,
} from './items';
import type { Page } from './page';
import { MOST_READ_HINT, RELATED_HINT } from './patterns';

/** A related block: the sibling elements to remove and the stories read from them. */
export interface Block {
  elements: Element[];
  stories: FoundStory[];
}

/** A heading is a short text: "Tin cùng chuyên mục", "Das könnte Sie auch interessieren:". */
const HEADING_TEXT_MAX = 60;
/** How far up from a heading we look for the list it titles. */
const HEADING_CLIMB = 5;
/** How many levels below a body-adjacent element a structural list may sit. */
const STRUCTURE_DEPTH = 3;
/** How far above the body the article container (the element that also holds the h1) may be. */
const CONTAINER_CLIMB = 5;
/** Minimum paragraph text for an element to be taken as the article body. */
const BODY_MIN_SCORE = 150;
/** Short text a block's wrapper may add without being article content ("Xem thêm" buttons). */
const FURNITURE_CHARS = 25;
/** Elements a rule never walks into. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);
const MEDIA = 'img, picture, video, audio, iframe, figure, table';

/**
 * Finds the related blocks of a page, strongest evidence first; a later rule never takes an
 * element an earlier rule already took.
 *  1. Headings: a "Tin liên quan" / "Mehr zum Thema" / "Related" heading and the list after it.
 *  2. Hints: an element whose class, id or data attribute says related, holding a story list.
 *  3. Structure: a heading-less list of story teasers inside or beside the article body.
 */
export function detectBlocks(page: Page): Block[] {
  const blocks: Block[] = [];
  const body = findBody(page);
  headingBlocks(page, blocks);
  hintBlocks(page, blocks);
  if (body) structureBlocks(page, body, blocks);
  return tighten(page, blocks, body);
}

function overlaps(blocks: Block[], el: Element): 'inside' | 'contains' | null {
  for (const block of blocks) {
    for (const taken of block.elements) {
      if (taken === el || taken.contains(el)) return 'inside';
      if (el.contains(taken)) return 'contains';
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// 1. Heading blocks

function headingBlocks(page: Page, blocks: Block[]): void {
  for (const heading of relatedHeadings(page)) {
    if (overlaps(blocks, heading)) continue;
    const title = page.text(heading);
    const anchor = heading.closest('a[href]');
    const story = anchor ? page.story(anchor) : null;
    // A label repeated inside each teaser link ("Related" + title): the teaser is the block.
    const elements = story && anchor ? [anchor] : anchor || heading.closest('button') ? null : listAfter(page, heading);
    if (!elements) continue;
    const stories = readStories(page, elements, 'heading', title) ?? [];
    blocks.push({ elements, stories });
  }
}

/**
 * Elements whose whole text is a related heading, found from the page's short text nodes; each is
 * widened to the outermost element with the same text ("<div><h3><a>Tin liên quan</a></h3></div>"
 * → the div).
 */
function relatedHeadings(page: Page): Element[] {
  const found = new Set<Element>();
  const walker = page.doc.createTreeWalker(page.root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const raw = node.nodeValue ?? '';
    if (raw.length > 4 * HEADING_TEXT_MAX || !raw.trim()) continue;
    let el = node.parentElement;
    for (let level = 0; el && level < 3; level += 1, el = el.parentElement) {
      if (SKIPPED_TAGS.has(el.tagName)) break;
      const text = page.text(el);
      if (text.length > HEADING_TEXT_MAX) break;
      if (classifyHeading(text) === 'related') {
        found.add(widest(page, el));
        break;
      }
    }
  }
  return Array.from(found);
}

function widest(page: Page, el: Element): Element {
  let top = el;
  const text = page.text(el);
  while (top.parentElement && top.parentElement !== page.root && page.text(top.parentElement) === text) {
    top = top.parentElement;
  }
  return top;
}

/**
 * The list a heading titles: the following siblings up to the last one holding story links,
 * stopping at the next heading. When the heading has no such sibling, look one level up, as long
 * as the parent holds nothing before the heading. A heading over an empty list is still a block
 * (its text must not reach the article).
 */
function listAfter(page: Page, heading: Element): Element[] {
  let current = heading;
  for (let level = 0; level <= HEADING_CLIMB; level += 1) {
    const following: Element[] = [];
    for (let sib = current.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (startsWithHeading(page, sib)) break;
      following.push(sib);
    }
    let last = -1;
    following.forEach((sib, index) => {
      if (page.hasStoryLink(sib)) last = index;
    });
    if (last >= 0) return [current, ...following.slice(0, last + 1)];
    const parent = current.parentElement;
    if (!parent || parent === page.root || hasContentBefore(page, current)) break;
    if (following.some((sib) => hasContent(page, sib))) break;
    current = parent;
  }
  return [current];
}

/** Whether an element opens with a heading (so a new block starts there). */
function startsWithHeading(page: Page, el: Element): boolean {
  let current: Element | null = el;
  for (let level = 0; current && level < 4; level += 1) {
    if (isHeadingLike(page, current)) return true;
    current = Array.from(current.children).find((child) => hasContent(page, child)) ?? null;
  }
  return false;
}

function hasContent(page: Page, el: Element): boolean {
  return page.text(el).length > 0 || el.matches(MEDIA) || el.querySelector(MEDIA) !== null;
}

function hasContentBefore(page: Page, el: Element): boolean {
  for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (hasContent(page, sib)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// 2. Hint blocks

function hintBlocks(page: Page, blocks: Block[]): void {
  for (const el of Array.from(page.root.querySelectorAll('*'))) {
    const hints = attributeWords(el);
    if (!hints || !RELATED_HINT.test(hints) || MOST_READ_HINT.test(hints)) continue;
    if (overlaps(blocks, el) || !page.hasStoryLink(el)) continue;
    const heading = leadingHeading(page, el);
    const kind = heading ? classifyHeading(headingText(page, heading)) : 'neutral';
    if (kind === 'negative') continue;
    const stories = readStories(page, [el], 'hint', undefined);
    if (stories && stories.length > 0) blocks.push({ elements: [el], stories });
  }
}

/** Class, id and data-attribute values of an element, where sites name their boxes. */
function attributeWords(el: Element): string {
  let words = `${el.getAttribute('class') ?? ''} ${el.id}`;
  for (const attr of Array.from(el.attributes)) {
    if (attr.name.startsWith('data-') && attr.value.length <= 80) words += ` ${attr.value}`;
  }
  return words.trim();
}

// ---------------------------------------------------------------------------------------------
// 3. Structure blocks

/**
 * Readability-lite: the element whose paragraphs (p, figcaption, pre, blockquote, dd, td with at
 * least 25 characters, mostly not link text) add up to the most text; parents get a paragraph's
 * full length, grandparents half.
 */
function findBody(page: Page): Element | null {
  const scores = new Map<Element, number>();
  const add = (el: Element | null, score: number): void => {
    if (el) scores.set(el, (scores.get(el) ?? 0) + score);
  };
  for (const el of Array.from(page.root.querySelectorAll('p, figcaption, pre, blockquote, dd, td'))) {
    if (el.closest('a, nav, header, footer, aside, form')) continue;
    const length = page.text(el).length;
    if (length < 25) continue;
    let linked = 0;
    for (const link of Array.from(el.querySelectorAll('a'))) linked += page.text(link).length;
    if (linked > length / 2) continue;
    add(el.parentElement, length);
    add(el.parentElement?.parentElement ?? null, length / 2);
  }
  let best: Element | null = null;
  let bestScore = BODY_MIN_SCORE;
  for (const [el, score] of scores) {
    if (score > bestScore && el !== page.root) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Teaser lists without a heading or hint, recognised by structure: looked for among the body's
 * children and the siblings of the body and its ancestors up to the article container (the
 * nearest ancestor that also holds the h1). A list with a negative heading (most read, tags,
 * downloads) or a section box (a heading that links to a section page) is skipped.
 */
function structureBlocks(page: Page, body: Element, blocks: Block[]): void {
  let container: Element = body.parentElement ?? body;
  for (let el: Element | null = body, level = 0; el && level <= CONTAINER_CLIMB; el = el.parentElement, level += 1) {
    if (el.querySelector('h1')) {
      container = el;
      break;
    }
  }
  const candidates: Element[] = Array.from(body.children);
  for (let el: Element | null = body; el && el !== container; el = el.parentElement) {
    const parent: Element | null = el.parentElement;
    if (!parent) break;
    for (const sib of Array.from(parent.children)) if (sib !== el) candidates.push(sib);
  }
  for (const candidate of candidates) visitStructure(page, candidate, blocks, 0);
}

function visitStructure(page: Page, el: Element, blocks: Block[], depth: number): void {
  if (SKIPPED_TAGS.has(el.tagName) || !page.hasStoryLink(el)) return;
  const overlap = overlaps(blocks, el);
  if (overlap === 'inside') return;
  const before = el.previousElementSibling;
  const captionBefore = before && isHeadingLike(page, before) ? before : null;
  const heading = leadingHeading(page, el) ?? captionBefore;
  if (heading) {
    if (classifyHeading(headingText(page, heading)) === 'negative') return;
    if (typeof heading !== 'string' && isSectionLink(page, heading)) return;
  }
  if (!overlap) {
    const elements = captionBefore ? [captionBefore, el] : [el];
    const caption = captionBefore ? page.text(captionBefore) : undefined;
    const stories = readStories(page, elements, 'structure', caption);
    if (stories && stories.length > 0) {
      blocks.push({ elements, stories });
      return;
    }
  }
  if (depth < STRUCTURE_DEPTH) {
    for (const child of Array.from(el.children)) visitStructure(page, child, blocks, depth + 1);
  }
}

/** A heading that is a link to a page of the site ("Xã hội" → /xa-hoi/): a section teaser box. */
function isSectionLink(page: Page, heading: Element): boolean {
  const link = heading.closest('a[href]') ?? heading.querySelector('a[href]');
  const href = link?.getAttribute('href') ?? '';
  return href !== '' && !href.startsWith('#') && !/^\s*javascript:/i.test(href);
}

// ---------------------------------------------------------------------------------------------
// Tightening

/**
 * Widens each block to its parent while the parent holds nothing but the block, other blocks and
 * furniture (empty ad slots, a "Xem thêm" button), so that the removed element is the whole box
 * with its heading; never up to the body or one of its ancestors. Nested results are merged.
 */
function tighten(page: Page, blocks: Block[], body: Element | null): Block[] {
  const taken = new Set<Element>(blocks.flatMap((block) => block.elements));
  // A block can only widen over a sibling block once that one has widened to the same level, so
  // repeat until nothing moves (a box of per-item labels widens item by item).
  for (let changed = true; changed; ) {
    changed = false;
    for (const block of blocks) {
      const parent: Element | null = block.elements[0]?.parentElement ?? null;
      if (!parent || parent === page.root || (body && parent.contains(body))) continue;
      const inside = (child: Element): boolean =>
        block.elements.includes(child) || taken.has(child) || isFurniture(page, child);
      if (!Array.from(parent.children).every(inside)) continue;
      block.elements = [parent];
      taken.add(parent);
      changed = true;
    }
  }
  return blocks;
}

function isFurniture(page: Page, el: Element): boolean {
  if (el.matches(MEDIA) || el.querySelector(MEDIA)) return false;
  const text = page.text(el);
  if (!text) return true;
  if (text.length > FURNITURE_CHARS || page.hasStoryLink(el)) return false;
  // Short text that is all inside links or buttons: "Xem thêm", "Mehr", "Alle Meldungen".
  const controls = Array.from(el.querySelectorAll('a, button'));
  if (el.matches('a, button')) controls.push(el);
  return controls.reduce((sum, control) => sum + page.text(control).length, 0) >= text.length;
}
