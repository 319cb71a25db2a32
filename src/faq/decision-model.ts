// Written by bench/train-faq-decision.ts from the own labelled sets (1772 questions); do not edit by hand.
// Features, in order: logRaw, margin, coverage, about, foreign, rivalCoverage, rivalAbout, logWords, candidates, strengthPerWord, together, uncovered, uncoveredCount.
// p = sigmoid(bias + Σ weights[i] · (x[i] − means[i]) / scales[i]); answer when p ≥ threshold.
// Cross-validated (leave one set out): top1_on_answerable 0.906, abstain_recall 0.838, answer_precision 0.901.
export const decisionModel = {
  weights: [
    0.295517, 0.460716, 0.213549, 0.33225, -0.308363, -0.12479, 0.057535, 0.417164, 0.222953, 0.149281, 0.245225,
    -0.69934, -0.280769,
  ],
  bias: 1.812018,
  means: [
    4.541608, 0.735861, 0.624289, 0.440968, 0.079436, 0.391907, 0.204946, 1.828424, 4.755927, 2.981101, 0.449064,
    1.712693, 0.175035,
  ],
  scales: [
    1.102363, 0.245266, 0.247406, 0.234273, 0.144697, 0.21352, 0.142678, 0.338057, 0.810743, 0.974093, 0.377579,
    3.254395, 0.456677,
  ],
  threshold: 0.53,
};
