import { LANGUAGES, languageOf, monthWords } from '../lang';

/**
 * Word lists the sentence splitter consults when a period is followed by a space. Entries are
 * lower-case and without their final period ("TP." → "tp", "Th.S." → "th.s").
 */

/** Titles understood in any language, so that mixed-language text keeps "Dr. Müller" whole. */
const NEVER_FINAL_ANY = ['dr', 'prof', 'st', 'e.g', 'i.e', 'z.b'];

/** Words that are abbreviations only before a number: "No. 5", "Nr. 53", "Art. 3", "Jan. 20". */
const BEFORE_NUMBER = [
  'no',
  'nos',
  'nr',
  'art',
  'abs',
  'ziff',
  'kap',
  'bd',
  'vol',
  'fig',
  'p',
  'pp',
  's',
  'tr',
  'tel',
  'fax',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'okt',
  'nov',
  'dec',
  'dez',
];

/**
 * Languages that write ordinal numbers with a period ("am 27. Januar"), where a small number
 * followed by a period is an ordinal unless the next word starts a sentence.
 */
const ORDINAL_PERIOD = new Set([
  'de',
  'da',
  'nb',
  'nn',
  'no',
  'fi',
  'et',
  'lv',
  'lt',
  'cs',
  'sk',
  'sl',
  'hr',
  'sr',
  'bs',
  'hu',
  'pl',
  'is',
  'fo',
  'tr',
]);

/** Month names after which an ordinal's period is certainly not a sentence end. */
const MONTHS_AFTER_ORDINAL: ReadonlySet<string> = new Set(
  LANGUAGES.filter((language) => ORDINAL_PERIOD.has(language.code)).flatMap(monthWords),
);

export interface AbbreviationTable {
  neverFinal: ReadonlySet<string>;
  mayBeFinal: ReadonlySet<string>;
  beforeNumber: ReadonlySet<string>;
  ordinalPeriod: boolean;
  months: ReadonlySet<string>;
}

const tables = new Map<string, AbbreviationTable>();

export function abbreviationsFor(lang: string): AbbreviationTable {
  let table = tables.get(lang);
  if (!table) {
    table = {
      neverFinal: new Set([...NEVER_FINAL_ANY, ...(languageOf(lang)?.neverFinal ?? [])]),
      mayBeFinal: new Set(languageOf(lang)?.mayBeFinal ?? []),
      beforeNumber: new Set(BEFORE_NUMBER),
      ordinalPeriod: ORDINAL_PERIOD.has(lang),
      months: MONTHS_AFTER_ORDINAL,
    };
    tables.set(lang, table);
  }
  return table;
}
