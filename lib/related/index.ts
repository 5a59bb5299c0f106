import type { RelatedStory } from '../article';
import { detectBlocks } from './detect';
import { Page } from './page';

export interface RelatedResult {
  /** Related stories, deduplicated by URL, in page order. */
  stories: RelatedStory[];
  /**
   * The related blocks (each with its heading), outermost only, in page order: remove them from the
   * clone before Readability so that no related title reaches the article text.
   */
  blocks: Element[];
}

/**
 * Finds the related-story blocks of an article page ("Tin liên quan", "Tin cùng chuyên mục",
 * "Mehr zum Thema", "Related", and heading-less teaser lists next to the body) and reads their
 * stories. Runs on a clone of the page; uses standard DOM APIs only.
 */
export function findRelated(doc: Document, pageUrl: string): RelatedResult {
  const page = new Page(doc, pageUrl);
  if (!page.root) return { stories: [], blocks: [] };
  const found = detectBlocks(page);

  const elements = found.flatMap((block) => block.elements);
  const blocks = elements
    .filter((el, index) => elements.indexOf(el) === index && !elements.some((other) => other !== el && other.contains(el)))
    .sort(documentOrder);

  const candidates = found.flatMap((block) => block.stories).sort((a, b) => documentOrder(a.first, b.first));
  const byKey = new Map<string, RelatedStory>();
  for (const { story, key } of candidates) {
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...story });
      continue;
    }
    // The same story twice (thumbnail block and title block, in-body box and end box): one item,
    // completed with what the later copy knows.
    seen.summary ??= story.summary;
    seen.image ??= story.image;
    seen.heading ??= story.heading;
  }
  return { stories: Array.from(byKey.values()), blocks };
}

function documentOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  // DOCUMENT_POSITION_FOLLOWING = 4: b comes after a.
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}
