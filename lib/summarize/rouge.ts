/**
 * ROUGE-N (Lin, 2004) over lower-cased letter-and-digit tokens: syllables for Vietnamese, words
 * for German and English. Numbers split at their separators, as in the reference ROUGE scripts.
 */
export interface RougeScore {
  recall: number;
  precision: number;
  f1: number;
}

export function rouge(candidate: string, reference: string, n: number): RougeScore {
  const candidateGrams = nGrams(rougeTokens(candidate), n);
  const referenceGrams = nGrams(rougeTokens(reference), n);
  let overlap = 0;
  let candidateTotal = 0;
  let referenceTotal = 0;
  for (const count of candidateGrams.values()) candidateTotal += count;
  for (const [gram, count] of referenceGrams) {
    referenceTotal += count;
    overlap += Math.min(count, candidateGrams.get(gram) ?? 0);
  }
  const recall = referenceTotal ? overlap / referenceTotal : 0;
  const precision = candidateTotal ? overlap / candidateTotal : 0;
  const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
  return { recall, precision, f1 };
}

function rougeTokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

function nGrams(tokens: string[], n: number): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}
