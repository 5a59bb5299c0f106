import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import { extractArticle } from '../../lib/extract';
import { corpusPages, labeledPages, normalizeText } from '../../scripts/lib/corpus';

/** Every labeled corpus page: its body fragments in, its furniture out, its headline and lead. */
describe('extraction on the labeled corpus', () => {
  for (const page of labeledPages()) {
    it(`reads ${page.name} as labeled`, () => {
      const { labels } = page;
      const document = parseHtml(page.html, labels.url);
      const result = extractArticle(document, { url: labels.url });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const { article } = result;
      const body = normalizeText(`${article.lead ?? ''}\n\n${article.text}`);
      expect(labels.mustInclude.filter((fragment) => !body.includes(normalizeText(fragment)))).toEqual([]);
      expect(labels.mustExclude.filter((fragment) => body.includes(normalizeText(fragment)))).toEqual([]);
      expect(normalizeText(article.title)).toBe(normalizeText(labels.title));
      expect(normalizeText(article.lead ?? '')).toBe(normalizeText(labels.lead ?? ''));
    });
  }

  it('finishes on every unlabeled corpus page with an article or a reason', () => {
    for (const page of corpusPages().filter((entry) => entry.labels === null)) {
      const document = parseHtml(page.html);
      const result = extractArticle(document);
      expect(result.ok || result.reason === 'not-article', page.name).toBe(true);
    }
  });
});
