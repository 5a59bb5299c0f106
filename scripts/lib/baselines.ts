import type { Sentence } from '../../lib/article';
import { tokenize } from '../../lib/text/tokens';
import { graphOf, pageRank } from '../../lib/summarize/pagerank';

/** The first k sentences: the classic news baseline. */
export function lead3(sentences: Sentence[], k = 3): string[] {
  return sentences.slice(0, k).map((sentence) => sentence.text);
}

/**
 * Plain TextRank (Mihalcea & Tarau, 2004): sentences linked by word overlap normalised by the
 * log of their lengths, ranked by uniform PageRank, top k in page order. No lead prior, no
 * redundancy control, no stop-word list: the baseline Loa's ranking has to beat.
 */
export function textRank(sentences: Sentence[], k = 3): string[] {
  const tokenSets = sentences.map((sentence) => new Set(tokenize(sentence.text)));
  const from: number[] = [];
  const to: number[] = [];
  const similarity: number[] = [];
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i + 1; j < sentences.length; j++) {
      const a = tokenSets[i]!;
      const b = tokenSets[j]!;
      const denominator = Math.log(a.size) + Math.log(b.size);
      if (denominator <= 0) continue;
      let overlap = 0;
      for (const token of a) if (b.has(token)) overlap++;
      if (overlap === 0) continue;
      from.push(i);
      to.push(j);
      similarity.push(overlap / denominator);
    }
  }
  const rank = pageRank(graphOf(sentences.length, from, to, similarity));
  return sentences
    .map((sentence, index) => ({ sentence, index, score: rank[index]! }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, k)
    .sort((a, b) => a.index - b.index)
    .map(({ sentence }) => sentence.text);
}
