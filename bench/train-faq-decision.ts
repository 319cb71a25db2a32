// `npx tsx bench/train-faq-decision.ts [--dry-run]`: fits the FAQ answer-or-abstain decision.
// Every question of the team's own labelled sets (test/faq/fixtures/*.jsonl and the used held-out sets in
// test/fixtures/used-sets, never the shared development set)
// goes through the index; the features of the top-ranked entry (decide-answer.ts) are labelled
// 1 when the question is answerable and that entry is right. A logistic regression (standardised
// features, L2, plain gradient descent) is cross-validated leaving one set out at a time; the L2 strength
// and the probability threshold are chosen on the out-of-fold predictions to answer the most questions
// right while keeping answer precision ≥ 0.90 and abstain recall ≥ 0.80 (--precision, --abstain). The model fitted on all sets
// is written to src/faq/decision-model.ts.
import { type AnswerScores, readLabelledQuestions, scoreAnswers } from "../src/faq/score-answers.js";
import { execFileSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decisionFeatureNames, describeDecision } from "../src/faq/decide-answer.js";
import { createFaqIndex } from "../src/faq/faq-index.js";
import { loadKb } from "../src/faq/load-kb.js";
import { asksPrivateDetails } from "../src/faq/private-details.js";

const fixtureKb = fileURLToPath(new URL("../test/fixtures/kb", import.meta.url));
const setsDir = fileURLToPath(new URL("../test/faq/fixtures/", import.meta.url));
const modelPath = fileURLToPath(new URL("../src/faq/decision-model.ts", import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
// Floors over all own sets pooled: abstain recall at the target (0.80), precision 0.90. Two of the sets
// (near-miss, near-miss-2: 307 questions, most a person should answer) are written to be hard, and pooled
// with them the earlier floors (0.93, 0.88) could only be met by handing over one answerable question in
// seven. Stricter floors (--precision 0.92 --abstain 0.84, threshold about 0.62) meet all three targets
// in cross-validation (0.908, 0.853, 0.922) but answer fewer everyday questions. With the sets written apart
// (apart-3, apart-4, sealed-2: 620 questions, 258 for a person) pooled in, 0.92 costs a top-1 of 0.83; the
// default floors keep it at 0.906 (threshold 0.53). Questions the gates after the decision hand over
// (asked-value.ts, asked-scope.ts) are not the model's to answer, as private ones are not.
const floors = { precision: arg("--precision", 0.9), abstainRecall: arg("--abstain", 0.8) };
const l2Grid = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
const thresholds = Array.from({ length: 91 }, (_, i) => 0.05 + i * 0.01);

interface Row {
  set: string;
  /** The gold entry, or null when a person should answer. */
  faq: string | null;
  /** The entry that would answer, or null when nothing matched at all (always abstains). */
  picked: string | null;
  features: number[];
  label: 0 | 1;
}

// The own sets are written for the fixture KB; the demo KB (demo/kb) has no labelled questions yet.
const index = createFaqIndex(loadKb(fixtureKb).entries);
const rows: Row[] = [];
// `--also DIR`: sets from another folder as well (new sets, before they join the own ones).
const alsoArg = process.argv.indexOf("--also");
// Sets once held out and since used (test/fixtures/used-sets) are development sets like the own ones.
const usedDir = fileURLToPath(new URL("../test/fixtures/used-sets/", import.meta.url));
const setDirs = [setsDir, usedDir, ...(alsoArg >= 0 ? [`${process.argv[alsoArg + 1]}/`] : [])];
const setFiles = setDirs
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith("-questions.jsonl"))
      .map((f) => dir + f),
  )
  .sort();
