import { INLINE_TAGS, UNRENDERED_TAGS } from '../dom/tags';
import { looksLikeStoryPath, pageContext, storyTarget, type PageContext, type StoryTarget } from './links';
import { normalizeText } from './text';

/**
 * Elements of the page are numbered in document order (preorder); an element's descendants are
 * the ids after it up to `end`, so containment and page order are comparisons of numbers.
 */
export type Id = number;

/** One link to a story of this site. */
export interface StoryLink {
  link: Id;
  url: string;
  key: string;
  /** Whether the address looks like one story rather than a section page. */
  readonly storyLike: boolean;
}

const NO_PIECES: readonly (string | Id)[] = [];

/** Elements whose content a reader never sees; their text is not read. */
const INVISIBLE: ReadonlySet<string> = new Set([...UNRENDERED_TAGS, 'HEAD', 'TITLE']);

/** Elements that show something without text: a related teaser's thumbnail, an article photo. */
const MEDIA = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'FIGURE', 'TABLE', 'OBJECT', 'EMBED']);

/**
 * Screen-reader-only spans ("Interner Link", "(Thema: …)"): part of a link's accessible name, not
 * of the title a reader sees.
 */
const SCREEN_READER_ONLY =
  /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|aural|show-for-sr|element-invisible)(?:\s|$)/i;

/** Attributes an image's address may sit in, lazy-loading ones first. */
const IMAGE_ATTRIBUTES = ['data-src', 'data-original', 'data-lazy-src', 'data-srcset', 'srcset', 'src'];

interface Info {
  el: Element;
  tag: string;
  parent: Id;
  /** Last descendant (inclusive); `end === id` for a leaf. */
  end: Id;
  /** Text nodes and child elements in order; null until the element has any. */
  pieces: (string | Id)[] | null;
  href: string | null;
  /** Non-white-space characters of visible text in the subtree: a cheap lower bound of its length. */
  solid: number;
  /**
   * Attributes other than href, read on first use (reading them all would double the cost). The
   * field exists from the start, so that every Info keeps one shape for the engine.
   */
  attributes: Attributes | undefined;
}

interface Attributes {
  cls: string;
  /** Class, id, rel and short data-* values: where sites name their boxes. */
  hints: string;
  title: string | null;
  alt: string | null;
  image: string | null;
}

/**
 * A snapshot of the page taken in one pass. DOM implementations such as happy-dom make every
 * property access costly, so the rules never touch the DOM again: they read this mirror.
 */
export class Page {
  readonly ctx: PageContext;
  private readonly infos: Info[] = [];
  private readonly texts = new Map<Id, string>();
  private readonly stories = new Map<Id, StoryLink | null>();
  /** Targets by href: menus, thumbnails and titles repeat an address, and parsing it is the costly part. */
  private readonly targets = new Map<string, StoryTarget | null>();
  private readonly lists = new Map<Id, StoryLink[]>();
  private readonly childLists = new Map<Id, Id[]>();
  private readonly positions = new Map<Id, number>();
  /**
   * Ids of links (any href), ascending. Whether a link is a story is worked out when a rule asks:
   * parsing every address of the page (menus, footers, share buttons) was a third of the snapshot.
   */
  private linkIds: Id[] = [];

  /** Ids of media elements, ascending. */
  private mediaIds: Id[] = [];
  /** Ids of h1 elements, ascending. */
  private titleIds: Id[] = [];

  constructor(doc: Document, pageUrl: string) {
    this.ctx = pageContext(doc, pageUrl);
    const root = doc.body ?? doc.documentElement;
    if (root) this.snapshot(root);
  }

  get size(): number {
    return this.infos.length;
  }

