import type { RelatedStory } from '../article';
import { looksLikeStoryPath } from './links';
import type { Page, StoryLink } from './page';
import { LINK_LABEL, MOST_READ_HEADING, NON_STORY_HEADING, RELATED_HEADING } from './patterns';
import { headingKey, textOf, wordCount } from './text';

/** A story found in a block, with the link it was first seen at (for page order). */
export interface FoundStory {
  story: RelatedStory;
  /** Dedupe key of the story's URL. */
  key: string;
  first: Element;
}

/** How much a rule needs to see before it believes a block is a list of stories. */
export type Evidence = 'heading' | 'hint' | 'structure';

/** Longest text an item (title + summary + date) may have; longer means prose, not a teaser. */
const ITEM_MAX_CHARS = 700;
/** Text outside items, links and headings a list may carry ("Xem thêm", a date, a button). */
const LIST_LOOSE_CHARS = 50;
/** Own text around a link beyond which the link is a mention inside a sentence. */
const INLINE_CONTEXT_CHARS = 25;
/** A summary is a text of at least this many characters next to the title. */
const SUMMARY_MIN_CHARS = 40;
/** Heading-like text is short. */
const HEADING_MAX_CHARS = 80;
const HEADING_MAX_WORDS = 10;

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Class words of heading elements ("box-heading", "title-category", "c-module-caption__h"). */
const HEADING_CLASS = /(?:^|[\s_-])(?:title|titles|heading|headline|head|header|caption|label|h)(?:$|[\s_-]|\d)/i;
/** Class words of a teaser's title element inside a card ("related-title", "story__title"). */
const TITLE_CLASS = /(?:^|[\s_-])(?:title|headline|heading)(?:$|[\s_-])/i;
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);

/**
 * A short line that titles what follows: an h1–h6, a strong/b line, or an element whose class says
 * title/heading/caption/label, with at most ten words and no story link inside.
 */
export function isHeadingLike(page: Page, el: Element): boolean {
  const text = page.text(el);
  if (text.length < 2 || text.length > HEADING_MAX_CHARS || wordCount(text) > HEADING_MAX_WORDS) return false;
  const shaped =
    HEADING_TAGS.has(el.tagName) ||
    el.tagName === 'STRONG' ||
    el.tagName === 'B' ||
    HEADING_CLASS.test(el.getAttribute('class') ?? '');
  return shaped && !page.hasStoryLink(el);
}

/** What a heading says about its block. */
export type HeadingKind = 'related' | 'negative' | 'neutral';

export function classifyHeading(text: string): HeadingKind {
  const key = headingKey(text);
  if (RELATED_HEADING.test(key)) return 'related';
  if (MOST_READ_HEADING.test(key) || NON_STORY_HEADING.test(key)) return 'negative';
  return 'neutral';
}

/**
 * The heading a block carries: its first heading-like descendant before the first story link, or
 * failing that the short text it opens with ("Chủ đề:", "Từ khóa:" before a tag list).
 */
export function leadingHeading(page: Page, el: Element): Element | string | null {
  const walker = el.ownerDocument.createTreeWalker(el, 1 /* SHOW_ELEMENT */);
  let lead = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const child = node as Element;
    if (page.story(child)) break;
    if (isHeadingLike(page, child)) return child;
    if (child.tagName === 'A') break;
  }
  for (let node = el.firstChild; node && lead.length <= HEADING_MAX_CHARS; node = node.nextSibling) {
    if (node.nodeType === 1 && page.hasStoryLink(node as Element)) break;
    if (node.nodeType === 1 && (node as Element).tagName === 'A') break;
    lead += ` ${node.nodeType === 1 ? page.text(node as Element) : (node.textContent ?? '')}`;
  }
  const text = lead.trim();
  return text && text.length <= HEADING_MAX_CHARS && wordCount(text) <= HEADING_MAX_WORDS ? text : null;
}

export function headingText(page: Page, heading: Element | string): string {
  return typeof heading === 'string' ? heading : page.text(heading);
}

/**
 * Reads the stories of a block. With `heading` evidence (a "Tin liên quan" heading) every
 * same-site page link counts; with weaker evidence (a class hint, or structure alone) the links
 * must look like stories and the block must look like a list, not prose. Returns null when the
 * block is not a list of stories.
 */