for (const path of setFiles) {
  const set = path
    .split("/")
    .pop()!
    .replace(/-questions\.jsonl$/, "");
  for (const { text, faq } of readLabelledQuestions(path)) {
    const ranked = index.explain(text);
    // Questions about a person's private details always go to a person (faq-index.ts), whatever the model says.
    // Nor are questions whose best entry never states the thing asked (uncovered-words.ts).
    if (
      !ranked[0] ||
      ranked[0].raw <= 0 ||
      asksPrivateDetails(text) ||
      index.unanswered(text, ranked[0].id).length > 0 ||
      index.leavesUnsaid(text, ranked[0].id)
    ) {
      rows.push({ set, faq, picked: null, features: [], label: 0 });
      continue;
    }
    const features = describeDecision(ranked);
    const picked = ranked[0]!.id;
    const label = faq !== null && picked === faq ? 1 : 0;
    rows.push({ set, faq, picked, features, label });
  }
}
const sets = [...new Set(rows.map((r) => r.set))];
// `--drop a,b`: leave features out (held at zero) to see what each adds in cross-validation.
const dropArg = process.argv.indexOf("--drop");
const dropped = dropArg >= 0 ? (process.argv[dropArg + 1] ?? "").split(",") : [];
for (const name of dropped) {
  const j = decisionFeatureNames.indexOf(name as (typeof decisionFeatureNames)[number]);
  if (j < 0) throw new Error(`unknown feature ${name}`);
  for (const row of rows) if (row.features.length > 0) row.features[j] = 0;
}
const trainable = (r: Row) => r.picked !== null;

interface Model {
  weights: number[];
  bias: number;
  means: number[];
  scales: number[];
}

function fitModel(train: Row[], l2: number): Model {
  const data = train.filter(trainable);
  const width = decisionFeatureNames.length;
  const means = Array.from({ length: width }, (_, j) => mean(data.map((r) => r.features[j]!)));
  const scales = Array.from({ length: width }, (_, j) => {
    const sd = Math.sqrt(mean(data.map((r) => (r.features[j]! - means[j]!) ** 2)));
    return sd > 1e-9 ? sd : 1;
  });
  const xs = data.map((r) => r.features.map((v, j) => (v - means[j]!) / scales[j]!));
  const weights = new Array<number>(width).fill(0);
  let bias = 0;
  const rate = 0.5;
  for (let step = 0; step < 4000; step++) {
    const grad = new Array<number>(width).fill(0);
    let gradBias = 0;
    xs.forEach((x, i) => {
      const error = sigmoid(bias + dot(weights, x)) - data[i]!.label;
      for (let j = 0; j < width; j++) grad[j]! += error * x[j]!;
      gradBias += error;
    });
    for (let j = 0; j < width; j++) weights[j]! -= rate * (grad[j]! / xs.length + l2 * weights[j]!);
    bias -= rate * (gradBias / xs.length);
  }
  return { weights, bias, means, scales };
}

function predict(model: Model, row: Row): number {
  if (!trainable(row)) return 0;
  const x = row.features.map((v, j) => (v - model.means[j]!) / model.scales[j]!);
  // Rounded as decideAnswer rounds it, so that the threshold means the same here and there.
  return Math.round(sigmoid(model.bias + dot(model.weights, x)) * 1000) / 1000;
}

type Scores = AnswerScores;

function score(items: { row: Row; answers: boolean }[]): Scores {
  return scoreAnswers(items.map(({ row, answers }) => ({ expected: row.faq, got: answers ? row.picked : null })));
}

const meets = (s: Scores) => s.precision >= floors.precision && s.abstainRecall >= floors.abstainRecall;

function crossValidate(l2: number): number[] {
  const p = new Array<number>(rows.length).fill(0);
  for (const held of sets) {
    const model = fitModel(
      rows.filter((r) => r.set !== held),
      l2,
    );
    rows.forEach((r, i) => {
      if (r.set === held) p[i] = predict(model, r);
    });
  }
  return p;
}

function format(s: Scores): string {
  const f = (x: number) => x.toFixed(3);
  return `n=${String(s.n).padStart(3)}  top1_on_answerable ${f(s.top1)}  abstain_recall ${f(s.abstainRecall)}  answer_precision ${f(s.precision)}`;
}

function report(title: string, answers: (row: Row, i: number) => boolean): void {
  console.log(title);
  for (const set of sets) {
    const items = rows.map((row, i) => ({ row, answers: answers(row, i) })).filter((x) => x.row.set === set);
    console.log(`  ${set.padEnd(14)} ${format(score(items))}`);
  }
  console.log(`  ${"all".padEnd(14)} ${format(score(rows.map((row, i) => ({ row, answers: answers(row, i) }))))}`);
}

const answerable = rows.filter((r) => r.faq !== null);
console.log(
  `${rows.length} questions (${answerable.length} answerable) in ${sets.length} own sets; ` +
    `the top-ranked entry is right for ${answerable.filter((r) => r.label === 1).length} answerable ones`,
);

