import { decimalSeparator, lower } from './lexicon';

/** A word of the scanned text. Offsets are into the scanned text. */
export interface Word {
  word: string;
  /** `word` lower-cased, NFC. */
  key: string;
  start: number;
  end: number;
}

/** The word before a number, whether an abbreviation dot follows it, and whether it starts its clause. */
export interface PreviousWord {
  word: Word;
  dotted: boolean;
  initial: boolean;
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}²³]*(?:-[\p{L}\p{M}]+)*/uy;
const LETTER = /[\p{L}\p{M}]/u;
export const UPPER = /^\p{Lu}/u;
export const ACRONYM = /^[\p{Lu}\d]{2,}$/u;
/** Characters after which the next word starts a sentence or a clause, so its capital letter says nothing. */
const CLAUSE_START = '.!?:;"“”„«»‹›()[]–—-•|*…‘’\'/';
const INLINE_SPACE = ' \t\u00a0\u202f\u2009';

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}
export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}
export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && INLINE_SPACE.includes(ch);
}

/** The scanned text with its language, read word by word around a position. */
export class TextCursor {
  readonly decimal: '.' | ',';
  /** Word keys need NFC; when the whole text already is, lower-casing is enough. */
  private readonly key: (word: string) => string;

  constructor(
    readonly text: string,
    readonly lang: string,
  ) {
    this.decimal = decimalSeparator(lang);
    this.key = text.normalize('NFC') === text ? (word) => word.toLowerCase() : lower;
  }

  /** The word at `at` (after inline spaces when `skipSpace`), or null when punctuation or a line break comes first. */
  wordAt(at: number, skipSpace: boolean): Word | null {
    let start = at;
    if (skipSpace) while (isSpace(this.text[start])) start++;
    WORD.lastIndex = start;
    const match = WORD.exec(this.text);
    if (!match) return null;
    return { word: match[0], key: this.key(match[0]), start, end: start + match[0].length };
  }

  /** The word right before `at` (spaces and one abbreviation dot between), and whether it starts its clause. */
  previousWord(at: number): PreviousWord | null {
    const text = this.text;
    let end = at;
    while (end > 0 && isSpace(text[end - 1])) end--;
    let dotted = false;
    if (text[end - 1] === '.') {
      dotted = true;
      end--;
    }
    let start = end;
    while (start > 0 && end - start < 40 && (isLetter(text[start - 1]) || isDigit(text[start - 1]))) start--;
    if (start === end || !isLetter(text[start])) return null;
    const word = text.slice(start, end);
    let before = start;
    while (before > 0 && isSpace(text[before - 1])) before--;
    const initial = before === 0 || text[before - 1] === '\n' || CLAUSE_START.includes(text[before - 1] ?? '');
    return { word: { word, key: lower(word), start, end }, dotted, initial };
  }

  /** The end of the run of non-space characters at `from`: everything glued to a rejected numeral goes with it. */
  tokenEnd(from: number): number {
    let end = from;
    while (end < this.text.length && !/\s/.test(this.text[end] ?? ' ') && end - from < 64) end++;
    return end;
  }
}
