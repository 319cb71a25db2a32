// Parses the text of one knowledge-base YAML file into entries, reporting every problem with its line.
import { yamlHints } from "../words/yaml-hints.js";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from "yaml";
import type { KbEntry } from "./kb-entry.js";
import type { KbProblem } from "../words/kb-problem.js";
import { checkSchedule } from "./schedule-field.js";
import { checkFences } from "./entry-fences.js";

export interface LocatedEntry {
  entry: KbEntry;
  file: string;
  line: number;
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const knownFields = new Set(["id", "title", "questions", "answer", "tags"]);

// yaml's own messages are English with a code excerpt; staff get a Chinese hint plus the gist.
export function parseKbFile(text: string, file: string): { entries: LocatedEntry[]; problems: KbProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const problems: KbProblem[] = [];
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const gist = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.message;
      const hint = yamlHints[error.code];
      const message = `YAML 格式错误: ${hint ? `${hint} (${gist})` : gist}`;
      problems.push({ file, line: error.linePos?.[0].line, message });
    }
    return { entries: [], problems };
  }
  const lineOf = (node: Node | null | undefined, fallback: number): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : fallback;
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { entries: [], problems };
  if (!isSeq(root)) {
    problems.push({ file, line: lineOf(root, 1), message: "文件内容应是条目列表,每个条目以 “- id:” 开头" });
    return { entries: [], problems };
  }
  const entries: LocatedEntry[] = [];
  root.items.forEach((item, index) => {
    const line = lineOf(item as Node, 1);
    if (!isMap(item)) {
      problems.push({ file, line, message: `第${index + 1}个条目不是“字段: 值”的形式` });
      return;
    }
    const parsed = readEntry(item, (node) => lineOf(node, line));
    for (const problem of parsed.problems) problems.push({ file, entryId: parsed.id, ...problem });
    if (parsed.entry) entries.push({ entry: parsed.entry, file, line });
  });
  return { entries, problems };
}

type FieldProblem = { line: number; message: string };

function readEntry(
  map: YAMLMap,
  lineOf: (node: Node | null | undefined) => number,
): { entry?: KbEntry; id?: string; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fieldLine = (key: string): number => {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    return lineOf((pair?.value ?? pair?.key ?? map) as Node);
  };
  const value = (key: string): unknown => map.toJSON()[key];
  const requireText = (key: string): string | undefined => {
    const v = value(key);
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) {
      problems.push({ line: fieldLine(key), message: v === undefined ? `缺少 ${key}` : `${key} 是空的` });
      return undefined;
    }
    if (typeof v !== "string" && typeof v !== "number") {
      problems.push({ line: fieldLine(key), message: `${key} 应是一段文字` });
      return undefined;
    }
    return String(v).trim();
  };
  const readList = (key: string): string[] => {
    const v = value(key);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      problems.push({ line: fieldLine(key), message: `${key} 应是列表(每项一行,以 “- ” 开头)` });
      return [];
    }
    const out: string[] = [];
    v.forEach((item, i) => {
      if (typeof item === "string" && item.trim() !== "") out.push(item.trim());
      else if (typeof item === "number") out.push(String(item));
      else problems.push({ line: fieldLine(key), message: `${key} 第${i + 1}项应是非空文字` });
    });
    return out;
  };

  const rawId = value("id");
  let id = requireText("id");
  if (id !== undefined && !idPattern.test(id)) {
    problems.push({ line: fieldLine("id"), message: `id “${id}” 格式不对: 只能用小写字母、数字和 -` });
    id = undefined;
  }
  const title = requireText("title");
  const answer = requireText("answer");
  const questions = readList("questions");
  const tags = readList("tags");
  const extra: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(map.toJSON() as Record<string, unknown>)) {
    if (!knownFields.has(key)) extra[key] = v;
  }
  if ("not" in extra) {
    const notPair = map.items.find((p) => isScalar(p.key) && p.key.value === "not");
    const items = isSeq(notPair?.value) ? notPair.value.items : [];
    for (const { index, message } of checkFences(extra.not)) {
      problems.push({ line: lineOf((items[index ?? -1] ?? notPair?.value ?? notPair?.key) as Node), message });
    }
    if (Array.isArray(extra.not)) extra.not = extra.not.map((v) => String(v).trim());
  }
  if ("schedule" in extra) {
    for (const message of checkSchedule(extra.schedule)) problems.push({ line: fieldLine("schedule"), message });
  }
  const reportedId = typeof rawId === "string" || typeof rawId === "number" ? String(rawId) : undefined;
  if (problems.length > 0 || id === undefined || title === undefined || answer === undefined) {
    return { id: reportedId, problems };
  }
  return { entry: { id, title, questions, answer, tags, extra }, id, problems };
}