  private snapshot(root: Element): void {
    const infos = this.infos;
    // Iterative preorder walk over firstChild/nextSibling (the cheapest traversal in happy-dom),
    // so that a pathologically deep page cannot overflow the call stack.
    const nextNode: (Node | null)[] = [];
    const owner: Id[] = [];
    let parent: Id = -1;
    let el: Element | null = root;
    for (;;) {
      if (el) {
        const id = infos.length;
        const tag = el.tagName;
        const info: Info = {
          el,
          tag,
          parent,
          end: id,
          pieces: null,
          href: tag === 'A' ? el.getAttribute('href') : null,
          solid: 0,
          attributes: undefined,
        };
        infos.push(info);
        const up = infos[parent];
        if (up) (up.pieces ??= []).push(id);
        if (MEDIA.has(tag)) this.mediaIds.push(id);
        else if (tag === 'H1') this.titleIds.push(id);
        if (!INVISIBLE.has(tag)) {
          nextNode.push(el.firstChild);
          owner.push(id);
        }
        el = null;
      }
      const depth = nextNode.length - 1;
      if (depth < 0) break;
      const node = nextNode[depth];
      if (!node) {
        nextNode.pop();
        owner.pop();
        continue;
      }
      nextNode[depth] = node.nextSibling;
      parent = owner[depth] ?? -1;
      const type = node.nodeType;
      if (type === 1) el = node as Element;
      else if (type === 3) {
        const info = infos[parent];
        const value = node.nodeValue ?? '';
        if (info) {
          (info.pieces ??= []).push(value);
          info.solid += solidLength(value);
        }
      }
    }
    // Ends and text sizes, children before parents.
    for (let id = infos.length - 1; id > 0; id -= 1) {
      const info = infos[id];
      const up = info ? infos[info.parent] : undefined;
      if (!info || !up) continue;
      if (info.end > up.end) up.end = info.end;
      up.solid += info.solid;
    }
    for (let id = 0; id < infos.length; id += 1) if (infos[id]?.href) this.linkIds.push(id);
  }

  private info(id: Id): Info | undefined {
    return this.infos[id];
  }

  element(id: Id): Element | null {
    return this.info(id)?.el ?? null;
  }

  tag(id: Id): string {
    return this.info(id)?.tag ?? '';
  }

  cls(id: Id): string {
    return this.attributes(id)?.cls ?? '';
  }

  /** Class, id, rel and short data-* values: where sites name their boxes. */
  hints(id: Id): string {
    return this.attributes(id)?.hints ?? '';
  }

  private attributes(id: Id): Attributes | undefined {
    const info = this.info(id);
    if (info && !info.attributes) info.attributes = readAttributes(info.el, info.tag);
    return info?.attributes;
  }

  parent(id: Id): Id | null {
    const parent = this.info(id)?.parent ?? -1;
    return parent >= 0 ? parent : null;
  }

  children(id: Id): readonly Id[] {
    let children = this.childLists.get(id);
    if (!children) {
      children = this.pieces(id).filter((piece): piece is Id => typeof piece === 'number');
      this.childLists.set(id, children);
      children.forEach((child, index) => this.positions.set(child, index));
    }
    return children;
  }

  end(id: Id): Id {
    return this.info(id)?.end ?? id;
  }

  /** Whether `inner` is `outer` or inside it. */
  contains(outer: Id, inner: Id): boolean {
    return inner >= outer && inner <= this.end(outer);
  }

  /** Descendant ids in page order (the element itself excluded). */
  descendants(id: Id): Id[] {
    const out: Id[] = [];
    for (let d = id + 1; d <= this.end(id); d += 1) out.push(d);
    return out;
  }

  /** Following siblings, nearest first (read lazily: a parent may have thousands of children). */
  *siblingsAfter(id: Id): Generator<Id> {
    const parent = this.parent(id);
    if (parent === null) return;
    const all = this.children(parent);
    for (let i = this.position(id) + 1; i < all.length; i += 1) yield all[i] ?? id;
  }

  /** Preceding siblings, nearest first. */
  *siblingsBefore(id: Id): Generator<Id> {
    const parent = this.parent(id);
    if (parent === null) return;
    const all = this.children(parent);
    for (let i = this.position(id) - 1; i >= 0; i -= 1) yield all[i] ?? id;
  }

