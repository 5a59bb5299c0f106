/**
 * The VietNews dev set (../shared/devsets/vietnews): articles with the abstract their editor
 * wrote, as summarizer inputs, and the oracle that picks the sentences closest to the abstract.
 */
import type { Sentence } from '../../lib/article';
import { extractFigures } from '../../lib/figures';
import type { SummaryInput } from '../../lib/summarize';
import { readDevsetJsonl } from './devsets';
import { nGrams, rougeTokens } from './rouge';

export interface VietNewsArticle {
  id: string;
  title: string;
  abstract: string;
  sentences: string[];
  captions: string[];
}

export function readVietNews(split: 'train' | 'val'): VietNewsArticle[] {
  return readDevsetJsonl<VietNewsArticle>(`vietnews/${split}.jsonl.gz`);
}

/** The validation slice the dev-set test holds Loa to: fixed, so its score is comparable run to run. */
export function validationSlice(articles: VietNewsArticle[], size = 300): VietNewsArticle[] {
  const step = Math.max(1, Math.floor(articles.length / size));
  return articles.filter((_, i) => i % step === 0).slice(0, size);
}

/**
 * An article as the extension would see it with the abstract (its sapo) removed from the page:
 * the body sentences as one text, figures found as the extractor finds them. The corpus keeps no
 * paragraphs, so every sentence is in paragraph 0.
 */
export function summaryInput(article: VietNewsArticle): SummaryInput {
  const sentences: Sentence[] = [];
  let offset = 0;
  for (const text of article.sentences) {
    sentences.push({ text, start: offset, end: offset + text.length, paragraph: 0 });
    offset += text.length + 1;
  }
  const text = article.sentences.join(' ');
  const figures = extractFigures({ text, lead: null, lang: 'vi', sentences });
  return { text, sentences, lead: null, title: article.title, lang: 'vi', figures };
}

/**
 * Greedy oracle (as in SummaRuNNer): adds the sentence that most raises ROUGE-2 F1 against the
 * reference until k are chosen or none helps. Sentence indexes, in page order.
 */
export function oracle(sentences: string[], reference: string, k = 3): number[] {
  const referenceGrams = nGrams(rougeTokens(reference), 2);
  let referenceTotal = 0;
  for (const count of referenceGrams.values()) referenceTotal += count;
  const sentenceGrams = sentences.map((sentence) => nGrams(rougeTokens(sentence), 2));
  const chosen: number[] = [];
  const summary = new Map<string, number>();
  let summaryTotal = 0;
  let best = 0;
  while (chosen.length < k) {
    let pick = -1;
    let pickScore = best;
    sentenceGrams.forEach((grams, i) => {
      if (chosen.includes(i)) return;
      let overlap = 0;
      let total = summaryTotal;
      for (const count of grams.values()) total += count;
      for (const [gram, count] of referenceGrams)
        overlap += Math.min(count, (summary.get(gram) ?? 0) + (grams.get(gram) ?? 0));
      const f1 = overlap > 0 ? (2 * overlap) / (total + referenceTotal) : 0;
      if (f1 > pickScore) {
        pickScore = f1;
        pick = i;
      }
    });
    if (pick < 0) break;
    chosen.push(pick);
    best = pickScore;
    for (const [gram, count] of sentenceGrams[pick]!) {
      summary.set(gram, (summary.get(gram) ?? 0) + count);
      summaryTotal += count;
    }
  }
  return chosen.sort((a, b) => a - b);
}
