import {
  CLASSIFIERS_VI,
  CLOCK_WORDS,
  COMPOUNDS_VI,
  CURRENCIES,
  CURRENCY_SIGNS,
  GERMAN_MAGNITUDES,
  GLUED_MAGNITUDES,
  GLUED_UNITS,
  LEVEL_WORD_VI,
  MAGNITUDES,
  MEASURES,
  MONTHS,
  MULTIPLIERS,
  NOT_CURRENCY_AFTER_DONG,
  OPENER_FOR,
  PERCENT_WORDS,
  PREMODIFIERS_EN,
  RANGE_CONNECTORS,
  RANGE_OPENERS,
  STOP_DE,
  STOP_EN,
  STOP_VI,
  TIME_UNITS,
  WHOLE_NOUNS_VI,
  dateWords,
  decimalSeparator,
  idWords,
  lower,
  type UnitKind,
} from './lexicon';
import { isYearLike, parseNumeral, scale } from './number';

/** A number found in a text, with what it counts. Offsets are into the scanned text. */
export interface Candidate {
  start: number;
  end: number;
  /** Verbatim text from the first digit (or sign, or currency sign) to the end of the unit. */
  text: string;
  value: number;
  unit: string;
  kind: UnitKind;
  /** Written with a magnitude word ("triệu", "Millionen", "billion"). */
  magnitude: boolean;
}

/**
 * Digits with inner separators. Every separator must be followed by a digit, so the pattern has
 * one way to match any input and runs in linear time; trailing punctuation is left outside.
 */
