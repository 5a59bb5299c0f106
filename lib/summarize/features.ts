import { containment, cosine, dot, type Vector } from './vectors';

/**
 * What the learned scorer sees of a sentence. None needs a dictionary except `dependent` (a short
 * list of openers per language); the rest is position, length, n-gram overlap and punctuation.
 * The order is the order of the weights in `weights.json`.
 */
export const FEATURES = [
  'first',
  'inversePosition',
  'relativePosition',
  'logLength',
  'overLong',
  'short',
  'titleSimilarity',
  'titleCoverage',
  'firstSimilarity',
  'articleSimilarity',
  'earlyTitle',
  'centrality',
  'figure',
  'numbers',
  'names',
  'quote',
  'dependent',
] as const;

export type FeatureName = (typeof FEATURES)[number];

export interface SentenceFacts {
  text: string;
  /** Position among all the body's sentences. */
  position: number;
  tokens: number;
  vector: Vector;
  /** Lead-biased LexRank score, 1 for the most central candidate. */
  centrality: number;
  /** Whether the sentence holds one of the article's key figures. */
  figure: boolean;
  /** Whether it opens on a pronoun or connective that leans on the sentence before (`needsPrevious`). */
  dependent: boolean;
}

export interface ArticleFacts {
  sentenceCount: number;
  title: Vector | null;
  /** The body's first sentence, which news writes as the story in brief. */
  first: Vector | null;
  /** The sum of all sentence vectors, normalised, by term id (`centroid`): what the article is about as a whole. */
  centroid: Float64Array;
}

/** Sentences longer than a typical lead sentence make a summary slow to read. */
const LONG_SENTENCE_TOKENS = 40;
/** Fewer tokens than this reads as a fragment. */
const SHORT_SENTENCE_TOKENS = 10;
const QUOTE = /["“”„«»]/u;

const WORDS = /\S+/gu;
const NUMBER = /^\P{L}*\p{N}/u;
/** A capitalised word after the first: a name in Vietnamese and English (and any noun in German). */
const NAME = /^\P{L}*\p{Lu}/u;

/** The share of words after the first that match. */
function share(words: string[], pattern: RegExp): number {
  let count = 0;
  for (let w = 1; w < words.length; w++) if (pattern.test(words[w]!)) count++;
  return words.length > 1 ? count / (words.length - 1) : 0;
}

export function featuresOf(sentence: SentenceFacts, article: ArticleFacts): number[] {
  const { position, tokens, vector, text } = sentence;
  const titleSimilarity = article.title ? cosine(vector, article.title) : 0;
  const words = text.match(WORDS) ?? [];
  const values: Record<FeatureName, number> = {
    first: position === 0 ? 1 : 0,
    inversePosition: 1 / (1 + position),
    relativePosition: article.sentenceCount > 1 ? position / (article.sentenceCount - 1) : 0,
    logLength: Math.log(1 + tokens),
    overLong: Math.max(0, tokens - LONG_SENTENCE_TOKENS) / LONG_SENTENCE_TOKENS,
    short: tokens < SHORT_SENTENCE_TOKENS ? 1 : 0,
    titleSimilarity,
    titleCoverage: article.title ? containment(article.title, vector) : 0,
    firstSimilarity: article.first && position > 0 ? cosine(vector, article.first) : 0,
    earlyTitle: titleSimilarity / (1 + position),
    articleSimilarity: dot(vector, article.centroid),
    centrality: sentence.centrality,
    figure: sentence.figure ? 1 : 0,
    numbers: share(words, NUMBER),
    names: share(words, NAME),
    quote: QUOTE.test(text) ? 1 : 0,
    dependent: sentence.dependent ? 1 : 0,
  };
  return FEATURES.map((name) => values[name]);
}
