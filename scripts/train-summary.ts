/**
 * Trains the summarizer's sentence scorer on the VietNews training split and writes
 * lib/summarize/weights.json. Labels: the sentences the greedy ROUGE-2 oracle picks against the
 * editor's abstract. Model: gradient-boosted stumps on the logistic loss (each round, the one
 * feature threshold whose Newton step lowers the loss most), with quantile thresholds. No
 * randomness: the same data gives the same weights.
 *   npm run train:summary
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FEATURES } from '../lib/summarize/features';
import { analyze } from '../lib/summarize';
import type { SentenceModel } from '../lib/summarize/model';
import { DEVSETS_MISSING, devsetsAvailable } from './lib/devsets';
import { oracle, readVietNews, summaryInput } from './lib/vietnews';

const ROUNDS = 300;
/** Shrinkage: each stump adds this share of its Newton step. */
const RATE = 0.3;
/** Thresholds tried per feature: its quantiles. */
const BINS = 32;
/** Ridge on a stump's two values, so a thin bin cannot swing the score. */
const LAMBDA = 1;
const WEIGHTS_FILE = resolve(import.meta.dirname, '../lib/summarize/weights.json');

if (!devsetsAvailable()) {
  console.error(DEVSETS_MISSING);
  process.exit(1);
}

const started = performance.now();
const rows: number[][] = [];
const labels: number[] = [];
for (const article of readVietNews('train')) {
  const picked = new Set(oracle(article.sentences, article.abstract));
  const analysis = analyze(summaryInput(article));
  analysis.candidates.forEach((i, c) => {
    rows.push(analysis.features[c]!);
    labels.push(picked.has(i) ? 1 : 0);
  });
}
console.log(
  `${rows.length} sentences, ${labels.filter(Boolean).length} picked by the oracle (${((performance.now() - started) / 1000).toFixed(1)} s to prepare)`,
);

const d = FEATURES.length;
const n = rows.length;
// Candidate thresholds per feature: midpoints between distinct quantiles.
const thresholds = FEATURES.map((_, f) => {
  const values = rows.map((row) => row[f]!).sort((a, b) => a - b);
  const cuts = new Set<number>();
  for (let b = 1; b < BINS; b++) cuts.add(values[Math.floor((b * n) / BINS)]!);
  return [...cuts].sort((a, b) => a - b);
});
// bin[f][r]: how many thresholds row r's value of f is above (value > threshold goes right).
const bins = FEATURES.map((_, f) =>
  Uint8Array.from(rows, (row) => thresholds[f]!.filter((cut) => row[f]! > cut).length),
);
const positives = labels.reduce((sum, label) => sum + label, 0);
const bias = Math.log(positives / (n - positives));
const margin = new Float64Array(n).fill(bias);
const stumps: [number, number, number, number][] = [];
for (let round = 0; round < ROUNDS; round++) {
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  let loss = 0;
  for (let r = 0; r < n; r++) {
    const p = 1 / (1 + Math.exp(-margin[r]!));
    g[r] = p - labels[r]!;
    h[r] = p * (1 - p);
    loss += labels[r] ? Math.log1p(Math.exp(-margin[r]!)) : Math.log1p(Math.exp(margin[r]!));
  }
  let best = { gain: 0, f: -1, b: 0, left: 0, right: 0 };
  for (let f = 0; f < d; f++) {
    const cuts = thresholds[f]!.length;
    const G = new Float64Array(cuts + 1);
    const H = new Float64Array(cuts + 1);
    const bin = bins[f]!;
    for (let r = 0; r < n; r++) {
      G[bin[r]!]! += g[r]!;
      H[bin[r]!]! += h[r]!;
    }
    const totalG = G.reduce((a, b) => a + b, 0);
    const totalH = H.reduce((a, b) => a + b, 0);
    let leftG = 0;
    let leftH = 0;
    for (let b = 0; b < cuts; b++) {
      leftG += G[b]!;
      leftH += H[b]!;
      const rightG = totalG - leftG;
      const rightH = totalH - leftH;
      const gain =
        (leftG * leftG) / (leftH + LAMBDA) +
        (rightG * rightG) / (rightH + LAMBDA) -
        (totalG * totalG) / (totalH + LAMBDA);
      if (gain > best.gain) best = { gain, f, b, left: -leftG / (leftH + LAMBDA), right: -rightG / (rightH + LAMBDA) };
    }
  }
  if (best.f < 0) break;
  const left = RATE * best.left;
  const right = RATE * best.right;
  stumps.push([best.f, thresholds[best.f]![best.b]!, left, right]);
  const bin = bins[best.f]!;
  for (let r = 0; r < n; r++) margin[r]! += bin[r]! > best.b ? right : left;
  if (round % 20 === 0) console.log(`round ${round}: mean log-loss ${(loss / n).toFixed(6)}`);
}

const round = (value: number, digits = 4) => Number(value.toPrecision(digits));
// Stumps on the same feature and threshold add up: one entry each.
const merged = new Map<string, [number, number, number, number]>();
for (const [f, cut, left, right] of stumps) {
  const key = `${f} ${cut}`;
  const entry = merged.get(key);
  if (entry) {
    entry[2] += left;
    entry[3] += right;
  } else merged.set(key, [f, cut, left, right]);
}
const model: SentenceModel = {
  features: [...FEATURES],
  bias: round(bias),
  stumps: [...merged.values()].map(([f, cut, left, right]) => [f, round(cut, 6), round(left), round(right)]),
};
const json = `${JSON.stringify(model)}\n`;
writeFileSync(WEIGHTS_FILE, json);
console.log(
  `\nwrote ${WEIGHTS_FILE} (${json.length} bytes, ${merged.size} stumps)\nhow far each feature moves the log-odds (sum of its stumps' swings), strongest first:`,
);
const importance = FEATURES.map((name, f) => ({
  name,
  swing: [...merged.values()].filter(([g]) => g === f).reduce((sum, [, , l, r]) => sum + Math.abs(r - l), 0),
}));
importance
  .sort((a, b) => b.swing - a.swing)
  .forEach(({ name, swing }) => console.log(`  ${name.padEnd(20)}${swing.toFixed(3).padStart(8)}`));
