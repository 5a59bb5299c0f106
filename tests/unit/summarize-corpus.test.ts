import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import { extractArticle } from '../../lib/extract/index';
import { summarize } from '../../lib/summarize';
import { rouge } from '../../lib/summarize/rouge';
import { corpusPages } from '../support/corpus';

/** Summaries of every corpus page, as the popup shows them: the page's lead first, then these. */
describe('summaries of the corpus pages', () => {
  for (const page of corpusPages()) {
    it(page.name, () => {
      const result = extractArticle(parseHtml(page.html, page.labels?.url), { url: page.labels?.url });
      if (!result.ok) return;
      const { article } = result;
      const summary = summarize(article);
      const texts = article.sentences.map((sentence) => sentence.text);
      expect(summary.length).toBeGreaterThan(0);
      expect(summary.length).toBeLessThanOrEqual(5);
      if (texts.length >= 10) expect(summary.length).toBeGreaterThanOrEqual(3);
      const positions = summary.map((sentence) => texts.indexOf(sentence));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect(positions).toEqual([...new Set(positions)].sort((a, b) => a - b));
      if (article.lead) {
        // Mostly the lead's own word pairs: the sentence repeats the lead.
        for (const sentence of summary) expect(rouge(sentence, article.lead, 2).precision).toBeLessThan(0.6);
      }
    });
  }
});