// L2 is chosen by the out-of-fold log-loss (smooth, so less at the mercy of one question than a count);
// then the threshold on its out-of-fold probabilities: most answered right within the floors, and on a
// tie the middle of the tied run, so that a small shift on new questions keeps the figures.
let chosen: { l2: number; threshold: number; cv: Scores; p: number[]; loss: number } | undefined;
for (const l2 of l2Grid) {
  const p = crossValidate(l2);
  const results = thresholds.map((t) => ({ t, s: score(rows.map((row, i) => ({ row, answers: p[i]! >= t }))) }));
  const feasible = results.filter((x) => meets(x.s));
  if (feasible.length === 0) {
    console.log(`l2=${l2}: no threshold meets the floors`);
    continue;
  }
  const top = Math.max(...feasible.map((x) => x.s.top1));
  const tied = feasible.filter((x) => x.s.top1 === top);
  const middle = tied[Math.floor((tied.length - 1) / 2)]!;
  const loss = logLoss(p);
  console.log(
    `l2=${l2}: log-loss ${loss.toFixed(4)}; best threshold ${middle.t.toFixed(2)} (tied ${tied[0]!.t.toFixed(2)}–${tied.at(-1)!.t.toFixed(2)}) ${format(middle.s)}`,
  );
  if (!chosen || loss < chosen.loss) chosen = { l2, threshold: middle.t, cv: middle.s, p, loss };
}
if (!chosen) throw new Error("no L2 and threshold meet the floors in cross-validation");
const { l2, threshold, p: cvP } = chosen;
if (process.argv.includes("--curve")) {
  for (const t of thresholds.filter((x) => x >= 0.3 && x <= 0.75)) {
    console.log(`  threshold ${t.toFixed(2)} ${format(score(rows.map((row, i) => ({ row, answers: cvP[i]! >= t }))))}`);
  }
}
console.log(`chosen l2=${l2} threshold=${threshold.toFixed(2)}`);
report("cross-validated (leave one set out):", (_, i) => cvP[i]! >= threshold);

const model = fitModel(rows, l2);
report("in-sample (fitted on all own sets):", (r) => predict(model, r) >= threshold);
console.log("standardised coefficients (log-odds per standard deviation):");
decisionFeatureNames.forEach((name, j) => {
  console.log(`  ${name.padEnd(14)} ${model.weights[j]!.toFixed(3).padStart(7)}`);
});
console.log(`  ${"bias".padEnd(14)} ${model.bias.toFixed(3).padStart(7)}`);

if (!process.argv.includes("--dry-run") && dropped.length === 0) {
  const r = (xs: number[]) => `[${xs.map((x) => Number(x.toFixed(6))).join(", ")}]`;
  writeFileSync(
    modelPath,
    `// Written by bench/train-faq-decision.ts from the own labelled sets (${rows.length} questions); do not edit by hand.
// Features, in order: ${decisionFeatureNames.join(", ")}.
// p = sigmoid(bias + Σ weights[i] · (x[i] − means[i]) / scales[i]); answer when p ≥ threshold.
// Cross-validated (leave one set out): top1_on_answerable ${chosen.cv.top1.toFixed(3)}, abstain_recall ${chosen.cv.abstainRecall.toFixed(3)}, answer_precision ${chosen.cv.precision.toFixed(3)}.
export const decisionModel = {
  weights: ${r(model.weights)},
  bias: ${Number(model.bias.toFixed(6))},
  means: ${r(model.means)},
  scales: ${r(model.scales)},
  threshold: ${Number(threshold.toFixed(2))},
};
`,
  );
  // In the house format, so that `npm test` (which lints) passes on a freshly written model.
  execFileSync(
    fileURLToPath(new URL("../node_modules/.bin/biome", import.meta.url)),
    ["format", "--write", modelPath],
    {
      stdio: "ignore",
    },
  );
  console.log(`wrote ${modelPath}`);
}

/** Mean log-loss of out-of-fold probabilities over the questions that reach the model. */
function logLoss(p: number[]): number {
  let sum = 0;
  let n = 0;
  rows.forEach((r, i) => {
    if (!trainable(r)) return;
    const q = Math.min(1 - 1e-9, Math.max(1e-9, p[i]!));
    sum -= r.label === 1 ? Math.log(q) : Math.log(1 - q);
    n++;
  });
  return sum / n;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function mean(xs: number[]): number {
  return xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
