// Chinese word segmentation with jieba and the community's own words, shared by the
// parser and the knowledge-base index so both cut text the same way.
import { readFileSync } from "node:fs";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

const communityWords = readFileSync(new URL("./community-words.txt", import.meta.url));

let jieba: Jieba | undefined;

function getJieba(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(communityWords);
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
