// `npx tsx bench/train-faq-rerank.ts [--dry-run]`: fits the reranker of the FAQ's five best entries
// (src/faq/rerank.ts). Every question of the own labelled sets (test/faq/fixtures, test/fixtures/used-sets)
// is ranked by BM25 alone; each of its candidates is a row, labelled 1 when it is the entry that answers.
// Gradient-boosted trees are cross-validated leaving one set out: how often the right entry comes first
// on the answerable questions, in BM25's order and reordered, and how many questions each way. The model
// fitted on all sets is written to src/faq/rerank-model.ts. Run bench/train-faq-decision.ts after it:
// the decision is fitted on the reordered lists.
import { fileURLToPath } from "node:url";
import { type BoostOptions, boostedProbability, fitBoostedTrees } from "../src/faq/boosted-trees.js";
import { createFaqIndex } from "../src/faq/faq-index.js";
import { loadKb } from "../src/faq/load-kb.js";
import { describeCandidate, rerankFeatureNames } from "../src/faq/rerank.js";
import { readLabelledQuestions } from "../src/faq/score-answers.js";
import { fixtureKbPath, questionSetFiles, questionSetName } from "./question-sets.js";
import { writeTreesModule } from "./write-trees.js";

const modelPath = fileURLToPath(new URL("../src/faq/rerank-model.ts", import.meta.url));
const config: BoostOptions = { rounds: 150, learningRate: 0.05, maxLeaves: 15, minLeaf: 20, l2: 1 };

const index = createFaqIndex(loadKb(fixtureKbPath).entries, { rerank: null });
interface Question {
  set: string;
  faq: string | null;
  ids: string[];
  features: number[][];
}
const questions: Question[] = [];
for (const file of questionSetFiles()) {
  const set = questionSetName(file);
  for (const { text, faq } of readLabelledQuestions(file)) {
    const ranked = index.explain(text);
    questions.push({
      set,
      faq,
      ids: ranked.map((c) => c.id),
      features: ranked.map((_, i) => describeCandidate(ranked, i)),
    });
  }
}
const sets = [...new Set(questions.map((q) => q.set))].sort();
const fit = (train: Question[]) =>
  fitBoostedTrees(
    train.flatMap((q) => q.features),
    train.flatMap((q) => q.ids.map((id) => (id === q.faq ? 1 : 0) as 0 | 1)),
    config,
  );
const first = (q: Question, p: number[]) => q.ids[p.reduce((best, x, i) => (x > p[best]! ? i : best), 0)];

let before = 0;
let after = 0;
let gained = 0;
let lost = 0;
const answerable = questions.filter((q) => q.faq !== null && q.ids.length > 0);
for (const held of sets) {
  const model = fit(questions.filter((q) => q.set !== held));
  for (const q of answerable.filter((x) => x.set === held)) {
    const wasRight = q.ids[0] === q.faq;
    const isRight =
      first(
        q,
        q.features.map((f) => boostedProbability(model, f)),
      ) === q.faq;
    before += wasRight ? 1 : 0;
    after += isRight ? 1 : 0;
    gained += isRight && !wasRight ? 1 : 0;
    lost += wasRight && !isRight ? 1 : 0;
  }
}
const n = questions.filter((q) => q.faq !== null).length;
const f = (x: number) => (x / n).toFixed(4);
console.log(`${questions.length} questions (${n} answerable) in ${sets.length} sets`);
console.log(
  `right entry first, cross-validated: BM25 ${f(before)}, reordered ${f(after)} (${gained} gained, ${lost} lost)`,
);

if (!process.argv.includes("--dry-run")) {
  writeTreesModule(
    modelPath,
    [
      `Written by bench/train-faq-rerank.ts from the own labelled sets (${questions.length} questions); do not edit by hand.`,
      `Features, in order: ${rerankFeatureNames.join(", ")}.`,
      `${config.rounds} trees of ${config.maxLeaves} leaves, rate ${config.learningRate}: the five best entries are ordered by sigmoid(base + Σ leaf values).`,
      `Cross-validated (leave one set out): right entry first ${f(before)} in BM25's order, ${f(after)} reordered.`,
    ],
    "rerankModel",
    fit(questions),
    {},
  );
  console.log(`wrote ${modelPath}`);
}