export function readStories(
  page: Page,
  elements: Element[],
  evidence: Evidence,
  heading: string | undefined,
): FoundStory[] | null {
  const groups = new Map<string, StoryLink[]>();
  for (const el of elements) {
    for (const story of page.storyLinks(el)) {
      if (isInlineMention(page, story.link)) continue;
      const group = groups.get(story.key);
      if (group) group.push(story);
      else groups.set(story.key, [story]);
    }
  }
  if (groups.size === 0) return evidence === 'heading' ? [] : null;

  const containers = new Set<Element>();
  const found: FoundStory[] = [];
  for (const [key, links] of groups) {
    const first = links[0];
    if (!first) continue;
    const container = itemContainer(page, first.link, key, elements);
    if (evidence !== 'heading' && page.text(container).length > ITEM_MAX_CHARS) return null;
    containers.add(container);
    const title = itemTitle(page, container, links);
    if (!title) continue;
    const story: FoundStory = { story: { title, url: first.url }, key, first: first.link };
    const summary = itemSummary(page, container, title);
    if (summary) story.story.summary = summary;
    const image = itemImage(page, container);
    if (image) story.story.image = image;
    const itemHeading = evidence === 'heading' ? heading : nearestHeading(page, container, elements) ?? heading;
    if (itemHeading) story.story.heading = itemHeading;
    found.push(story);
  }
  if (evidence === 'heading') return found;

  // Weaker evidence: every story must look like one, and the block must be a list.
  const stories = found.filter(({ story }) => {
    const words = wordCount(story.title);
    const pathOk = looksLikeStoryPath(story.url);
    return evidence === 'hint' ? words >= 3 && (pathOk || words >= 5) : words >= 4 && pathOk;
  });
  if (stories.length === 0 || stories.length < found.length / 2) return null;
  // A row of short bare links (no picture, no summary) is a tag list or a menu, not stories.
  const bare = stories.every(({ story }) => !story.image && !story.summary);
  const averageWords = stories.reduce((sum, { story }) => sum + wordCount(story.title), 0) / stories.length;
  if (bare && averageWords < 5) return null;
  if (looseText(page, elements, containers) > LIST_LOOSE_CHARS) return null;
  return stories;
}

/**
 * A link inside running text ("… của bóng đá Tây Ban Nha …") mentions a story; it is not a
 * related-story item. Measured as the text of the link's parent that sits beside it on the same
 * line (text nodes and inline elements), leaving out labels such as "Xem thêm:".
 */
function isInlineMention(page: Page, link: Element): boolean {
  const parent = link.parentElement;
  if (!parent) return false;
  let own = '';
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node === link) continue;
    if (node.nodeType === 3) own += node.nodeValue ?? '';
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (BLOCK_TAGS.has(el.tagName) || el.tagName === 'A' || el.querySelector('a')) continue;
      own += ` ${page.text(el)}`;
    }
  }
  const text = own.replace(/\s+/g, ' ').trim();
  return text.length > INLINE_CONTEXT_CHARS && !LINK_LABEL.test(text);
}

/**
 * The teaser around a link: the largest ancestor, inside the block, that holds links to this story
 * only and no more text than a teaser has.
 */
function itemContainer(page: Page, link: Element, key: string, elements: Element[]): Element {
  let container = link;
  const top = elements.find((el) => el === link || el.contains(link)) ?? link;
  while (container !== top) {
    const parent = container.parentElement;
    if (!parent) break;
    if (page.storyLinks(parent).some((story) => story.key !== key)) break;
    if (hasOtherLinks(page, parent, key) || page.text(parent).length > ITEM_MAX_CHARS) break;
    container = parent;
  }
  return container;
}

/** Whether an element holds links to anything but this story (an external link, a category). */
function hasOtherLinks(page: Page, el: Element, key: string): boolean {
  for (const link of Array.from(el.querySelectorAll('a[href]'))) {
    const story = page.story(link);
    if (story ? story.key !== key : page.text(link).length > 0) return true;
  }
  return false;
}

/**
 * The title of a teaser: the text of its title element (a heading or an element classed
 * title/headline), else its longest link text, with per-item labels ("Related", "Xem thêm:") and
 * leading kickers ("<em>Gedenken</em>#WeRemember …") left out.
 */
function itemTitle(page: Page, container: Element, links: StoryLink[]): string {
  const candidates: string[] = [];
  const titleElements = [container, ...Array.from(container.querySelectorAll('*'))].filter(
    (el) => HEADING_TAGS.has(el.tagName) || TITLE_CLASS.test(el.getAttribute('class') ?? ''),
  );
  for (const el of titleElements) {
    const inner = links.find((story) => el.contains(story.link) && story.link !== el);
    const text = inner ? textOf(inner.link, true) : withoutKicker(el);
    if (wordCount(text) >= 2) candidates.push(text);
  }
  if (candidates.length === 0) {
    for (const story of links) candidates.push(textOf(story.link, true));
  }
  let best = '';
  for (const candidate of candidates.map(withoutLabel)) if (candidate.length > best.length) best = candidate;
  if (!best) {
    const first = links[0]?.link;
    best = normalize(first?.getAttribute('title') ?? first?.querySelector('img[alt]')?.getAttribute('alt') ?? '');
  }
  return wordCount(best) >= 2 && best.length >= 8 ? best : '';
}

