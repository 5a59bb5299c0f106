import type { RelatedStory } from '../article';
import { BLOCK_TAGS } from '../dom/tags';
import { squeeze } from '../text/whitespace';
import type { Id, Page, StoryLink } from './page';
import {
  LINK_LABEL,
  MOST_READ_HEADING,
  NON_STORY_HEADING,
  PAGER_HINT,
  PAGER_TEXT,
  RELATED_HEADING,
  RELATED_LABEL_PREFIX,
} from './patterns';
import { headingKey, normalizeText, wordCount } from './text';

/** A story found in a block, with the link it was first seen at (for page order). */
export interface FoundStory {
  story: RelatedStory;
  /** Dedupe key of the story's URL. */
  key: string;
  first: Id;
  /** Whether the address looks like one story rather than a section page. */
  storyLike: boolean;
}

/** How much a rule has seen before it asks whether a block is a list of stories. */
export type Evidence = 'heading' | 'hint' | 'structure';

/** Longest text an item (title + summary + date) may have; longer means prose, not a teaser. */
const ITEM_MAX_CHARS = 700;
/** A teaser's summary is one paragraph: more link-free paragraphs of this length are article text. */
const MAX_ITEM_PROSE_BLOCKS = 1;
const ITEM_PROSE_CHARS = 80;
/** Text outside items, links and headings a list may carry ("Xem thêm", a date, a button). */
const LIST_LOOSE_CHARS = 50;
/** Own text around a link beyond which the link is a mention inside a sentence. */
const INLINE_CONTEXT_CHARS = 25;
/** A summary is a text of at least this many characters next to the title. */
const SUMMARY_MIN_CHARS = 40;
/** Heading-like text is short. */
const HEADING_MAX_CHARS = 80;
const HEADING_MAX_WORDS = 10;
/** A box's heading comes first: only so many elements are looked at for it. */
const LEAD_SCAN = 60;
/**
 * Without a heading, a list of related stories is short; a long heading-less list of teasers is a
 * feed ("latest", "recommended for you"), not stories tied to this article.
 */
const MAX_UNHEADED_STORIES = 12;
/** A related heading announces a handful of stories; past this many the rest is an endless feed. */
const MAX_STORIES_PER_BLOCK = 50;

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Class words of heading elements ("box-heading", "title-category", "c-module-caption__h"). */
const HEADING_CLASS = /(?:^|[\s_-])(?:title|titles|heading|headline|head|header|caption|label)(?:$|[\s_-]|\d)/i;
/** Class words of a teaser's title element inside a card ("related-title", "story__title"). */
const TITLE_CLASS = /(?:^|[\s_-])(?:title|headline|heading)(?:$|[\s_-])/i;
/** Link texts that are not titles: "Mehr ...", "Read more", "Xem tiếp". */
const MORE_LINK = /^(?:mehr|more|read more|weiter(?:lesen)?|xem tiếp|xem chi tiết|chi tiết|đọc tiếp)\b/iu;
/** What a heading says about its block. */
export type HeadingKind = 'related' | 'negative' | 'neutral';

export function classifyHeading(text: string): HeadingKind {
  const key = headingKey(text);
  if (RELATED_HEADING.test(key)) return 'related';
  if (MOST_READ_HEADING.test(key) || NON_STORY_HEADING.test(key)) return 'negative';
  return 'neutral';
}

export function isRelatedHeading(text: string): boolean {
  return RELATED_HEADING.test(headingKey(text));
}

/**
 * A short line that titles what follows: an h1–h6, a strong/b line, or an element whose class says
 * title/heading/caption/label, with at most ten words. It may link to its section ("Cùng chuyên
 * mục" → /giai-tri/) but not to a story (that would be a teaser's title).
 */
