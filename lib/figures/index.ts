import type { Figure, FigureContext, Sentence } from '../article';
import { splitSentences } from '../text/sentences';
import { CAPTION_MARKERS } from '../text/captions';
import { lower, type UnitKind } from './lexicon';
import type { Candidate } from './candidate';
import { scanFigures } from './scan';

export type { Candidate } from './candidate';
export { scanFigures } from './scan';
export { parseNumeral } from './number';

export interface FigureInput {
  /** The article body. */
  text: string;
  /** The lead ("sapo"), kept out of `text`. */
  lead: string | null;
  lang: string;
  /** `splitSentences(text, lang)`: figures are tied to these by index. */
  sentences: Sentence[];
  /** How many figures to return (10 by default). */
  limit?: number;
}

const DEFAULT_LIMIT = 10;

/**
 * How much each kind of unit says about the story. Money and shares are what a reader scans a
 * report for; measured quantities and counts of things come next; spans of time ("2 năm",
 * "77 Jahre") are often incidental; a number with no unit at all is the weakest evidence.
 */
const KIND_WEIGHT: Record<UnitKind, number> = {
  currency: 3,
  percent: 3,
  measure: 2.5,
  count: 2,
  time: 1.2,
  none: 0.3,
};
/** "1,2 Milliarden Euro", "5,8 triệu người": a magnitude word is how writers flag a big number. */
const MAGNITUDE_BONUS = 0.5;
/** The lead states what the article is about: its figures are the headline figures. */
const LEAD_BONUS = 1.5;
/** News is written top-down (inverted pyramid): earlier body sentences carry more. */
const POSITION_BONUS = 0.8;
/** A figure repeated in the article is one the writer wants remembered. */
const REPEAT_BONUS = 0.4;
const MAX_REPEAT_BONUS = 0.8;
/** Table cells, scraps and captions hold real numbers, but detail, not the story. */
const TABLE_PENALTY = 2.5;
const FRAGMENT_PENALTY = 1.5;
const CAPTION_PENALTY = 1;
/** Ten prices in a row tell less than prices, shares and counts: each repeat of a unit costs a little. */
const SAME_UNIT_PENALTY = 0.3;
/** Sentences shorter than this (in words) are table cells, labels or headings-as-fragments. */
const MIN_SENTENCE_WORDS = 4;

interface Scored {
  candidate: Candidate;
  where: Figure['where'];
  sentenceIndex: number;
  sentence: string;
  /** Offset of `sentence` in the scanned text. */
  sentenceStart: number;
  score: number;
  /** Same value and unit: the same figure. */
  key: string;
  /** The unit as compared for diversity. */
  unitKey: string;
}

/**
 * The key figures of an article, best first: numbers with what they count, from the lead and the
 * body, without dates, times, years, document numbers, phone numbers or ids.
 */
export function extractFigures(input: FigureInput): Figure[] {
  const limit = input.limit ?? DEFAULT_LIMIT;
  if (limit <= 0) return [];
  const scored: Scored[] = [];
  if (input.lead) {
    const leadSentences = splitSentences(input.lead, input.lang);
    const penalties = new Map<number, number>();
    for (const candidate of scanFigures(input.lead, input.lang)) {
      const index = sentenceIndexAt(leadSentences, candidate.start);
      const found = leadSentences[index];
      const sentence = found ? { text: found.text, start: found.start } : { text: input.lead, start: 0 };
      scored.push(score(candidate, 'lead', -1, sentence, LEAD_BONUS - penaltyOf(penalties, index, sentence.text)));
    }
  }
  const count = Math.max(1, input.sentences.length);
  const penalties = new Map<number, number>();
  for (const candidate of scanFigures(input.text, input.lang)) {
    const index = sentenceIndexAt(input.sentences, candidate.start);
    const found = input.sentences[index];
    const sentence = found ? { text: found.text, start: found.start } : { text: '', start: 0 };
    const position = index < 0 ? 0 : POSITION_BONUS * (1 - index / count);
    scored.push(score(candidate, 'text', index, sentence, position - penaltyOf(penalties, index, sentence.text)));
  }
  return select(merge(scored), limit).map(toFigure);
}

/** What the sentence a figure sits in costs it, computed once per sentence. */
function penaltyOf(cache: Map<number, number>, index: number, sentence: string): number {
  let penalty = cache.get(index);
  if (penalty === undefined) {
    penalty = sentence.includes(' | ') ? TABLE_PENALTY : isFragment(sentence) ? FRAGMENT_PENALTY : 0;
    if (CAPTION_MARKERS.test(sentence)) penalty += CAPTION_PENALTY;
    cache.set(index, penalty);
  }
  return penalty;
}

function score(
  candidate: Candidate,
  where: Figure['where'],
  sentenceIndex: number,
  sentence: { text: string; start: number },
  bonus: number,
): Scored {
  const unitKey = lower(candidate.unit);
  return {
    candidate,
    where,
    sentenceIndex,
    sentence: sentence.text,
    sentenceStart: sentence.start,
    score: KIND_WEIGHT[candidate.kind] + bonus + (candidate.magnitude ? MAGNITUDE_BONUS : 0),
    key: `${candidate.value}|${unitKey}`,
    unitKey,
  };
}