const NUMERAL = /\d+(?:[.,\u00a0\u202f\u2009'’]\d+)*/g;
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}²³]*(?:-[\p{L}\p{M}]+)*/uy;
const LETTER = /[\p{L}\p{M}]/u;
const UPPER = /^\p{Lu}/u;
const ACRONYM = /^[\p{Lu}\d]{2,}$/u;
/** Characters after which the next word starts a sentence or a clause, so its capital letter says nothing. */
const CLAUSE_START = '.!?:;"“”„«»‹›()[]–—-•|*…‘’\'/';
const INLINE_SPACE = ' \t\u00a0\u202f\u2009';
const CLOCK_EN = /^(?:[ap]\.?m\.?|o['’]clock)(?![\p{L}])/iu;
/** German prepositions that put the counted noun after them in the dative ("in 30 Ländern"). */
const DATIVE_DE = new Set(['in', 'mit', 'von', 'aus', 'bei', 'zu', 'nach', 'seit', 'gegenüber', 'vor', 'an', 'auf', 'unter', 'über', 'zwischen']);

interface Word {
  word: string;
  /** `word` lower-cased, NFC. */
  key: string;
  start: number;
  end: number;
}

interface Tail {
  end: number;
  factor: number;
  magnitude: boolean;
  unit: string;
  kind: UnitKind;
  /** The word after the number is a month or a clock word: the number is a date or a time. */
  dateLike: boolean;
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isLetter = (ch: string | undefined): boolean => ch !== undefined && LETTER.test(ch);
const isSpace = (ch: string | undefined): boolean => ch !== undefined && INLINE_SPACE.includes(ch);

/** The primary language subtag ("vi-VN" → "vi"). */
export function primaryLanguage(lang: string): string {
  return (lang.split(/[-_]/)[0] ?? '').toLowerCase();
}

/**
 * Finds every number in `text` that is an amount or a count, with its unit, in text order.
 * Dates, times, years, ordinals, document numbers, phone numbers and ids are left out.
 */
export function scanFigures(text: string, langTag: string): Candidate[] {
  return new Scanner(text, primaryLanguage(langTag)).scan();
}

class Scanner {
  private readonly decimal: '.' | ',';

  constructor(
    private readonly text: string,
    private readonly lang: string,
  ) {
    this.decimal = decimalSeparator(lang);
  }

  scan(): Candidate[] {
    const found: Candidate[] = [];
    const numeral = new RegExp(NUMERAL.source, 'g');
    for (let match = numeral.exec(this.text); match; match = numeral.exec(this.text)) {
      const { candidate, resume } = this.read(match.index, match[0]);
      if (candidate) found.push(candidate);
      if (resume > numeral.lastIndex) numeral.lastIndex = resume;
    }
    return this.resolveEllipsis(found);
  }

  /** Reads the figure whose numeral starts at `at`; `resume` is where scanning continues. */
  private read(at: number, numeral: string): { candidate: Candidate | null; resume: number } {
    const text = this.text;
    const skip = (resume: number) => ({ candidate: null, resume });
    let start = at;
    let raw = numeral;
    let end = at + numeral.length;
    const before = text[at - 1];
    const before2 = text[at - 2];

    // Glued to letters or digits on the left: part of an id or a name ("H2S", "QH14", "Covid-19", "v1.2").
    if (isLetter(before) || isDigit(before) || before === '_') return skip(this.tokenEnd(end));
    if (before === '/' || before === '#' || before === '№' || before === '\\' || before === '@') return skip(this.tokenEnd(end));
    if ((before === '-' || before === '.' || before === ',') && (isLetter(before2) || isDigit(before2))) {
      return skip(this.tokenEnd(end));
    }
    // ".07%": a decimal with no leading zero, English style.
    if (before === this.decimal && before === '.' && (before2 === undefined || isSpace(before2) || before2 === '\n')) {
      start -= 1;
      raw = before + raw;
    }
    let sign = 1;
    const signChar = text[start - 1];
    if ((signChar === '+' || signChar === '-' || signChar === '−') && !isLetter(text[start - 2]) && !isDigit(text[start - 2])) {
      if (signChar !== '+') sign = -1;
      start -= 1;
    }
    let currency: string | null = null;
    const currencyAt = text[start - 1] && CURRENCY_SIGNS.includes(text[start - 1] ?? '') ? start - 1 : -1;
    if (currencyAt >= 0) {
      currency = CURRENCIES.get(text[currencyAt] ?? '') ?? null;
      start = currencyAt;
    }

    const parsed = parseNumeral(raw, this.lang);
    if (parsed === null) return skip(this.tokenEnd(end));
    let value = parsed * sign;
    const plainInteger = /^\d+$/.test(raw);

    const after = text[end];
    const after2 = text[end + 1];
    // "13:30", "17:17": clock times.
    if (after === ':' && isDigit(after2)) return skip(this.tokenEnd(end));
    // Minutes and feet ("106'", "6′"), possessive years ("1990’s").
    if (after === "'" || after === '′' || after === '″' || after === '’') return skip(this.tokenEnd(end));
    if (after === '/') {
      if (!isDigit(after2)) return skip(this.tokenEnd(end)); // "766/QĐ-TTg", "20/GP-BVHTTDL": document numbers.
      const slash = this.readSlash(raw, end);
      if (!slash) return skip(this.tokenEnd(end));
      end = slash; // "78,7/100 điểm": a score out of a total, read as its first number.
    }
    let pairedWith: { value: number; raw: string } | null = null;
    if (after === '-' && isDigit(after2)) {
      // An unspaced pair "a-b": a chain (ISO date, phone) is never an amount; "1-0" or "8-3"
      // (score, Vietnamese day-month) runs backwards; "10-20%" is a range.
      const second = /-(\d+(?:[.,]\d+)*)/y;
      second.lastIndex = end;
      const pair = second.exec(text);
      const secondRaw = pair?.[1];
      if (!pair || secondRaw === undefined) return skip(this.tokenEnd(end));
      const pairEnd = end + pair[0].length;
      if (text[pairEnd] === '-' || text[pairEnd] === '/' || text[pairEnd] === ':' || isLetter(text[pairEnd])) {
        return skip(this.tokenEnd(pairEnd));
      }
      const secondValue = parseNumeral(secondRaw, this.lang);
      if (secondValue === null || secondValue <= value) return skip(pairEnd);
      pairedWith = { value: secondValue, raw: secondRaw };
      end = pairEnd;
    } else if (after === '-' && isLetter(after2)) {
      // English compound adjectives name their unit: "an 18-week certificate".
      const word = this.wordAt(end + 1, false);
      if (this.lang !== 'en' || !word || UPPER.test(word.word)) return skip(this.tokenEnd(end));
      if (!plainInteger && value < 1) return skip(word.end);
      return this.emit({ start, end: word.end, value, unit: word.word, kind: unitKind(word.key, 'count'), magnitude: false }, word.end);
    }

    // Glued letters: a unit written without a space ("5000đ", "12km", "50k") or an id ("4G", "20th", "10h30").
    let glued: Tail | null = null;
    if (isLetter(text[end])) {
      const word = this.wordAt(end, false);
      if (!word) return skip(this.tokenEnd(end));
      const factor = GLUED_MAGNITUDES.get(word.key);
      if (factor !== undefined) {
        glued = { end: word.end, factor, magnitude: true, unit: '', kind: 'none', dateLike: false };
      } else if (GLUED_UNITS.has(word.key)) {
        const unit = CURRENCIES.get(word.key);
        glued = unit
          ? { end: word.end, factor: 1, magnitude: false, unit, kind: 'currency', dateLike: false }
          : { end: word.end, factor: 1, magnitude: false, unit: word.word, kind: 'measure', dateLike: false };
      } else {
        return skip(this.tokenEnd(end));
      }
    }

    // German ordinals carry a dot: "26. und 27. Januar", "15. Zukunftsforum", "8. Mai".
    if (this.lang === 'de' && plainInteger && !pairedWith && text[end] === '.' && isSpace(text[end + 1]) && isLetter(text[end + 2])) {
      return skip(end + 1);
    }

    const previous = this.previousWord(start);
    if (previous && this.labelsNumber(previous)) return skip(end);

    let tail = glued ?? this.readTail(end, currency, start);
    if (glued && !glued.unit) {
      // "50k đồng": a glued magnitude may still be followed by its unit.
      const rest = this.readTail(glued.end, currency, start);
      tail = { ...rest, factor: glued.factor * rest.factor, magnitude: true };
    }
    if (tail.dateLike) return skip(tail.end);
    if (currency && !tail.unit) tail = { ...tail, unit: currency, kind: 'currency' };

    if (pairedWith) {
      // Vietnamese writes day-month as "7-3"; only a unit after it makes the pair a range ("7-10 ngày").
      const dayMonth = plainInteger && value <= 31 && pairedWith.value <= 12;
      if (this.lang === 'vi' && dayMonth && (tail.kind === 'none' || lower(tail.unit) === 'năm')) return skip(tail.end);
      if (tail.kind === 'none' && isYearLike(raw)) return skip(tail.end);
      value = pairedWith.value;
    } else {
      const range = this.readRange(tail, previous, value, raw);
      if (range === 'skip') return skip(tail.end);
      if (range) {
        if (range.kind === 'none' && !range.magnitude) return skip(range.end);
        return this.emit({ start, end: range.end, value: range.value, unit: range.unit, kind: range.kind, magnitude: range.magnitude }, range.end);
      }
    }

    // A bare year ("2023", "Seit 1996") is a date even when a noun follows; only an amount unit makes it a figure.
    if (plainInteger && isYearLike(pairedWith ? pairedWith.raw : raw) && !tail.magnitude && !isAmount(tail.kind)) {
      return skip(tail.end);
    }
    // Without a unit, only a number that could not be an ordinal, a code or a small label is kept:
    // one with thousands groups, decimals or a magnitude ("28.784", "280 Millionen").
    if (tail.kind === 'none' && !tail.magnitude && (plainInteger || value === 0)) return skip(tail.end);

    return this.emit(
      { start, end: tail.end, value: scale(value, tail.factor), unit: tail.unit, kind: tail.kind, magnitude: tail.magnitude },
      tail.end,
    );
  }

  private emit(fields: Omit<Candidate, 'text'>, resume: number): { candidate: Candidate; resume: number } {
    return { candidate: { ...fields, text: this.text.slice(fields.start, fields.end) }, resume };
  }

  /** The end of the run of non-space characters at `from`: everything glued to a rejected numeral goes with it. */
  private tokenEnd(from: number): number {
    let end = from;
    while (end < this.text.length && !/\s/.test(this.text[end] ?? ' ') && end - from < 64) end++;
    return end;
  }

  /**
   * "a/b" after a numeral. Returns the end of "/b" when the pair is a score or ratio ("78,7/100"),
   * or null when it is a date ("19/12", "3/2026"), a season ("2020/21") or a document number
   * ("54/2019/QH14", "7/3/2026").
   */
  private readSlash(raw: string, at: number): number | null {
    const slash = /\/(\d+)/y;
    slash.lastIndex = at;
    const match = slash.exec(this.text);
    const second = match?.[1];
    if (!match || second === undefined) return null;
    const end = at + match[0].length;
    const next = this.text[end];
    if (next === '/' || next === '-' || isLetter(next) || isDigit(next)) return null;
    if (/^\d+$/.test(raw)) {
      const a = Number(raw);
      const b = Number(second);
      const dayMonth = a >= 1 && a <= 31 && b >= 1 && b <= 12;
      const monthYear = a >= 1 && a <= 12 && isYearLike(second);
      const season = isYearLike(raw) && (second.length === 2 || isYearLike(second));
      if (dayMonth || monthYear || season) return null;
    }
    return end;
  }

  /**
   * What follows a number: magnitude words, then the unit or counted noun.
   * `currency` is set when a currency sign came before the number ("$4.5 billion").
   */
  private readTail(from: number, currency: string | null, numberStart: number): Tail {
    const text = this.text;
    let end = from;
    let factor = 1;
    let magnitude = false;
    for (let word = this.wordAt(end, true); word; word = this.wordAt(end, true)) {
      const multiplier = (this.lang === 'de' ? GERMAN_MAGNITUDES.get(word.key) : undefined) ?? MAGNITUDES.get(word.key);
      if (multiplier === undefined) break;
      factor *= multiplier;
      magnitude = true;
      end = word.end;
      if (text[end] === '.' && (word.key === 'mio' || word.key === 'mrd')) end++;
    }
    const tail = (unit: string, kind: UnitKind, unitEnd: number): Tail => ({
      end: unitEnd,
      factor,
      magnitude,
      unit,
      kind,
      dateLike: false,
    });
    let at = end;
    while (isSpace(text[at])) at++;
    if (text[at] === '%') return tail('%', 'percent', at + 1);
    if (currency) return tail(currency, 'currency', end);
    const first = this.wordAt(end, true);
    if (!first) return tail('', 'none', end);
    if (!magnitude && UPPER.test(first.word) && MONTHS.has(first.key)) return { ...tail('', 'none', first.end), dateLike: true };
    if (!magnitude && (CLOCK_WORDS.has(first.key) || (this.lang === 'en' && CLOCK_EN.test(text.slice(first.start, first.start + 8))))) {
      return { ...tail('', 'none', first.end), dateLike: true };
    }
    const second = this.wordAt(first.end, true);
    const pair = second ? `${first.key} ${second.key}` : '';
    const third = second ? this.wordAt(second.end, true) : null;
    const triple = third ? `${pair} ${third.key}` : '';

    if (CURRENCIES.has(triple) && third) return this.perUnit(tail(CURRENCIES.get(triple) ?? '', 'currency', third.end));
    const dongCompound = first.key === 'đồng' && second !== null && NOT_CURRENCY_AFTER_DONG.has(second.key);
    const money = CURRENCIES.get(first.key);
    if (money && !dongCompound) return this.perUnit(tail(money, 'currency', first.end));
    if (second && (PERCENT_WORDS.has(pair) || pair === 'per cent')) return tail('%', 'percent', second.end);
    if (PERCENT_WORDS.has(first.key)) return tail('%', 'percent', first.end);
    if (second && MEASURES.has(pair)) return this.perUnit(tail(`${first.word} ${second.word}`, 'measure', second.end));
    if (MEASURES.has(first.key)) return this.perUnit(tail(first.word, 'measure', first.end));

    const noun =
      this.lang === 'vi' ? this.nounVi(first) : this.lang === 'de' ? this.nounDe(first, numberStart) : this.nounEn(first);
    if (!noun) return tail('', 'none', end);
    return this.perUnit(tail(noun.unit, unitKind(lower(noun.unit), 'count'), noun.end));
  }

  /** "đồng/cổ phiếu", "USD/tấn", "km/h": a rate keeps its "per" part. */
  private perUnit(tail: Tail): Tail {
    if (this.text[tail.end] !== '/' || !isLetter(this.text[tail.end + 1])) return tail;
    const first = this.wordAt(tail.end + 1, false);
    // Names are never the "per" part; lower-case words and acronyms are ("đồng/USD").
    if (!first || (UPPER.test(first.word) && !ACRONYM.test(first.word))) return tail;
    let end = first.end;
    if (this.lang === 'vi') {
      const second = this.wordAt(end, true);
      const singleWord = TIME_UNITS.has(first.key) || MEASURES.has(first.key) || WHOLE_NOUNS_VI.has(first.key);
      if (second && !singleWord && !UPPER.test(second.word) && !STOP_VI.has(second.key)) end = second.end;
    }
    return { ...tail, end, unit: `${tail.unit}${this.text.slice(tail.end, end)}` };
  }

  /**
   * A Vietnamese counted noun. Vietnamese nouns are mostly one or two syllables; classifiers and
   * collectives ("nhóm", "người") head a longer phrase; the phrase ends at a function word,
   * punctuation or a capitalised name. "cấp X" (administrative level) belongs to the noun.
   */
  private nounVi(first: Word): { unit: string; end: number } | null {
    const second = this.wordAt(first.end, true);
    const pair = second ? `${first.key} ${second.key}` : '';
    const acronym = ACRONYM.test(first.word);
    if (UPPER.test(first.word) && !acronym) return null;
    if (STOP_VI.has(first.key) && !COMPOUNDS_VI.has(pair)) return null;
    const one = (word: Word) => ({ unit: word.word, end: word.end });
    if (TIME_UNITS.has(first.key) || MULTIPLIERS.has(first.key)) return one(first);
    if (second && (WHOLE_NOUNS_VI.has(pair) || TIME_UNITS.has(pair))) return { unit: `${first.word} ${second.word}`, end: second.end };
    if (WHOLE_NOUNS_VI.has(first.key)) return one(first);
    const limit = acronym ? 1 : CLASSIFIERS_VI.has(first.key) || CLASSIFIERS_VI.has(pair) ? 3 : 2;
    const words: Word[] = second && STOP_VI.has(first.key) ? [first, second] : [first];
    while (words.length < limit) {
      const last = words[words.length - 1];
      const next = last ? this.wordAt(last.end, true) : null;
      if (!next || UPPER.test(next.word) || next.key === LEVEL_WORD_VI) break;
      if (STOP_VI.has(next.key)) {
        const after = this.wordAt(next.end, true);
        if (!after || !COMPOUNDS_VI.has(`${next.key} ${after.key}`) || words.length + 2 > limit) break;
        words.push(next, after);
        continue;
      }
      words.push(next);
    }
    let end = words[words.length - 1]?.end ?? first.end;
    const level = this.wordAt(end, true);
    if (level?.key === LEVEL_WORD_VI) {
      const name = this.wordAt(level.end, true);
      if (name && !UPPER.test(name.word) && !STOP_VI.has(name.key)) end = name.end;
    }
    return { unit: this.text.slice(first.start, end), end };
  }

  /**
   * German nouns are capitalised and compounded into one word: the counted noun is that word.
   * After a preposition the count is in the dative plural ("in 30 Ländern", "von 147
   * Antragsstellenden"); the unit is given in the nominative a reader would look for.
   */
  private nounDe(first: Word, numberStart: number): { unit: string; end: number } | null {
    if (!UPPER.test(first.word) || STOP_DE.has(first.key) || MONTHS.has(first.key)) return null;
    const before = this.text.slice(Math.max(0, numberStart - 30), numberStart).split(/\s+/).slice(-4);
    const dative = before.some((word) => DATIVE_DE.has(lower(word)));
    return { unit: dative ? germanNominative(first.word) : first.word, end: first.end };
  }

  /** English: the next lower-case word that is not a function word ("1,500 participants"). */
  private nounEn(first: Word): { unit: string; end: number } | null {
    if (UPPER.test(first.word) || STOP_EN.has(first.key)) return null;
    if (PREMODIFIERS_EN.has(first.key)) {
      const second = this.wordAt(first.end, true);
      if (second && !UPPER.test(second.word) && !STOP_EN.has(second.key)) {
        return { unit: `${first.word} ${second.word}`, end: second.end };
      }
    }
    return { unit: first.word, end: first.end };
  }

  /**
   * A second number joined to the first by a range or change connector: "10 - 20%", "từ 32 đến
   * 46 tuổi", "von 91,5 auf 89,4 Millionen Tonnen". The range is one figure valued at its second
   * number (the upper bound, or the value after the change), spanning both.
   * Returns 'skip' for two bare numbers ("2020 - 2024"), null when there is no range.
   */
  private readRange(
    first: Tail,
    previous: { word: Word } | null,
    firstValue: number,
    firstRaw: string,
  ): (Omit<Candidate, 'text' | 'start'> & { end: number }) | 'skip' | null {
    const text = this.text;
    let at = first.end;
    while (isSpace(text[at])) at++;
    let connector: string;
    const ch = text[at];
    if (ch === '-' || ch === '–' || ch === '—') {
      connector = '-';
      at++;
    } else {
      const word = this.wordAt(at, false);
      if (!word || !RANGE_CONNECTORS.has(word.key)) return null;
      connector = word.key;
      at = word.end;
    }
    const opener = OPENER_FOR.get(connector);
    if (opener && !(previous && opener.has(previous.word.key))) return null;
    while (isSpace(text[at])) at++;
    let currency: string | null = null;
    if (CURRENCY_SIGNS.includes(text[at] ?? '\n')) {
      currency = CURRENCIES.get(text[at] ?? '') ?? null;
      at++;
    }
    const numeral = /\d+(?:[.,\u00a0\u202f\u2009]\d+)*/y;
    numeral.lastIndex = at;
    const match = numeral.exec(text);
    if (!match) return null;
    const secondEnd = at + match[0].length;
    const secondValue = parseNumeral(match[0], this.lang);
    const next = text[secondEnd];
    if (secondValue === null || isLetter(next) || next === '/' || next === ':' || (next === '-' && isDigit(text[secondEnd + 1]))) {
      return null;
    }
    const second = this.readTail(secondEnd, currency, at);
    if (second.dateLike) return null;
    if (first.unit && second.unit && lower(first.unit) !== lower(second.unit)) return null;
    if (first.unit && !second.unit) return null;
    if (!first.unit && !second.unit && !first.magnitude && !second.magnitude) {
      // Two bare numbers: a span of years or a list, never a figure of its own.
      return /^\d+$/.test(firstRaw) && /^\d+$/.test(match[0]) ? 'skip' : null;
    }
    // "2 - 4 triệu đồng": a bare first number shares the magnitude of the second.
    const low = scale(firstValue, first.magnitude || first.unit ? first.factor : second.factor);
    const high = scale(secondValue, second.factor);
    if (connector !== 'auf' && low > high) return null;
    return {
      end: second.end,
      value: high,
      unit: second.unit || first.unit,
      kind: second.unit ? second.kind : first.kind,
      magnitude: first.magnitude || second.magnitude,
    };
  }

  /**
   * Whether the word before a number makes it a label rather than an amount: a date word or
   * month ("ngày 16/7", "April 26", "năm 2023"), an id word ("khoản 3", "thứ 7", "Nr. 5"), or a
   * capitalised word inside a sentence, which names the number ("Fortune 500", "World Cup 2026",
   * "Điều 12", "Khu phố 3").
   */
  private labelsNumber(previous: { word: Word; dotted: boolean; initial: boolean }): boolean {
    const { word, dotted, initial } = previous;
    if (idWords(this.lang).has(word.key)) return !this.totalBefore(word);
    if (dotted) return false;
    if (MONTHS.has(word.key) && UPPER.test(word.word)) return true;
    if (dateWords(this.lang).has(word.key)) return true;
    // German capitalises every noun, so there a capital letter does not make a name.
    if (initial || this.lang === 'de' || !UPPER.test(word.word)) return false;
    const stop = this.lang === 'vi' ? STOP_VI : this.lang === 'de' ? STOP_DE : STOP_EN;
    return !stop.has(word.key) && !RANGE_OPENERS.has(word.key);
  }

  /** "tổng số 318 đại biểu": "số" after "tổng" means "total number", not "number (id)". */
  private totalBefore(word: Word): boolean {
    return this.lang === 'vi' && word.key === 'số' && /(?:^|\s)tổng\s+$/iu.test(this.text.slice(Math.max(0, word.start - 8), word.start));
  }

  /** The word right before `at` (spaces and one abbreviation dot between), and whether it starts its clause. */
  private previousWord(at: number): { word: Word; dotted: boolean; initial: boolean } | null {
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

  /** The word at `at` (after inline spaces when `skipSpace`), or null when punctuation or a line break comes first. */
  private wordAt(at: number, skipSpace: boolean): Word | null {
    let start = at;
    if (skipSpace) while (isSpace(this.text[start])) start++;
    const word = new RegExp(WORD.source, 'uy');
    word.lastIndex = start;
    const match = word.exec(this.text);
    if (!match) return null;
    return { word: match[0], key: lower(match[0]), start, end: start + match[0].length };
  }

  /**
   * "Über 810 Millionen Menschen … Über 280 Millionen sind betroffen": a magnitude with no noun
   * after it leaves the noun of the previous figure of the same paragraph understood.
   */
  private resolveEllipsis(found: Candidate[]): Candidate[] {
    let antecedent: Candidate | null = null;
    let paragraphEnd = -1;
    return found.map((candidate) => {
      if (antecedent && this.text.slice(paragraphEnd, candidate.start).includes('\n\n')) antecedent = null;
      let result = candidate;
      if (candidate.magnitude && candidate.kind === 'none' && antecedent) {
        result = { ...candidate, unit: antecedent.unit, kind: antecedent.kind };
      }
      if (result.magnitude && result.kind !== 'none') antecedent = result;
      paragraphEnd = candidate.end;
      return result;
    });
  }
}

function unitKind(key: string, fallback: UnitKind): UnitKind {
  if (TIME_UNITS.has(key)) return 'time';
  if (MULTIPLIERS.has(key)) return 'count';
  if (MEASURES.has(key)) return 'measure';
  return fallback;
}

/** Amounts that a year-shaped number can carry and still be an amount ("2000 USD", "1990 tấn"). */
function isAmount(kind: UnitKind): boolean {
  return kind === 'currency' || kind === 'percent' || kind === 'measure';
}

/**
 * The dative plural adds -n to plurals in -er and to nominalised participles ("Ländern",
 * "Antragsstellenden"); plurals that already end in -n (Menschen, Tonnen, Eltern) are unchanged.
 */
function germanNominative(word: string): string {
  if (/[^e]ern$/.test(word) && word !== 'Eltern' && word !== 'Bauern') return word.slice(0, -1);
  if (/\p{L}{4}enden$/u.test(word)) return word.slice(0, -1);
  return word;
}
