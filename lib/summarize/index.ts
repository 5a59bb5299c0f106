import type { Figure, Sentence } from '../article';
import { splitSentences } from '../text/sentences';
import { tokenize } from '../text/tokens';
import { pageRank } from './pagerank';
import { containment, cosine, similarityGraph, vectorize, type Vector } from './vectors';

export interface SummaryInput {
  /** The body text, without the lead. */
  text: string;
  /** Sentences of `text`; split here when empty. */
  sentences: Sentence[];
  /** The page's own lead ("sapo"): the summary adds to it rather than repeating it. */
  lead: string | null;
  lang: string;
  /** Key figures of the body; sentences that carry one are favoured when they are central. */
  figures?: Figure[];
}

export interface SummaryOptions {
  /** Sentences for a long article (default 5). */
  maxSentences?: number;
  /** Sentences for a short article (default 3). */
  minSentences?: number;
}

const DEFAULT_MIN = 3;
const DEFAULT_MAX = 5;
/** Articles up to this many words get the minimum length, … */
const SHORT_ARTICLE_WORDS = 300;
/** … and from this many on the maximum. */
const LONG_ARTICLE_WORDS = 1500;
/** Fewer tokens than this is a label, a credit or a fragment, not a summary sentence. */
const MIN_TOKENS = 5;
/** Sentences longer than a typical lead sentence make a summary slow to read; they rank lower. */
const LONG_SENTENCE_TOKENS = 40;
/** A sentence this similar to the lead, or to a sentence already picked, adds nothing to it. */
const REPEATS = 0.5;
/** Links weaker than this are noise in the sentence graph (LexRank's cut-off idea). */
const MIN_SIMILARITY = 0.05;
/** Relevance against novelty in the maximal-marginal-relevance selection. */
const MMR_LAMBDA = 0.6;
/** How much more a central sentence that carries a key figure is worth. */
const FIGURE_BONUS = 0.2;

/**
 * The offline summary: a few sentences of the body, in page order, that are central to the
 * article, early in it, and not repeating the lead or each other.
 *
 * Ranking is a personalised PageRank (LexRank with a lead prior) over TF-IDF vectors of syllable
 * (or word) pairs and content tokens, then maximal marginal relevance picks sentences that add
 * something new. Runs in a few milliseconds for a news article and stays near-linear for very
 * long ones, because the similarity graph only visits sentences that share a term.
 */
export function summarize(input: SummaryInput, options: SummaryOptions = {}): string[] {
  const lang = (input.lang || '').toLowerCase().split(/[-_]/)[0] ?? '';
  const sentences = input.sentences.length > 0 ? input.sentences : splitSentences(input.text, lang);
  const tokens = sentences.map((sentence) => tokenize(sentence.text));
  const tokenCounts = tokens.map((list) => list.length);
  const k = summaryLength(
    tokenCounts.reduce((sum, count) => sum + count, 0),
    options.minSentences ?? DEFAULT_MIN,
    options.maxSentences ?? DEFAULT_MAX,
  );

  const space = vectorize(tokens, lang, input.lead ? [input.lead] : []);
  const vectors = space.sentences;
  const leadVector = space.extra[0] ?? null;

  const eligible = sentences.map((_, i) => !leadVector || containment(vectors[i]!, leadVector) < REPEATS);
  let candidates = sentences.map((_, i) => i).filter((i) => eligible[i] && isProse(sentences, i, tokenCounts[i]!));
  // A text made only of short lines (a list, a table) still deserves a summary.
  if (candidates.length < k) candidates = sentences.map((_, i) => i).filter((i) => eligible[i] && tokenCounts[i]! > 0);
  // A short article is its own summary (without a sentence said twice).
  if (candidates.length <= k) return [...new Set(candidates.map((i) => sentences[i]!.text))];

  const scores = centrality(candidates.map((i) => vectors[i]!));
  const figureSentences = sentencesWithFigures(sentences, input.figures ?? []);
  const median = scores.slice().sort((a, b) => a - b)[Math.floor(scores.length / 2)]!;
  const relevance = candidates.map((i, c) => {
    // A figure makes a sentence worth more only when the sentence is about the story already.
    const figure = figureSentences.has(i) && scores[c]! >= median ? 1 + FIGURE_BONUS : 1;
    const length = tokenCounts[i]! > LONG_SENTENCE_TOKENS ? LONG_SENTENCE_TOKENS / tokenCounts[i]! : 1;
    return scores[c]! * figure * length;
  });

  const chosen = selectDiverse(
    candidates.map((i) => vectors[i]!),
    relevance,
    k,
    leadVector ? [leadVector] : [],
  );
  return chosen
    .map((c) => candidates[c]!)
    .sort((a, b) => a - b)
    .map((i) => sentences[i]!.text);
}