/** Text of a title element without a leading kicker element that is followed by the real title. */
function withoutKicker(el: Element): string {
  const full = textOf(el, true);
  const first = el.firstElementChild;
  const startsWithIt = first && !(el.firstChild?.nodeType === 3 && el.firstChild.nodeValue?.trim());
  if (!first || !startsWithIt || !['EM', 'SPAN', 'SMALL', 'I'].includes(first.tagName)) return full;
  const kicker = textOf(first, true);
  const rest = full.slice(kicker.length).trim();
  return kicker && full.startsWith(kicker) && wordCount(rest) >= 3 ? rest : full;
}

/** Drops a per-item label in front of a title ("Related Stakeholders …" → "Stakeholders …"). */
function withoutLabel(title: string): string {
  const match = title.match(/^([^:]{2,40}?)(?::\s*|\s+)(.+)$/u);
  if (!match?.[1] || !match[2]) return title;
  const label = match[1];
  const labelled = RELATED_HEADING.test(headingKey(label)) || LINK_LABEL.test(label);
  return labelled && wordCount(match[2]) >= 2 ? match[2] : title;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The longest link-free text of a teaser that is not its title: its summary ("sapo"). */
function itemSummary(page: Page, container: Element, title: string): string | undefined {
  let best = '';
  for (const el of Array.from(container.querySelectorAll('p, div, span'))) {
    if (el.querySelector('a, p, div') || el.closest('a')) continue;
    const text = page.text(el);
    if (text.length >= SUMMARY_MIN_CHARS && text.length > best.length && !title.includes(text)) best = text;
  }
  return best || undefined;
}

/** The teaser's picture: lazy-loading attributes first, then src; never a data: placeholder. */
function itemImage(page: Page, container: Element): string | undefined {
  const images = container.tagName === 'IMG' ? [container] : Array.from(container.querySelectorAll('img'));
  for (const img of images) {
    const candidates = [
      img.getAttribute('data-src'),
      img.getAttribute('data-original'),
      img.getAttribute('data-lazy-src'),
      img.getAttribute('data-srcset')?.split(/\s+/)[0],
      img.getAttribute('srcset')?.split(/\s+/)[0],
      img.getAttribute('src'),
    ];
    for (const src of candidates) {
      if (!src || /^\s*data:/i.test(src)) continue;
      try {
        return new URL(src.trim(), page.ctx.base).href;
      } catch {
        // try the next attribute
      }
    }
  }
  return undefined;
}

/**
 * Inside a block made of several captioned modules ("Pressemitteilung", "Rückblick 2021"), the
 * heading of a teaser is the nearest heading-like element before it within the block.
 */
function nearestHeading(page: Page, container: Element, elements: Element[]): string | undefined {
  const top = elements.find((el) => el.contains(container));
  for (let el: Element | null = container; el && el !== top; el = el.parentElement) {
    for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (isHeadingLike(page, sib)) return page.text(sib);
      const inner = lastHeadingIn(page, sib);
      if (inner) return inner;
      if (page.hasStoryLink(sib)) break;
    }
  }
  return undefined;
}

function lastHeadingIn(page: Page, el: Element): string | undefined {
  if (page.hasStoryLink(el)) return undefined;
  const headings = Array.from(el.querySelectorAll('*')).filter((child) => isHeadingLike(page, child));
  const last = headings[headings.length - 1];
  return last ? page.text(last) : undefined;
}

/**
 * Text of a block that is in no teaser, no link and no heading: near zero for a list of stories,
 * large for a stretch of article.
 */
function looseText(page: Page, elements: Element[], containers: Set<Element>): number {
  let total = 0;
  const visit = (el: Element): void => {
    if (containers.has(el) || el.tagName === 'A' || isHeadingLike(page, el)) return;
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SELECT'].includes(el.tagName)) return;
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) total += (node.nodeValue ?? '').replace(/\s+/g, ' ').trim().length;
      else if (node.nodeType === 1) visit(node as Element);
    }
  };
  for (const el of elements) visit(el);
  return total;
}
