// Written by bench/train-faq-decision.ts from the own labelled sets (675 questions); do not edit by hand.
// Features, in order: logRaw, margin, coverage, about, foreign, rivalCoverage, rivalAbout, logWords, candidates, strengthPerWord, together.
// p = sigmoid(bias + Σ weights[i] · (x[i] − means[i]) / scales[i]); answer when p ≥ threshold.
// Cross-validated (leave one set out): top1_on_answerable 0.943, abstain_recall 0.863, answer_precision 0.943.
export const decisionModel = {
  weights: [
    0.831368, 0.581611, 0.375923, 0.370547, -0.817568, -0.315398, -0.169164, 0.414079, 0.258475, 0.792565, 0.335896,
  ],
  bias: 2.782718,
  means: [4.251808, 0.699038, 0.619305, 0.453489, 0.091803, 0.39917, 0.21349, 1.792996, 4.66365, 2.767074, 0.405746],
  scales: [1.235709, 0.26095, 0.257324, 0.253465, 0.161333, 0.225635, 0.154113, 0.350011, 0.954464, 1.078441, 0.369446],
  threshold: 0.5,
};
