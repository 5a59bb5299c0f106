import { stopwordsFor } from '../text/stopwords';
import { tokenize } from '../text/tokens';
import { graphOf, type Graph } from './pagerank';

/** A sparse, L2-normalised TF-IDF vector: term ids in ascending order and their weights. */
export interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

/** Languages written with a space between syllables, where a single token is a weak feature. */
const SYLLABIC = new Set(['vi']);

/**
 * TF-IDF vectors of the sentences of one article, with inverse frequencies taken over those
 * sentences. `extra` texts (the lead) are vectorised in the same space; their terms count as seen
 * once when the article lacks them.
 *
 * Terms are content tokens and pairs of adjacent tokens. For Vietnamese the pairs are the words
 * ("chính phủ", "cải cách"), so a lone syllable weighs half; for German and English the tokens
 * are words already, and pairs add their phrases ("federal ministry").
 */
export function vectorize(
  sentenceTokens: string[][],
  lang: string,
  extra: string[] = [],
): { sentences: Vector[]; extra: Vector[] } {
  const texts = [...sentenceTokens, ...extra.map(tokenize)];
  const space = termSpace(texts, lang);
  const sentenceTerms = sentenceTokens.map((_, s) => termsOf(space, s, true));
  const extraTerms = extra.map((_, e) => termsOf(space, sentenceTokens.length + e, false));
  const n = sentenceTerms.length;
  // Each term's inverse frequency once, not once per sentence that has it.
  const idf = new Float64Array(space.terms);
  for (let id = 0; id < idf.length; id++) idf[id] = Math.log(1 + n / (space.frequency[id] || 1));
  return {
    sentences: sentenceTerms.map((terms) => weigh(terms, idf)),
    extra: extraTerms.map((terms) => weigh(terms, idf)),
  };
}

/**
 * The texts as token ids (in the order tokens are met), and the term ids met so far: dense, in the
 * order terms are met, a lone token's by its token id and a pair's by the number
 * `tokenCount × first + second`, so no term is looked up by a string.
 */
interface TermSpace {
  tokenIds: Int32Array[];
  tokenCount: number;
  isStopword: Uint8Array;
  unigramWeight: number;
  /** A lone token's term id by token id, -1 until met. */
  unigramTerms: Int32Array;
  pairTerms: Map<number, number>;
  terms: number;
  /** Counted texts each term id occurs in. */
  frequency: Int32Array;
  /** The text being read: its count per term id, and the term ids it has (zeroed after each text). */
  counts: Float64Array;
  met: number[];
}

function termSpace(texts: string[][], lang: string): TermSpace {
  const stopwords = stopwordsFor(lang);
  const ids = new Map<string, number>();
  const stopword: boolean[] = [];
  let tokens = 0;
  const tokenIds = texts.map((text) => {
    tokens += text.length;
    const row = new Int32Array(text.length);
    for (let k = 0; k < text.length; k++) {
      const token = text[k]!;
      let id = ids.get(token);
      if (id === undefined) {
        ids.set(token, (id = ids.size));
        stopword[id] = stopwords.has(token);
      }
      row[k] = id;
    }
    return row;
  });
  // At most a term per token and one per pair.
  const maxTerms = 2 * tokens;
  return {
    tokenIds,
    tokenCount: ids.size,
    isStopword: Uint8Array.from(stopword, Number),
    unigramWeight: SYLLABIC.has(lang) ? 0.5 : 1,
    unigramTerms: new Int32Array(ids.size).fill(-1),
    pairTerms: new Map(),
    terms: 0,
    frequency: new Int32Array(maxTerms),
    counts: new Float64Array(maxTerms),
    met: [],
  };
}

/** Term counts of the text at `index`, by ascending term id; `counted` texts add to the sentence frequencies. */
function termsOf(space: TermSpace, index: number, counted: boolean): Terms {
  const { isStopword, unigramTerms, pairTerms, tokenCount, counts, met } = space;
  let previous = -1;
  for (const id of space.tokenIds[index]!) {
    if (!isStopword[id]) {
      let term = unigramTerms[id]!;
      if (term < 0) unigramTerms[id] = term = space.terms++;
      count(space, term, space.unigramWeight, counted);
    }
    if (previous >= 0 && !(isStopword[previous] && isStopword[id])) {
      const key = tokenCount * previous + id;
      let term = pairTerms.get(key);
      if (term === undefined) pairTerms.set(key, (term = space.terms++));
      count(space, term, 1, counted);
    }
    previous = id;
  }
  const ids = Int32Array.from(met).sort();
  const values = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    values[i] = counts[ids[i]!]!;
    counts[ids[i]!] = 0;
  }
  met.length = 0;
  return { ids, counts: values };
}

