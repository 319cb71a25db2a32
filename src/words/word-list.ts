// Plain word lists, kept as data: the built-in ones in src/words/*.yaml, a community's own in its
// knowledge-base folder as words.yaml. Both have the same form and are read and checked alike, so
// a community extends the house lists without touching code. Problems carry file and line.
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from "yaml";
import type { KbProblem } from "./kb-problem.js";
import { yamlHints } from "./yaml-hints.js";

export interface WordList {
  /** The word the knowledge base uses → the ways residents say the same thing. */
  synonyms: Record<string, string[]>;
  /** A concept → everyday words that point at it without meaning the same ("取钱" → 银行). */
  related: Record<string, string[]>;
  /** A dialect form → the standard word (俺 → 我). */
  dialect: Record<string, string>;
  /** A typing slip → the word meant (下水到 → 下水道). */
  typos: Record<string, string>;
  /** Words to keep whole when text is cut into words (place names, local terms), "word" or "word tag". */
  words: string[];
}

export const sections = ["synonyms", "related", "dialect", "typos", "words"] as const;

export function emptyWordList(): WordList {
  return { synonyms: {}, related: {}, dialect: {}, typos: {}, words: [] };
}

/** `base` extended by `extra`: groups are joined, a form `extra` redefines wins, words are added. */
export function mergeWordLists(base: WordList, extra: WordList): WordList {
  const joinGroups = (a: Record<string, string[]>, b: Record<string, string[]>) => {
    const out: Record<string, string[]> = { ...a };
    for (const [key, list] of Object.entries(b)) out[key] = [...new Set([...(out[key] ?? []), ...list])];
    return out;
  };
  return {
    synonyms: joinGroups(base.synonyms, extra.synonyms),
    related: joinGroups(base.related, extra.related),
    dialect: { ...base.dialect, ...extra.dialect },
    typos: { ...base.typos, ...extra.typos },
    words: [...new Set([...base.words, ...extra.words])],
  };
}

const wordTag = /^[^\s]+(?: [a-z]{1,4})?$/;

/** Reads one word-list YAML file; every problem is reported with its line. */
export function parseWordList(text: string, file: string): { words: WordList; problems: KbProblem[] } {
  const words = emptyWordList();
  const problems: KbProblem[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  for (const error of doc.errors) {
    const gist = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.message;
    const hint = error.code === "DUPLICATE_KEY" ? "同一个词写了两次" : yamlHints[error.code];
    problems.push({
      file,
      line: error.linePos?.[0].line,
      message: `YAML 格式错误: ${hint ? `${hint} (${gist})` : gist}`,
    });
  }
  if (problems.length > 0) return { words, problems };
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as Node | null | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const problem = (node: unknown, message: string) => problems.push({ file, line: lineOf(node) ?? 1, message });
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { words, problems };
  if (!isMap(root)) {
    problem(root, `词表应按类写成“类别:”开头的几段: ${sections.join(", ")}`);
    return { words, problems };
  }
  const readWord = (node: unknown): string | undefined => {
    if (!isScalar(node) || (typeof node.value !== "string" && typeof node.value !== "number")) return undefined;
    const value = String(node.value).trim();
    return value === "" ? undefined : value;
  };
  for (const pair of root.items) {
    const section = readWord(pair.key) as (typeof sections)[number] | undefined;
    const body = pair.value;
    if (!section || !(sections as readonly string[]).includes(section)) {
      problem(pair.key, `不认识的类别 “${section ?? ""}”: 只能是 ${sections.join(", ")}`);
      continue;
    }
    if (body === null || (isScalar(body) && body.value === null)) continue;
    if (section === "words") {
      if (!isSeq(body)) {
        problem(body, "words 应是词的列表,每行 “- 词”");
        continue;
      }
      for (const item of body.items) {
        const word = readWord(item);
        if (!word || !wordTag.test(word)) problem(item, "words 里每一项应是一个词(可在空格后加词性,如 “助餐 v”)");
        else words.words.push(word);
      }
      continue;
    }
    if (!isMap(body)) {
      problem(
        body ?? pair.key,
        `${section} 应写成 “词: ${section === "dialect" || section === "typos" ? "对应的词" : "[说法, …]"}”`,
      );
      continue;
    }
    if (section === "dialect" || section === "typos") readPairs(body as YAMLMap, words[section], section);
    else if (section === "synonyms" || section === "related") readGroups(body as YAMLMap, words[section], section);
  }
  return { words, problems };

  function readPairs(map: YAMLMap, into: Record<string, string>, section: string): void {
    for (const pair of map.items) {
      const from = readWord(pair.key);
      const to = readWord(pair.value);
      if (!from || !to) problem(pair.value ?? pair.key, `${section} 的每一项应是 “原来的写法: 标准的写法”`);
      else if (from === to) problem(pair.key, `${section}: “${from}” 改成它自己,没有意义`);
      else into[from] = to;
    }
  }

  function readGroups(map: YAMLMap, into: Record<string, string[]>, section: string): void {
    for (const pair of map.items) {
      const key = readWord(pair.key);
      const list = isSeq(pair.value) ? pair.value.items.map(readWord) : [readWord(pair.value)];
      if (!key || list.some((w) => w === undefined)) {
        problem(pair.value ?? pair.key, `${section} 的每一项应是 “词: [说法, 说法]”,说法不能是空的`);
        continue;
      }
      into[key] = list as string[];
    }
  }
}
