// `npx tsx bench/faq-sets.ts [FILE.jsonl...] [--verbose]`: the three figures of every own labelled set
// (test/faq/fixtures/*.jsonl) and of any other set named, in one process (same figures as
// `npm run score:ask`, without a process per set). --verbose lists the own sets' mistakes.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createFaqIndex } from "../src/faq/faq-index.js";
import { loadKb } from "../src/faq/load-kb.js";
import { readLabelledQuestions, scoreAnswers } from "../src/faq/score-answers.js";
import { useCommunityWords } from "../src/words/active-words.js";

const fixtureKb = fileURLToPath(new URL("../test/fixtures/kb", import.meta.url));
const setsDir = fileURLToPath(new URL("../test/faq/fixtures/", import.meta.url));
const { entries, words } = loadKb(fixtureKb);
useCommunityWords(words);
const index = createFaqIndex(entries);
const now = new Date("2026-11-27T02:00:00Z");
const verbose = process.argv.includes("--verbose");
const own = readdirSync(setsDir)
  .filter((f) => f.endsWith(".jsonl"))
  .sort()
  .map((f) => setsDir + f);
const others = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const f = (x: number) => x.toFixed(3);
const all: { expected: string | null; got: string | null }[] = [];
for (const path of [...own, ...others]) {
  const isOwn = own.includes(path);
  const items = readLabelledQuestions(path).map(({ id, text, faq }) => {
    const got = index.answer(text, now).entry?.id ?? null;
    if (verbose && isOwn && got !== faq) console.log(`    ${id}: ${got} != ${faq}  | ${text}`);
    return { expected: faq, got };
  });
  if (isOwn) all.push(...items);
  const s = scoreAnswers(items);
  const name = path
    .split("/")
    .pop()!
    .replace(/-questions\.jsonl$/, "");
  console.log(
    `${name.padEnd(20)} n=${String(s.n).padStart(3)}  top1 ${f(s.top1)}  abstain ${f(s.abstainRecall)}  precision ${f(s.precision)}`,
  );
}
const s = scoreAnswers(all);
console.log(
  `${"own sets".padEnd(20)} n=${String(s.n).padStart(3)}  top1 ${f(s.top1)}  abstain ${f(s.abstainRecall)}  precision ${f(s.precision)}`,
);