  /** Index of an element among its parent's children. */
  private position(id: Id): number {
    const parent = this.parent(id);
    if (parent !== null) this.children(parent);
    return this.positions.get(id) ?? -1;
  }

  /** The nearest ancestor-or-self that passes the test. */
  closest(id: Id, test: (id: Id) => boolean): Id | null {
    for (let at: Id | null = id; at !== null; at = this.parent(at)) if (test(at)) return at;
    return null;
  }

  /** Non-white-space characters of visible text: a cheap lower bound of `text(id).length`. */
  solid(id: Id): number {
    return this.info(id)?.solid ?? 0;
  }

  /** Visible, normalized text (cached). Block boundaries separate words, inline ones do not. */
  text(id: Id): string {
    let text = this.texts.get(id);
    if (text === undefined) {
      text = this.readText(id, false);
      this.texts.set(id, text);
    }
    return text;
  }

  /** Text without screen-reader-only spans: what a reader sees as a title. */
  readerText(id: Id): string {
    return this.readText(id, true);
  }

  private readText(id: Id, readerOnly: boolean): string {
    const parts: string[] = [];
    this.collect(id, readerOnly, parts);
    return normalizeText(parts.join(''));
  }

  private collect(id: Id, readerOnly: boolean, parts: string[]): void {
    const info = this.infos[id];
    if (!info || INVISIBLE.has(info.tag)) return;
    if (readerOnly && SCREEN_READER_ONLY.test(this.cls(id))) return;
    const gap = INLINE_TAGS.has(info.tag) ? '' : ' ';
    parts.push(gap);
    for (const piece of info.pieces ?? NO_PIECES) {
      if (typeof piece === 'string') parts.push(piece);
      else this.collect(piece, readerOnly, parts);
    }
    parts.push(gap);
  }

  /** Child elements and text nodes of an element, in order. */
  pieces(id: Id): readonly (string | Id)[] {
    return this.info(id)?.pieces ?? NO_PIECES;
  }

  /**
   * The same elements in `doc`, a copy of the document the snapshot was taken of (as it was then):
   * maps an element of the snapshot to its copy, or null for one the snapshot did not number (or
   * when `doc` is not such a copy). Elements are matched by their place in document order.
   */
  counterparts(doc: Document): (element: Element) => Element | null {
    const copies: Element[] = [];
    const root = doc.body ?? doc.documentElement;
    // The snapshot's walk, elements only: it does not look inside INVISIBLE elements either.
    for (let el: Element | null = root; el;) {
      copies.push(el);
      let next: Element | null = INVISIBLE.has(el.tagName) ? null : el.firstElementChild;
      for (let at: Element | null = el; !next && at && at !== root; at = at.parentElement) next = at.nextElementSibling;
      el = next;
    }
    const ids = new Map<Element, Id>();
    this.infos.forEach((info, id) => ids.set(info.el, id));
    const same =
      copies.length === this.infos.length && copies.every((copy, id) => copy.tagName === this.infos[id]!.tag);
    return (element) => {
      const id = ids.get(element);
      return same && id !== undefined ? (copies[id] ?? null) : null;
    };
  }

  attribute(id: Id, name: 'title' | 'alt' | 'image'): string | null {
    return this.attributes(id)?.[name] ?? null;
  }

  /** The story a link points to, or null for anything else (cached). */
  story(id: Id): StoryLink | null {
    let story = this.stories.get(id);
    if (story === undefined) {
      const href = this.info(id)?.href;
      const target = href ? this.target(href) : null;
      const test = (): boolean => (target ? looksLikeStoryPath(target.path, target.search, this.ctx) : false);
      story = target ? storyLink(id, target.url, target.key, test) : null;
      this.stories.set(id, story);
    }
    return story;
  }

  private target(href: string): StoryTarget | null {
    let target = this.targets.get(href);
    if (target === undefined) {
      target = storyTarget(href, this.ctx);
      this.targets.set(href, target);
    }
    return target;
  }

