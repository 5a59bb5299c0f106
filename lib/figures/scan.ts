import {
  CLASSIFIERS_VI,
  CHANGE_CONNECTORS,
  CLOCK_WORDS,
  COMPOUNDS_VI,
  CURRENCIES,
  CURRENCY_SIGNS,
  GERMAN_MAGNITUDES,
  GLUED_MAGNITUDES,
  GLUED_MONEY_MAGNITUDES,
  GLUED_UNITS,
  LEVEL_WORD_VI,
  MAGNITUDES,
  MEASURES,
  MONTHS,
  MULTIPLIERS,
  NOT_CURRENCY_AFTER_DONG,
  OPENER_FOR,
  PERCENT_WORDS,
  PROCEDURE_NOUNS,
  PREMODIFIERS_EN,
  RANGE_CONNECTORS,
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
/** Sizes of downloadable files ("PDF | 38 KB"): page furniture, never a figure of the story. */
const FILE_SIZES = new Set(['kb', 'kib', 'mb', 'mib', 'byte', 'bytes']);
const CLOCK_EN = /^(?:[ap]\.?m\.?|o['’]clock)(?![\p{L}])/iu;
/** German adjectives made from a number and a span or share ("10-jährige", "3-fach", "5-prozentig"). */
const GERMAN_COMPOUNDS: [string, string][] = [
  ['jährig', 'Jahre'],
  ['monatig', 'Monate'],
  ['wöchig', 'Wochen'],
  ['tägig', 'Tage'],
  ['stündig', 'Stunden'],
  ['prozentig', '%'],
  ['fach', 'fach'],
];
const DAY_PARTS_VI = new Set(['sáng', 'trưa', 'chiều', 'tối', 'đêm', 'khuya']);
/** German prepositions that put the counted noun after them in the dative ("in 30 Ländern"). */
const DATIVE_DE = new Set([
  'in',
  'mit',
  'von',
  'aus',
  'bei',
  'zu',
  'nach',
  'seit',
  'gegenüber',
  'vor',
  'an',
  'auf',
  'unter',
  'über',
  'zwischen',
]);

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
  /** The word after the number makes it something else: a month or clock word (a date, a time), a file size. */
  notAmount: boolean;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}
function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}
function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && INLINE_SPACE.includes(ch);
}
function skip(resume: number): { candidate: null; resume: number } {
  return { candidate: null, resume };
}
function makeTail(
  end: number,
  factor: number,
  magnitude: boolean,
  unit: string,
  kind: UnitKind,
  notAmount = false,
): Tail {
  return { end, factor, magnitude, unit, kind, notAmount };
}

