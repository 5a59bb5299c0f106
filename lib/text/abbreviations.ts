/**
 * Word lists the sentence splitter consults when a period is followed by a space. Entries are
 * lower-case and without their final period ("TP." → "tp", "Th.S." → "th.s").
 */

/** Words that introduce a name or a number and so never end a sentence, whatever follows. */
const NEVER_FINAL: Record<string, readonly string[]> = {
  // Titles and place prefixes of Vietnamese news: "TP. Hồ Chí Minh", "PGS.TS. Nguyễn", "ThS. Lê".
  vi: [
    'tp',
    'tx',
    'tt',
    'ts',
    'ths',
    'th.s',
    'pgs',
    'gs',
    'bs',
    'bsck',
    'ks',
    'kts',
    'ncs',
    'ls',
    'nsnd',
    'nsưt',
    'nxb',
  ],
  de: [
    'hr',
    'fr',
    'sog',
    'bzw',
    'vgl',
    'ca',
    'ggf',
    'evtl',
    'inkl',
    'exkl',
    'zzgl',
    'bzgl',
    'bspw',
    'z.b',
    'd.h',
    'u.u',
    'i.d.r',
    'o.ä',
    'u.ä',
    's.o',
    's.u',
    'z.t',
    'v.a',
    'dipl',
    'ing',
    'mag',
    'univ',
    'geb',
    'gem',
    'lt',
    'ehem',
    'abt',
    'min',
    'max',
    'staatssekr',
    'präs',
    'str',
  ],
  en: [
    'mr',
    'mrs',
    'ms',
    'messrs',
    'sen',
    'rep',
    'gov',
    'gen',
    'lt',
    'col',
    'maj',
    'capt',
    'sgt',
    'cmdr',
    'adm',
    'rev',
    'hon',
    'pres',
    'supt',
    'det',
    'mt',
    'ft',
    'vs',
    'approx',
    'dept',
    'est',
  ],
};

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
 * Abbreviations that end a sentence as often as not ("… in the U.S." / "the U.S. Army", "5 Mrd.
 * Euro"); the splitter decides by the word that follows.
 */
const MAY_BE_FINAL: Record<string, readonly string[]> = {
  vi: ['v.v'],
  de: ['usw', 'etc', 'u.a', 'mio', 'mrd', 'tsd', 'ff'],
  en: ['etc', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'bros', 'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m'],
};

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
const MONTHS_AFTER_ORDINAL = [
  'januar',
  'jänner',
  'februar',
  'feber',
  'märz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
  'jan',
  'feb',
  'mär',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'nov',
  'dez',
];

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
      neverFinal: new Set([...NEVER_FINAL_ANY, ...(NEVER_FINAL[lang] ?? [])]),
      mayBeFinal: new Set(MAY_BE_FINAL[lang] ?? []),
      beforeNumber: new Set(BEFORE_NUMBER),
      ordinalPeriod: ORDINAL_PERIOD.has(lang),
      months: new Set(MONTHS_AFTER_ORDINAL),
    };
    tables.set(lang, table);
  }
  return table;
}
