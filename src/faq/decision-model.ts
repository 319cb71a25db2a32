// Written by bench/train-faq-decision.ts from the own labelled sets (755 questions); do not edit by hand.
// Features, in order: logRaw, margin, coverage, about, foreign, rivalCoverage, rivalAbout, logWords, candidates, strengthPerWord, together.
// p = sigmoid(bias + Σ weights[i] · (x[i] − means[i]) / scales[i]); answer when p ≥ threshold.
// Cross-validated (leave one set out): top1_on_answerable 0.936, abstain_recall 0.884, answer_precision 0.945.
export const decisionModel = {
  weights: [
    0.795789, 0.52903, 0.416282, 0.361082, -0.767126, -0.280092, -0.156626, 0.356521, 0.263214, 0.768076, 0.202787,
  ],
  bias: 2.635629,
  means: [4.256516, 0.700962, 0.614704, 0.446927, 0.095247, 0.389928, 0.209841, 1.801146, 4.674293, 2.761431, 0.409443],
  scales: [1.234529, 0.263087, 0.254925, 0.249033, 0.165383, 0.220068, 0.149912, 0.340381, 0.940475, 1.07513, 0.370151],
  threshold: 0.54,
};
