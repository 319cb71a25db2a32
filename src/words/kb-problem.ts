// A problem found in a knowledge base, precise enough for staff to fix it.
import { basename } from "node:path";

export interface KbProblem {
  file?: string;
  line?: number;
  entryId?: string;
  message: string;
}

/** `services.yaml 第12行: 条目 elder-canteen: 缺少 answer` — the file name alone, since staff know their folder. */
export function formatKbProblem(problem: KbProblem): string {
  const where: string[] = [];
  if (problem.file) where.push(problem.line ? `${basename(problem.file)} 第${problem.line}行` : basename(problem.file));
  if (problem.entryId) where.push(`条目 ${problem.entryId}`);
  return [...where, problem.message].join(": ");
}
