// The words in force in this process: the built-in lists (src/words/*.yaml) merged with the
// community's own (its knowledge base's words.yaml), set when a knowledge base is loaded. Readers
// compile what they need once per version, so a lookup costs one number comparison.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatKbProblem } from "./kb-problem.js";
import { emptyWordList, mergeWordLists, parseWordList, type WordList } from "./word-list.js";

const builtInFolder = fileURLToPath(new URL(".", import.meta.url));

let builtIn: WordList | undefined;
let active: WordList | undefined;
let community: WordList = emptyWordList();
let version = 0;

/** The house's own lists; a problem in them is a bug, so it stops the process at once. */
export function builtInWords(): WordList {
  if (!builtIn) {
    let words = emptyWordList();
    const files = readdirSync(builtInFolder)
      .filter((name) => name.endsWith(".yaml"))
      .sort();
    for (const name of files) {
      const parsed = parseWordList(readFileSync(`${builtInFolder}${name}`, "utf8"), name);
      if (parsed.problems.length > 0) throw new Error(parsed.problems.map(formatKbProblem).join("\n"));
      words = mergeWordLists(words, parsed.words);
    }
    builtIn = words;
  }
  return builtIn;
}

/** Built-in and community words together. */
export function activeWords(): WordList {
  active ??= mergeWordLists(builtInWords(), community);
  return active;
}

/** Replaces the community's words (the previous community's are dropped, the built-in ones stay). */
export function useCommunityWords(words: WordList): void {
  if (JSON.stringify(words) === JSON.stringify(community)) return;
  community = words;
  active = undefined;
  version++;
}

/** Changes whenever the active words do. */
export function wordsVersion(): number {
  return version;
}

/** A cached value rebuilt from the active words when they change. */
export function fromActiveWords<T>(build: (words: WordList) => T): () => T {
  let builtAt = -1;
  let value: T;
  return () => {
    if (builtAt !== version) {
      value = build(activeWords());
      builtAt = version;
    }
    return value;
  };
}

/** Escapes a word for use inside a RegExp alternation. */
export function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
