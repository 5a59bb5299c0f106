/**
 * ROUGE-N and ROUGE-L (Lin, 2004) over lower-cased letter-and-digit tokens: syllables for Vietnamese, words
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
  return score(overlap, candidateTotal, referenceTotal);
}

/** ROUGE-L: the longest common subsequence of the two token lists, as a share of each. */
export function rougeL(candidate: string, reference: string): RougeScore {
  const a = rougeTokens(candidate);
  const b = rougeTokens(reference);
  // One row of the LCS table at a time.
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  const common = previous[b.length]!;
  return score(common, a.length, b.length);
}

function score(overlap: number, candidateTotal: number, referenceTotal: number): RougeScore {
  const recall = referenceTotal ? overlap / referenceTotal : 0;
  const precision = candidateTotal ? overlap / candidateTotal : 0;
  const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
  return { recall, precision, f1 };
}

export function rougeTokens(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
  );
}

export function nGrams(tokens: string[], n: number): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}
