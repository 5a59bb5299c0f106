import type { Figure, Sentence } from '../article';
import { primaryLanguage } from '../lang';
import { isPhotoCredit, withoutAgencyPrefix } from '../text/captions';
import { splitSentences } from '../text/sentences';
import { tokenize } from '../text/tokens';
import { FEATURES, featuresOf } from './features';
import { logOdds, SENTENCE_MODEL } from './model';
import { needsPrevious } from './openers';
import { pageRank } from './pagerank';
import { centroid, containment, cosine, similarityGraph, vectorize, type Vector } from './vectors';

export interface SummaryInput {
  /** The body text, without the lead. */
  text: string;
  /** Sentences of `text`; split here when empty. */
  sentences: Sentence[];
  /** The page's own lead ("sapo"): the summary adds to it rather than repeating it. */
  lead: string | null;
  /** The headline: what it shares with a sentence is a sign of what matters. */
  title?: string;
  lang: string;
  /** Key figures of the body; holding one is one of the scorer's features. */
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
/** A sentence this similar to the lead, or to a sentence already picked, adds nothing to it. */
const REPEATS = 0.5;
/** Links weaker than this are noise in the sentence graph (LexRank's cut-off idea). */
const MIN_SIMILARITY = 0.05;
/**
 * Only this many sentences from the top are candidates: news says what matters first, and the
 * similarity graph over them, quadratic at worst, stays small on a page of 50,000 paragraphs.
 */
const MAX_CANDIDATES = 150;
/**
 * What the scorer's log-odds give up per unit of log length: of two sentences an editor would both
 * use, the shorter reads faster. Chosen on the VietNews validation split (with NOVELTY_COST).
 */
const BREVITY = 0.1;
const LOG_LENGTH = FEATURES.indexOf('logLength');
/** What a candidate's log-odds lose per unit of cosine similarity to a sentence already picked (MMR). */
const NOVELTY_COST = 6;

/** The candidates of one article and what the scorer sees of each: shared by summarize() and training. */
export interface Analysis {
  sentences: Sentence[];
  /** Indexes into `sentences`, in page order. */
  candidates: number[];
  /** Per candidate, the values of `FEATURES`. */
  features: number[][];
  /** Per candidate, whether it leans on the sentence before it. */
  dependent: boolean[];
  vectors: Vector[];
  lead: Vector | null;
  /** Words of the body, which set the summary's length. */
  words: number;
}

/**
 * The offline summary: a few sentences of the body, in page order, that a learned scorer
 * (logistic regression over position, length, overlap with the title and the article,
 * centrality, figures, quotes and openings; see `features.ts`) rates most likely to be what an
 * editor would put in the abstract, each readable alone and none repeating the lead or another.
 * Near-linear in the article's length: every step is linear except the sentence graph, which
 * only spans the first `MAX_CANDIDATES` candidates.
 */
export function summarize(input: SummaryInput, options: SummaryOptions = {}): string[] {
  const analysis = analyze(input);
  const k = summaryLength(analysis.words, options.minSentences ?? DEFAULT_MIN, options.maxSentences ?? DEFAULT_MAX);
  const scores = analysis.features.map(
    (features) => logOdds(SENTENCE_MODEL, features) - BREVITY * features[LOG_LENGTH]!,
  );
  // In a short article every candidate fits; near-repeats and openings that lean on a missing sentence still go.
  const chosen = selectReadable(analysis, scores, k);
  return chosen.map((i) => withoutAgencyPrefix(analysis.sentences[i]!.text));
}

export function analyze(input: SummaryInput): Analysis {
  const lang = primaryLanguage(input.lang);
  const sentences = input.sentences.length > 0 ? input.sentences : splitSentences(input.text, lang);
  const tokens = sentences.map((sentence) => tokenize(sentence.text));
  const tokenCounts = tokens.map((list) => list.length);
  const extras = [input.lead ?? '', input.title ?? ''];
  const space = vectorize(tokens, lang, extras);
  const vectors = space.sentences;
  const lead = input.lead ? space.extra[0]! : null;
  const title = input.title ? space.extra[1]! : null;

  const eligible = (i: number) => !lead || containment(vectors[i]!, lead) < REPEATS;
  const credits = sentences.map((sentence) => isPhotoCredit(sentence.text));
  const captions = captionParagraphs(sentences, tokens, credits);
  const seen = new Set<string>();
  const firstOfItsText = (i: number) => !seen.has(sentences[i]!.text) && Boolean(seen.add(sentences[i]!.text));
  let candidates = firstCandidates(
    sentences.length,
    (i) => eligible(i) && isProse(sentences, i, tokenCounts[i]!, captions, credits) && firstOfItsText(i),
  );
  // A text made only of short lines (a list, a table) still deserves a summary.
  if (candidates.length === 0) {
    seen.clear();
    candidates = firstCandidates(
      sentences.length,
      (i) =>
        eligible(i) &&
        tokenCounts[i]! > 0 &&
        !captions.has(sentences[i]!.paragraph) &&
        !credits[i] &&
        firstOfItsText(i),
    );
  }

  const candidateVectors = candidates.map((i) => vectors[i]!);
  const rank = centrality(candidateVectors);
  const figures = sentencesWithFigures(sentences, input.figures ?? []);
  const dependent = candidates.map((i) => needsPrevious(sentences[i]!.text, lang));
  const article = { sentenceCount: sentences.length, title, first: vectors[0] ?? null, centroid: centroid(vectors) };
  const features = candidates.map((i, c) => {
    const facts = { text: sentences[i]!.text, position: i, tokens: tokenCounts[i]!, vector: vectors[i]! };
    return featuresOf({ ...facts, centrality: rank[c]!, figure: figures.has(i), dependent: dependent[c]! }, article);
  });
  const words = tokenCounts.reduce((sum, count) => sum + count, 0);
  return { sentences, candidates, features, dependent, vectors: candidateVectors, lead, words };
}

function firstCandidates(count: number, accepts: (i: number) => boolean): number[] {
  const candidates: number[] = [];
  for (let i = 0; i < count && candidates.length < MAX_CANDIDATES; i++) if (accepts(i)) candidates.push(i);
  return candidates;
}

/** 3 sentences for a short article, 5 for a long one, in between by length. */
export function summaryLength(words: number, min: number, max: number): number {
  const low = Math.max(1, Math.floor(min));
  const high = Math.max(low, Math.floor(max));
  const share = Math.min(1, Math.max(0, (words - SHORT_ARTICLE_WORDS) / (LONG_ARTICLE_WORDS - SHORT_ARTICLE_WORDS)));
  return low + Math.round((high - low) * share);
}

const FINAL_PUNCTUATION = /[.!?…"”»]$/u;
/** A paragraph this short that does not end like a sentence is a heading, a label or a scoreline. */
const HEADING_MAX_TOKENS = 20;
/** Words a caption without a credit shares at its start with a credited caption of the page. */
const CAPTION_FAMILY_WORDS = 3;
/**
 * Not a sentence to read alone: a list item ("- Phục vụ …"), a sentence that opens lower-case (the
 * rest of a list item or of a cut sentence), announces a list (":"), or ends on a dash (a caption
 * whose credit was cut off).
 */
const FRAGMENT = /^[-–—•*·+]\s|^[\s"'“„«(]*\p{Ll}|[:\-–—][\s"'”’»)]*$/u;

function isProse(
  sentences: Sentence[],
  i: number,
  tokenCount: number,
  captions: Set<number>,
  credits: boolean[],
): boolean {
  const sentence = sentences[i]!;
  if (tokenCount < MIN_TOKENS || captions.has(sentence.paragraph) || credits[i] || FRAGMENT.test(sentence.text))
    return false;
  const alone =
    sentences[i - 1]?.paragraph !== sentence.paragraph && sentences[i + 1]?.paragraph !== sentence.paragraph;
  // A short paragraph without final punctuation is a heading or a label.
  return !(alone && !FINAL_PUNCTUATION.test(sentence.text) && tokenCount <= HEADING_MAX_TOKENS);
}

/**
 * Paragraphs that are photo captions: those ending on a credit ("Quang cảnh phiên họp tại điểm
 * cầu Chính phủ. Ảnh: TTXVN"), and those that open like one of them ("Quang cảnh phiên họp tại
 * điểm cầu UBND tỉnh Lào Cai."), since a page words its captions alike.
 */
function captionParagraphs(sentences: Sentence[], tokens: string[][], credits: boolean[]): Set<number> {
  const captions = new Set<number>();
  const openings = new Set<string>();
  const opening = (i: number) => tokens[i]!.slice(0, CAPTION_FAMILY_WORDS).join(' ');
  sentences.forEach((sentence, i) => {
    if (!credits[i] || sentences[i + 1]?.paragraph === sentence.paragraph) return;
    captions.add(sentence.paragraph);
    let first = i;
    while (sentences[first - 1]?.paragraph === sentence.paragraph) first--;
    if (first < i && tokens[first]!.length >= CAPTION_FAMILY_WORDS) openings.add(opening(first));
  });
  sentences.forEach((sentence, i) => {
    const startsParagraph = sentences[i - 1]?.paragraph !== sentence.paragraph;
    if (startsParagraph && tokens[i]!.length >= CAPTION_FAMILY_WORDS && openings.has(opening(i)))
      captions.add(sentence.paragraph);
  });
  return captions;
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
 * The k best-scored candidates that read well together, in page order: none a near-repeat of the
 * lead or of another pick, and none that opens on a pronoun or a connective ("Tuy nhiên",
 * "However") unless the sentence it leans on is picked too.
 */
function selectReadable(analysis: Analysis, scores: number[], k: number): number[] {
  const { candidates, vectors, lead, dependent } = analysis;
  const picked = new Set<number>();
  const pickedSentences = new Set<number>();
  // Each candidate's highest similarity to a sentence picked so far.
  const overlap = candidates.map(() => 0);
  const clearOfLead = vectors.map((vector) => lead === null || cosine(vector, lead) < REPEATS);
  const readable = (c: number) =>
    !picked.has(c) &&
    (!dependent[c] || pickedSentences.has(candidates[c]! - 1)) &&
    overlap[c]! < REPEATS &&
    clearOfLead[c]!;
  while (picked.size < k) {
    let next = -1;
    let bestValue = -Infinity;
    for (let c = 0; c < candidates.length; c++) {
      const value = scores[c]! - NOVELTY_COST * overlap[c]!;
      if (value > bestValue && readable(c)) {
        bestValue = value;
        next = c;
      }
    }
    if (next < 0) break;
    picked.add(next);
    pickedSentences.add(candidates[next]!);
    for (let c = 0; c < candidates.length; c++) overlap[c] = Math.max(overlap[c]!, cosine(vectors[c]!, vectors[next]!));
  }
  return [...pickedSentences].sort((a, b) => a - b);
}
