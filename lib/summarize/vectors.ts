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
 * A pair of tokens gets the numeric key TOKEN_LIMIT × (first + 1) + second, which is faster than
 * a string key; an article has far fewer distinct tokens than this.
 */
const TOKEN_LIMIT = 2 ** 24;

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
  const space: TermSpace = {
    stopwords: stopwordsFor(lang),
    unigramWeight: SYLLABIC.has(lang) ? 0.5 : 1,
    tokenIds: new Map(),
    isStopword: [],
    termIds: new Map(),
    frequency: [],
  };
  const sentenceTerms = sentenceTokens.map((tokens) => termsOf(space, tokens, true));
  const extraTerms = extra.map((text) => termsOf(space, tokenize(text), false));
  const n = sentenceTerms.length;
  // Each term's inverse frequency once, not once per sentence that has it.
  const idf = new Float64Array(space.termIds.size);
  for (let id = 0; id < idf.length; id++) idf[id] = Math.log(1 + n / (space.frequency[id] ?? 1));
  return {
    sentences: sentenceTerms.map((counts) => weigh(counts, idf)),
    extra: extraTerms.map((counts) => weigh(counts, idf)),
  };
}

interface TermSpace {
  stopwords: ReadonlySet<string>;
  unigramWeight: number;
  tokenIds: Map<string, number>;
  isStopword: boolean[];
  /** Term keys (a token id, or a numeric key for a pair of tokens) to dense term ids. */
  termIds: Map<number, number>;
  /** Sentences each term id occurs in. */
  frequency: number[];
}

/** Term counts of one text by term id; `counted` texts add to the sentence frequencies. */
function termsOf(space: TermSpace, tokens: string[], counted: boolean): Map<number, number> {
  const counts = new Map<number, number>();
  let previous = -1;
  for (const token of tokens) {
    let id = space.tokenIds.get(token);
    if (id === undefined) {
      space.tokenIds.set(token, (id = space.tokenIds.size));
      space.isStopword[id] = space.stopwords.has(token);
    }
    if (!space.isStopword[id]) addTerm(space, counts, id, space.unigramWeight, counted);
    if (previous >= 0 && !(space.isStopword[previous] && space.isStopword[id])) {
      addTerm(space, counts, TOKEN_LIMIT * (previous + 1) + id, 1, counted);
    }
    previous = id;
  }
  return counts;
}

function addTerm(space: TermSpace, counts: Map<number, number>, key: number, weight: number, counted: boolean): void {
  let id = space.termIds.get(key);
  if (id === undefined) space.termIds.set(key, (id = space.termIds.size));
  const before = counts.get(id);
  if (before === undefined && counted) space.frequency[id] = (space.frequency[id] ?? 0) + 1;
  counts.set(id, (before ?? 0) + weight);
}

function weigh(counts: Map<number, number>, idf: Float64Array): Vector {
  const ids = Int32Array.from(counts.keys()).sort();
  const weights = new Float64Array(ids.length);
  let norm = 0;
  for (let i = 0; i < ids.length; i++) {
    const weight = counts.get(ids[i]!)! * idf[ids[i]!]!;
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
