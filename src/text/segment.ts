// Chinese word segmentation with jieba and the community's own words, shared by the
// parser and the knowledge-base index so both cut text the same way.
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { activeWords, wordsVersion } from "../words/active-words.js";

let jieba: Jieba | undefined;
let loadedVersion = -1;
const loaded = new Set<string>();

// Words are only ever added: jieba cannot forget one, and a word kept whole that a later
// knowledge base no longer lists does little harm until the next start.
function getJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  if (loadedVersion !== wordsVersion()) {
    const lines = activeWords()
      .words.filter((entry) => !loaded.has(entry))
      .map((entry) => {
        loaded.add(entry);
        const [word, tag = "n"] = entry.split(" ");
        return `${word} 50000 ${tag}`;
      });
    if (lines.length > 0) jieba.loadDict(Buffer.from(lines.join("\n")));
    loadedVersion = wordsVersion();
  }
  return jieba;
}

/** Words of `text`, precise mode (for understanding). */
export function segment(text: string): string[] {
  return getJieba().cut(text, true);
}

/** Words of `text` plus the shorter words inside long ones (for search). */
export function segmentForSearch(text: string): string[] {
  return getJieba().cutForSearch(text, true);
}

/** Words with their part-of-speech tags (jieba's tag set), from the same instance. */
export function tagWords(text: string): { word: string; tag: string }[] {
  return getJieba().tag(text, true);
}
