// `npx tsx bench/train-faq-decision.ts [--dry-run]`: fits the FAQ answer-or-abstain decision.
// Every question of the team's own labelled sets (test/faq/fixtures/*.jsonl and the used held-out sets in
// test/fixtures/used-sets, never the shared development set)
// goes through the index; the features of the top-ranked entry (decide-answer.ts) are labelled
// 1 when the question is answerable and that entry is right. Gradient-boosted trees (src/faq/boosted-trees.ts)
// are cross-validated leaving one set out at a time, for a few sizes of model; the one with the lowest
// out-of-fold log-loss is kept, and the probability threshold chosen on its out-of-fold predictions (below).
// The model fitted on all sets
// is written to src/faq/decision-model.ts.
import { type AnswerScores, readLabelledQuestions, scoreAnswers } from "../src/faq/score-answers.js";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decisionFeatureNames, describeDecision } from "../src/faq/decide-answer.js";
import { createFaqIndex } from "../src/faq/faq-index.js";
import { loadKb } from "../src/faq/load-kb.js";
import { asksPrivateDetails } from "../src/faq/private-details.js";
import { fixtureKbPath, questionSetFiles, questionSetName } from "./question-sets.js";
import { writeTreesModule } from "./write-trees.js";
import { type BoostedTrees, type BoostOptions, boostedProbability, fitBoostedTrees } from "../src/faq/boosted-trees.js";

