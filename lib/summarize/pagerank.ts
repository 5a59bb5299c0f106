/**
 * A weighted undirected graph in compressed rows: the neighbours of node i are
 * `targets[offsets[i] .. offsets[i + 1])`, with their `weights`.
 */
export interface Graph {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}

/** Builds a graph from its symmetric edge list (each pair once, i ≠ j). */
export function graphOf(nodes: number, from: number[], to: number[], weight: number[]): Graph {
  const offsets = new Int32Array(nodes + 1);
  for (let e = 0; e < from.length; e++) {
    offsets[from[e]! + 1]!++;
    offsets[to[e]! + 1]!++;
  }
  for (let i = 0; i < nodes; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, nodes);
  const targets = new Int32Array(2 * from.length);
  const weights = new Float64Array(2 * from.length);
  for (let e = 0; e < from.length; e++) {
    const a = from[e]!;
    const b = to[e]!;
    targets[fill[a]!] = b;
    weights[fill[a]!++] = weight[e]!;
    targets[fill[b]!] = a;
    weights[fill[b]!++] = weight[e]!;
  }
  return { offsets, targets, weights };
}

const DAMPING = 0.85;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-6;

/**
 * PageRank with a teleport distribution: uniform gives classic TextRank, a position-weighted one
 * gives a lead-biased ranking. Nodes without edges send their rank back through the teleport.
 */
export function pageRank(graph: Graph, teleport?: number[]): Float64Array {
  const n = graph.offsets.length - 1;
  const jump = new Float64Array(n).fill(1 / Math.max(1, n));
  if (teleport) {
    const sum = teleport.reduce((total, value) => total + value, 0);
    if (sum > 0) for (let i = 0; i < n; i++) jump[i] = teleport[i]! / sum;
  }
  const { offsets, targets, weights } = graph;
  const outWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let e = offsets[i]!; e < offsets[i + 1]!; e++) outWeight[i]! += weights[e]!;
  let rank = jump.slice();
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (outWeight[i] === 0) dangling += rank[i]!;
    const base = 1 - DAMPING + DAMPING * dangling;
    for (let i = 0; i < n; i++) next[i] = base * jump[i]!;
    for (let i = 0; i < n; i++) {
      if (outWeight[i] === 0) continue;
      const share = (DAMPING * rank[i]!) / outWeight[i]!;
      for (let e = offsets[i]!; e < offsets[i + 1]!; e++) next[targets[e]!]! += share * weights[e]!;
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs(next[i]! - rank[i]!);
    [rank, next] = [next, rank];
    if (change < TOLERANCE) break;
  }
  return rank;
}