export function isHeadingLike(page: Page, id: Id): boolean {
  if (page.solid(id) > HEADING_MAX_CHARS) return false;
  // The shape first: it is cheaper to read than the text.
  const tag = page.tag(id);
  const shaped = HEADING_TAGS.has(tag) || tag === 'STRONG' || tag === 'B' || HEADING_CLASS.test(page.cls(id));
  if (!shaped) return false;
  const text = page.text(id);
  if (text.length < 2 || text.length > HEADING_MAX_CHARS || wordCount(text) > HEADING_MAX_WORDS) return false;
  if (classifyHeading(text) !== 'neutral') return true;
  return page.storyLinks(id).every((story) => !story.storyLike);
}

/**
 * The heading a block opens with: its first heading-like descendant before the first link, or
 * failing that the short text before its first link ("Chủ đề:", "Từ khóa:" before a tag list).
 */
export function leadingHeading(page: Page, id: Id): Id | string | null {
  const end = Math.min(page.end(id), id + LEAD_SCAN);
  for (let d = id + 1; d <= end; d += 1) {
    if (page.tag(d) === 'A') break;
    if (isHeadingLike(page, d)) return d;
  }
  let lead = '';
  for (const piece of page.pieces(id)) {
    if (lead.length > HEADING_MAX_CHARS) break;
    if (typeof piece === 'string') {
      lead += piece;
      continue;
    }
    if (page.hasLink(piece)) break;
    lead += ` ${page.text(piece)}`;
  }
  const text = normalizeText(lead);
  return text && text.length <= HEADING_MAX_CHARS && wordCount(text) <= HEADING_MAX_WORDS ? text : null;
}

export function headingText(page: Page, heading: Id | string): string {
  return typeof heading === 'string' ? heading : page.text(heading);
}

/**
 * Reads the stories of a block (one or more sibling elements). With `heading` evidence (a "Tin
 * liên quan" heading) every same-site page link counts; with weaker evidence (a class hint, or
 * structure alone) the links must look like stories and the block must look like a list, not
 * prose. Links inside `heading` (its link to a section page) are not stories. Returns null when
 * the block is not a list of stories.
 */
export function readStories(page: Page, elements: Id[], evidence: Evidence, heading: Id | null): FoundStory[] | null {
  if (evidence !== 'heading' && distinctStories(page, elements) > MAX_UNHEADED_STORIES) return null;
  const headingTitle = heading === null ? undefined : page.text(heading);
  const groups = new Map<string, StoryLink[]>();
  for (const el of elements) {
    for (const story of page.storyLinks(el)) {
      if (heading !== null && page.contains(heading, story.link)) continue;
      if (isInlineMention(page, story.link) || isPagerLink(page, story.link)) continue;
      const group = groups.get(story.key);
      if (group) group.push(story);
      else if (groups.size < MAX_STORIES_PER_BLOCK) groups.set(story.key, [story]);
    }
  }
  if (groups.size === 0) return evidence === 'heading' ? [] : null;
  if (evidence !== 'heading' && groups.size > MAX_UNHEADED_STORIES) return null;

  const containers = new Set<Id>();
  const found: FoundStory[] = [];
  for (const [key, links] of groups) {
    const first = links[0];
    if (!first) continue;
    const container = itemContainer(page, first.link, key, elements);
    if (evidence !== 'heading' && page.text(container).length > ITEM_MAX_CHARS) return null;
    containers.add(container);
    const title = itemTitle(page, container, links);
    if (!title) continue;
    const story: FoundStory = { story: { title, url: first.url }, key, first: first.link, storyLike: first.storyLike };
    const summary = itemSummary(page, container, title);
    if (summary) story.story.summary = summary;
    const image = itemImage(page, container);
    if (image) story.story.image = image;
    const itemHeading =
      evidence === 'heading' ? headingTitle : (nearestHeading(page, container, elements) ?? headingTitle);
    if (itemHeading) story.story.heading = itemHeading;
    found.push(story);
  }
  if (evidence === 'heading') return found;

  // Weaker evidence: the stories must look like stories, and the block must be a list.
  const stories = found.filter(({ story, storyLike }) => {
    const words = wordCount(story.title);
    return evidence === 'hint' ? words >= 3 && (storyLike || words >= 5) : words >= 4 && storyLike;
  });
  // A hint tolerates a stray link; structure alone must be all stories.
  const needed = evidence === 'hint' ? found.length / 2 : found.length;
  if (stories.length === 0 || stories.length < needed) return null;
  // A row of short bare links (no picture, no summary) is a tag list or a menu, not stories.
  const bare = stories.every(({ story }) => !story.image && !story.summary);
  const averageWords = stories.reduce((sum, { story }) => sum + wordCount(story.title), 0) / stories.length;
  if (bare && averageWords < 5) return null;
  if (looseText(page, elements, containers) > LIST_LOOSE_CHARS) return null;
  return stories;
}

