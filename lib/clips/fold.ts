/**
 * Search keys and queries. Vietnamese readers often type without diacritics ("cai cach"), so every
 * word is indexed folded; a word typed with its accents ("cải cách") must not find "cài … cách",
 * so accented words are indexed as written too. Adjacent words are indexed as pairs, which is what
 * phrase search and phrase ranking read.
 */

import { foldForSearch } from '../text/fold';
import { hash53 } from './hash';

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const ENDS_IN_TOKEN = /[\p{L}\p{M}\p{N}]$/u;
/** Longer runs are URLs, hashes or glued junk that nobody types into a search box. */
const MAX_TOKEN_LENGTH = 40;

/**
 * Term spaces of the index. A plain folded word has no marker, so a prefix range over words
 * ("chin" … "chin\uffff") meets no other kind of term. Title and lead terms repeat the whole-clip
 * terms of those fields, for ranking.
 */
const EXACT = '=';
const PAIR = '"';
const TITLE = '^';
const LEAD = '~';

/** Letters of a word that name its bucket: a prefix range being typed reads one bucket, or a few for two letters. */
const WORD_BUCKET_LETTERS = 3;
/** Pairs are spread over this many buckets by hash: only point lookups read them. */
const PAIR_BUCKETS = 512;

/**
 * The bucket `term` is stored in (lib/clips/postings.ts). A word's bucket is its first letters, so
 * the terms of a prefix range lie in the buckets from the bucket of its start to its end; a
 * pair's is a hash. Title and lead terms keep their marker, so they never share a whole-clip bucket.
 */
export function termBucket(term: string): string {
  const field = term.startsWith(TITLE) || term.startsWith(LEAD) ? 1 : 0;
  if (term[field] === PAIR) return `${term.slice(0, field + 1)}${(hash53(term) % PAIR_BUCKETS).toString(36)}`;
  const exact = term[field] === EXACT ? 1 : 0;
  return term.slice(0, field + exact + WORD_BUCKET_LETTERS);
}

/** The folded syllable tokens of `text`, in order, repeats kept: "Cải cách, cải tổ" → ["cai", "cach", "cai", "to"]. */
export function folded(text: string): string[] {
  return foldForSearch(text).match(TOKEN) ?? [];
}

/** A word as written (lower case, NFC) and folded. */
interface Word {
  exact: string;
  fold: string;
}

function words(text: string): Word[] {
  const result: Word[] = [];
  for (const token of text.normalize('NFC').toLowerCase().match(TOKEN) ?? []) {
    result.push({ exact: token, fold: foldForSearch(token) });
  }
  return result;
}

/** The term a word is looked up under: as written when it carries accents, else folded. */
function wordTerm(word: Word): string {
  return word.exact === word.fold ? word.fold : EXACT + word.exact;
}

function pairTerm(first: string, second: string): string {
  return `${PAIR}${first} ${second}`;
}

function addFieldTerms(text: string | null | undefined, marker: string, terms: Set<string>): void {
  if (!text) return;
  let previous: string | null = null;
  for (const word of words(text)) {
    if (word.exact.length > MAX_TOKEN_LENGTH) {
      previous = null;
      continue;
    }
    terms.add(marker + word.fold);
    if (word.exact !== word.fold) terms.add(marker + EXACT + word.exact);
    if (previous !== null) terms.add(marker + pairTerm(previous, word.fold));
    previous = word.fold;
  }
}

/**
 * Every term a clip is found under: its words and word pairs anywhere, and again for title and
 * lead. Sorted, so that a search looks a pending clip's terms up without building a set of them.
 */
export function indexTerms(clip: { title: string; lead: string | null; text: string; note: string }): string[] {
  const terms = new Set<string>();
  for (const field of [clip.title, clip.lead, clip.text, clip.note]) addFieldTerms(field, '', terms);
  addFieldTerms(clip.title, TITLE, terms);
  addFieldTerms(clip.lead, LEAD, terms);
  return [...terms].sort();
}

