// An entry may say what it does not cover, in its YAML: `not: [买车位, 包桌]`. Residents ask the parking
// entry about buying a space, the canteen about a banquet: the words meet, the meaning does not. A
// community fences off its own near misses this way; a question whose asking clause says every word
// of a fence goes to a person instead of that entry (faq-index.ts).
import type { KbEntry } from "./kb-entry.js";
import { normalizeText } from "./normalize-text.js";
import { askingClauses } from "./question-focus.js";
import { tokenizeForSearch } from "./tokenize.js";

/** Longest fence, in characters: a fence names one thing, it is not a sentence. */
export const longestFence = 12;

/** Problems of an entry's `not:` value, each with the index of the item it is about. */
export function checkFences(value: unknown): { index?: number; message: string }[] {
  if (!Array.isArray(value)) return [{ message: "not 应是列表(每项一行,以 “- ” 开头,写这一条不管的事)" }];
  const problems: { index?: number; message: string }[] = [];
  const seen = new Set<string>();
  value.forEach((item, index) => {
    const text = typeof item === "string" || typeof item === "number" ? String(item).trim() : "";
    const message = checkFence(text, index + 1, seen);
    if (message) problems.push({ index, message });
    seen.add(compact(text));
  });
  return problems;
}

function checkFence(text: string, n: number, seen: Set<string>): string | undefined {
  if (text === "") return `not 第${n}项是空的`;
  if ([...text].length > longestFence) return `not 第${n}项太长: 写一件事的短语,不超过${longestFence}个字`;
  if (tokenizeForSearch(text).length === 0) return `not 第${n}项 “${text}” 没有实在的词`;
  if (seen.has(compact(text))) return `not 第${n}项 “${text}” 重复了`;
  return undefined;
}

/** The entry's fences as written (empty when it has none). */
export function readFences(entry: KbEntry): string[] {
  const value = entry.extra.not;
  return Array.isArray(value) ? value.map(String) : [];
}

/** The first fence whose every word the question's asking clauses say, or undefined. */
export function findFence(question: string, fences: string[]): string | undefined {
  if (fences.length === 0) return undefined;
  const asking = askingClauses(question).map((c) => compact(c.text));
  return fences.find((fence) => {
    const words = fenceWords(fence);
    return words.length > 0 && asking.some((clause) => words.every((w) => clause.includes(w)));
  });
}

/** Whether `stated` (an entry's text, compacted) says every word of the fence. */
export function statesFence(stated: string, fence: string): boolean {
  const words = fenceWords(fence);
  return words.length > 0 && words.every((w) => stated.includes(w));
}

// The fence's content words, normalized like a question; the shorter words jieba finds inside a longer
// one are dropped, the longer one stands for them.
function fenceWords(fence: string): string[] {
  const terms = [...new Set(tokenizeForSearch(fence))];
  return terms.filter((t) => !terms.some((o) => o !== t && o.includes(t)));
}

function compact(text: string): string {
  return normalizeText(text).replace(/\s+/g, "");
}