/**
 * Previous/next navigation between articles ("« Bài trước", rel="next", a "post-navigation" box)
 * links to other stories but is not related to this one.
 */
function isPagerLink(page: Page, link: Id): boolean {
  if (PAGER_TEXT.test(page.text(link))) return true;
  let at: Id | null = link;
  for (let level = 0; at !== null && level < 3; at = page.parent(at), level += 1) {
    if (PAGER_HINT.test(page.hints(at))) return true;
  }
  return false;
}

function distinctStories(page: Page, elements: Id[]): number {
  const keys = new Set<string>();
  for (const el of elements) for (const story of page.storyLinks(el)) keys.add(story.key);
  return keys.size;
}

/**
 * A link inside running text ("… của bóng đá Tây Ban Nha …") mentions a story; it is not a
 * related-story item. Measured as the text beside the link in its nearest block ancestor (the
 * text nodes and link-free inline elements of every inline wrapper on the way up, since prose
 * wraps links in <span>, <u>, <strong>), leaving out labels such as "Xem thêm:".
 */
export function isInlineMention(page: Page, link: Id): boolean {
  let own = '';
  for (let parent = page.parent(link); parent !== null; parent = page.parent(parent)) {
    own += ownInlineText(page, parent);
    if (BLOCK_TAGS.has(page.tag(parent)) || !INLINE_WRAPPERS.has(page.tag(parent))) break;
  }
  const text = normalizeText(own);
  return text.length > INLINE_CONTEXT_CHARS && !LINK_LABEL.test(text);
}

/**
 * The line a link makes with a related label alone before it ("<p><strong>Lea también: <a>…</a>
 * </strong></p>"): its nearest block ancestor, when that block holds no other link and no other
 * text. Such a line is a related item set inside the article, not a sentence of it.
 */
export function labelLine(page: Page, link: Id): Id | null {
  let block = page.parent(link);
  while (block !== null && INLINE_WRAPPERS.has(page.tag(block))) block = page.parent(block);
  // Text of the block beside the link is its label: without a non-white-space character of its
  // own, the block has no letter before the title, and its text need not be read.
  if (block === null || page.solid(block) === page.solid(link) || page.links(block).length !== 1) return null;
  const text = page.text(block);
  const title = page.text(link);
  if (!title || !text.endsWith(title)) return null;
  const label = text.slice(0, text.length - title.length);
  return /\p{L}/u.test(label) && LINK_LABEL.test(label) ? block : null;
}

const INLINE_WRAPPERS = new Set([
  'SPAN',
  'U',
  'STRONG',
  'B',
  'EM',
  'I',
  'FONT',
  'SMALL',
  'MARK',
  'CITE',
  'Q',
  'SUP',
  'SUB',
]);

/**
 * An element's own line text: its text nodes and its link-free inline children. The same for
 * every link inside it, so it is read once per element (a list of 30,000 links reads it once).
 */
const ownTexts = new WeakMap<Page, Map<Id, string>>();

