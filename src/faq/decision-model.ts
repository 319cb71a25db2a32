// Written by bench/train-faq-decision.ts from the own labelled sets (1152 questions); do not edit by hand.
// Features, in order: logRaw, margin, coverage, about, foreign, rivalCoverage, rivalAbout, logWords, candidates, strengthPerWord, together, uncovered, uncoveredCount.
// p = sigmoid(bias + Σ weights[i] · (x[i] − means[i]) / scales[i]); answer when p ≥ threshold.
// Cross-validated (leave one set out): top1_on_answerable 0.929, abstain_recall 0.805, answer_precision 0.905.
export const decisionModel = {
  weights: [
    0.388516, 0.34854, 0.259063, 0.215476, -0.345656, -0.091257, -0.038767, 0.272174, 0.184598, 0.301459, 0.132278,
    -0.637281, -0.30054,
  ],
  bias: 1.969233,
  means: [
    4.453506, 0.730291, 0.631163, 0.452668, 0.085733, 0.39276, 0.206116, 1.804846, 4.725806, 2.928422, 0.439074,
    1.577898, 0.150202,
  ],
  scales: [
    1.137804, 0.247743, 0.250736, 0.239922, 0.153705, 0.216987, 0.145523, 0.333264, 0.857497, 1.011989, 0.371409,
    3.139048, 0.417148,
  ],
  threshold: 0.5,
};
