import type { Sentence } from '../article';
import { primaryLanguage } from '../lang';
import { abbreviationsFor, type AbbreviationTable } from './abbreviations';
import { sentenceStarts } from './sentence-breaks';
import { stopwordsFor } from './stopwords';

/**
 * Past this length a "sentence" is text without punctuation (a transcript, a table flattened to
 * text). It is cut at the last clause or word boundary so that the speaker and the summarizer
 * never receive a page-long unit. Only one sentence of the corpus is longer: a list of 25 names
 * and addresses, which reads fine cut at a comma.
 */
export const MAX_SENTENCE_CHARS = 1200;
/** A cut never leaves a piece shorter than this, so a long sentence splits into long pieces. */
export const MIN_PIECE_CHARS = 400;

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
/** Sentence-final punctuation, optionally followed by closing quotes and brackets. */
const FINAL_PUNCTUATION = /[.!?…‼⁇⁈⁉。！？][\s"'”’»“)\]›]*$/u;
/** A line ending in a colon or semicolon introduces or ends a list item: the next line is its own. */
const ANNOUNCES = /[:;][\s"'”’»)]*$/u;
/** A list marker on its own: "1.", "a)", "IV.", "-", "•". */
const LIST_MARKER_ALONE = /^(?:\d{1,3}[.)]|\p{L}[.)]|[IVXLCivxlc]{1,6}[.)]|[-–—•*·+])$/u;
/** A line that starts like a list item. */
const LIST_MARKER_START = /^(?:\d{1,3}[.)]|\p{L}\)|[-–—•*·+])\s/u;
/** Opening punctuation to skip when looking at the first word of the next sentence. */
const OPENING = /^[\s"'“„«‹‚‘(\[{¿¡]+/u;
/** The word a boundary may belong to: non-space characters ending in the period. */
const TOKEN_BEFORE_PERIOD = /(\S+)\.$/u;
/** How many characters either side of a proposed boundary the rules look at. */
const LOOK_AROUND = 80;

/**
 * Splits plain text (paragraphs separated by blank lines) into sentences with their offsets.
 *
 * A paragraph break always ends a sentence. Inside a paragraph Intl.Segmenter proposes
 * boundaries, which rules then veto: abbreviations ("TP. Hồ Chí Minh", "Dr. Müller", "u.a.
 * Heizungstausch"), German ordinals ("am 27. Januar"), list markers ("1. Was …"), punctuation
 * followed by a lower-case word. A line break inside a paragraph ends a sentence, unless the next
 * line visibly continues the previous one.
 */
export function splitSentences(text: string, lang: string): Sentence[] {
  const context = new SplitContext(text, primaryLanguage(lang));
  const sentences: Sentence[] = [];
  let paragraph = 0;
  for (const [from, to] of paragraphSpans(text)) {
    let pending: [number, number] | null = null;
    for (const [start, end] of context.candidates(from, to)) {
      if (pending && context.continues(pending[0], pending[1], start)) {
        pending[1] = end;
        continue;
      }
      if (pending) pushTrimmed(sentences, text, pending[0], pending[1], paragraph);
      pending = [start, end];
    }
    if (pending) pushTrimmed(sentences, text, pending[0], pending[1], paragraph);
    paragraph++;
  }
  return sentences;
}

/** Paragraphs are separated by blank lines; white-space-only paragraphs do not count. */
function* paragraphSpans(text: string): Generator<[number, number]> {
  let start = 0;
  for (const blank of text.matchAll(/\n[^\S\n]*\n/g)) {
    if (/\S/.test(text.slice(start, blank.index))) yield [start, blank.index];
    start = blank.index + blank[0].length;
  }
  if (/\S/.test(text.slice(start))) yield [start, text.length];
}

function pushTrimmed(sentences: Sentence[], text: string, from: number, to: number, paragraph: number): void {
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  if (from === to) return;
  for (const [start, end] of cutOverlong(text, from, to)) {
    sentences.push({ text: text.slice(start, end), start, end, paragraph });
  }
}

/** Cuts an over-long span at the last clause break (";", ":", ","), else word break, before the limit. */
function cutOverlong(text: string, from: number, to: number): [number, number][] {
  const pieces: [number, number][] = [];
  while (to - from > MAX_SENTENCE_CHARS) {
    const window = text.slice(from + MIN_PIECE_CHARS, from + MAX_SENTENCE_CHARS);
    let cut = -1;
    for (const separator of ['; ', ': ', ', ', ' ']) {
      const at = window.lastIndexOf(separator);
      if (at >= 0) {
        cut = from + MIN_PIECE_CHARS + at + separator.length - 1;
        break;
      }
    }
    // Scripts without spaces (Chinese, Thai) have no word break to find; cut at the limit.
    const end = cut >= 0 ? cut : from + MAX_SENTENCE_CHARS;
    let pieceEnd = end;
    while (pieceEnd > from && /\s/.test(text[pieceEnd - 1]!)) pieceEnd--;
    pieces.push([from, pieceEnd]);
    from = end;
    while (from < to && /\s/.test(text[from]!)) from++;
  }
  if (to > from) pieces.push([from, to]);
  return pieces;
}

/** Spans of `part` (found at `offset` in the text) cut after each match of `boundary`. */
function* splitAfter(part: string, offset: number, boundary: RegExp): Generator<[number, number]> {
  let start = 0;
  for (const match of part.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (end < part.length) {
      yield [offset + start, offset + end];
      start = end;
    }
  }
  yield [offset + start, offset + part.length];
}

/**
 * The Unicode sentences of a paragraph as [start, end) spans: by rule when every character's class
 * is known (`sentenceStarts`, the same answer without the cost of the engine's first Intl object),
 * else from Intl.Segmenter.
 */
function* unicodeSentences(paragraph: string, lang: string): Generator<[number, number]> {
  const starts = sentenceStarts(paragraph);
  if (starts) {
    let start = 0;
    for (const next of starts) {
      yield [start, next];
      start = next;
    }
    yield [start, paragraph.length];
    return;
  }
  const segmenter = segmenterFor(lang);
  if (!segmenter) {
    // Without Intl.Segmenter: a boundary after final punctuation (and closers) plus space, or a line break.
    yield* splitAfter(paragraph, 0, /[.!?…]+["'”’»“)\]]*[^\S\n]+|\n/gu);
    return;
  }
  for (const { segment, index } of segmenter.segment(paragraph)) yield [index, index + segment.length];
}

const segmenters = new Map<string, Intl.Segmenter | null>();

/** Intl.Segmenter throws on malformed language tags and is missing in old engines. */
function segmenterFor(lang: string): Intl.Segmenter | null {
  if (!segmenters.has(lang)) {
    let segmenter: Intl.Segmenter | null = null;
    if (typeof Intl.Segmenter === 'function') {
      try {
        segmenter = new Intl.Segmenter(lang || 'und', { granularity: 'sentence' });
      } catch {
        segmenter = new Intl.Segmenter('und', { granularity: 'sentence' });
      }
    }
    segmenters.set(lang, segmenter);
  }
  return segmenters.get(lang) ?? null;
}

class SplitContext {
  private readonly abbreviations: AbbreviationTable;
  private readonly stopwords: ReadonlySet<string>;
  private lowerWords: Set<string> | null = null;

  constructor(
    private readonly text: string,
    private readonly lang: string,
  ) {
    this.abbreviations = abbreviationsFor(lang);
    this.stopwords = stopwordsFor(lang);
  }

  /** Proposed sentence spans of one paragraph, untrimmed and covering it without gaps. */
  *candidates(from: number, to: number): Generator<[number, number]> {
    const paragraph = this.text.slice(from, to);
    for (const [start, end] of unicodeSentences(paragraph, this.lang)) {
      const segment = paragraph.slice(start, end);
      // The Unicode rules do not count "…" (U+2026) as final punctuation, though "..." is.
      if (segment.includes('…')) yield* splitAfter(segment, from + start, /…["'”’»“)\]]*[^\S\n]+/gu);
      else yield [from + start, from + end];
    }
  }

  /** Whether the sentence begun at `start` and proposed to end at `end` goes on past `next`. */
  continues(start: number, end: number, next: number): boolean {
    // Only the end of the sentence so far matters; looking at all of it would make long runs quadratic.
    const before = this.text.slice(Math.max(start, end - LOOK_AROUND), end);
    const after = this.text.slice(next, next + LOOK_AROUND);
    const trimmedBefore = before.trimEnd();
    const nextWord = after.replace(OPENING, '').match(/^[\p{L}\p{M}\p{N}]+/u)?.[0] ?? '';

    if (end - start <= LOOK_AROUND && LIST_MARKER_ALONE.test(trimmedBefore.trim())) return true;

    if (/\n/.test(before.slice(trimmedBefore.length))) {
      // A line break: the next line continues only when it reads as the same sentence.
      return (
        LOWER.test(nextWord.charAt(0)) &&
        !FINAL_PUNCTUATION.test(trimmedBefore) &&
        !ANNOUNCES.test(trimmedBefore) &&
        !LIST_MARKER_START.test(after)
      );
    }

    // Sentences do not start in lower case: "?" or "!" inside a sentence, or an unknown abbreviation.
    if (LOWER.test(nextWord.charAt(0))) return true;

    if (!trimmedBefore.endsWith('.')) return false;
    const token = trimmedBefore.match(TOKEN_BEFORE_PERIOD)?.[1]?.replace(OPENING, '');
    if (!token) return false;
    return this.abbreviationContinues(token, nextWord);
  }

  private abbreviationContinues(token: string, nextWord: string): boolean {
    const word = token.toLowerCase();
    const { neverFinal, mayBeFinal, beforeNumber, ordinalPeriod, months } = this.abbreviations;
    // "PGS.TS." ends in a title; "whitehouse.gov." is a web address, not "Gov." for governor.
    const parts = word.split('.');
    const compoundTitle = parts.length > 1 && parts.every((part) => part.length <= 4) && neverFinal.has(parts.at(-1)!);
    if (neverFinal.has(word) || compoundTitle) return true;
    const nextIsNumber = /^\p{N}/u.test(nextWord);
    if (beforeNumber.has(word)) return nextIsNumber;
    // "z. B.", "d. h.": a single lower-case letter with a period is never a sentence's last word.
    if (/^\p{Ll}$/u.test(token)) return true;
    if (ordinalPeriod && /^\d{1,3}$/.test(token)) {
      return months.has(nextWord.toLowerCase()) || this.startsNoSentence(nextWord);
    }
    // Initials ("R. David Edelman"), dotted abbreviations ("U.S.", "v.v.", "H.Y.T.") and the
    // may-be-final list are decided by the next word.
    const initial = /^\p{Lu}$/u.test(token);
    const dotted = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(token);
    if (initial || dotted || mayBeFinal.has(word)) return this.startsNoSentence(nextWord);
    return false;
  }

  /**
   * A capitalised word that the text never writes in lower case is a name ("Army", "Januar",
   * "Hồ"), so it does not prove a sentence starts; a function word, or one that also appears in
   * lower case ("Người"), is capitalised because it starts a sentence.
   */
  private startsNoSentence(word: string): boolean {
    if (!UPPER.test(word.charAt(0))) return false;
    if (this.stopwords.has(word.toLowerCase())) return false;
    if (!this.lowerWords) {
      this.lowerWords = new Set();
      // Only free-standing words: "zukunftsforum" in a web address does not make it a common noun.
      for (const match of this.text.matchAll(/(?<=^|[\s"'“„«‹‚‘(\[])\p{Ll}[\p{L}\p{M}]*/gu))
        this.lowerWords.add(match[0]);
    }
    return !this.lowerWords.has(word.toLowerCase());
  }
}
