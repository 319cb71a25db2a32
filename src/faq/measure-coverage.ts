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

/**
 * Weighted share of the question's words that are nouns no entry knows, not even in part: a question
 * about "宽带" or "火锅店" is about something the knowledge base does not describe.
 */
export function measureForeign(words: TaggedWord[], vocabulary: KbVocabulary): number {
  let total = 0;
  let foreign = 0;
  for (const { word, noun } of words) {
    const weight = weighWord(vocabulary, word, noun);
    total += weight;
    if (noun) foreign += weight * measureStrangeness(word, vocabulary);
  }
  return total > 0 ? foreign / total : 0;
}

// Unknown is 1; unknown but built on a known word ("老年大学", "社保卡") is half, as in coverage.
function measureStrangeness(word: string, vocabulary: KbVocabulary): number {
  if (vocabulary.documentFrequency.has(word) || everydayNouns.has(word)) return 0;
  return sharesPart(word, vocabulary.documentFrequency) ? 0.5 : 1;
}

// Nouns in how people ask, not in what they ask about.
const everydayNouns = new Set(
  "钱 饭 书 屋 屋子 房间 楼 几楼 本子 手续 账 名字 门口 人家 年轻人 东西 事儿 时间 地址 位置 电话 手机 号 天 月 年 回家 带回家 到家".split(
    " ",
  ),
);

// "挂号" vs "挂号费", "开证明" vs "证明": a two-character part in common is half a match.
function sharesPart(word: string, terms: { has(term: string): boolean }): boolean {
  const chars = [...word];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (terms.has(chars[i]! + chars[i + 1]!)) return true;
  }
  return false;
}