const modelPath = fileURLToPath(new URL("../src/faq/decision-model.ts", import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
// The floors are the targets: answer precision ≥ 0.92 and abstain recall ≥ 0.80 (--precision,
// --abstain). The own sets are written to be hard: over a third of their questions are for a person, most of
// those near misses, where residents' questions (the shared development set: 79 of 95) and the sets written
// in that mix (apart-6) have about one in five. Precision depends on that mix, so it is taken at the mix
// residents send (--share, the share of answerable questions): each pooled figure is weighted so that
// answerable questions make that share. Top-1 and abstain recall do not depend on the mix.
const floors = { top1: arg("--top1", 0.9), precision: arg("--precision", 0.92), abstainRecall: arg("--abstain", 0.8) };
const answerableShare = arg("--share", 0.78);
const thresholds = Array.from({ length: 91 }, (_, i) => 0.05 + i * 0.01);

interface Row {
  set: string;
  text: string;
  /** The gold entry, or null when a person should answer. */
  faq: string | null;
  /** The entry that would answer, or null when nothing matched at all (always abstains). */
  picked: string | null;
  features: number[];
  label: 0 | 1;
}

// The own sets are written for the fixture KB; the demo KB (demo/kb) has no labelled questions yet.
const index = createFaqIndex(loadKb(fixtureKbPath).entries);
const rows: Row[] = [];
// `--also DIR`: sets from another folder as well (new sets, before they join the own ones).
const alsoArg = process.argv.indexOf("--also");
// Sets once held out and since used (test/fixtures/used-sets) are development sets like the own ones.
for (const path of questionSetFiles(alsoArg >= 0 ? [process.argv[alsoArg + 1]!] : [])) {
  const set = questionSetName(path);
  for (const { text, faq } of readLabelledQuestions(path)) {
    const ranked = index.explain(text);
    // Questions about a person's private details always go to a person (faq-index.ts), whatever the model says.
    // Nor are questions whose best entry, right in topic, never states the value asked (asked-value.ts) or is
    // about another place (asked-scope.ts). The asked-for words it never states (uncovered-words.ts) are features.
    if (!ranked[0] || ranked[0].raw <= 0 || asksPrivateDetails(text) || index.leavesUnsaid(text, ranked[0].id)) {
      rows.push({ set, text, faq, picked: null, features: [], label: 0 });
      continue;
    }
    const features = describeDecision(ranked);
    const picked = ranked[0]!.id;
    const label = faq !== null && picked === faq ? 1 : 0;
    rows.push({ set, text, faq, picked, features, label });
  }
}
const sets = [...new Set(rows.map((r) => r.set))];
// `--dump FILE`: the rows as JSON (set, gold, picked, features, label), for trying other learners.
const dumpArg = process.argv.indexOf("--dump");
if (dumpArg >= 0) writeFileSync(process.argv[dumpArg + 1]!, JSON.stringify({ names: decisionFeatureNames, rows }));
// `--drop a,b`: leave features out (held at zero) to see what each adds in cross-validation.
const dropArg = process.argv.indexOf("--drop");
const dropped = dropArg >= 0 ? (process.argv[dropArg + 1] ?? "").split(",") : [];
for (const name of dropped) {
  const j = decisionFeatureNames.indexOf(name as (typeof decisionFeatureNames)[number]);
  if (j < 0) throw new Error(`unknown feature ${name}`);
  for (const row of rows) if (row.features.length > 0) row.features[j] = 0;
}
const trainable = (r: Row) => r.picked !== null;

/** Tried in cross-validation; the one with the lowest out-of-fold log-loss is fitted on every set. */
const configs: BoostOptions[] = [
  { rounds: 150, learningRate: 0.1, maxLeaves: 8, minLeaf: 30, l2: 1 },
  { rounds: 100, learningRate: 0.1, maxLeaves: 15, minLeaf: 30, l2: 1 },
  { rounds: 200, learningRate: 0.05, maxLeaves: 15, minLeaf: 20, l2: 1 },
];

function fitModel(train: Row[], config: BoostOptions): BoostedTrees {
  const data = train.filter(trainable);
  return fitBoostedTrees(
    data.map((r) => r.features),
    data.map((r) => r.label),
    config,
  );
}

function predict(model: BoostedTrees, row: Row): number {
  if (!trainable(row)) return 0;
  // Rounded as decideAnswer rounds it, so that the threshold means the same here and there.
  return Math.round(boostedProbability(model, row.features) * 1000) / 1000;
}

/** The scorer's figures, and the share of answerable questions answered with a wrong entry. */
type Scores = AnswerScores & { wrongEntry: number };

function score(items: { row: Row; answers: boolean }[]): Scores {
  const answered = items.map(({ row, answers }) => ({ expected: row.faq, got: answers ? row.picked : null }));
  const answerable = answered.filter((x) => x.expected !== null);
  const wrong = answerable.filter((x) => x.got !== null && x.got !== x.expected).length;
  return { ...scoreAnswers(answered), wrongEntry: wrong / (answerable.length || 1) };
}

/**
 * How far the figures clear the targets, by the one that clears least (negative when one is missed). The
 * threshold is chosen to make this largest, not to answer the most within the floors: that one always sits
 * on a floor's edge, and new questions fall either side of it.
 */
const margin = (s: Scores) =>
  Math.min(s.top1 - floors.top1, precisionAtShare(s) - floors.precision, s.abstainRecall - floors.abstainRecall);

/** Answer precision had answerable questions made `answerableShare` of the set. */
function precisionAtShare(s: Scores & { wrongEntry?: number }): number {
  const right = answerableShare * s.top1;
  const wrong = answerableShare * (s.wrongEntry ?? 0) + (1 - answerableShare) * (1 - s.abstainRecall);
  return right / (right + wrong || 1);
}

function crossValidate(config: BoostOptions): number[] {
  const p = new Array<number>(rows.length).fill(0);
  for (const held of sets) {
    const model = fitModel(
      rows.filter((r) => r.set !== held),
      config,
    );
    rows.forEach((r, i) => {
      if (r.set === held) p[i] = predict(model, r);
    });
  }
  return p;
}

function format(s: Scores): string {
  const f = (x: number) => x.toFixed(3);
  return `n=${String(s.n).padStart(4)}  top1_on_answerable ${f(s.top1)}  abstain_recall ${f(s.abstainRecall)}  answer_precision ${f(s.precision)} (${f(precisionAtShare(s))} at ${answerableShare} answerable)`;
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

// The configuration is chosen by the out-of-fold log-loss (smooth, so less at the mercy of one question than
// a count); then the threshold on its out-of-fold probabilities, clearing the three targets by the widest
// margin (margin above), on a tie the middle of the tied run.
const describe = (c: BoostOptions) => `${c.rounds} trees of ${c.maxLeaves} leaves, rate ${c.learningRate}`;
let chosen: { config: BoostOptions; threshold: number; cv: Scores; p: number[]; loss: number } | undefined;
for (const config of configs) {
  const p = crossValidate(config);
  const results = thresholds.map((t) => ({ t, s: score(rows.map((row, i) => ({ row, answers: p[i]! >= t }))) }));
  const best = Math.max(...results.map((x) => round4(margin(x.s))));
  const tied = results.filter((x) => round4(margin(x.s)) === best);
  const middle = tied[Math.floor((tied.length - 1) / 2)]!;
  const loss = logLoss(p);
  console.log(
    `${describe(config)}: log-loss ${loss.toFixed(4)}; best threshold ${middle.t.toFixed(2)} (margin ${best.toFixed(3)}) ${format(middle.s)}`,
  );
  if (!chosen || loss < chosen.loss) chosen = { config, threshold: middle.t, cv: middle.s, p, loss };
}
if (!chosen) throw new Error("no configuration was tried");
const { config, threshold, p: cvP } = chosen;
if (process.argv.includes("--curve")) {
  for (const t of thresholds.filter((x) => x >= 0.3 && x <= 0.75)) {
    console.log(`  threshold ${t.toFixed(2)} ${format(score(rows.map((row, i) => ({ row, answers: cvP[i]! >= t }))))}`);
  }
}
console.log(`chosen ${describe(config)}, threshold ${threshold.toFixed(2)}`);
report("cross-validated (leave one set out):", (_, i) => cvP[i]! >= threshold);

const model = fitModel(rows, config);
report("in-sample (fitted on all own sets):", (r) => predict(model, r) >= threshold);
// How often each feature is split on: a rough view of what the trees look at.
const splits = new Array<number>(decisionFeatureNames.length).fill(0);
for (const tree of model.trees) for (const f of tree.feature) if (f >= 0) splits[f]! += 1;
console.log("splits per feature:");
decisionFeatureNames.forEach((name, j) => console.log(`  ${name.padEnd(16)} ${String(splits[j]).padStart(5)}`));

if (!process.argv.includes("--dry-run") && dropped.length === 0) {
  writeTreesModule(
    modelPath,
    [
      `Written by bench/train-faq-decision.ts from the own labelled sets (${rows.length} questions); do not edit by hand.`,
      `Features, in order: ${decisionFeatureNames.join(", ")}.`,
      `Gradient-boosted trees (boosted-trees.ts), ${describe(config)}: p = sigmoid(base + Σ leaf values); answer when p ≥ threshold.`,
      `Cross-validated (leave one set out): top1_on_answerable ${chosen.cv.top1.toFixed(3)}, abstain_recall ${chosen.cv.abstainRecall.toFixed(3)}, answer_precision ${chosen.cv.precision.toFixed(3)}.`,
    ],
    "decisionModel",
    model,
    { width: decisionFeatureNames.length, threshold: Number(threshold.toFixed(2)) },
  );
  console.log(`wrote ${modelPath}`);
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
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
