// How much of what the question is about an entry speaks to, weighted by how telling each word is.
import { type KbVocabulary, weighWord } from "./kb-vocabulary.js";
import type { TaggedWord } from "./tag-words.js";

/** Weighted share of the question's words found in `terms` (an entry's, or some of its fields'), 0..1. */
export function measureCoverage(words: TaggedWord[], vocabulary: KbVocabulary, terms: Set<string> | undefined): number {
  if (!terms || words.length === 0) return 0;
  let total = 0;
  let covered = 0;
  for (const { word, noun } of words) {
    const weight = weighWord(vocabulary, word, noun);
    total += weight;
    covered += weight * (terms.has(word) ? 1 : sharesPart(word, terms) ? 0.5 : 0);
  }
  return total > 0 ? covered / total : 0;
}

// "挂号" vs "挂号费", "开证明" vs "证明": a two-character part in common is half a match.
function sharesPart(word: string, terms: Set<string>): boolean {
  const chars = [...word];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (terms.has(chars[i]! + chars[i + 1]!)) return true;
  }
  return false;
}
