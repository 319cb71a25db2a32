// When to answer from the knowledge base. A wrong answer costs more than handing over to a person,
// so an entry answers when it matches well, covers the question and beats the runner-up clearly,
// or when it matches so strongly and alone that the question's other words are just how people talk.
// Close siblings ("垃圾分类" and "大件垃圾") often score alike; then the one whose own words cover
// clearly more of the question answers, or nobody does.
// Thresholds were chosen on labelled questions; `raw` is BM25 divided by a rare term's weight.
export interface RankedCandidate {
  id: string;
  raw: number;
  /** Weighted share of the question's words the entry contains, 0..1. */
  coverage: number;
  /** The same share, counting only the entry's title, typical questions and tags. */
  about: number;
  /** Weighted share of the question's nouns that no entry knows (the same for every candidate). */
  foreign?: number;
}

export const answerPolicy = {
  covered: { minRaw: 6, minMargin: 0.2, minCoverage: 0.3 },
  strong: { minRaw: 15, minMargin: 0.6, minCoverage: 0.1 },
  sibling: { minRaw: 6, minLead: 0.15, minCoverage: 0.5 },
  /** A runner-up that covers this much more of the question, matching at least this share as strongly. */
  betterCovered: { minGain: 0.25, minRawShare: 0.5, minCoverage: 0.5, maxBestCoverage: 0.5 },
  /** Extra match strength needed per unit of the question's weight that no entry knows. */
  foreign: { rawPerShare: 60 },
};

export interface AnswerDecision {
  confident: boolean;
  score: number;
  /** Index in the ranking of the entry that answers (or would, when not confident). */
  pick: number;
}

export function decideAnswer(ranked: RankedCandidate[]): AnswerDecision {
  const [best, second] = ranked;
  if (!best || best.raw <= 0) return { confident: false, score: 0, pick: 0 };
  const margin = second ? (best.raw - second.raw) / best.raw : 1;
  // A noun no entry knows ("宽带", "火锅店") is likely what the question is about: the entry must then
  // match the rest of it strongly, not through "附近" or "修" alone.
  const foreignRaw = answerPolicy.foreign.rawPerShare * (best.foreign ?? 0);
  const passes = (rule: { minRaw: number; minMargin: number; minCoverage: number }) =>
    best.raw >= Math.max(rule.minRaw, answerPolicy.covered.minRaw + foreignRaw) &&
    margin >= rule.minMargin &&
    best.coverage >= rule.minCoverage;
  const better = findBetterCovered(ranked, answerPolicy.covered.minRaw + foreignRaw);
  if (better !== undefined) return scored(ranked[better]!, answerPolicy.covered.minMargin, true, better);
  if (passes(answerPolicy.covered) || passes(answerPolicy.strong)) return scored(best, margin, true, 0);
  if (second && margin < answerPolicy.covered.minMargin) {
    const pick = pickSibling(best, second);
    if (pick !== undefined) return scored(ranked[pick]!, answerPolicy.covered.minMargin, true, pick);
  }
  return scored(best, margin, false, 0);
}

/**
 * A runner-up whose words cover clearly more of the question while matching nearly as strongly:
 * "老人免费体检" names 体检, which only the health station speaks of, though the canteen says 老人 and 免费 more.
 */
function findBetterCovered(ranked: RankedCandidate[], minRaw: number): number | undefined {
  const [best] = ranked;
  const rule = answerPolicy.betterCovered;
  // Only when the top entry leaves most of the question unexplained; otherwise its lead stands.
  if (!best || best.coverage >= rule.maxBestCoverage) return undefined;
  const index = ranked.findIndex(
    (c, i) =>
      i > 0 &&
      i < 3 &&
      c.coverage >= best.coverage + rule.minGain &&
      c.coverage >= rule.minCoverage &&
      c.raw >= Math.max(minRaw, best.raw * rule.minRawShare),
  );
  return index > 0 ? index : undefined;
}

/** The sibling whose words cover clearly more of the question, if one does and covers enough of it. */
function pickSibling(best: RankedCandidate, second: RankedCandidate): number | undefined {
  const rule = answerPolicy.sibling;
  const lead = best.coverage + best.about - (second.coverage + second.about);
  const pick = lead >= rule.minLead ? 0 : -lead >= rule.minLead ? 1 : undefined;
  if (pick === undefined) return undefined;
  const chosen = pick === 0 ? best : second;
  return chosen.raw >= rule.minRaw && chosen.coverage >= rule.minCoverage ? pick : undefined;
}

function scored(c: RankedCandidate, margin: number, confident: boolean, pick: number): AnswerDecision {
  const strength = Math.min(1, Math.log1p(c.raw) / Math.log1p(answerPolicy.strong.minRaw * 2));
  const raw = 0.4 * Math.min(1, c.coverage / 0.6) + 0.3 * Math.min(1, margin / 0.6) + 0.3 * strength;
  // Keep the score on the right side of 0.5 so that it agrees with the decision.
  const score = confident ? 0.5 + raw / 2 : raw / 2;
  return { confident, score: Math.round(score * 1000) / 1000, pick };
}
