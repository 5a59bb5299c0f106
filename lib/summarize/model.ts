import trained from './weights.json';

export interface SentenceModel {
  features: string[];
  bias: number;
  /** [feature index, threshold, added when the value is at most the threshold, added when above]. */
  stumps: number[][];
}

export const SENTENCE_MODEL: SentenceModel = trained;

/** A model's stumps column by column, read once instead of destructured for every sentence scored. */
interface Columns {
  feature: Int32Array;
  threshold: Float64Array;
  atMost: Float64Array;
  above: Float64Array;
}

const columnsOf = new WeakMap<SentenceModel, Columns>();

function columns(model: SentenceModel): Columns {
  let found = columnsOf.get(model);
  if (!found) {
    const column = (k: number) => Float64Array.from(model.stumps, (stump) => stump[k]!);
    found = { feature: Int32Array.from(column(0)), threshold: column(1), atMost: column(2), above: column(3) };
    columnsOf.set(model, found);
  }
  return found;
}

/** The model's log-odds that the sentence belongs in the summary. */
export function logOdds(model: SentenceModel, features: number[]): number {
  const { feature, threshold, atMost, above } = columns(model);
  let sum = model.bias;
  for (let s = 0; s < feature.length; s++) sum += features[feature[s]!]! > threshold[s]! ? above[s]! : atMost[s]!;
  return sum;
}
