import type { Article, ArticlePage, Figure } from '../article';
import { extractFigures } from '../figures';
import { summarize } from '../summarize';

/**
 * The key figures and the summary of an extracted page. Pure functions of its text, so they are
 * computed where no page waits on them (the extension's background, the CLI) instead of in the
 * script injected into every page.
 */
export function completeArticle(page: ArticlePage): Article {
  return withParts(page, figuresAndSummary(page));
}

/**
 * `completeArticle` remembering the parts it computed for the last `capacity` texts, so an
 * article asked for again (the popup opened twice, a page reloaded) costs a lookup.
 */
export function rememberingCompleter(capacity: number): (page: ArticlePage) => Article {
  const remembered = new Map<string, Parts>();
  return (page) => {
    // Everything the parts are computed from (the sentences follow from the text and language).
    const key = [page.lang, page.title, page.lead ?? '', page.text].join('\u0000');
    const parts = remembered.get(key) ?? figuresAndSummary(page);
    remembered.delete(key);
    remembered.set(key, parts);
    if (remembered.size > capacity) remembered.delete(remembered.keys().next().value!);
    return withParts(page, parts);
  };
}

interface Parts {
  figures: Figure[];
  summary: string[];
}

function figuresAndSummary({ text, sentences, lead, title, lang }: ArticlePage): Parts {
  const figures = extractFigures({ text, lead, lang, sentences });
  return { figures, summary: summarize({ text, sentences, lead, title, lang, figures }) };
}

/** The article with its fields in the order extraction has always given them. */
function withParts(page: ArticlePage, { figures, summary }: Parts): Article {
  const { related, wordCount, ...opening } = page;
  return { ...opening, figures, related, summary, wordCount };
}