export interface SearchQuery {
  /** Terms that must all be present: whole words and the pairs of quoted phrases. */
  required: string[];
  /** The word still being typed, as a range of word terms; null when the query ends with a separator. */
  prefix: { from: string; to: string } | null;
  /** The whole words (the one being typed counted as finished), for ranking. */
  words: string[];
  /** Pairs of adjacent query words, quoted or not, for ranking. */
  pairs: string[];
  /** What to highlight: folded forms, and the exact forms of accented words. */
  highlight: HighlightTerms;
}

export interface HighlightTerms {
  folded: string[];
  exact: string[];
  /** The word being typed, folded or exact as typed, matched as a word start. */
  prefix: string | null;
}

/**
 * Reads a search box. Words match with or without accents as typed; `"quoted words"` must stand
 * together; unquoted neighbours that stand together rank higher. The last word counts as a prefix
 * while the user is still typing it; a one-letter prefix would scan most of the index, so it is
 * matched whole instead (Vietnamese has real one-letter words: "ở", "à").
 */
export function parseSearch(query: string): SearchQuery | null {
  const groups: { quoted: boolean; words: Word[] }[] = [];
  query.split('"').forEach((part, index) => {
    const found = words(part).filter((word) => word.exact.length <= MAX_TOKEN_LENGTH);
    if (found.length > 0) groups.push({ quoted: index % 2 === 1, words: found });
  });
  const all = groups.flatMap((group) => group.words);
  if (all.length === 0) return null;
  const lastWord = all[all.length - 1]!;
  // An unclosed quote still types a phrase; a closed one ends with '"', so nothing is being typed.
  const stillTyping = ENDS_IN_TOKEN.test(query) && lastWord.fold.length >= 2;
  const required = new Set<string>();
  const pairs = new Set<string>();
  for (const group of groups) {
    group.words.forEach((word, index) => {
      if (!(stillTyping && word === lastWord)) required.add(wordTerm(word));
      if (index === 0) return;
      const pair = pairTerm(group.words[index - 1]!.fold, word.fold);
      pairs.add(pair);
      if (group.quoted && !(stillTyping && word === lastWord)) required.add(pair);
    });
  }
  // Unquoted neighbours across group borders ("giá "điện" tăng") are still neighbours for ranking.
  for (let index = 1; index < groups.length; index++) {
    const before = groups[index - 1]!.words;
    pairs.add(pairTerm(before[before.length - 1]!.fold, groups[index]!.words[0]!.fold));
  }
  const prefixTerm = wordTerm(lastWord);
  const exact = all.filter((word) => word.exact !== word.fold).map((word) => word.exact);
  return {
    required: [...required],
    prefix: stillTyping ? { from: prefixTerm, to: `${prefixTerm}\uffff` } : null,
    words: [...new Set(all.map(wordTerm))],
    pairs: [...pairs],
    highlight: {
      folded: [
        ...new Set(
          all
            .filter((word) => word.exact === word.fold && !(stillTyping && word === lastWord))
            .map((word) => word.fold),
        ),
      ],
      exact: [...new Set(exact.filter((word) => !(stillTyping && word === lastWord.exact)))],
      prefix: stillTyping ? (lastWord.exact === lastWord.fold ? lastWord.fold : lastWord.exact) : null,
    },
  };
}

/** The title and lead versions of a whole-clip term, for ranking. */
export function inTitle(term: string): string {
  return TITLE + term;
}

export function inLead(term: string): string {
  return LEAD + term;
}

/** Offsets of the words of `text` that a search matched, in order, for `<mark>`. */
export function matchRanges(text: string, terms: HighlightTerms): [number, number][] {
  const folded = new Set(terms.folded);
  const exact = new Set(terms.exact);
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(TOKEN)) {
    const written = match[0].normalize('NFC').toLowerCase();
    const fold = foldForSearch(written);
    const hit =
      folded.has(fold) ||
      exact.has(written) ||
      (terms.prefix !== null && (fold.startsWith(terms.prefix) || written.startsWith(terms.prefix)));
    if (hit) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}
