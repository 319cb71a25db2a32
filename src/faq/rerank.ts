// Which of the best few entries answers: BM25 with field boosts ranks the entries; learned trees
// (boosted-trees.ts, fitted by bench/train-faq-rerank.ts, the model in rerank-model.ts) then reorder the
// five best by how each one matches: its strength and share of the best one's, whether the question's
// words meet in one of its sentences, how much of the question it covers in words and in characters, and
// whether it leaves the asked-for words or value unsaid. An entry about the canteen that states "老年证不能当
// 饭卡用" goes before the entry about the senior card itself. Cross-validated leaving one set out on 2,772
// questions, the right entry came first for 23 more answerable questions and 3 fewer.
import { boostedProbability, type BoostedTrees } from "./boosted-trees.js";
import type { RankedCandidate } from "./decide-answer.js";

/** What the reranker looks at for each candidate, in this order. */
export const rerankFeatureNames = [
  "position",
  "raw",
  "share",
  "together",
  "coverage",
  "about",
  "charCoverage",
  "uncoveredWords",
  "unsaid",
  "candidates",
] as const;

/** The features of candidate `i` of a list in BM25 order. */
export function describeCandidate(ranked: readonly RankedCandidate[], i: number): number[] {
  const c = ranked[i]!;
  const top = ranked[0]?.raw ?? 0;
  return [
    i,
    c.raw,
    top > 0 ? c.raw / top : 0,
    c.together ?? 0,
    c.coverage,
    c.about,
    c.charCoverage ?? 0,
    c.uncoveredWords ?? 0,
    c.unsaid ?? 0,
    ranked.length,
  ];
}

/** The list reordered by the model's probability that each candidate is the entry that answers (stable). */
export function rerankCandidates(ranked: RankedCandidate[], model: BoostedTrees | null): RankedCandidate[] {
  if (!model || ranked.length < 2) return ranked;
  const p = ranked.map((_, i) => boostedProbability(model, describeCandidate(ranked, i)));
  return ranked
    .map((c, i) => ({ c, p: p[i]!, i }))
    .sort((a, b) => b.p - a.p || a.i - b.i)
    .map((x) => x.c);
}
