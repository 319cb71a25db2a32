// `npx tsx bench/faq-ranking-report.ts FILE.jsonl... [--verbose]`: where the FAQ answers go wrong, by stage.
// For each answerable question: is the right entry ranked first, in the top five, or missing; and for the
// ones ranked first, did the decision answer. Off-topic questions: answered or not.
import { readLabelledQuestions } from "../src/faq/score-answers.js";
import { fileURLToPath } from "node:url";
import { decideAnswer } from "../src/faq/decide-answer.js";
import { createFaqIndex } from "../src/faq/faq-index.js";
import { loadKb } from "../src/faq/load-kb.js";

const fixtureKb = process.env.LINLI_FIXTURE_KB ?? fileURLToPath(new URL("../test/fixtures/kb", import.meta.url));
const index = createFaqIndex(loadKb(fixtureKb).entries);
const verbose = process.argv.includes("--verbose");
const now = new Date("2026-11-25T02:00:00Z");
for (const file of process.argv.slice(2).filter((a) => !a.startsWith("--"))) {
  const counts = {
    answerable: 0,
    first: 0,
    top5: 0,
    missing: 0,
    right: 0,
    offTopic: 0,
    offAnswered: 0,
  };
  for (const { id, text, faq } of readLabelledQuestions(file)) {
    const ranked = index.explain(text);
    const decision = decideAnswer(ranked);
    const answered = index.answer(text, now).entry?.id ?? null;
    if (faq === null) {
      counts.offTopic++;
      if (answered) counts.offAnswered++;
      if (verbose && answered) console.log(`  off-topic answered ${id} → ${answered}  ${text}`);
      continue;
    }
    counts.answerable++;
    const at = ranked.findIndex((c) => c.id === faq);
    if (at === 0) counts.first++;
    else if (at > 0) counts.top5++;
    else counts.missing++;

    if (answered === faq) counts.right++;
    if (verbose && answered !== faq)
      console.log(
        `  ${id} gold ${faq} at ${at} → ${answered ?? "null"} (top ${ranked
          .slice(0, 3)
          .map((c) => `${c.id}:${c.raw.toFixed(1)}`)
          .join(" ")} p=${decision.score})  ${text}`,
      );
  }
  const f = (n: number, d: number) => (d ? (n / d).toFixed(3) : "-");
  console.log(
    `${file.split("/").pop()}: answerable ${counts.answerable}: first ${f(counts.first, counts.answerable)}, in top5 not first ${counts.top5}, missing ${counts.missing}; answered right ${f(counts.right, counts.answerable)}; off-topic ${counts.offTopic}, answered ${counts.offAnswered}`,
  );
}
