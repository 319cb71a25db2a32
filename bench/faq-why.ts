// `npx tsx bench/faq-why.ts FILE.jsonl... [--all]`: for each labelled question the index gets wrong (or
// every one with --all), why: the entry it answered or the reason it handed over (a gate, or a score
// below the threshold), with the top candidates. For tuning on development sets only.
import { fileURLToPath } from "node:url";
import { createFaqIndex } from "../src/faq/faq-index.js";
import { loadKb } from "../src/faq/load-kb.js";
import { readLabelledQuestions } from "../src/faq/score-answers.js";
import { useCommunityWords } from "../src/words/active-words.js";

const fixtureKb = fileURLToPath(new URL("../test/fixtures/kb", import.meta.url));
const { entries, words } = loadKb(fixtureKb);
useCommunityWords(words);
const index = createFaqIndex(entries);
const now = new Date("2026-11-27T02:00:00Z");
const all = process.argv.includes("--all");
for (const path of process.argv.slice(2).filter((a) => a.endsWith(".jsonl"))) {
  for (const q of readLabelledQuestions(path)) {
    const a = index.answer(q.text, now);
    const got = a.entry?.id ?? null;
    if (!all && got === q.faq) continue;
    const why = a.entry
      ? "answered"
      : a.handover
        ? `${a.handover}${a.fence ? `:${a.fence}` : ""}`
        : a.uncovered
          ? `uncovered:${a.uncovered.join(",")}`
          : a.unstated
            ? `unstated:${a.unstated}`
            : a.deferred
              ? `deferred:${a.deferred}`
              : a.elsewhere
                ? `elsewhere:${a.elsewhere}`
                : "low";
    const top = a.candidates
      .slice(0, 3)
      .map((c) => c.id)
      .join(",");
    console.log(`${q.id}\t${got ?? "-"}\t${q.faq ?? "-"}\t${a.score.toFixed(2)}\t${why}\t[${top}]\t${q.text}`);
  }
}
