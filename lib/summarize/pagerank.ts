/** A weighted undirected graph as adjacency lists: `edges[i]` holds `[j, weight]` pairs. */
export type Graph = [number, number][][];

const DAMPING = 0.85;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-7;

/**
 * PageRank with a teleport distribution: uniform gives classic TextRank, a position-weighted one
 * gives a lead-biased ranking. Nodes without edges send their rank back through the teleport.
 */
export function pageRank(edges: Graph, teleport?: number[]): number[] {
  const n = edges.length;
  if (n === 0) return [];
  const jump = normalized(teleport ?? new Array<number>(n).fill(1));
  const outWeight = edges.map((list) => list.reduce((sum, [, weight]) => sum + weight, 0));
  let rank = jump.slice();
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (outWeight[i] === 0) dangling += rank[i]!;
    const next = jump.map((p) => (1 - DAMPING + DAMPING * dangling) * p);
    for (let i = 0; i < n; i++) {
      const share = outWeight[i]! > 0 ? (DAMPING * rank[i]!) / outWeight[i]! : 0;
      if (share === 0) continue;
      for (const [j, weight] of edges[i]!) next[j]! += share * weight;
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs(next[i]! - rank[i]!);
    rank = next;
    if (change < TOLERANCE) break;
  }
  return rank;
}

function normalized(values: number[]): number[] {
  const sum = values.reduce((total, value) => total + value, 0);
  return sum > 0 ? values.map((value) => value / sum) : values.map(() => 1 / values.length);
}