function isProcedure(unit: string): boolean {
  return PROCEDURE_NOUNS.some((noun) => unit === noun || unit.startsWith(`${noun} `));
}

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
  /** Word keys need NFC; when the whole text already is, lower-casing is enough. */
  private readonly key: (word: string) => string;

  constructor(
    private readonly text: string,
    private readonly lang: string,
  ) {
    this.decimal = decimalSeparator(lang);
    this.key = text.normalize('NFC') === text ? (word) => word.toLowerCase() : lower;
  }

  scan(): Candidate[] {
    const found: Candidate[] = [];
    const numeral = new RegExp(NUMERAL.source, 'g');
    for (let match = numeral.exec(this.text); match; match = numeral.exec(this.text)) {
      const { candidate, resume } = this.read(match.index, match[0]);
      if (candidate) found.push(candidate);
      if (resume > numeral.lastIndex) numeral.lastIndex = resume;
    }
    return this.resolveEllipsis(found).map((candidate) => this.resolveNumberOf(candidate));
  }

  /** Reads the figure whose numeral starts at `at`; `resume` is where scanning continues. */
  private read(at: number, numeral: string): { candidate: Candidate | null; resume: number } {
    const text = this.text;
    let start = at;
    let raw = numeral;
    let end = at + numeral.length;
    const before = text[at - 1];
    const before2 = text[at - 2];

    // Glued to letters or digits on the left: part of an id or a name ("H2S", "QH14", "Covid-19", "v1.2").
    if (isLetter(before) || isDigit(before) || before === '_') return skip(this.tokenEnd(end));
    if (before === '/' || before === '#' || before === '№' || before === '\\' || before === '@')
      return skip(this.tokenEnd(end));
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

    const parsed = parseNumeral(raw, this.lang);
    if (parsed === null) return skip(this.tokenEnd(end));
    let value = parsed * sign;
    const plainInteger = /^\d+$/.test(raw);
    const previous = this.previousWord(start);
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
    if (after === ':' && isDigit(after2)) return skip(this.tokenEnd(end));
    // Minutes and feet ("106'", "6′"), possessive years ("1990’s").
    if (after === "'" || after === '′' || after === '″' || after === '’') return skip(this.tokenEnd(end));
    if (after === '/') {
      if (!isDigit(after2)) return skip(this.tokenEnd(end)); // "766/QĐ-TTg", "20/GP-BVHTTDL": document numbers.
      const slash = this.readSlash(raw, end);
      if (!slash) return skip(this.tokenEnd(end));
      end = slash; // "78,7/100 điểm": a score out of a total, read as its first number.
    }
    let pairedWith: { value: number; raw: string; end: number } | null = null;
    if (after === '-' && isDigit(after2)) {
      pairedWith = this.readPair(end, value);
      if (!pairedWith) return skip(this.tokenEnd(end + 1));
      end = pairedWith.end;
    } else if (after === '-' && isLetter(after2)) {
      // Compound adjectives name their unit: "an 18-week certificate", "ihr 10-jähriges Engagement".
      // Other number-word compounds are names ("3-Zimmer-Wohnung", "G-20-Gipfel").
      const word = this.wordAt(end + 1, false);
      const compound = word ? this.compoundUnit(word) : null;
      if (!word || !compound) return skip(this.tokenEnd(end));
      return this.emit(
        { start, end: word.end, value, unit: compound.unit, kind: compound.kind, magnitude: false },
        word.end,
      );
    }

    let glued: Tail | null = null;
    if (isLetter(text[end])) {
      glued = this.readGlued(end, currency);
      if (!glued) return skip(this.tokenEnd(end));
    }

    // German ordinals carry a dot: "26. und 27. Januar", "15. Zukunftsforum", "8. Mai".
    if (
      this.lang === 'de' &&
      plainInteger &&
      !pairedWith &&
      text[end] === '.' &&
      isSpace(text[end + 1]) &&
      isLetter(text[end + 2])
    ) {
      return skip(end + 1);
    }
    // "Der 11.10. eines jeden Jahres": a German day and month, not eleven point one.
    if (this.decimal === ',' && /^\d{1,2}\.\d{1,2}$/.test(raw) && text[end] === '.') return skip(end + 1);

    let tail = glued ?? this.readTail(end, currency, start);
    if (glued && !glued.unit) {
      // "50k đồng": a glued magnitude may still be followed by its unit.
      const rest = this.readTail(glued.end, currency, start);
      tail = { ...rest, factor: glued.factor * rest.factor, magnitude: true };
    }
    if (tail.notAmount) return skip(tail.end);
    if (currency && !tail.unit) tail = { ...tail, unit: currency, kind: 'currency' };

    if (pairedWith) {
      // Vietnamese writes day-month as "7-3"; only a unit after it makes the pair a range ("7-10 ngày").
      const dayMonth = plainInteger && /^\d+$/.test(pairedWith.raw) && value <= 31 && pairedWith.value <= 12;
      if (this.lang === 'vi' && dayMonth && (tail.kind === 'none' || lower(tail.unit) === 'năm')) return skip(tail.end);
      if (tail.kind === 'none' && isYearLike(raw)) return skip(tail.end);
      value = pairedWith.value;
    } else {
      const range = this.readRange(tail, previous, value, raw);
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

  /**
   * An unspaced pair "a-b" after the numeral at `at`. A chain ("2022-01-27", "926-3590-4") is a
   * date or a phone number; a pair running backwards is a score or a Vietnamese day-month ("1-0",
   * "8-3"); null for all of those. "10-20%" is a range.
   */
  private readPair(at: number, first: number): { value: number; raw: string; end: number } | null {
    const second = /-(\d+(?:[.,]\d+)*)/y;
    second.lastIndex = at;
    const match = second.exec(this.text);
    const raw = match?.[1];
    if (!match || raw === undefined) return null;
    const end = at + match[0].length;
    const next = this.text[end];
    if (next === '-' || next === '/' || next === ':') return null;
    const value = parseNumeral(raw, this.lang);
    return value === null || value <= first ? null : { value, raw, end };
  }

  /** Letters glued to a numeral: a unit written without a space ("5000đ", "12km", "50k", "$4.5m"), or null for an id ("4G", "20th", "10h30"). */
  private readGlued(at: number, currency: string | null): Tail | null {
    const word = this.wordAt(at, false);
    if (!word) return null;
    const factor = (currency ? GLUED_MONEY_MAGNITUDES : GLUED_MAGNITUDES).get(word.key);
    if (factor !== undefined) return makeTail(word.end, factor, true, '', 'none');
    if (!GLUED_UNITS.has(word.word)) return null;
    const money = CURRENCIES.get(word.key);
    return money ? makeTail(word.end, 1, false, money, 'currency') : makeTail(word.end, 1, false, word.word, 'measure');
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
    let at = end;
    while (isSpace(text[at])) at++;
    if (text[at] === '%') return makeTail(at + 1, factor, magnitude, '%', 'percent');
    if (currency) return makeTail(end, factor, magnitude, currency, 'currency');
    const first = this.wordAt(end, true);
    if (!first) return makeTail(end, factor, magnitude, '', 'none');
    if (!magnitude && UPPER.test(first.word) && MONTHS.has(first.key))
      return makeTail(first.end, factor, magnitude, '', 'none', true);
    if (
      !magnitude &&
      (CLOCK_WORDS.has(first.key) || (this.lang === 'en' && CLOCK_EN.test(text.slice(first.start, first.start + 8))))
    ) {
      return makeTail(first.end, factor, magnitude, '', 'none', true);
    }
    const second = this.wordAt(first.end, true);
    // "9 giờ sáng", "10 giờ 30": an hour of the day, not a number of hours.
    if (
      this.lang === 'vi' &&
      first.key === 'giờ' &&
      ((second && DAY_PARTS_VI.has(second.key)) || /^\s*\d/.test(text.slice(first.end, first.end + 3)))
    ) {
      return makeTail(first.end, factor, magnitude, '', 'none', true);
    }
    const pair = second ? `${first.key} ${second.key}` : '';
    const third = second ? this.wordAt(second.end, true) : null;
    const triple = third ? `${pair} ${third.key}` : '';

    if (CURRENCIES.has(triple) && third)
      return this.perUnit(makeTail(third.end, factor, magnitude, CURRENCIES.get(triple) ?? '', 'currency'));
    if (MEASURES.has(triple) && second && third)
      return makeTail(third.end, factor, magnitude, text.slice(first.start, third.end), 'measure');
    const pairMoney = CURRENCIES.get(pair);
    if (pairMoney && second) return this.perUnit(makeTail(second.end, factor, magnitude, pairMoney, 'currency'));
    const dongCompound = first.key === 'đồng' && second !== null && NOT_CURRENCY_AFTER_DONG.has(second.key);
    const money = CURRENCIES.get(first.key);
    if (money && !dongCompound) return this.perUnit(makeTail(first.end, factor, magnitude, money, 'currency'));
    if (second && (PERCENT_WORDS.has(pair) || pair === 'per cent'))
      return makeTail(second.end, factor, magnitude, '%', 'percent');
    if (PERCENT_WORDS.has(first.key)) return makeTail(first.end, factor, magnitude, '%', 'percent');
    if (second && MEASURES.has(pair))
      return this.perUnit(makeTail(second.end, factor, magnitude, text.slice(first.start, second.end), 'measure'));
    if (MEASURES.has(first.key)) return this.perUnit(makeTail(first.end, factor, magnitude, first.word, 'measure'));
    if (FILE_SIZES.has(first.key)) return makeTail(first.end, factor, magnitude, '', 'none', true);

    const noun =
      this.lang === 'vi'
        ? this.nounVi(first)
        : this.lang === 'de'
          ? this.nounDe(first, numberStart)
          : this.nounEn(first);
    if (!noun) return makeTail(end, factor, magnitude, '', 'none');
    if (isProcedure(lower(noun.unit))) return makeTail(noun.end, factor, magnitude, '', 'none', true);
    return this.perUnit(makeTail(noun.end, factor, magnitude, noun.unit, unitKind(lower(noun.unit), 'count')));
  }

  /** The unit named by the word after "N-": English takes the word ("18-week"), German the span words ("10-jährig"). */
  private compoundUnit(word: Word): { unit: string; kind: UnitKind } | null {
    if (this.lang === 'en')
      return UPPER.test(word.word) ? null : { unit: word.word, kind: unitKind(word.key, 'count') };
    if (this.lang !== 'de') return null;
    for (const [stem, unit] of GERMAN_COMPOUNDS) {
      if (word.key.startsWith(stem)) return { unit, kind: unit === '%' ? 'percent' : unitKind(lower(unit), 'count') };
    }
    return null;
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
    if (TIME_UNITS.has(first.key) || MULTIPLIERS.has(first.key)) return { unit: first.word, end: first.end };
    if (second && (WHOLE_NOUNS_VI.has(pair) || TIME_UNITS.has(pair)))
      return { unit: `${first.word} ${second.word}`, end: second.end };
    if (WHOLE_NOUNS_VI.has(first.key)) return { unit: first.word, end: first.end };
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
    const before = this.text
      .slice(Math.max(0, numberStart - 30), numberStart)
      .split(/\s+/)
      .slice(-4);
    let dative = false;
    for (const word of before) if (DATIVE_DE.has(lower(word))) dative = true;
    if (!UPPER.test(first.word)) {
      // An inflected adjective before the noun belongs to the count: "57 ehrenamtliche Helfer".
      const second = this.wordAt(first.end, true);
      if (!/(?:e|en|er|es|em)$/.test(first.key) || STOP_DE.has(first.key) || !second || !this.isGermanNoun(second))
        return null;
      return { unit: `${first.word} ${dative ? germanNominative(second.word) : second.word}`, end: second.end };
    }
    return this.isGermanNoun(first)
      ? { unit: dative ? germanNominative(first.word) : first.word, end: first.end }
      : null;
  }

  private isGermanNoun(word: Word): boolean {
    return UPPER.test(word.word) && !STOP_DE.has(word.key) && !MONTHS.has(word.key);
  }

  /**
   * English: the next lower-case word that is not a function word ("1,500 participants"), with
   * the plural head it modifies when there is one ("1,500 new jobs", "200,000 holiday cookies").
   */
  private nounEn(first: Word): { unit: string; end: number } | null {
    if (UPPER.test(first.word) || STOP_EN.has(first.key)) return null;
    const second = this.wordAt(first.end, true);
    const head = second && !UPPER.test(second.word) && !STOP_EN.has(second.key) ? second : null;
    if (head && (PREMODIFIERS_EN.has(first.key) || (!isPluralEn(first.key) && isPluralEn(head.key)))) {
      return { unit: `${first.word} ${head.word}`, end: head.end };
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
    if (
      secondValue === null ||
      isLetter(next) ||
      next === '/' ||
      next === ':' ||
      (next === '-' && isDigit(text[secondEnd + 1]))
    ) {
      return null;
    }
    const second = this.readTail(secondEnd, currency, at);
    if (second.notAmount) return null;
    if (first.unit && second.unit && lower(first.unit) !== lower(second.unit)) return null;
    if (first.unit && !second.unit) return null;
    if (!first.unit && !second.unit && !first.magnitude && !second.magnitude) {
      // Two bare numbers: a span of years or a list, never a figure of its own.
      return /^\d+$/.test(firstRaw) && /^\d+$/.test(match[0]) ? 'skip' : null;
    }
    // "2 - 4 triệu đồng": a bare first number shares the magnitude of the second.
    const low = scale(firstValue, first.magnitude || first.unit ? first.factor : second.factor);
    const high = scale(secondValue, second.factor);
    if (!CHANGE_CONNECTORS.has(connector) && low > high) return null;
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
    const stop = this.lang === 'vi' ? STOP_VI : STOP_EN;
    return !stop.has(word.key);
  }

  /** "tổng số 318 đại biểu": "số" after "tổng" means "total number", not "number (id)". */
  private totalBefore(word: Word): boolean {
    return (
      this.lang === 'vi' &&
      word.key === 'số' &&
      /(?:^|\s)tổng\s+$/iu.test(this.text.slice(Math.max(0, word.start - 8), word.start))
    );
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
    WORD.lastIndex = start;
    const match = WORD.exec(this.text);
    if (!match) return null;
    return { word: match[0], key: this.key(match[0]), start, end: start + match[0].length };
  }

  /** A unitless candidate takes the noun of a "the number of X" earlier in its sentence (see NUMBER_OF). */
  private resolveNumberOf(candidate: Candidate): Candidate {
    const pattern = NUMBER_OF[this.lang];
    if (candidate.kind !== 'none' || !pattern) return candidate;
    const window = this.text.slice(Math.max(0, candidate.start - 200), candidate.start);
    const sentence = window.slice(
      Math.max(window.lastIndexOf('\n'), ...['. ', '! ', '? '].map((end) => window.lastIndexOf(end))) + 1,
    );
    let noun: string | undefined;
    for (const match of sentence.matchAll(pattern)) noun = match[1];
    if (noun && this.lang === 'vi') {
      // Two syllables, unless the second is a function word ("số lượng hồ sơ", "tổng số người là").
      const [head = '', second] = noun.split(' ');
      if (!second || STOP_VI.has(lower(second))) noun = head;
    }
    return noun ? { ...candidate, unit: noun, kind: 'count' } : candidate;
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

const IRREGULAR_PLURALS_EN = new Set([
  'people',
  'children',
  'men',
  'women',
  'feet',
  'teeth',
  'mice',
  'geese',
  'staff',
  'police',
]);
function isPluralEn(word: string): boolean {
  return IRREGULAR_PLURALS_EN.has(word) || /[^su]s$/.test(word);
}

/**
 * "die Zahl der Anträge … auf 28.784", "the number of applicants rose to 12,500", "số lượng hồ
 * sơ … 1.234": a bare number in the same sentence counts what "the number of" named.
 */
const NUMBER_OF: Record<string, RegExp> = {
  de: /\b(?:Zahl|Anzahl) (?:der|von) (\p{Lu}[\p{L}\p{M}]+)/gu,
  en: /\bnumber of ([\p{Ll}][\p{L}\p{M}]+)/gu,
  vi: /(?:^|\s)(?:số lượng|tổng số) ([\p{Ll}\p{M}]+(?: [\p{Ll}\p{M}]+)?)/gu,
};

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
