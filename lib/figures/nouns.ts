import { ACRONYM, UPPER, type TextCursor, type Word } from './cursor';
import {
  CLASSIFIERS_VI,
  COMPOUNDS_VI,
  LEVEL_WORD_VI,
  MONTHS,
  MULTIPLIERS,
  PREMODIFIERS_EN,
  STOP_DE,
  STOP_EN,
  STOP_VI,
  TIME_UNITS,
  WHOLE_NOUNS_VI,
  lower,
} from './lexicon';

/** A counted noun after a number: its words as written and where it ends. */
export interface Noun {
  unit: string;
  end: number;
}

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

/** The noun a number counts, starting at `first`, read the way the cursor's language builds nouns. */
export function countedNoun(cursor: TextCursor, first: Word, numberStart: number): Noun | null {
  if (cursor.lang === 'vi') return nounVi(cursor, first);
  if (cursor.lang === 'de') return nounDe(cursor, first, numberStart);
  return nounEn(cursor, first);
}

/**
 * A Vietnamese counted noun. Vietnamese nouns are mostly one or two syllables; classifiers and
 * collectives ("nhóm", "người") head a longer phrase; the phrase ends at a function word,
 * punctuation or a capitalised name. "cấp X" (administrative level) belongs to the noun.
 */
function nounVi(cursor: TextCursor, first: Word): Noun | null {
  const second = cursor.wordAt(first.end, true);
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
    const next = last ? cursor.wordAt(last.end, true) : null;
    if (!next || UPPER.test(next.word) || next.key === LEVEL_WORD_VI) break;
    if (STOP_VI.has(next.key)) {
      const after = cursor.wordAt(next.end, true);
      if (!after || !COMPOUNDS_VI.has(`${next.key} ${after.key}`) || words.length + 2 > limit) break;
      words.push(next, after);
      continue;
    }
    words.push(next);
  }
  let end = words[words.length - 1]?.end ?? first.end;
  const level = cursor.wordAt(end, true);
  if (level?.key === LEVEL_WORD_VI) {
    const name = cursor.wordAt(level.end, true);
    if (name && !UPPER.test(name.word) && !STOP_VI.has(name.key)) end = name.end;
  }
  return { unit: cursor.text.slice(first.start, end), end };
}

/**
 * German nouns are capitalised and compounded into one word: the counted noun is that word.
 * After a preposition the count is in the dative plural ("in 30 Ländern", "von 147
 * Antragsstellenden"); the unit is given in the nominative a reader would look for.
 */
function nounDe(cursor: TextCursor, first: Word, numberStart: number): Noun | null {
  const before = cursor.text
    .slice(Math.max(0, numberStart - 30), numberStart)
    .split(/\s+/)
    .slice(-4);
  let dative = false;
  for (const word of before) if (DATIVE_DE.has(lower(word))) dative = true;
  if (!UPPER.test(first.word)) {
    // An inflected adjective before the noun belongs to the count: "57 ehrenamtliche Helfer".
    const second = cursor.wordAt(first.end, true);
    if (!/(?:e|en|er|es|em)$/.test(first.key) || STOP_DE.has(first.key) || !second || !isGermanNoun(second))
      return null;
    return { unit: `${first.word} ${dative ? germanNominative(second.word) : second.word}`, end: second.end };
  }
  return isGermanNoun(first) ? { unit: dative ? germanNominative(first.word) : first.word, end: first.end } : null;
}

function isGermanNoun(word: Word): boolean {
  return UPPER.test(word.word) && !STOP_DE.has(word.key) && !MONTHS.has(word.key);
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

/**
 * English: the next lower-case word that is not a function word ("1,500 participants"), with
 * the plural head it modifies when there is one ("1,500 new jobs", "200,000 holiday cookies").
 */
function nounEn(cursor: TextCursor, first: Word): Noun | null {
  if (UPPER.test(first.word) || STOP_EN.has(first.key)) return null;
  const second = cursor.wordAt(first.end, true);
  const head = second && !UPPER.test(second.word) && !STOP_EN.has(second.key) ? second : null;
  if (head && (PREMODIFIERS_EN.has(first.key) || (!isPluralEn(first.key) && isPluralEn(head.key)))) {
    return { unit: `${first.word} ${head.word}`, end: head.end };
  }
  return { unit: first.word, end: first.end };
}

function isPluralEn(word: string): boolean {
  return IRREGULAR_PLURALS_EN.has(word) || /[^su]s$/.test(word);
}
