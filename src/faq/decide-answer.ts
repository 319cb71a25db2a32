// When to answer from the knowledge base. A wrong answer costs more than handing over to a person.
// Hand-set rules choose which entry would answer: the top-ranked one, or a runner-up whose own words
// cover clearly more of the question (close siblings such as "垃圾分类" and "大件垃圾" score alike).
// Whether it answers is a learned probability: a small logistic regression over how strongly and how
// alone the chosen entry matches, how much of the question it covers and how much of the question no
// entry knows, fitted on the team's labelled questions by `bench/train-faq-decision.ts`
// (coefficients in `decision-model.ts`). `raw` is BM25 divided by a rare term's weight.
import { decisionModel } from "./decision-model.js";

export interface RankedCandidate {
  id: string;
  raw: number;
  /** Weighted share of the question's words the entry contains, 0..1. */
  coverage: number;
  /** The same share, counting only the entry's title, typical questions and tags. */
  about: number;
  /** Weighted share of the question's nouns that no entry knows (the same for every candidate). */
  foreign?: number;
  /** How many words the question was read as (the same for every candidate). */
  words?: number;
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
  /** Probability, 0..1, that answering with the picked entry is right. */
  score: number;
  /** Index in the ranking of the entry that answers (or would, when not confident). */
  pick: number;
}

/** What the learned decision looks at, in the order of `decisionModel.weights`. */
export const decisionFeatureNames = [
  "logRaw",
  "margin",
  "coverage",
  "about",
  "foreign",
  "rivalCoverage",
  "rivalAbout",
  "logWords",
  "runnerUp",
  "candidates",
  "strengthPerWord",
] as const;

export interface DecisionInput {
  pick: number;
  features: number[];
  /**
   * Whether the old hand-set thresholds alone would answer. Kept for comparison, not as a feature:
   * they were tuned on the same labelled questions the model learns from, so cross-validation would
   * over-credit them.
   */
  ruleFired: boolean;
}

export function decideAnswer(ranked: RankedCandidate[]): AnswerDecision {
  const best = ranked[0];
  if (!best || best.raw <= 0) return { confident: false, score: 0, pick: 0 };
  const { pick, features } = describeDecision(ranked);
  // The rounded probability is both what is printed and what is compared, so the two always agree.
  const score = Math.round(predictAnswerProbability(features) * 1000) / 1000;
  return { confident: score >= decisionModel.threshold, score, pick };
}

/** The entry the rules would pick and the features the learned decision weighs (also used for training). */
export function describeDecision(ranked: RankedCandidate[]): DecisionInput {
  const { pick, fired } = pickEntry(ranked);
  const chosen = ranked[pick]!;
  const rivals = ranked.filter((_, i) => i !== pick);
  const rivalRaw = Math.max(0, ...rivals.map((c) => c.raw));
  const features = [
    Math.log1p(Math.max(0, chosen.raw)),
    chosen.raw > 0 ? (chosen.raw - rivalRaw) / Math.max(chosen.raw, rivalRaw) : -1,
    chosen.coverage,
    chosen.about,
    chosen.foreign ?? 0,
    Math.max(0, ...rivals.map((c) => c.coverage)),
    Math.max(0, ...rivals.map((c) => c.about)),
    Math.log1p(chosen.words ?? 0),
    pick > 0 ? 1 : 0,
    ranked.length,
    // Match strength per question word: raw strength grows with a question's length, so
    // long, chatty questions looked stronger, and short clear ones weaker, than they are.
    Math.log1p(Math.max(0, chosen.raw) / Math.max(1, chosen.words ?? 1)),
  ];
  return { pick, features, ruleFired: fired };
}

export function predictAnswerProbability(features: number[]): number {
  const { weights, bias, means, scales } = decisionModel;
  let z = bias;
  for (let i = 0; i < weights.length; i++) z += weights[i]! * (((features[i] ?? 0) - means[i]!) / scales[i]!);
  return 1 / (1 + Math.exp(-z));
}

/** Which entry would answer, and whether the hand-set rules alone would let it. */
function pickEntry(ranked: RankedCandidate[]): { pick: number; fired: boolean } {
  const [best, second] = ranked;
  if (!best || best.raw <= 0) return { pick: 0, fired: false };
  const margin = second ? (best.raw - second.raw) / best.raw : 1;
  // A noun no entry knows ("宽带", "火锅店") is likely what the question is about: the entry must then
  // match the rest of it strongly, not through "附近" or "修" alone.
  const foreignRaw = answerPolicy.foreign.rawPerShare * (best.foreign ?? 0);
  const passes = (rule: { minRaw: number; minMargin: number; minCoverage: number }) =>
    best.raw >= Math.max(rule.minRaw, answerPolicy.covered.minRaw + foreignRaw) &&
    margin >= rule.minMargin &&
    best.coverage >= rule.minCoverage;
  const better = findBetterCovered(ranked, answerPolicy.covered.minRaw + foreignRaw);
  if (better !== undefined) return { pick: better, fired: true };
  if (passes(answerPolicy.covered) || passes(answerPolicy.strong)) return { pick: 0, fired: true };
  if (second && margin < answerPolicy.covered.minMargin) {
    const pick = pickSibling(best, second);
    if (pick !== undefined) return { pick, fired: true };
  }
  return { pick: 0, fired: false };
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
