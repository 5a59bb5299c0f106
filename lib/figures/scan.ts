import { primaryLanguage } from '../lang';
import type { Candidate } from './candidate';
import { ACRONYM, UPPER, isDigit, isLetter, isSpace, TextCursor, type PreviousWord, type Word } from './cursor';
import { CURRENCIES, CURRENCY_SIGNS, MONTHS, STOP_EN, STOP_VI, dateWords, idWords, lower } from './lexicon';
import { isYearLike, parseNumeral, scale } from './number';
import { readPair, readRange, readSlash } from './pairs';
import { resolveEllipsis, resolveNumberOf } from './resolve';
import { compoundUnit, isAmount, readGlued, readTail, type Tail } from './tail';

/**
 * Digits with inner separators. Every separator must be followed by a digit, so the pattern has
 * one way to match any input and runs in linear time; trailing punctuation is left outside.
 */
const NUMERAL = /\d+(?:[.,\u00a0\u202f\u2009'’]\d+)*/g;

function skip(resume: number): { candidate: null; resume: number } {
  return { candidate: null, resume };
}

/**
 * Finds every number in `text` that is an amount or a count, with its unit, in text order.
 * Dates, times, years, ordinals, document numbers, phone numbers and ids are left out.
 */
export function scanFigures(text: string, langTag: string): Candidate[] {
  return new Scanner(new TextCursor(text, primaryLanguage(langTag))).scan();
}

/** Reads each numeral of the text with what surrounds it: signs and currencies before, pairs, ranges and units after. */
class Scanner {
  constructor(private readonly cursor: TextCursor) {}

  scan(): Candidate[] {
    const { text, lang } = this.cursor;
    const found: Candidate[] = [];
    const numeral = new RegExp(NUMERAL.source, 'g');
    for (let match = numeral.exec(text); match; match = numeral.exec(text)) {
      const { candidate, resume } = this.read(match.index, match[0]);
      if (candidate) found.push(candidate);
      if (resume > numeral.lastIndex) numeral.lastIndex = resume;
    }
    return resolveEllipsis(text, found).map((candidate) => resolveNumberOf(text, lang, candidate));
  }

  /** Reads the figure whose numeral starts at `at`; `resume` is where scanning continues. */
  private read(at: number, numeral: string): { candidate: Candidate | null; resume: number } {
    const text = this.cursor.text;
    let start = at;
    let raw = numeral;
    let end = at + numeral.length;
    const before = text[at - 1];
    const before2 = text[at - 2];

    // Glued to letters or digits on the left: part of an id or a name ("H2S", "QH14", "Covid-19", "v1.2").
    if (isLetter(before) || isDigit(before) || before === '_') return skip(this.cursor.tokenEnd(end));
    if (before === '/' || before === '#' || before === '№' || before === '\\' || before === '@')
      return skip(this.cursor.tokenEnd(end));
    if ((before === '-' || before === '.' || before === ',') && (isLetter(before2) || isDigit(before2))) {
      return skip(this.cursor.tokenEnd(end));
    }
    // ".07%": a decimal with no leading zero, English style.
    if (
      before === this.cursor.decimal &&
      before === '.' &&
      (before2 === undefined || isSpace(before2) || before2 === '\n')
    ) {
      start -= 1;
      raw = before + raw;
    }
    let sign = 1;
    const signChar = text[start - 1];
    if (
      (signChar === '+' || signChar === '-' || signChar === '−') &&
      !isLetter(text[start - 2]) &&
      !isDigit(text[start - 2])
    ) {
      if (signChar !== '+') sign = -1;
      start -= 1;
    }
    let currency: string | null = null;
    const currencySign = text[start - 1];
    if (currencySign !== undefined && CURRENCY_SIGNS.includes(currencySign)) {
      currency = CURRENCIES.get(currencySign) ?? null;
      start -= 1;
    }

    const parsed = parseNumeral(raw, this.cursor.lang);
    if (parsed === null) return skip(this.cursor.tokenEnd(end));
    let value = parsed * sign;
    const plainInteger = /^\d+$/.test(raw);
    const previous = this.cursor.previousWord(start);
    const code =
      previous && !currency && ACRONYM.test(previous.word.word) ? CURRENCIES.get(previous.word.key) : undefined;
    if (previous && code) {
      // A currency code before the number is its unit ("USD 5 million", "CHF 1,5 Mio."), not a name.
      currency = code;
      start = previous.word.start;
    } else if (previous && this.labelsNumber(previous)) {
      return skip(end);
    }

    const after = text[end];
    const after2 = text[end + 1];
    // "13:30", "17:17": clock times.
    if (after === ':' && isDigit(after2)) return skip(this.cursor.tokenEnd(end));
    // Minutes and feet ("106'", "6′"), possessive years ("1990’s").
    if (after === "'" || after === '′' || after === '″' || after === '’') return skip(this.cursor.tokenEnd(end));
    if (after === '/') {
      if (!isDigit(after2)) return skip(this.cursor.tokenEnd(end)); // "766/QĐ-TTg", "20/GP-BVHTTDL": document numbers.
      const slash = readSlash(this.cursor, raw, end);
      if (!slash) return skip(this.cursor.tokenEnd(end));
      end = slash; // "78,7/100 điểm": a score out of a total, read as its first number.
    }
    let pairedWith: { value: number; raw: string; end: number } | null = null;
    if (after === '-' && isDigit(after2)) {
      pairedWith = readPair(this.cursor, end, value);
      if (!pairedWith) return skip(this.cursor.tokenEnd(end + 1));
      end = pairedWith.end;
    } else if (after === '-' && isLetter(after2)) {
      // Compound adjectives name their unit: "an 18-week certificate", "ihr 10-jähriges Engagement".
      // Other number-word compounds are names ("3-Zimmer-Wohnung", "G-20-Gipfel").
      const word = this.cursor.wordAt(end + 1, false);
      const compound = word ? compoundUnit(this.cursor, word) : null;
      if (!word || !compound) return skip(this.cursor.tokenEnd(end));
      return this.emit(
        { start, end: word.end, value, unit: compound.unit, kind: compound.kind, magnitude: false },
        word.end,
      );
    }

    let glued: Tail | null = null;
    if (isLetter(text[end])) {
      glued = readGlued(this.cursor, end, currency);
      if (!glued) return skip(this.cursor.tokenEnd(end));
    }

    // German ordinals carry a dot: "26. und 27. Januar", "15. Zukunftsforum", "8. Mai".
    if (
      this.cursor.lang === 'de' &&
      plainInteger &&
      !pairedWith &&
      text[end] === '.' &&
      isSpace(text[end + 1]) &&
      isLetter(text[end + 2])
    ) {
      return skip(end + 1);
    }
    // "Der 11.10. eines jeden Jahres": a German day and month, not eleven point one.
    if (this.cursor.decimal === ',' && /^\d{1,2}\.\d{1,2}$/.test(raw) && text[end] === '.') return skip(end + 1);

    let tail = glued ?? readTail(this.cursor, end, currency, start);
    if (glued && !glued.unit) {
      // "50k đồng": a glued magnitude may still be followed by its unit.
      const rest = readTail(this.cursor, glued.end, currency, start);
      tail = { ...rest, factor: glued.factor * rest.factor, magnitude: true };
    }
    if (tail.notAmount) return skip(tail.end);
    if (currency && !tail.unit) tail = { ...tail, unit: currency, kind: 'currency' };

    if (pairedWith) {
      // Vietnamese writes day-month as "7-3"; only a unit after it makes the pair a range ("7-10 ngày").
      const dayMonth = plainInteger && /^\d+$/.test(pairedWith.raw) && value <= 31 && pairedWith.value <= 12;
      if (this.cursor.lang === 'vi' && dayMonth && (tail.kind === 'none' || lower(tail.unit) === 'năm'))
        return skip(tail.end);
      if (tail.kind === 'none' && isYearLike(raw)) return skip(tail.end);
      value = pairedWith.value;
    } else {
      const range = readRange(this.cursor, tail, previous, value, raw);
      if (range === 'skip') return skip(tail.end);
      if (range) {
        if (range.kind === 'none' && !range.magnitude) return skip(range.end);
        return this.emit(
          { start, end: range.end, value: range.value, unit: range.unit, kind: range.kind, magnitude: range.magnitude },
          range.end,
        );
      }
    }

    // A bare year ("2023", "Seit 1996") is a date even when a noun follows; only an amount unit makes it a figure.
    if (plainInteger && isYearLike(pairedWith ? pairedWith.raw : raw) && !tail.magnitude && !isAmount(tail.kind)) {
      return skip(tail.end);
    }
    // Quantities of a thousand or more are written with thousands groups ("1.500 Menschen",
    // "1,500 participants"); four or more bare digits before a noun are a postal code, a model or
    // a form field ("3003 Bern", "max. 1500 Zeichen").
    if (plainInteger && raw.length >= 4 && tail.kind === 'count' && !tail.magnitude && !pairedWith)
      return skip(tail.end);
    // Without a unit, only a number that could not be an ordinal, a code or a small label is kept:
    // one with thousands groups, decimals or a magnitude ("28.784", "280 Millionen").
    if (tail.kind === 'none' && !tail.magnitude && (plainInteger || value === 0)) return skip(tail.end);

    return this.emit(
      {
        start,
        end: tail.end,
        value: scale(value, tail.factor),
        unit: tail.unit,
        kind: tail.kind,
        magnitude: tail.magnitude,
      },
      tail.end,
    );
  }

  private emit(fields: Omit<Candidate, 'text'>, resume: number): { candidate: Candidate; resume: number } {
    return { candidate: { ...fields, text: this.cursor.text.slice(fields.start, fields.end) }, resume };
  }

  /**
   * Whether the word before a number makes it a label rather than an amount: a date word or
   * month ("ngày 16/7", "April 26", "năm 2023"), an id word ("khoản 3", "thứ 7", "Nr. 5"), or a
   * capitalised word inside a sentence, which names the number ("Fortune 500", "World Cup 2026",
   * "Điều 12", "Khu phố 3").
   */
  private labelsNumber(previous: PreviousWord): boolean {
    const { word, dotted, initial } = previous;
    if (idWords(this.cursor.lang).has(word.key)) return !this.totalBefore(word);
    if (dotted) return false;
    if (MONTHS.has(word.key) && UPPER.test(word.word)) return true;
    if (dateWords(this.cursor.lang).has(word.key)) return true;
    // German capitalises every noun, so there a capital letter does not make a name.
    if (initial || this.cursor.lang === 'de' || !UPPER.test(word.word)) return false;
    const stop = this.cursor.lang === 'vi' ? STOP_VI : STOP_EN;
    return !stop.has(word.key);
  }

  /** "tổng số 318 đại biểu": "số" after "tổng" means "total number", not "number (id)". */
  private totalBefore(word: Word): boolean {
    return (
      this.cursor.lang === 'vi' &&
      word.key === 'số' &&
      /(?:^|\s)tổng\s+$/iu.test(this.cursor.text.slice(Math.max(0, word.start - 8), word.start))
    );
  }
}
