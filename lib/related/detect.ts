import {
  classifyHeading,
  headingText,
  isHeadingLike,
  isInlineMention,
  isRelatedHeading,
  labelLine,
  leadingHeading,
  readStories,
  type FoundStory,
} from './items';
import type { Id, Page } from './page';
import { MENU_HINT, MOST_READ_HINT, RELATED_HINT } from './patterns';

/** A related block: the sibling elements to remove and the stories read from them. */
export interface Block {
  elements: Id[];
  stories: FoundStory[];
}

/**
 * A related heading is short: the longest ("Weitere Pressemitteilungen zum Thema", "Das könnte Sie
 * auch interessieren:") have about 35 letters.
 */
const HEADING_TEXT_MAX = 60;
const HEADING_SOLID_MAX = 45;
/**
 * The shortest related phrases ("xem thêm", "related", "tin khác") have 7 letters, and every letter
 * of a heading is a non-white-space character of its element: shorter elements are not read.
 */
export const HEADING_SOLID_MIN = 7;
/** How far up from a heading we look for the list it titles. */
const HEADING_CLIMB = 5;
/** How far up from a heading we look for a menu around it, and how link-dense a menu is. */
const MENU_CLIMB = 6;
const MENU_LINK_SHARE = 0.6;
/** How many levels below a body-adjacent element a structural list may sit. */
const STRUCTURE_DEPTH = 3;
/**
 * An element with this many teaser-like children (a link with a picture, or a link text of a
 * title's length) is a list, not a wrapper of boxes.
 */
const LIST_MIN_ITEMS = 3;
const TEASER_LINK_CHARS = 15;
/** How far above the body the article container (the element that also holds the h1) may be. */
const CONTAINER_CLIMB = 5;
/** Paragraph-ish elements that make up an article body, and their minimum length (letters). */
const PARAGRAPH_TAGS = new Set(['P', 'FIGCAPTION', 'PRE', 'BLOCKQUOTE', 'DD', 'TD']);
const PARAGRAPH_MIN_CHARS = 20;
/** Minimum paragraph text (letters) for an element to be taken as the article body. */
const BODY_MIN_SCORE = 120;
/** Short text a block's wrapper may add without being article content ("Xem thêm" buttons). */
const FURNITURE_CHARS = 25;
/** Page chrome whose paragraphs are never the article body. */
const CHROME_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE']);

/**
 * Finds the related blocks of a page, strongest evidence first; a later rule never takes an
 * element an earlier rule already took.
 *  1. Headings: a "Tin liên quan" / "Mehr zum Thema" / "Related" heading and the list after it,
 *     and a line of such a label and one link ("Lea también: <a>…</a>").
 *  2. Hints: an element whose class, id or data attribute says related, holding a story list.
 *  3. Structure: a heading-less list of story teasers inside or beside the article body.
 */
export function detectBlocks(page: Page): Block[] {
  const blocks: Block[] = [];
  const body = findBody(page);
  headingBlocks(page, blocks);
  labelLineBlocks(page, blocks);
  hintBlocks(page, blocks);
  if (body !== null) structureBlocks(page, body, blocks);
  return tighten(page, blocks, body);
}

