import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../cli/html';
import { extractArticle } from '../../lib/extract/index';
import { summarize } from '../../lib/summarize';
import { rouge } from '../../scripts/lib/rouge';
import { corpusPages } from '../../scripts/lib/corpus';

const SENTENCE_SHAPED = /^\p{Lu}(?:\S*\s+){7,}.*[.!?"”]$/u;
const PHOTO_CREDIT = /(?:Ảnh|Foto|Bild|Photo)(?:\s+\p{L}+)?\s*:\s*\S[^:]{0,40}$|^©/u;

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
      // A long page gets at least three, unless it is mostly tables and list items (sentence-shaped lines are few).
      if (texts.filter((text) => SENTENCE_SHAPED.test(text)).length >= 10)
        expect(summary.length).toBeGreaterThanOrEqual(3);
      // A sentence is shown without its agency tag ("(Chinhphu.vn) - "), so it ends an article sentence.
      // Each found after the one before: page order, no sentence twice.
      let previous = -1;
      for (const sentence of summary) {
        const position = texts.findIndex((text, i) => i > previous && text.endsWith(sentence));
        expect(position).toBeGreaterThan(previous);
        previous = position;
      }
      // Never a photo credit, nor a caption that ends on one.
      const captions = article.paragraphs.filter((paragraph) => PHOTO_CREDIT.test(paragraph));
      for (const sentence of summary) {
        expect(sentence).not.toMatch(PHOTO_CREDIT);
        expect(captions.some((caption) => caption.includes(sentence))).toBe(false);
      }
      if (article.lead) {
        // Mostly the lead's own word pairs: the sentence repeats the lead.
        for (const sentence of summary) expect(rouge(sentence, article.lead, 2).precision).toBeLessThan(0.6);
      }
    });
  }
});
