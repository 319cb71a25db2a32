// Checks a knowledge base for staff before it is used; loading for import refuses the same problems.
import { formatKbProblem, type KbProblem } from "../words/kb-problem.js";
import { type LoadedKb, loadKb } from "./load-kb.js";

export function lintKb(path: string): KbProblem[] {
  return loadKb(path).problems;
}

export class KbInvalidError extends Error {
  readonly code = "kb_invalid";
  constructor(readonly problems: KbProblem[]) {
    super(`知识库有 ${problems.length} 处问题:\n${problems.map(formatKbProblem).join("\n")}`);
    this.name = "KbInvalidError";
  }
}

/** Entries and words of a knowledge base without any problem; otherwise throws KbInvalidError listing them all. */
export function loadValidKb(path: string): Omit<LoadedKb, "problems"> {
  const { entries, problems, words } = loadKb(path);
  if (problems.length > 0) throw new KbInvalidError(problems);
  return { entries, words };
}
