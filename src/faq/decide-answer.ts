// When to answer from the knowledge base. A wrong answer costs more than handing over to a person.
// The top-ranked entry is the one that would answer (the ranking already weighs how much of the question
// each entry covers and whether the question's words meet in one of its sentences). Whether it answers is
// a learned probability: gradient-boosted trees (boosted-trees.ts) over how strongly and how alone that entry
// matches, how much of the question it covers (in words and in characters), how much of the question no entry
// knows, how long the question is and how specific the asked-for words are that it never states
// (uncovered-words.ts: the near miss), fitted on the team's labelled questions by
// `bench/train-faq-decision.ts` (the trees are in `decision-model.ts`). Trees replaced a logistic regression:
// cross-validated on 2,772 questions, with the same
// features and at the same abstain recall, they answer 3 to 4 points more of the answerable ones right. `raw` is BM25 divided by a rare term's weight.
import { boostedProbability } from "./boosted-trees.js";
import { decisionModel } from "./decision-model.js";
import { questionKindNames } from "./question-kind.js";

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
  /** How strongly the question's words meet in one sentence of the entry, in rare-term weights. */
  together?: number;
  /** How specific the most specific asked-for word is that this entry never states (uncovered-words.ts), 0 when none. */
  uncovered?: number;
  /** How many asked-for words of some specificity this entry never states. */
  uncoveredCount?: number;
  /** The question's length in characters, without chat noise or punctuation (the same for every candidate). */
  chars?: number;
  /** Share of the question's content characters (not particles or question words) found anywhere in the entry. */
  charCoverage?: number;
  /** What the question asks, one flag per kind of question-kind.ts (the same for every candidate). */
  kinds?: number[];
  /** How many asked-for words this entry never states that leave the question unanswered (uncovered-words.ts). */
  uncoveredWords?: number;
  /** 1 when the entry leaves the asked value unsaid or is about another place (asked-value.ts, asked-scope.ts). */
  unsaid?: number;
}

export interface AnswerDecision {
  confident: boolean;
  /** Probability, 0..1, that answering with the top-ranked entry is right. */
  score: number;
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
  "candidates",
  "strengthPerWord",
  "together",
  "uncovered",
  "uncoveredCount",
  "chars",
  "charCoverage",
  ...questionKindNames.map((k) => `asks-${k}`),
];

export function decideAnswer(ranked: RankedCandidate[]): AnswerDecision {
  const best = ranked[0];
  if (!best || best.raw <= 0) return { confident: false, score: 0 };
  // The rounded probability is both what is printed and what is compared, so the two always agree.
  const score = Math.round(predictAnswerProbability(describeDecision(ranked)) * 1000) / 1000;
  return { confident: score >= decisionModel.threshold, score };
}

/** The features the learned decision weighs for the top-ranked entry (also used for training). */
export function describeDecision(ranked: RankedCandidate[]): number[] {
  const [chosen, ...rivals] = ranked;
  if (!chosen) return [];
  const rivalRaw = Math.max(0, ...rivals.map((c) => c.raw));
  return [
    Math.log1p(Math.max(0, chosen.raw)),
    chosen.raw > 0 ? (chosen.raw - rivalRaw) / Math.max(chosen.raw, rivalRaw) : -1,
    chosen.coverage,
    chosen.about,
    chosen.foreign ?? 0,
    Math.max(0, ...rivals.map((c) => c.coverage)),
    Math.max(0, ...rivals.map((c) => c.about)),
    Math.log1p(chosen.words ?? 0),
    ranked.length,
    // Match strength per question word: raw strength grows with a question's length, so
    // long, chatty questions looked stronger, and short clear ones weaker, than they are.
    Math.log1p(Math.max(0, chosen.raw) / Math.max(1, chosen.words ?? 1)),
    Math.log1p(chosen.together ?? 0),
    chosen.uncovered ?? 0,
    chosen.uncoveredCount ?? 0,
    chosen.chars ?? 0,
    chosen.charCoverage ?? 0,
    ...questionKindNames.map((_, k) => chosen.kinds?.[k] ?? 0),
  ];
}

export function predictAnswerProbability(features: number[]): number {
  return boostedProbability(decisionModel, features);
}