function toFigure({ candidate, where, sentenceIndex, sentence, sentenceStart }: Scored): Figure {
  const { text, value, unit, start, end } = candidate;
  const context = figureContext(sentence, start - sentenceStart, text);
  return { text, value, unit, sentence, where, start, end, sentenceIndex, ...(context ? { context } : {}) };
}

/** About one line of a figure card. */
const CONTEXT_LENGTH = 120;
const ELLIPSIS = '…';

const SPACE = /\s/;

/** Just after the first white space in [from, limit), or null. */
function nextSpace(text: string, from: number, limit: number): number | null {
  for (let at = from; at < limit; at++) if (SPACE.test(text[at]!)) return at + 1;
  return null;
}

/** The last white space in [limit, to], or null. */
function previousSpace(text: string, to: number, limit: number): number | null {
  for (let at = to; at >= limit; at--) if (SPACE.test(text[at]!)) return at;
  return null;
}

/**
 * The part of `sentence` a figure card shows: centred on the figure at `offset`, cut at words.
 * A sentence often holds several figures ("Qatar tăng hơn 45%, … 23% … 18%"), so its opening
 * may describe another one. Null when the figure is not where `offset` says (a sentence whose
 * text was trimmed differently from the scanned text).
 */
export function figureContext(sentence: string, offset: number, figure: string): FigureContext | null {
  if (sentence.slice(offset, offset + figure.length) !== figure) return null;
  const end = offset + figure.length;
  if (sentence.length <= CONTEXT_LENGTH) return { text: sentence, start: offset, end };
  const room = Math.max(0, CONTEXT_LENGTH - figure.length);
  let from = Math.max(0, offset - Math.ceil(room / 2));
  const to = Math.min(sentence.length, from + figure.length + room);
  from = Math.max(0, to - figure.length - room);
  // Whole words only: move inwards to the next white space, never into the figure.
  const cutFrom = from === 0 ? 0 : (nextSpace(sentence, from, offset) ?? from);
  const cutTo = to === sentence.length ? to : (previousSpace(sentence, to, end) ?? to);
  const head = cutFrom > 0 ? `${ELLIPSIS} ` : '';
  const tail = cutTo < sentence.length ? ` ${ELLIPSIS}` : '';
  const text = `${head}${sentence.slice(cutFrom, cutTo).trim()}${tail}`;
  const leading = sentence.slice(cutFrom, cutTo).length - sentence.slice(cutFrom, cutTo).trimStart().length;
  const start = head.length + offset - cutFrom - leading;
  return { text, start, end: start + figure.length };
}

/** A scrap too short to be a sentence: a label, a caption line, a cell. */
function isFragment(sentence: string): boolean {
  let words = 0;
  for (const _ of sentence.matchAll(WORDS)) if (++words >= MIN_SENTENCE_WORDS) return false;
  return true;
}
const WORDS = /\p{L}{2,}/gu;

/** One entry per figure (same value and unit): the best-placed mention, credited for the others. */
function merge(scored: Scored[]): Scored[] {
  const byKey = new Map<string, { best: Scored; mentions: number }>();
  for (const item of scored) {
    const entry = byKey.get(item.key);
    if (!entry) byKey.set(item.key, { best: item, mentions: 1 });
    else {
      entry.mentions++;
      if (item.score > entry.best.score) entry.best = item;
    }
  }
  const merged: Scored[] = [];
  for (const { best, mentions } of byKey.values()) {
    merged.push({ ...best, score: best.score + Math.min(MAX_REPEAT_BONUS, REPEAT_BONUS * (mentions - 1)) });
  }
  return merged;
}

/**
 * Greedy pick: the best remaining figure, each pick making the same unit slightly less attractive.
 * The pool is sorted by raw score, so a round stops as soon as no later figure could win.
 */
function select(pool: Scored[], limit: number): Scored[] {
  pool.sort((a, b) => b.score - a.score || (earlier(a, b) ? -1 : 1));
  const chosen: Scored[] = [];
  const taken = new Set<Scored>();
  const perUnit = new Map<string, number>();
  while (chosen.length < limit) {
    let best: Scored | null = null;
    let bestScore = -Infinity;
    for (const item of pool) {
      if (item.score < bestScore) break;
      if (taken.has(item)) continue;
      const adjusted = item.score - SAME_UNIT_PENALTY * (perUnit.get(item.unitKey) ?? 0);
      if (adjusted > bestScore || (adjusted === bestScore && best !== null && earlier(item, best))) {
        bestScore = adjusted;
        best = item;
      }
    }
    if (!best) break;
    chosen.push(best);
    taken.add(best);
    perUnit.set(best.unitKey, (perUnit.get(best.unitKey) ?? 0) + 1);
  }
  return chosen;
}

/** Ties go to the lead, then to the earlier figure. */
function earlier(a: Scored, b: Scored): boolean {
  if (a.where !== b.where) return a.where === 'lead';
  return a.candidate.start < b.candidate.start;
}

/** Index of the last sentence starting at or before `offset` (binary search; sentences are in text order). */
function sentenceIndexAt(sentences: Sentence[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle];
    if (!sentence) break;
    if (sentence.start <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
