// `npm run score:ask -- QUESTIONS.jsonl --kb KB [--quiet] [--json]`: scores `linli ask` on a labelled
// set (one {id, text, faq} per line, faq null when a person should answer): accuracy, top-1 on the
// answerable questions, abstain recall on the others, and precision of the answers given.
import { printFigures, readLabelled, round4, runCli } from "./score-run-cli.js";

const args = process.argv.slice(2);
const kbAt = args.indexOf("--kb");
const kb = kbAt >= 0 ? args[kbAt + 1] : undefined;
const path = args.find((a, i) => !a.startsWith("--") && i !== kbAt + 1);
if (!path || !kb) {
  console.error("usage: npm run score:ask -- QUESTIONS.jsonl --kb KB_PATH [--quiet] [--json]");
  process.exit(2);
}
const gold = readLabelled(path);
const { byId, ms } = runCli(["ask", "--kb", kb], gold);

let missing = 0;
let right = 0;
let answered = 0;
let answerable = 0;
let answeredRight = 0;
let unanswerable = 0;
let abstainedRight = 0;
const mistakes: string[] = [];
for (const g of gold) {
  const p = byId.get(String(g.id));
  if (!p) {
    missing++;
    continue;
  }
  const expected = (g.faq as string | null) ?? null;
  const got = (p.faq as string | null | undefined) ?? null;
  if (got !== null) answered++;
  if (got === expected) right++;
  else mistakes.push(`${g.id}: ${got} != ${expected}  | ${g.text.slice(0, 50)}`);
  if (expected === null) {
    unanswerable++;
    if (got === null) abstainedRight++;
  } else {
    answerable++;
    if (got === expected) answeredRight++;
  }
}

printFigures(
  {
    n: gold.length,
    missing,
    accuracy: round4(right / gold.length),
    top1_on_answerable: round4(answeredRight / (answerable || 1)),
    abstain_recall: round4(abstainedRight / (unanswerable || 1)),
    answer_precision: round4(answeredRight / (answered || 1)),
    wall_ms: Math.round(ms),
  },
  mistakes,
  args,
);
