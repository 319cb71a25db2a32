// Part-of-speech tags for a question's words. segment.ts offers no tagging, so this keeps its own
// jieba instance with the same dictionaries; tags only weigh words, they never change how text is cut for search.
import { readFileSync } from "node:fs";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

let tagger: Jieba | undefined;

function getTagger(): Jieba {
  if (!tagger) {
    tagger = Jieba.withDict(dict);
    tagger.loadDict(readFileSync(new URL("../text/community-words.txt", import.meta.url)));
  }
  return tagger;
}

export interface TaggedWord {
  word: string;
  /** Nouns name what a question is about; an unknown noun suggests a topic the knowledge base lacks. */
  noun: boolean;
}

const nounTags = new Set(["n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "ng", "vn", "an", "eng", "j", "l"]);

export function tagWords(text: string): TaggedWord[] {
  return getTagger()
    .tag(text, true)
    .map(({ word, tag }) => ({ word: word.trim(), noun: nounTags.has(tag) }));
}
