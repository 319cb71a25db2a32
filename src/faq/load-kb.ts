// Reads a knowledge base from a YAML file or a folder of them, collecting every problem rather than stopping at the first.
// The community's own words (words.yaml in the same folder) are read with it; they are not entries.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { emptyWordList, parseWordList, type WordList } from "../words/word-list.js";
import type { KbEntry } from "./kb-entry.js";
import type { KbProblem } from "../words/kb-problem.js";
import { type LocatedEntry, parseKbFile } from "./parse-kb-file.js";

export { formatKbProblem, type KbProblem } from "../words/kb-problem.js";

const yamlExtensions = new Set([".yaml", ".yml"]);
export const wordFileNames: ReadonlySet<string> = new Set(["words.yaml", "words.yml"]);

export interface LoadedKb {
  entries: KbEntry[];
  problems: KbProblem[];
  /** The community's words from words.yaml beside the entries; empty when there is none. */
  words: WordList;
}

export function loadKb(path: string): LoadedKb {
  const problems: KbProblem[] = [];
  const files = listKbFiles(path, problems);
  const words = loadCommunityWords(path, problems);
  const checked = checkKbTexts(files.map((file) => ({ file, text: readFileSync(file, "utf8") })));
  problems.push(...checked.problems);
  return { entries: checked.entries, problems, words };
}

/**
 * Entries of knowledge-base files given as text (a folder read from disk, or files uploaded in the
 * console), with every problem: each file's own, and an id used twice across them.
 */
export function checkKbTexts(files: { file: string; text: string }[]): { entries: KbEntry[]; problems: KbProblem[] } {
  const problems: KbProblem[] = [];
  const located: LocatedEntry[] = [];
  for (const { file, text } of files) {
    const parsed = parseKbFile(text, file);
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

function loadCommunityWords(path: string, problems: KbProblem[]): WordList {
  let folder: string;
  try {
    folder = statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    return emptyWordList();
  }
  const file = [...wordFileNames].map((name) => join(folder, name)).find((f) => existsSync(f));
  if (!file) return emptyWordList();
  const parsed = parseWordList(readFileSync(file, "utf8"), file);
  problems.push(...parsed.problems);
  return parsed.words;
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
    .filter(
      (name) =>
        yamlExtensions.has(extname(name).toLowerCase()) &&
        !name.startsWith(".") &&
        !wordFileNames.has(name.toLowerCase()),
    )
    .sort()
    .map((name) => join(path, name));
  if (files.length === 0) problems.push({ file: path, message: "文件夹里没有 .yaml 或 .yml 文件" });
  return files;
}
