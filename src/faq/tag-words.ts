// Part-of-speech tags for a question's words, from the shared segmenter (one jieba
// instance per process: its dictionary costs tens of megabytes).
import { tagWords as tagWithJieba } from "../text/segment.js";

export interface TaggedWord {
  word: string;
  /** Nouns name what a question is about; an unknown noun suggests a topic the knowledge base lacks. */
  noun: boolean;
}

const nounTags = new Set(["n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "ng", "vn", "an", "eng", "j", "l"]);

export function tagWords(text: string): TaggedWord[] {
  return tagWithJieba(text).map(({ word, tag }) => ({ word: word.trim(), noun: nounTags.has(tag) }));
}
