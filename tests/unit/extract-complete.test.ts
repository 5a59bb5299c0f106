import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import type { ArticlePage } from '../../lib/article';
import { extractArticle, extractPage } from '../../lib/extract';
import { completeArticle, rememberingCompleter } from '../../lib/extract/complete';
import { labeledPages } from '../../scripts/lib/corpus';

/** The page part of two labeled corpus articles, as the content script hands it to the background. */
function pagesOf(count: number): { page: ArticlePage; url: string; html: string }[] {
  return labeledPages()
    .slice(0, count)
    .map(({ html, labels }) => {
      const result = extractPage(parseHtml(html, labels.url), { url: labels.url });
      if (!result.ok) throw new Error(`${labels.url} is no article`);
      return { page: result.page, url: labels.url, html };
    });
}

describe('figures and summary completed outside the page', () => {
  it('give exactly the article the whole pipeline gives, fields in the same order', () => {
    for (const { page, url, html } of pagesOf(3)) {
      const whole = extractArticle(parseHtml(html, url), { url });
      if (!whole.ok) throw new Error(`${url} is no article`);
      expect(whole.article.summary.length).toBeGreaterThan(0);
      expect(JSON.stringify(completeArticle(page))).toBe(JSON.stringify(whole.article));
    }
  });

  it('are remembered per text without mixing articles up, and a moved text keeps its new address', () => {
    const [first, second] = pagesOf(2).map(({ page }) => page);
    const complete = rememberingCompleter(1);
    for (const page of [first!, second!, first!, first!]) expect(complete(page)).toEqual(completeArticle(page));
    const moved = { ...first!, url: 'https://example.org/moved' };
    expect(complete(moved)).toEqual({ ...completeArticle(first!), url: 'https://example.org/moved' });
  });
});
