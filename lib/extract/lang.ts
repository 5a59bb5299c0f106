import { collapse } from '../text/whitespace';

/** Letters only Vietnamese uses among the languages we meet (ơ ư ă đ and the dot-below tones). */
const VIETNAMESE_LETTERS = /[ơưăđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const GERMAN_WORDS = /\b(der|die|das|und|nicht|mit|für|von|ist|auf|den|dem|des|eine?)\b/giu;
const ENGLISH_WORDS = /\b(the|and|of|to|in|is|that|for|with|on|was)\b/giu;

/** The language of a page shows in its first few thousand characters; reading more only costs. */
const LANGUAGE_SAMPLE_CHARS = 5000;
/** Below this many marker letters or function words per word, the text is in none of our languages. */
const MIN_LANGUAGE_SCORE = 0.05;
/** The best language must beat the runner-up by this factor, or the guess is a coin toss (null). */
const LANGUAGE_MARGIN = 1.5;

/** Guesses the language of a text sample from letters and function words; null when unsure. */
export function guessLanguage(sample: string): string | null {
  const text = sample.slice(0, LANGUAGE_SAMPLE_CHARS).toLowerCase();
  const words = Math.max(1, text.split(/\s+/).length);
  const scores: [string, number][] = [
    ['vi', (text.match(VIETNAMESE_LETTERS)?.length ?? 0) / words],
    ['de', (text.match(GERMAN_WORDS)?.length ?? 0) / words],
    ['en', (text.match(ENGLISH_WORDS)?.length ?? 0) / words],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (!best || best[1] < MIN_LANGUAGE_SCORE) return null;
  return !second || best[1] > second[1] * LANGUAGE_MARGIN ? best[0] : null;
}

/** The page's declared language as a primary subtag ("vi-VN" → "vi"). */
export function declaredLanguage(doc: Document): string | null {
  const declared =
    doc.documentElement?.getAttribute('lang') ||
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ||
    doc.querySelector('meta[property="og:locale"]')?.getAttribute('content') ||
    '';
  const primary = collapse(declared)
    .split(/[-_,\s]/)[0]
    ?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/** The text wins over a confident mis-declaration (CMS templates often say lang="en" everywhere). */
export function detectLanguage(declared: string | null, text: string): string {
  const guessed = guessLanguage(text);
  return guessed ?? declared ?? 'und';
}
