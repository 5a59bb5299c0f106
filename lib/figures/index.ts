import type { Figure, Sentence } from '../article';
import { splitSentences } from '../text/sentences';
import { CAPTION_MARKERS, lower, type UnitKind } from './lexicon';
import { scanFigures, type Candidate } from './scan';

export { scanFigures, type Candidate } from './scan';
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
  figure: Figure;
  score: number;
  key: string;
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
    for (const candidate of scanFigures(input.lead, input.lang)) {
      const sentence = sentenceAt(leadSentences, candidate.start);
      scored.push(score(candidate, 'lead', -1, sentence?.text ?? input.lead, LEAD_BONUS));
    }
  }
  const count = Math.max(1, input.sentences.length);
  for (const candidate of scanFigures(input.text, input.lang)) {
    const index = sentenceIndexAt(input.sentences, candidate.start);
    const sentence = input.sentences[index];
    const position = index < 0 ? 0 : POSITION_BONUS * (1 - index / count);
    scored.push(score(candidate, 'text', index, sentence?.text ?? '', position));
  }
  return select(merge(scored), limit);
}

function score(candidate: Candidate, where: Figure['where'], sentenceIndex: number, sentence: string, bonus: number): Scored {
  let value = KIND_WEIGHT[candidate.kind] + bonus;
  if (candidate.magnitude) value += MAGNITUDE_BONUS;
  if (sentence.includes(' | ')) value -= TABLE_PENALTY;
  else if (isFragment(sentence)) value -= FRAGMENT_PENALTY;
  if (CAPTION_MARKERS.test(sentence)) value -= CAPTION_PENALTY;
  return {
    figure: {
      text: candidate.text,
      value: candidate.value,
      unit: candidate.unit,
      sentence,
      where,
      start: candidate.start,
      end: candidate.end,
      sentenceIndex,
    },
    score: value,
    key: `${candidate.value}|${lower(candidate.unit)}`,
  };
}

/** A scrap too short to be a sentence: a label, a caption line, a cell. */
function isFragment(sentence: string): boolean {
  const words = sentence.split(/\s+/).filter((word) => /\p{L}{2,}/u.test(word));
  return words.length < MIN_SENTENCE_WORDS;
}

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
  return [...byKey.values()].map(({ best, mentions }) => ({
    ...best,
    score: best.score + Math.min(MAX_REPEAT_BONUS, REPEAT_BONUS * (mentions - 1)),
  }));
}

/** Greedy pick: the best remaining figure, each pick making the same unit slightly less attractive. */
function select(pool: Scored[], limit: number): Figure[] {
  const chosen: Figure[] = [];
  const perUnit = new Map<string, number>();
  const remaining = [...pool];
  while (chosen.length < limit && remaining.length > 0) {
    let bestIndex = 0;
    let bestScore = -Infinity;
    for (let i = 0; i < remaining.length; i++) {
      const item = remaining[i];
      if (!item) continue;
      const adjusted = item.score - SAME_UNIT_PENALTY * (perUnit.get(lower(item.figure.unit)) ?? 0);
      if (adjusted > bestScore || (adjusted === bestScore && earlier(item.figure, remaining[bestIndex]?.figure))) {
        bestScore = adjusted;
        bestIndex = i;
      }
    }
    const [picked] = remaining.splice(bestIndex, 1);
    if (!picked) break;
    chosen.push(picked.figure);
    const unit = lower(picked.figure.unit);
    perUnit.set(unit, (perUnit.get(unit) ?? 0) + 1);
  }
  return chosen;
}

/** Ties go to the lead, then to the earlier figure. */
function earlier(a: Figure, b: Figure | undefined): boolean {
  if (!b) return true;
  if (a.where !== b.where) return a.where === 'lead';
  return a.start < b.start;
}

function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  return sentences[sentenceIndexAt(sentences, offset)];
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
