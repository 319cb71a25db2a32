// Written by bench/train-faq-decision.ts from the own labelled sets (294 questions); do not edit by hand.
// Features, in order: logRaw, margin, coverage, about, foreign, rivalCoverage, rivalAbout, logWords, runnerUp, candidates.
// p = sigmoid(bias + Σ weights[i] · (x[i] − means[i]) / scales[i]); answer when p ≥ threshold.
// Cross-validated (leave one set out): top1_on_answerable 0.927, abstain_recall 0.869, answer_precision 0.939.
export const decisionModel = {
  weights: [1.661486, 0.559191, 0.320803, 0.385447, -0.719593, -0.397167, -0.127056, -0.313959, 0.129121, 0.445907],
  bias: 2.644522,
  means: [4.061831, 0.718135, 0.689127, 0.524912, 0.081094, 0.445305, 0.231166, 1.567312, 0.010526, 4.568421],
  scales: [1.244092, 0.266635, 0.265933, 0.268292, 0.170305, 0.249915, 0.165163, 0.257291, 0.102056, 1.042796],
  threshold: 0.59,
};
