// Written by bench/train-faq-decision.ts from the own labelled sets (294 questions); do not edit by hand.
// Features, in order: logRaw, margin, coverage, about, foreign, rivalCoverage, rivalAbout, logWords, runnerUp, candidates.
// p = sigmoid(bias + Σ weights[i] · (x[i] − means[i]) / scales[i]); answer when p ≥ threshold.
// Cross-validated (leave one set out): top1_on_answerable 0.940, abstain_recall 0.852, answer_precision 0.936.
export const decisionModel = {
  weights: [1.624831, 0.544373, 0.330919, 0.435305, -0.678109, -0.334459, -0.173102, -0.297292, 0.135316, 0.355295],
  bias: 2.722253,
  means: [4.065915, 0.730218, 0.684564, 0.516266, 0.084398, 0.438463, 0.23105, 1.571797, 0.010638, 4.507092],
  scales: [1.221738, 0.254688, 0.257388, 0.264798, 0.17792, 0.253587, 0.164017, 0.253162, 0.102592, 1.098816],
  threshold: 0.57,
};