function ownInlineText(page: Page, id: Id): string {
  let cache = ownTexts.get(page);
  if (!cache) ownTexts.set(page, (cache = new Map()));
  let own = cache.get(id);
  if (own === undefined) {
    own = '';
    for (const piece of page.pieces(id)) {
      if (typeof piece === 'string') own += piece;
      else if (!BLOCK_TAGS.has(page.tag(piece)) && !page.hasLink(piece)) own += ` ${page.text(piece)}`;
    }
    cache.set(id, own);
  }
  return own;
}

/**
 * The teaser around a link: the largest ancestor, inside the block, that holds links to this story
 * only and no more text than a teaser has.
 */
function itemContainer(page: Page, link: Id, key: string, elements: Id[]): Id {
  let container = link;
  const top = elements.find((el) => page.contains(el, link)) ?? link;
  while (container !== top) {
    const parent = page.parent(container);
    if (parent === null || page.solid(parent) > ITEM_MAX_CHARS) break;
    if (hasOtherLinks(page, parent, key) || page.text(parent).length > ITEM_MAX_CHARS) break;
    if (proseBlocks(page, parent) > MAX_ITEM_PROSE_BLOCKS) break;
    container = parent;
  }
  return container;
}

/**
 * Link-free paragraphs of prose inside an element (innermost blocks only). A teaser has a title
 * and at most one summary; a second such paragraph is article text around a link.
 */
function proseBlocks(page: Page, id: Id): number {
  const isBlock = (d: Id) => BLOCK_TAGS.has(page.tag(d));
  let count = 0;
  for (let d = id; d <= page.end(id); d += 1) {
    if (!isBlock(d) || page.solid(d) < ITEM_PROSE_CHARS || page.hasLink(d)) continue;
    if (!page.descendants(d).some(isBlock)) count += 1;
  }
  return count;
}

/** Whether an element holds links to anything but this story (another story, a category). */
function hasOtherLinks(page: Page, id: Id, key: string): boolean {
  return page.links(id).some((link) => {
    const story = page.story(link);
    return story ? story.key !== key : page.text(link).length > 0;
  });
}

/**
 * The title of a teaser, in order of trust: the link inside its title element (a heading or an
 * element classed title/headline); a title element inside its link ("<a><div>Related</div>
 * <div class=related-title>…</div></a>"); its longest link text that is not a "Mehr …" link; a
 * title element beside the links ("<h4><em>Gedenken</em>#WeRemember …</h4>", kicker left out).
 * Per-item labels ("Related", "Xem thêm:") are cut off the front.
 */
function itemTitle(page: Page, container: Id, links: StoryLink[]): string {
  const titleElements = [container, ...page.descendants(container)].filter(
    (id) => HEADING_TAGS.has(page.tag(id)) || TITLE_CLASS.test(page.cls(id)),
  );
  const linkTexts = links.map((story) => page.readerText(story.link)).filter((text) => !MORE_LINK.test(text));
  const tiers: string[][] = [
    titleElements.flatMap((el) =>
      links
        .filter((story) => story.link !== el && page.contains(el, story.link))
        .map((story) => page.readerText(story.link)),
    ),
    titleElements
      .filter((el) => links.some((story) => story.link !== el && page.contains(story.link, el)))
      .map((el) => withoutKicker(page, el)),
    linkTexts,
    titleElements.filter((el) => !page.hasLink(el)).map((el) => withoutKicker(page, el)),
  ];
  for (const tier of tiers) {
    const best = longest(tier.map(withoutLabel).filter(isTitle));
    if (best) return best;
  }
  const first = links[0]?.link;
  const image = first === undefined ? undefined : page.descendants(first).find((id) => page.tag(id) === 'IMG');
  const fallback = normalizeText(
    (first === undefined ? null : page.attribute(first, 'title')) ??
      (image === undefined ? null : page.attribute(image, 'alt')) ??
      '',
  );
  return isTitle(fallback) ? fallback : '';
}