/** 3 sentences for a short article, 5 for a long one, in between by length. */
export function summaryLength(words: number, min: number, max: number): number {
  const low = Math.max(1, Math.floor(min));
  const high = Math.max(low, Math.floor(max));
  const share = Math.min(1, Math.max(0, (words - SHORT_ARTICLE_WORDS) / (LONG_ARTICLE_WORDS - SHORT_ARTICLE_WORDS)));
  return low + Math.round((high - low) * share);
}

/** Captions, photo credits and headings live in article bodies but do not belong in a summary. */
const CREDIT = /^©|(?:^|[\s(–-])(?:Ảnh|Nguồn|Foto|Fotos|Bild|Quelle|Photo|Credit|Source)\s*:\s*\S[^.!?]{0,60}\)?\.?$|\((?:Ảnh|Foto|Bild|Photo)\b[^()]{0,40}\)$/iu;
const FINAL_PUNCTUATION = /[.!?…"”»]$/u;
/** A paragraph this short that does not end like a sentence is a heading, a label or a scoreline. */
const HEADING_MAX_TOKENS = 20;

function isProse(sentences: Sentence[], i: number, tokenCount: number): boolean {
  const sentence = sentences[i]!;
  if (tokenCount < MIN_TOKENS || CREDIT.test(sentence.text)) return false;
  const alone = sentences[i - 1]?.paragraph !== sentence.paragraph && sentences[i + 1]?.paragraph !== sentence.paragraph;
  // A short paragraph without final punctuation is a heading or a label.
  return !(alone && !FINAL_PUNCTUATION.test(sentence.text) && tokenCount <= HEADING_MAX_TOKENS);
}

/**
 * Lead-biased LexRank: PageRank on the cosine graph whose random jumps favour early sentences,
 * since news puts what matters first. Scaled so the top sentence scores 1.
 */
function centrality(vectors: Vector[]): number[] {
  const prior = vectors.map((_, position) => 1 / Math.sqrt(1 + position));
  const rank = Array.from(pageRank(similarityGraph(vectors, MIN_SIMILARITY), prior));
  const top = rank.reduce((max, value) => Math.max(max, value), 0);
  return rank.map((value) => (top > 0 ? value / top : 0));
}

/** Sentences holding a body figure, found by offset so that any sentence list given to summarize() works. */
function sentencesWithFigures(sentences: Sentence[], figures: Figure[]): Set<number> {
  const indexes = new Set<number>();
  for (const figure of figures) {
    if (figure.where !== 'text') continue;
    const holder = sentences.findIndex((sentence) => sentence.start <= figure.start && figure.end <= sentence.end);
    if (holder >= 0) indexes.add(holder);
  }
  return indexes;
}

/**
 * Maximal marginal relevance: each pick trades relevance against similarity to what is already
 * said, and a near-repeat of it is never picked (a summary may come out shorter than k).
 */
function selectDiverse(vectors: Vector[], relevance: number[], k: number, alreadySaid: Vector[]): number[] {
  const chosen: number[] = [];
  // Each candidate's highest similarity to anything said so far, updated pick by pick.
  const redundancy = vectors.map((vector) => Math.max(0, ...alreadySaid.map((said) => cosine(vector, said))));
  const taken = new Set<number>();
  while (chosen.length < k && chosen.length < vectors.length) {
    let best = -1;
    let bestValue = -Infinity;
    for (let c = 0; c < vectors.length; c++) {
      if (taken.has(c) || redundancy[c]! >= REPEATS) continue;
      const value = MMR_LAMBDA * relevance[c]! - (1 - MMR_LAMBDA) * redundancy[c]!;
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    taken.add(best);
    for (let c = 0; c < vectors.length; c++) redundancy[c] = Math.max(redundancy[c]!, cosine(vectors[c]!, vectors[best]!));
  }
  return chosen;
}
