import { stopwordsFor } from '../text/stopwords';
import { tokenize } from '../text/tokens';
import type { Graph } from './pagerank';

/** A sparse TF-IDF vector, L2-normalised (an empty vector stays empty). */
export type Vector = Map<string, number>;

/** Languages written with a space between syllables, where a single token is a weak feature. */
const SYLLABIC = new Set(['vi']);

/**
 * Terms of a sentence: content tokens and pairs of adjacent tokens. For Vietnamese the pairs are
 * the words ("chính phủ", "cải cách") and weigh more than the syllables; for German and English
 * the single words are the words, and pairs add phrases ("federal ministry").
 */
export function termCounts(text: string, lang: string): Map<string, number> {
  const stopwords = stopwordsFor(lang);
  const syllabic = SYLLABIC.has(lang);
  const unigramWeight = syllabic ? 0.5 : 1;
  const bigramWeight = syllabic ? 1 : 0.5;
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const add = (term: string, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const content = !stopwords.has(token);
    if (content) add(token, unigramWeight);
    const next = tokens[i + 1];
    if (next !== undefined && (content || !stopwords.has(next))) add(`${token} ${next}`, bigramWeight);
  }
  return counts;
}

/** Inverse document frequency over the sentences of one article; unseen terms count as seen once. */
export function inverseFrequencies(documents: Map<string, number>[]): (term: string) => number {
  const frequency = new Map<string, number>();
  for (const document of documents) for (const term of document.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const n = documents.length;
  return (term) => Math.log(1 + n / (frequency.get(term) ?? 1));
}

export function weigh(counts: Map<string, number>, idf: (term: string) => number): Vector {
  const vector: Vector = new Map();
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = count * idf(term);
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return dot;
}

/**
 * The cosine-similarity graph, built through an inverted index so that only pairs sharing a term
 * are visited: linear in practice even for a 20,000-word article.
 */
export function similarityGraph(vectors: Vector[]): Graph {
  const postings = new Map<string, [number, number][]>();
  vectors.forEach((vector, i) => {
    for (const [term, weight] of vector) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push([i, weight]);
    }
  });
  const dots = vectors.map(() => new Map<number, number>());
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      const [i, wi] = list[a]!;
      for (let b = a + 1; b < list.length; b++) {
        const [j, wj] = list[b]!;
        dots[i]!.set(j, (dots[i]!.get(j) ?? 0) + wi * wj);
      }
    }
  }
  const edges: Graph = vectors.map(() => []);
  dots.forEach((row, i) => {
    for (const [j, similarity] of row) {
      edges[i]!.push([j, similarity]);
      edges[j]!.push([i, similarity]);
    }
  });
  return edges;
}
