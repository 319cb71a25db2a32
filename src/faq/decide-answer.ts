// When to answer from the knowledge base. A wrong answer costs more than handing over to a person,
// so an entry answers when it matches well, covers the question and beats the runner-up clearly,
// or when it matches so strongly and alone that the question's other words are just how people talk.
// Thresholds were chosen on labelled questions; `raw` is BM25 divided by a rare term's weight.
export interface RankedCandidate {
  id: string;
  raw: number;
  /** Weighted share of the question's words the entry contains, 0..1. */
  coverage: number;
}

export const answerPolicy = {
  covered: { minRaw: 6, minMargin: 0.2, minCoverage: 0.3 },
  strong: { minRaw: 15, minMargin: 0.6, minCoverage: 0.1 },
};

export function decideAnswer(ranked: RankedCandidate[]): { confident: boolean; score: number } {
  const [best, second] = ranked;
  if (!best || best.raw <= 0) return { confident: false, score: 0 };
  const margin = second ? (best.raw - second.raw) / best.raw : 1;
  const passes = (rule: { minRaw: number; minMargin: number; minCoverage: number }) =>
    best.raw >= rule.minRaw && margin >= rule.minMargin && best.coverage >= rule.minCoverage;
  const confident = passes(answerPolicy.covered) || passes(answerPolicy.strong);
  const strength = Math.min(1, Math.log1p(best.raw) / Math.log1p(answerPolicy.strong.minRaw * 2));
  const raw = 0.4 * Math.min(1, best.coverage / 0.6) + 0.3 * Math.min(1, margin / 0.6) + 0.3 * strength;
  // Keep the score on the right side of 0.5 so that it agrees with the decision.
  const score = confident ? 0.5 + raw / 2 : raw / 2;
  return { confident, score: Math.round(score * 1000) / 1000 };
}
