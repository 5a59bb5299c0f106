import type { Candidate } from './candidate';
import { STOP_VI, lower } from './lexicon';

/**
 * "die Zahl der Anträge … auf 28.784", "the number of applicants rose to 12,500", "số lượng hồ
 * sơ … 1.234": a bare number in the same sentence counts what "the number of" named.
 */
const NUMBER_OF: Record<string, RegExp> = {
  de: /\b(?:Zahl|Anzahl) (?:der|von) (\p{Lu}[\p{L}\p{M}]+)/gu,
  en: /\bnumber of ([\p{Ll}][\p{L}\p{M}]+)/gu,
  vi: /(?:^|\s)(?:số lượng|tổng số) ([\p{Ll}\p{M}]+(?: [\p{Ll}\p{M}]+)?)/gu,
};

/** A unitless candidate takes the noun of a "the number of X" earlier in its sentence (see NUMBER_OF). */
export function resolveNumberOf(text: string, lang: string, candidate: Candidate): Candidate {
  const pattern = NUMBER_OF[lang];
  if (candidate.kind !== 'none' || !pattern) return candidate;
  const window = text.slice(Math.max(0, candidate.start - 200), candidate.start);
  const sentence = window.slice(
    Math.max(window.lastIndexOf('\n'), ...['. ', '! ', '? '].map((end) => window.lastIndexOf(end))) + 1,
  );
  let noun: string | undefined;
  for (const match of sentence.matchAll(pattern)) noun = match[1];
  if (noun && lang === 'vi') {
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
export function resolveEllipsis(text: string, found: Candidate[]): Candidate[] {
  let antecedent: Candidate | null = null;
  let paragraphEnd = -1;
  return found.map((candidate) => {
    if (antecedent && text.slice(paragraphEnd, candidate.start).includes('\n\n')) antecedent = null;
    let result = candidate;
    if (candidate.magnitude && candidate.kind === 'none' && antecedent) {
      result = { ...candidate, unit: antecedent.unit, kind: antecedent.kind };
    }
    if (result.magnitude && result.kind !== 'none') antecedent = result;
    paragraphEnd = candidate.end;
    return result;
  });
}
