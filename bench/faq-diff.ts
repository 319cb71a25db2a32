// `npx tsx bench/faq-diff.ts [FILE.jsonl...] [--save]`: every labelled question set (the own sets in
// test/faq/fixtures, the used held-out sets, and any file named) through the index in one process; prints
// the pooled figures, and each question whose outcome changed since the last `--save` (+ now right,
// - now wrong, ~ wrong either way), with the count gained and lost. Run with --save before a change to
// the FAQ code, then without it after, to see what the change catches and what it costs.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFaqIndex } from "../src/faq/faq-index.js";
import { loadKb } from "../src/faq/load-kb.js";
import { readLabelledQuestions, scoreAnswers } from "../src/faq/score-answers.js";
import { useCommunityWords } from "../src/words/active-words.js";
import { fixtureKbPath, questionSetFiles } from "./question-sets.js";

const { entries, words } = loadKb(fixtureKbPath);
useCommunityWords(words);
const index = createFaqIndex(entries);
const now = new Date("2026-11-27T02:00:00Z");
const files = questionSetFiles();
files.push(...process.argv.slice(2).filter((a) => a.endsWith(".jsonl")));

type Outcome = { got: string | null; expected: string | null; text: string };
const outcomes: Record<string, Outcome> = {};
const all: { expected: string | null; got: string | null }[] = [];
for (const path of files) {
  const name = path.split("/").pop()!;
  for (const q of readLabelledQuestions(path)) {
    const got = index.answer(q.text, now).entry?.id ?? null;
    outcomes[`${name}:${q.id}`] = { got, expected: q.faq, text: q.text };
    all.push({ expected: q.faq, got });
  }
}
const s = scoreAnswers(all);
console.log(
  `all n=${s.n} top1 ${s.top1.toFixed(4)} abstain ${s.abstainRecall.toFixed(4)} precision ${s.precision.toFixed(4)}`,
);
const baseline = join(tmpdir(), "linli-faq-diff-baseline.json");
if (process.argv.includes("--save") || !existsSync(baseline)) {
  writeFileSync(baseline, JSON.stringify(outcomes));
  console.log(`saved as the baseline (${baseline})`);
} else {
  const before: Record<string, Outcome> = JSON.parse(readFileSync(baseline, "utf8"));
  let gained = 0;
  let lost = 0;
  for (const [key, now] of Object.entries(outcomes)) {
    const was = before[key]?.got ?? null;
    if (!(key in before) || was === now.got) continue;
    const right = now.got === now.expected;
    const wasRight = was === now.expected;
    if (right) gained++;
    if (wasRight) lost++;
    console.log(
      `${right ? "+" : wasRight ? "-" : "~"} ${key} ${was} -> ${now.got} (expected ${now.expected}) | ${now.text}`,
    );
  }
  console.log(`gained ${gained}, lost ${lost}`);
}
