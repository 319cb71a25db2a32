// `linli ask --kb PATH [--now ISO]`: answers JSON Lines questions from stdin with the knowledge base (CLI-CONTRACT).
import { createFaqIndex, type FaqIndex } from "../faq/faq-index.js";
import { formatKbProblem } from "../words/kb-problem.js";
import { loadKb } from "../faq/load-kb.js";
import { useCommunityWords } from "../words/active-words.js";
import { answerJsonLines } from "./json-lines.js";

const usage = "用法: linli ask --kb 知识库路径 [--now 2026-11-27T20:00:00+08:00]";

export async function run(args: string[]): Promise<number> {
  const options = readOptions(args);
  if (typeof options === "string") {
    process.stderr.write(`${options}\n${usage}\n`);
    return 2;
  }
  const { entries, problems, words } = loadKb(options.kb);
  if (problems.length > 0) {
    process.stderr.write(
      `知识库有 ${problems.length} 处问题,未开始回答:\n${problems.map(formatKbProblem).join("\n")}\n`,
    );
    return 2;
  }
  useCommunityWords(words);
  const index = createFaqIndex(entries);
  return answerJsonLines((line) => answerLine(index, line, options.now ?? new Date()), "这一行是空的");
}

function answerLine(index: FaqIndex, line: string, now: Date): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { id: null, error: "这一行不是合法的 JSON" };
  }
  const record = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const id = typeof record.id === "string" || typeof record.id === "number" ? record.id : null;
  if (typeof record.text !== "string") return { id, error: "缺少字符串字段 text" };
  const result = index.answer(record.text, now);
  return { id, faq: result.entry?.id ?? null, score: result.score, answer: result.answer };
}

function readOptions(args: string[]): { kb: string; now?: Date } | string {
  let kb: string | undefined;
  let now: Date | undefined;
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i]!.split(/=(.*)/s, 2);
    const value = inline ?? args[++i];
    if (name === "--kb") kb = value;
    else if (name === "--now") {
      now = value ? new Date(value) : undefined;
      if (!now || Number.isNaN(now.getTime())) return `--now 的时间看不懂: ${value ?? ""}`;
    } else return `不认识的参数: ${args[i - (inline === undefined ? 1 : 0)]}`;
  }
  if (!kb) return "缺少 --kb 知识库路径";
  return { kb, now };
}