function overlaps(page: Page, blocks: Block[], id: Id): 'inside' | 'contains' | null {
  for (const block of blocks) {
    for (const taken of block.elements) {
      if (page.contains(taken, id)) return 'inside';
      if (page.contains(id, taken)) return 'contains';
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// 1. Heading blocks

function headingBlocks(page: Page, blocks: Block[]): void {
  for (const heading of relatedHeadings(page)) {
    if (overlaps(page, blocks, heading)) continue;
    if (inMenu(page, heading)) continue;
    const anchor = page.closest(heading, (id) => page.tag(id) === 'A' || page.tag(id) === 'BUTTON');
    let elements: Id[];
    if (anchor === null) elements = listAfter(page, heading);
    // A label inside each teaser link ("Related" + title): the teaser is the block. A link that
    // says only "Xem thêm" is a "more" link, not a label.
    else if (page.story(anchor) && page.text(anchor) !== page.text(heading)) elements = [anchor];
    else continue;
    const stories = readStories(page, elements, 'heading', heading) ?? [];
    // A heading over nothing (an empty or script-filled box) is removed too, unless it is only a
    // link in a list ("Weitere Meldungen" in a menu).
    const shaped = [heading, ...page.descendants(heading)].some((id) => isHeadingLike(page, id));
    if (stories.length === 0 && (!shaped || page.hasLink(heading))) continue;
    blocks.push({ elements, stories });
  }
}

function labelLineBlocks(page: Page, blocks: Block[]): void {
  // The line is looked for first: it is rarer than a link to a story, and cheaper to rule out.
  for (const link of page.links(0)) {
    const line = labelLine(page, link);
    if (line === null || !page.story(link) || overlaps(page, blocks, line) || inMenu(page, line)) continue;
    const stories = readStories(page, [line], 'heading', null) ?? [];
    if (stories.length > 0) blocks.push({ elements: [line], stories });
  }
}

/**
 * A "Xem thêm" entry of a navigation menu is a menu item, not a block heading, and a breadcrumb
 * is not a teaser list. A menu is a nav element, or a close ancestor classed menu/nav/breadcrumb
 * whose text is mostly link text (a page whose body is classed "mega-menu-primary" is no menu).
 */
function inMenu(page: Page, id: Id): boolean {
  let at: Id | null = id;
  for (let level = 0; at !== null && level < MENU_CLIMB; at = page.parent(at), level += 1) {
    if (page.tag(at) === 'NAV') return true;
    if (MENU_HINT.test(page.cls(at)) && page.linkedSolid(at) >= page.solid(at) * MENU_LINK_SHARE) return true;
  }
  return false;
}

/**
 * Elements whose whole text is a related heading, widened to the outermost element with the same
 * text ("<div><h3><a>Tin liên quan</a></h3></div>" → the div). Only short elements are read.
 */
function relatedHeadings(page: Page): Id[] {
  const found: Id[] = [];
  for (let id = 0; id < page.size; id += 1) {
    const solid = page.solid(id);
    if (solid < HEADING_SOLID_MIN || solid > HEADING_SOLID_MAX) continue;
    // Read each candidate text once: at the outermost short element, not at its inner pieces.
    const parent = page.parent(id);
    if (parent !== null && page.solid(parent) === solid) continue;
    const text = page.text(id);
    if (text.length <= HEADING_TEXT_MAX && isRelatedHeading(text)) found.push(id);
  }
  return found;
}

/**
 * The list a heading titles: the following siblings holding listed story links (not links inside
 * sentences), stopping at the next heading or at content after the list. When the heading has no
 * such sibling, look one level up, as long as the parent holds nothing before the heading. A
 * heading over an empty list is still a block (its text must not reach the article).
 */
function listAfter(page: Page, heading: Id): Id[] {
  let current = heading;
  for (let level = 0; level <= HEADING_CLIMB; level += 1) {
    const following: Id[] = [];
    let last = -1;
    let prose = false;
    for (const sib of page.siblingsAfter(current)) {
      if (startsWithHeading(page, sib)) break;
      const listed = page.storyLinks(sib).some((story) => !isInlineMention(page, story.link));
      // Content after the list (the article going on, with its inline links) ends the block, and
      // so does prose before any item: an inline "Xem thêm:" line is not a block over the article.
      if (!listed && hasContent(page, sib)) {
        if (last >= 0) break;
        if (isProse(page, sib)) {
          prose = true;
          break;
        }
      }
      following.push(sib);
      if (listed) last = following.length - 1;
    }
    if (last >= 0) return [current, ...following.slice(0, last + 1)];
    const parent = page.parent(current);
    if (parent === null || page.parent(parent) === null || hasContentBefore(page, current)) break;
    if (prose || following.some((sib) => hasContent(page, sib))) break;
    current = parent;
  }
  return [current];
}

/** Whether an element opens with a heading (so a new block starts there). */
function startsWithHeading(page: Page, id: Id): boolean {
  let current: Id | undefined = id;
  for (let level = 0; current !== undefined && level < 4; level += 1) {
    if (isHeadingLike(page, current)) return true;
    current = page.children(current).find((child) => hasContent(page, child));
  }
  return false;
}

/** A paragraph of running text: long enough, and mostly not link text. */
const PROSE_CHARS = 80;

function isProse(page: Page, id: Id): boolean {
  const solid = page.solid(id);
  return solid >= PROSE_CHARS && page.linkedSolid(id) < solid / 2;
}

function hasContent(page: Page, id: Id): boolean {
  return page.solid(id) > 0 || page.hasMedia(id);
}

function hasContentBefore(page: Page, id: Id): boolean {
  for (const sib of page.siblingsBefore(id)) if (hasContent(page, sib)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// 2. Hint blocks

function hintBlocks(page: Page, blocks: Block[]): void {
  // A hint block holds a story link, so only the links' ancestors are candidates; whether a link
  // is a story is asked last (see `Page.linkIds`). That question only saves work: a block without
  // a story link yields no stories anyway.
  const candidates = new Uint8Array(page.size);
  for (const link of page.links(0)) {
    for (let at: Id | null = link; at !== null && !candidates[at]; at = page.parent(at)) candidates[at] = 1;
  }
  for (let id = 0; id < page.size; id += 1) {
    if (!candidates[id]) continue;
    const hints = page.hints(id);
    if (!hints || !RELATED_HINT.test(hints) || MOST_READ_HINT.test(hints) || !page.hasStoryLink(id)) continue;
    if (overlaps(page, blocks, id)) continue;
    const heading = leadingHeading(page, id);
    if (heading !== null && classifyHeading(headingText(page, heading)) === 'negative') continue;
    const stories = readStories(page, [id], 'hint', typeof heading === 'number' ? heading : null);
    if (stories && stories.length > 0) blocks.push({ elements: [id], stories });
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Structure blocks

/**
 * Readability-lite: the element whose paragraphs (p, figcaption, pre, blockquote, dd, td of at
 * least 20 letters, mostly not link text, outside nav/header/footer/aside) add up to the most
 * text; parents get a paragraph's full length, grandparents half. An element far from every h1
 * (a hidden pop-up, a footer) counts a quarter: the body sits next to the article's title.
 */
function findBody(page: Page): Id | null {
  const scores = new Map<Id, number>();
  const add = (id: Id | null, score: number): void => {
    if (id !== null && id !== 0) scores.set(id, (scores.get(id) ?? 0) + score);
  };
  // Lengths are counted in non-space characters, which needs no text normalization.
  for (let id = 0; id < page.size; id += 1) {
    const length = page.solid(id);
    if (length < PARAGRAPH_MIN_CHARS || !PARAGRAPH_TAGS.has(page.tag(id))) continue;
    if (page.closest(id, (up) => page.tag(up) === 'A' || CHROME_TAGS.has(page.tag(up))) !== null) continue;
    if (page.linkedSolid(id) > length / 2) continue;
    const parent = page.parent(id);
    add(parent, length);
    add(parent === null ? null : page.parent(parent), length / 2);
  }
  let best: Id | null = null;
  let bestScore = BODY_MIN_SCORE;
  for (const [id, raw] of scores) {
    const score = articleContainer(page, id) === null ? raw / 4 : raw;
    if (score > bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}

/** The nearest ancestor-or-self of the body that also holds an h1, within a few levels. */
function articleContainer(page: Page, body: Id): Id | null {
  let at: Id | null = body;
  for (let level = 0; at !== null && level <= CONTAINER_CLIMB; at = page.parent(at), level += 1) {
    if (page.hasTitle(at)) return at;
  }
  return null;
}

/**
 * Teaser lists without a heading or hint, recognised by structure: looked for among the body's
 * children and the siblings of the body and of its ancestors up to the article container (the
 * nearest ancestor that also holds the h1). A list under a negative heading (most read, tags,
 * downloads) or a section box (a heading that links to a section page) is skipped.
 */
function structureBlocks(page: Page, body: Id, blocks: Block[]): void {
  const container = articleContainer(page, body) ?? page.parent(body) ?? body;
  const candidates: Id[] = [...page.children(body)];
  for (let at: Id | null = body; at !== null && at !== container; at = page.parent(at)) {
    const parent = page.parent(at);
    if (parent === null) break;
    for (const sib of page.children(parent)) if (sib !== at) candidates.push(sib);
  }
  for (const candidate of candidates) visitStructure(page, candidate, blocks, 0);
}

function visitStructure(page: Page, id: Id, blocks: Block[], depth: number): void {
  if (!page.hasStoryLink(id) || inMenu(page, id)) return;
  // A paragraph whose only story links sit inside its sentences is prose (the common case).
  if (page.storyLinks(id).every((story) => isInlineMention(page, story.link))) return;
  const overlap = overlaps(page, blocks, id);
  if (overlap === 'inside') return;
  const { value: before } = page.siblingsBefore(id).next();
  const captionBefore = typeof before === 'number' && isHeadingLike(page, before) ? before : null;
  const heading = leadingHeading(page, id) ?? captionBefore;
  if (heading !== null) {
    if (classifyHeading(headingText(page, heading)) === 'negative') return;
    if (typeof heading === 'number' && isSectionLink(page, heading)) return;
  }
  if (!overlap) {
    const elements = captionBefore === null ? [id] : [captionBefore, id];
    const stories = readStories(page, elements, 'structure', typeof heading === 'number' ? heading : null);
    if (stories && stories.length > 0) {
      blocks.push({ elements, stories });
      return;
    }
  }
  // Look inside a wrapper (an article footer holding tags, a box and comments), but not inside a
  // list of teasers that was turned down: its items are part of it (a feed's or a promo strip's
  // items are not related stories one by one).
  const teasers = page
    .children(id)
    .filter(
      (child) => page.hasLink(child) && (page.hasMedia(child) || page.linkedSolid(child) >= TEASER_LINK_CHARS),
    ).length;
  if (depth < STRUCTURE_DEPTH && teasers < LIST_MIN_ITEMS) {
    for (const child of page.children(id)) visitStructure(page, child, blocks, depth + 1);
  }
}

/** A heading that is, or holds, a link ("Xã hội" → /xa-hoi/): the heading of a section box. */
function isSectionLink(page: Page, heading: Id): boolean {
  return page.closest(heading, (id) => page.tag(id) === 'A') !== null || page.hasLink(heading);
}

// ---------------------------------------------------------------------------------------------
// Tightening

/**
 * Widens each block to its parent while the parent holds nothing but the block, other blocks and
 * furniture (empty ad slots, a "Xem thêm" button), so that the removed element is the whole box
 * with its heading; never up to the body or one of its ancestors.
 */
function tighten(page: Page, blocks: Block[], body: Id | null): Block[] {
  const taken = new Set<Id>(blocks.flatMap((block) => block.elements));
  // A block can only widen over a sibling block once that one has widened to the same level, so
  // repeat until nothing moves (a box of per-item labels widens item by item).
  for (let changed = true; changed;) {
    changed = false;
    for (const block of blocks) {
      const [first] = block.elements;
      const parent = first === undefined ? null : page.parent(first);
      if (parent === null || parent === 0 || (body !== null && page.contains(parent, body))) continue;
      const inside = (child: Id): boolean =>
        block.elements.includes(child) || taken.has(child) || isFurniture(page, child);
      if (!page.children(parent).every(inside)) continue;
      block.elements = [parent];
      taken.add(parent);
      changed = true;
    }
  }
  return blocks;
}

function isFurniture(page: Page, id: Id): boolean {
  if (page.hasMedia(id)) return false;
  if (page.solid(id) === 0) return true;
  if (page.solid(id) > FURNITURE_CHARS || page.hasStoryLink(id)) return false;
  // Short text that is all inside links or buttons: "Xem thêm", "Mehr", "Alle Meldungen".
  const controls = [id, ...page.descendants(id)].filter((d) => page.tag(d) === 'A' || page.tag(d) === 'BUTTON');
  const outermost = controls.filter((d) => !controls.some((other) => other !== d && page.contains(other, d)));
  return outermost.reduce((sum, d) => sum + page.solid(d), 0) >= page.solid(id);
}
