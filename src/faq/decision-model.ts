// Written by bench/train-faq-decision.ts from the own labelled sets (294 questions); do not edit by hand.
// Features, in order: logRaw, margin, coverage, about, foreign, rivalCoverage, rivalAbout, logWords, runnerUp, candidates, strengthPerWord.
// p = sigmoid(bias + Σ weights[i] · (x[i] − means[i]) / scales[i]); answer when p ≥ threshold.
// Cross-validated (leave one set out): top1_on_answerable 0.940, abstain_recall 0.852, answer_precision 0.936.
export const decisionModel = {
  weights: [
    0.776904, 0.454316, 0.284908, 0.297428, -0.56776, -0.220065, -0.091555, -0.033548, 0.09898, 0.291613, 0.773765,
  ],
  bias: 2.463678,
  means: [4.061831, 0.718135, 0.689127, 0.524912, 0.081094, 0.445305, 0.231166, 1.567312, 0.010526, 4.568421, 2.837468],
  scales: [
    1.244092, 0.266635, 0.265933, 0.268292, 0.170305, 0.249915, 0.165163, 0.257291, 0.102056, 1.042796, 1.117451,
  ],
  threshold: 0.56,
};
