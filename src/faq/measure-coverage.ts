// How much of what the question is about an entry speaks to, weighted by how telling each word is.
import { type KbVocabulary, weighWord } from "./kb-vocabulary.js";
import type { TaggedWord } from "./tag-words.js";

export function measureCoverage(words: TaggedWord[], vocabulary: KbVocabulary, entryId: string): number {
  const terms = vocabulary.termsOf.get(entryId);
  if (!terms || words.length === 0) return 0;
  let total = 0;
  let covered = 0;
  for (const { word, noun } of words) {
    const weight = weighWord(vocabulary, word, noun);
    total += weight;
    if (terms.has(word)) covered += weight;
    else if (sharesPart(word, terms)) covered += weight * 0.5;
  }
  return total > 0 ? covered / total : 0;
}

// "挂号" vs "挂号费", "开证明" vs "证明": a two-character part in common is half a match.
function sharesPart(word: string, terms: Set<string>): boolean {
  const chars = [...word];
  if (chars.length < 2) return false;
  for (let i = 0; i + 1 < chars.length; i++) {
    if (terms.has(chars[i]! + chars[i + 1]!)) return true;
  }
  return false;
}
