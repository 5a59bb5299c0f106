import trained from './weights.json';

export interface SentenceModel {
  features: string[];
  bias: number;
  /** [feature index, threshold, added when the value is at most the threshold, added when above]. */
  stumps: number[][];
}

export const SENTENCE_MODEL: SentenceModel = trained;

/** The model's log-odds that the sentence belongs in the summary. */
export function logOdds(model: SentenceModel, features: number[]): number {
  let sum = model.bias;
  for (const [feature, threshold, atMost, above] of model.stumps)
    sum += features[feature!]! > threshold! ? above! : atMost!;
  return sum;
}
