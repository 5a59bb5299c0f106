/**
 * What is read, as utterances: an article, summary or selection as sentences with their offsets,
 * and the queue of utterances over them — one per sentence, long sentences cut at clauses (Chrome
 * silently stops an utterance after about 15 seconds), each with the text the voice is given.
 */
import type { Article } from '../article';
import { CAPTION_MARKERS, withoutAgencyPrefix } from '../text/captions';
import { splitSentences } from '../text/sentences';
import { primaryLanguage } from '../lang';
import { speakable } from './normalize';

/** `caption`: a photo caption in the body, announced as one and its own paragraph (skippable). */
export type SpeechSource = 'title' | 'lead' | 'text' | 'caption' | 'summary' | 'selection';

/** A sentence to read, with its offsets in the string it came from (title, lead, body, …). */
export interface SpeechSentence {
  text: string;
  start: number;
  end: number;
  paragraph: number;
  source: SpeechSource;
}

/** One utterance: a sentence, or a clause of a long one. */
export interface SpeechItem {
  /** Index of its sentence in the list given to `load`. */
  sentence: number;
  /** As shown on the page, for highlighting. */
  text: string;
  /** Offsets of `text` in the same string as its sentence's offsets. */
  start: number;
  end: number;
  paragraph: number;
  source: SpeechSource;
  /**
   * What the voice is given (numbers, dates and units spelled out); normalized when first read,
   * so only the first utterance's text is normalized before reading starts.
   */
  readonly speak: string;
}

/** The title, then the lead's sentences, then the body's. */
export function articleSentences(article: Pick<Article, 'title' | 'lead' | 'sentences' | 'lang'>): SpeechSentence[] {
  const out: SpeechSentence[] = [];
  const title = article.title.trim();
  const at = article.title.indexOf(title);
  if (title) out.push({ text: title, start: at, end: at + title.length, paragraph: 0, source: 'title' });
  if (article.lead) {
    for (const s of splitSentences(article.lead, article.lang)) out.push({ ...s, source: 'lead' });
  }
  let paragraph = article.sentences.reduce((last, s) => Math.max(last, s.paragraph), 0);
  for (const s of article.sentences) {
    // A credit line alone ("Ảnh: TTXVN") says nothing a listener needs.
    if (isCaption(s.text) && !captionWords(s.text)) continue;
    // Its own paragraph, so "next paragraph" skips it whatever paragraph the page put it in.
    out.push(isCaption(s.text) ? { ...s, paragraph: ++paragraph, source: 'caption' } : { ...s, source: 'text' });
  }
  return out;
}

const isCaption = (text: string) => CAPTION_MARKERS.test(text);

/** A caption without its credit ("Thủ tướng phát biểu - Ảnh: VGP" → "Thủ tướng phát biểu"). */
function captionWords(text: string): string {
  const credit = text.search(CAPTION_MARKERS);
  return text
    .slice(0, credit < 0 ? text.length : credit)
    .replace(/[\s(–—-]+$/u, '')
    .trim();
}

/** What announces a caption, per language: a listener cannot see that the sentence is under a photo. */
const CAPTION_ANNOUNCEMENT: Record<string, string> = {
  vi: 'Chú thích ảnh:',
  en: 'Photo caption:',
  de: 'Bildunterschrift:',
};

/** The text a piece of `sentence` is spoken as, before numbers are spelled out. */
function spokenPiece(sentence: SpeechSentence, piece: { start: number; end: number }, lang: string): string {
  const text = sentence.text.slice(piece.start, piece.end);
  if (sentence.source === 'caption') {
    const words = captionWords(text);
    if (piece.start > 0) return words;
    return `${CAPTION_ANNOUNCEMENT[primaryLanguage(lang)] ?? CAPTION_ANNOUNCEMENT.en} ${words}`;
  }
  return piece.start === 0 ? withoutAgencyPrefix(text) : text;
}

/** Summary sentences; each is its own paragraph, offsets are within the sentence. */
export function summarySentences(summary: readonly string[]): SpeechSentence[] {
  return summary
    .map((raw, i) => {
      const text = raw.trim();
      const start = raw.indexOf(text);
      return { text, start, end: start + text.length, paragraph: i, source: 'summary' as const };
    })
    .filter((s) => s.text !== '');
}

/** A selection the user asked to hear, split into sentences. */
export function selectionSentences(text: string, lang: string): SpeechSentence[] {
  return splitSentences(text, lang).map((s) => ({ ...s, source: 'selection' }));
}

/** Clause boundaries a long sentence may be cut at: after , ; : and around a spaced dash. */
const CLAUSE_BREAK = /[,;:](?=\s)|\s[–—]\s|(?<!\d)\s-\s(?!\d)/g;

/**
 * Cuts `text` into pieces of at most `maxChars`, at clause boundaries where possible, else at a
 * space. Offsets are relative to `text`; pieces are trimmed.
 */
export function splitLongSentence(text: string, maxChars: number): Array<{ start: number; end: number }> {
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((m) => (m.index ?? 0) + (/^[,;:]/.test(m[0]) ? 1 : 0));
  const pieces: Array<{ start: number; end: number }> = [];
  let pos = 0;
  while (pos < text.length) {
    let cut = text.length;
    if (text.length - pos > maxChars) {
      const limit = pos + maxChars;
      const clause = breaks.filter((b) => b > pos && b <= limit).pop();
      const space = text.lastIndexOf(' ', limit);
      cut = clause ?? (space > pos ? space : limit);
    }
    const raw = text.slice(pos, cut);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) pieces.push({ start: pos + lead, end: pos + lead + trimmed.length });
    pos = cut;
  }
  return pieces;
}

/**
 * Chars per utterance at rate 1: about 12 s of Vietnamese news reading, under Chrome's ~15 s cut.
 * Slower rates get shorter pieces for the same reason.
 */
const BASE_CHARS = 160;
const MIN_CHARS = 60;

/** The longest utterance, in characters, at `rate`. */
export function chunkLimit(rate: number): number {
  return Math.max(MIN_CHARS, Math.round(BASE_CHARS * Math.min(1, rate)));
}

/** The utterances for `sentences`: long sentences cut into clauses, each spoken as its `speak` text. */
export function buildQueue(sentences: readonly SpeechSentence[], lang: string, maxChars = BASE_CHARS): SpeechItem[] {
  const items: SpeechItem[] = [];
  sentences.forEach((s, sentence) => {
    for (const piece of splitLongSentence(s.text, maxChars)) {
      const text = s.text.slice(piece.start, piece.end);
      const spoken = spokenPiece(s, piece, lang);
      // A caption's credit cut off into a piece of its own is not read.
      if (!spoken.trim()) continue;
      let normalized: string | undefined;
      items.push({
        sentence,
        text,
        start: s.start + piece.start,
        end: s.start + piece.end,
        paragraph: s.paragraph,
        source: s.source,
        get speak() {
          return (normalized ??= speakable(spoken, lang));
        },
      });
    }
  });
  return items;
}