  /** Story links inside an element (the element itself included), in page order. */
  storyLinks(id: Id): StoryLink[] {
    let found = this.lists.get(id);
    if (!found) {
      found = [];
      for (const link of this.linksInside(id)) {
        const story = this.story(link);
        if (story) found.push(story);
      }
      this.lists.set(id, found);
    }
    return found;
  }

  hasStoryLink(id: Id): boolean {
    for (const link of this.linksInside(id)) if (this.story(link)) return true;
    return false;
  }

  /** Whether an element is, or holds, a picture, video, frame or table. */
  hasMedia(id: Id): boolean {
    return this.within(this.mediaIds, id);
  }

  /** Whether an element is, or holds, an h1. */
  hasTitle(id: Id): boolean {
    return this.within(this.titleIds, id);
  }

  private within(ids: Id[], id: Id): boolean {
    const found = ids[lowerBound(ids, id)];
    return found !== undefined && found <= this.end(id);
  }

  /** Links (any href) inside an element, the element included, in page order. */
  links(id: Id): Id[] {
    return Array.from(this.linksInside(id));
  }

  /** The walk behind `links`, `storyLinks` and `hasStoryLink`: no list is made for a question answered early. */
  private *linksInside(id: Id): Generator<Id> {
    const end = this.end(id);
    for (let i = lowerBound(this.linkIds, id); i < this.linkIds.length; i += 1) {
      const link = this.linkIds[i];
      if (link === undefined || link > end) return;
      yield link;
    }
  }

  hasLink(id: Id): boolean {
    return this.within(this.linkIds, id);
  }

  /** Non-white-space characters of an element's text that sit inside links. */
  linkedSolid(id: Id): number {
    let total = 0;
    let covered = -1;
    for (const link of this.linksInside(id)) {
      if (link <= covered) continue; // a link inside a link
      total += this.solid(link);
      covered = this.end(link);
    }
    return total;
  }
}

/** A story link whose "looks like a story" test runs on first use (most links never need it). */
function storyLink(link: Id, url: string, key: string, test: () => boolean): StoryLink {
  let like: boolean | undefined;
  return {
    link,
    url,
    key,
    get storyLike() {
      like ??= test();
      return like;
    },
  };
}

/** Characters that are not white space. */
function solidLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 32 && code !== 160 && code !== 0x2028 && code !== 0x2029 && code !== 0xfeff) count += 1;
  }
  return count;
}

/** First index in an ascending array whose value is ≥ `value`. */
function lowerBound(values: Id[], value: Id): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? Infinity) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Reads the attributes the rules need, in one pass over them. */
function readAttributes(el: Element, tag: string): Attributes {
  const out: Attributes = { cls: '', hints: '', title: null, alt: null, image: null };
  if (!el.hasAttributes()) return out;
  const images: Record<string, string> = {};
  let hints = '';
  for (const raw of el.getAttributeNames()) {
    const name = raw.toLowerCase();
    const isImage = IMAGE_ATTRIBUTES.includes(name);
    const isData = name.startsWith('data-');
    const isHint = name === 'class' || name === 'id' || name === 'rel';
    if (!isImage && !isData && !isHint && name !== 'title' && name !== 'alt') continue;
    // Only the attributes the rules read are fetched: each read is costly in happy-dom.
    const value = el.getAttribute(raw) ?? '';
    if (name === 'class') out.cls = value;
    if (isHint) hints += ` ${value}`;
    else if (name === 'title') out.title = value;
    else if (name === 'alt') out.alt = value;
    if (isImage) images[name] = value;
    else if (isData && value.length <= 80) hints += ` ${value}`;
  }
  out.hints = hints.trim();
  if (tag === 'IMG') {
    for (const name of IMAGE_ATTRIBUTES) {
      const value = images[name]?.trim().split(/\s+/)[0];
      if (value && !/^data:/i.test(value)) {
        out.image = value;
        break;
      }
    }
  }
  return out;
}
