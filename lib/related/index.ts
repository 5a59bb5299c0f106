import type { RelatedStory } from '../article';
import { detectBlocks } from './detect';
import { Page } from './page';

export { Page } from './page';

export interface RelatedResult {
  /** Related stories, deduplicated by URL, in page order, each with its block's heading. */
  stories: RelatedStory[];
  /**
   * The related blocks, headings included, outermost only, in page order: remove them from the
   * clone before Readability so that no related title reaches the article text.
   */
  blocks: Element[];
}

/**
 * Finds the related-story blocks of an article page ("Tin liên quan", "Tin cùng chuyên mục",
 * "Mehr zum Thema", "Related", and heading-less teaser lists next to the body) and reads their
 * stories. Runs on a clone of the page, before Readability; standard DOM APIs only.
 */
export function findRelated(doc: Document, pageUrl: string): RelatedResult {
  return relatedOn(new Page(doc, pageUrl));
}

/** `findRelated` on a snapshot taken already, which the caller reads for more than related stories. */
export function relatedOn(page: Page): RelatedResult {
  const found = detectBlocks(page);

  // Ids are in page order, and a block contains exactly the ids up to its end.
  const ids = Array.from(new Set(found.flatMap((block) => block.elements))).sort((a, b) => a - b);
  const outermost = ids.filter((id) => !ids.some((other) => other !== id && page.contains(other, id)));
  const blocks = outermost.map((id) => page.element(id)).filter((el): el is Element => el !== null);

  const byKey = new Map<string, RelatedStory>();
  const candidates = found.flatMap((block) => block.stories).sort((a, b) => a.first - b.first);
  for (const { story, key } of candidates) {
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...story });
      continue;
    }
    // The same story twice (thumbnail and title, in-body box and end box): one item, completed
    // with what the later copy knows.
    if (!seen.summary && story.summary) seen.summary = story.summary;
    if (!seen.image && story.image) seen.image = story.image;
    if (!seen.heading && story.heading) seen.heading = story.heading;
  }
  return { stories: Array.from(byKey.values()), blocks };
}
