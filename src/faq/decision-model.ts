// Written by bench/train-faq-decision.ts from the own labelled sets (675 questions); do not edit by hand.
// Features, in order: logRaw, margin, coverage, about, foreign, rivalCoverage, rivalAbout, logWords, candidates, strengthPerWord, together.
// p = sigmoid(bias + Σ weights[i] · (x[i] − means[i]) / scales[i]); answer when p ≥ threshold.
// Cross-validated (leave one set out): top1_on_answerable 0.945, abstain_recall 0.863, answer_precision 0.943.
export const decisionModel = {
  weights: [0.842888, 0.581673, 0.366386, 0.348, -0.795145, -0.309537, -0.124926, 0.412573, 0.260772, 0.803872, 0.286057],
  bias: 2.777301,
  means: [4.247688, 0.700572, 0.618255, 0.451832, 0.09409, 0.395483, 0.212049, 1.792818, 4.662142, 2.763764, 0.405746],
  scales: [1.237803, 0.261037, 0.256919, 0.252884, 0.163904, 0.224063, 0.15353, 0.350544, 0.959449, 1.080065, 0.369446],
  threshold: 0.49,
};
