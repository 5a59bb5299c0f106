import { pageContext, storyUrl, storyKey, type PageContext } from './links';
import { textOf } from './text';

/** One link to a story of this site. */
export interface StoryLink {
  link: Element;
  url: string;
  key: string;
}

/**
 * The document being scanned, with per-element caches: every rule asks for the same link URLs and
 * texts many times, and the DOM does not change while we look.
 */
export class Page {
  readonly root: Element;
  readonly ctx: PageContext;
  private readonly texts = new Map<Element, string>();
  private readonly urls = new Map<Element, StoryLink | null>();

  constructor(readonly doc: Document, pageUrl: string) {
    this.root = doc.body ?? doc.documentElement;
    this.ctx = pageContext(doc, pageUrl);
  }

  /** Visible, normalized text of an element (cached). */
  text(el: Element): string {
    let text = this.texts.get(el);
    if (text === undefined) {
      text = textOf(el);
      this.texts.set(el, text);
    }
    return text;
  }

  /** The story a link points to, or null for anything else (cached). */
  story(link: Element): StoryLink | null {
    let story = this.urls.get(link);
    if (story === undefined) {
      const url = link.tagName === 'A' ? storyUrl(link, this.ctx) : null;
      story = url ? { link, url, key: storyKey(url) } : null;
      this.urls.set(link, story);
    }
    return story;
  }

  /** Story links inside an element (the element itself included), in document order. */
  storyLinks(el: Element): StoryLink[] {
    const found: StoryLink[] = [];
    const self = this.story(el);
    if (self) found.push(self);
    for (const link of Array.from(el.querySelectorAll('a[href]'))) {
      const story = this.story(link);
      if (story) found.push(story);
    }
    return found;
  }

  /** Whether an element holds at least one story link (cheaper than listing them). */
  hasStoryLink(el: Element): boolean {
    if (this.story(el)) return true;
    for (const link of Array.from(el.querySelectorAll('a[href]'))) if (this.story(link)) return true;
    return false;
  }
}