function isTitle(text: string): boolean {
  return wordCount(text) >= 2 && text.length >= 8;
}

function longest(texts: string[]): string {
  return texts.reduce((best, text) => (text.length > best.length ? text : best), '');
}

/** Text of a title element without a leading kicker element followed by the real title. */
function withoutKicker(page: Page, id: Id): string {
  const full = page.readerText(id);
  const [first] = page.pieces(id).filter((piece) => typeof piece !== 'string' || piece.trim() !== '');
  if (typeof first !== 'number' || !['EM', 'SPAN', 'SMALL', 'I'].includes(page.tag(first))) return full;
  const kicker = page.readerText(first);
  const rest = full.slice(kicker.length).trim();
  return kicker && full.startsWith(kicker) && wordCount(rest) >= 3 ? rest : full;
}

/** Drops a per-item label in front of a title ("Related Stakeholders …" → "Stakeholders …"). */
function withoutLabel(title: string): string {
  const rest = title.match(RELATED_LABEL_PREFIX)?.[1];
  return rest && wordCount(rest) >= 2 ? rest : title;
}

/** The longest link-free text of a teaser that is not its title: its summary ("sapo"). */
function itemSummary(page: Page, container: Id, title: string): string | undefined {
  let best = '';
  for (const id of page.descendants(container)) {
    if (!['P', 'DIV', 'SPAN'].includes(page.tag(id)) || page.solid(id) < SUMMARY_MIN_CHARS - 10) continue;
    if (page.hasLink(id) || page.closest(id, (up) => page.tag(up) === 'A') !== null) continue;
    if (page.descendants(id).some((d) => ['P', 'DIV'].includes(page.tag(d)))) continue;
    const text = page.text(id);
    if (text.length >= SUMMARY_MIN_CHARS && text.length > best.length && !title.includes(text)) best = text;
  }
  return best || undefined;
}

/** The teaser's picture, as an absolute address (lazy-loading attributes first). */
function itemImage(page: Page, container: Id): string | undefined {
  for (const id of [container, ...page.descendants(container)]) {
    const src = page.tag(id) === 'IMG' ? page.attribute(id, 'image') : null;
    if (!src) continue;
    try {
      return new URL(src, page.ctx.base).href;
    } catch {
      // an unparsable address: try the next picture
    }
  }
  return undefined;
}

/**
 * Inside a block made of several captioned modules ("Pressemitteilung", "Rückblick 2021"), the
 * heading of a teaser is its module's caption: a heading-like element at the start of the teaser,
 * or the nearest one before it within the block.
 */
function nearestHeading(page: Page, container: Id, elements: Id[]): string | undefined {
  for (const id of page.descendants(container)) {
    if (page.tag(id) === 'A') break;
    if (isHeadingLike(page, id)) return page.text(id);
  }
  const top = elements.find((el) => page.contains(el, container));
  for (let at: Id | null = container; at !== null && at !== top; at = page.parent(at)) {
    for (const sib of page.siblingsBefore(at)) {
      if (isHeadingLike(page, sib)) return page.text(sib);
      if (page.hasStoryLink(sib)) break;
      const inner = page
        .descendants(sib)
        .filter((id) => isHeadingLike(page, id))
        .pop();
      if (inner !== undefined) return page.text(inner);
    }
  }
  return undefined;
}

/**
 * Text of a block that is in no teaser, no link and no heading: near zero for a list of stories,
 * large for a stretch of article.
 */
function looseText(page: Page, elements: Id[], containers: Set<Id>): number {
  let total = 0;
  const visit = (id: Id): void => {
    if (containers.has(id) || page.tag(id) === 'A' || page.tag(id) === 'BUTTON' || isHeadingLike(page, id)) return;
    for (const piece of page.pieces(id)) {
      if (typeof piece === 'string') total += squeeze(piece).length;
      else visit(piece);
    }
  };
  for (const el of elements) visit(el);
  return total;
}
