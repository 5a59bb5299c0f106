/** What Loa's modules need to know about one language. Lists are lower case where noted. */
export interface Language {
  /** The primary language subtag ("vi", "de"). */
  code: string;
  /** Month names as written, January first; empty for a language that numbers its months. */
  months: readonly string[];
  /** Other spellings of whole month names ("Jänner"). */
  monthVariants: readonly string[];
  /** Month abbreviations, written without their period ("Okt", "Sept"). */
  monthAbbreviations: readonly string[];
  /**
   * Function words, separated by white space: they carry no topic (the summarizer ignores them as
   * features), and one capitalised after a period starts a sentence. Vietnamese entries are syllables.
   */
  functionWords: string;
  /** Abbreviations (lower case, without the final period) that introduce a name or a number and never end a sentence. */
  neverFinal: readonly string[];
  /** Abbreviations that end a sentence as often as not ("U.S.", "Mrd."); the next word decides. */
  mayBeFinal: readonly string[];
}