function count(space: TermSpace, term: number, weight: number, counted: boolean): void {
  if (space.counts[term] === 0) {
    space.met.push(term);
    if (counted) space.frequency[term]!++;
  }
  space.counts[term]! += weight;
}

interface Terms {
  ids: Int32Array;
  counts: Float64Array;
}

/** The vector of a text's term counts: its counts array becomes the weights. */
function weigh({ ids, counts: weights }: Terms, idf: Float64Array): Vector {
  let norm = 0;
  for (let i = 0; i < ids.length; i++) {
    const weight = weights[i]! * idf[ids[i]!]!;
    weights[i] = weight;
    norm += weight * weight;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
  return { ids, weights };
}

export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** How much of `a` (its share of squared weight) is in terms that `b` also has: 1 when b says all a says. */
export function containment(a: Vector, b: Vector): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      shared += a.weights[i]! * a.weights[i]!;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/**
 * The cosine-similarity graph, without the weak links below `threshold` (as in LexRank), built
 * through an inverted index so that only pairs sharing a term are visited. Still quadratic when all
 * sentences share terms: callers bound the number of sentences.
 */
export function similarityGraph(vectors: Vector[], threshold: number): Graph {
  // Postings in compressed rows: the sentences holding term t (in sentence order) and the term's
  // weight in each are `sentences`/`weights[offsets[t] .. offsets[t + 1])`. Term ids are dense
  // (0, 1, 2, … in the order terms were met).
  let terms = 0;
  for (const vector of vectors) for (let t = 0; t < vector.ids.length; t++) terms = Math.max(terms, vector.ids[t]! + 1);
  const offsets = new Int32Array(terms + 1);
  for (const vector of vectors) for (let t = 0; t < vector.ids.length; t++) offsets[vector.ids[t]! + 1]!++;
  for (let term = 0; term < terms; term++) offsets[term + 1]! += offsets[term]!;
  const sentences = new Int32Array(offsets[terms]!);
  const weights = new Float64Array(offsets[terms]!);
  // `visited`: the posting of the sentence the outer loop is at, so each pair is summed once.
  const visited = offsets.slice(0, terms);
  for (let i = 0; i < vectors.length; i++) {
    const { ids, weights: own } = vectors[i]!;
    for (let t = 0; t < ids.length; t++) {
      sentences[visited[ids[t]!]!] = i;
      weights[visited[ids[t]!]!++] = own[t]!;
    }
  }
  visited.set(offsets.subarray(0, terms));
  const from: number[] = [];
  const to: number[] = [];
  const similarity: number[] = [];
  const row = new Float64Array(vectors.length);
  const touched: number[] = [];
  for (let i = 0; i < vectors.length; i++) {
    const { ids, weights: own } = vectors[i]!;
    for (let t = 0; t < ids.length; t++) {
      const weight = own[t]!;
      const term = ids[t]!;
      // Postings are in sentence order and i is the next one: start past it.
      for (let p = ++visited[term]!, end = offsets[term + 1]!; p < end; p++) {
        const j = sentences[p]!;
        if (row[j] === 0) touched.push(j);
        row[j]! += weight * weights[p]!;
      }
    }
    for (const j of touched) {
      if (row[j]! >= threshold) {
        from.push(i);
        to.push(j);
        similarity.push(row[j]!);
      }
      row[j] = 0;
    }
    touched.length = 0;
  }
  return graphOf(vectors.length, from, to, similarity);
}

/**
 * The normalised sum of the vectors (what they say as a whole), dense: its weight by term id.
 * Almost every term of the article is in it, so a sentence is compared with it by `dot`, one
 * lookup per term of the sentence, instead of a merge over the whole article's terms.
 */
export function centroid(vectors: Vector[]): Float64Array {
  let terms = 0;
  for (const vector of vectors)
    if (vector.ids.length > 0) terms = Math.max(terms, vector.ids[vector.ids.length - 1]! + 1);
  const sums = new Float64Array(terms);
  for (const vector of vectors) {
    for (let t = 0; t < vector.ids.length; t++) sums[vector.ids[t]!]! += vector.weights[t]!;
  }
  // Absent terms are 0 and add nothing: the same sum, in the same order, as over the terms present.
  let squares = 0;
  for (let id = 0; id < terms; id++) squares += sums[id]! * sums[id]!;
  const norm = Math.sqrt(squares);
  if (norm > 0) for (let id = 0; id < terms; id++) sums[id]! /= norm;
  return sums;
}

/** `cosine(vector, other)` for an `other` given densely (weight by term id), such as the centroid. */
export function dot(vector: Vector, dense: Float64Array): number {
  let sum = 0;
  for (let t = 0; t < vector.ids.length; t++) {
    const weight = dense[vector.ids[t]!];
    if (weight) sum += vector.weights[t]! * weight;
  }
  return sum;
}
