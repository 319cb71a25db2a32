// Reads a knowledge base from a YAML file or a folder of them, collecting every problem rather than stopping at the first.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { KbEntry } from "./kb-entry.js";
import type { KbProblem } from "./kb-problem.js";
import { type LocatedEntry, parseKbFile } from "./parse-kb-file.js";

export { formatKbProblem, type KbProblem } from "./kb-problem.js";

const yamlExtensions = new Set([".yaml", ".yml"]);

export function loadKb(path: string): { entries: KbEntry[]; problems: KbProblem[] } {
  const problems: KbProblem[] = [];
  const files = listKbFiles(path, problems);
  const located: LocatedEntry[] = [];
  for (const file of files) {
    const parsed = parseKbFile(readFileSync(file, "utf8"), file);
    located.push(...parsed.entries);
    problems.push(...parsed.problems);
  }
  const firstById = new Map<string, LocatedEntry>();
  const entries: KbEntry[] = [];
  for (const item of located) {
    const first = firstById.get(item.entry.id);
    if (first) {
      const where = `${basename(first.file)} 第${first.line}行 和 ${basename(item.file)} 第${item.line}行`;
      problems.push({ file: item.file, line: item.line, entryId: item.entry.id, message: `id 重复: ${where}` });
      continue;
    }
    firstById.set(item.entry.id, item);
    entries.push(item.entry);
  }
  return { entries, problems };
}

function listKbFiles(path: string, problems: KbProblem[]): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    problems.push({ message: `找不到知识库: ${path}` });
    return [];
  }
  if (!isFolder) return [path];
  const files = readdirSync(path)
    .filter((name) => yamlExtensions.has(extname(name).toLowerCase()) && !name.startsWith("."))
    .sort()
    .map((name) => join(path, name));
  if (files.length === 0) problems.push({ file: path, message: "文件夹里没有 .yaml 或 .yml 文件" });
  return files;
}
