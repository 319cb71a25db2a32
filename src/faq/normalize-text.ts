// Removes chat noise residents add around a question and folds spelling variants, so the
// knowledge base and the question are compared on the same characters.
import { writeNumbersInDigits } from "../text/chinese-number.js";
import { stripEmoji } from "../text/emoji.js";
import { stripMentions } from "../text/mentions.js";
import { toSimplified } from "../text/traditional-chars.js";
import { standardizeDialect } from "../understand/standardize-dialect.js";
import { generalIdf } from "./general-word-weight.js";
import { replaceSynonyms } from "./synonyms.js";

// Sentence particles and spoken question words that jieba would glue onto content words ("周几嘛", "证咋整").
const particles = /[呀啊呢嘛呗啦咯哦噢哇吧咋啥俺]|哪(?:里|儿|个|些|天|家|位)?/g;
// "休不休息", "开不开门", "收不收费": the A-not-AB question names the word AB, which the answer writes
// whole ("中午休息", "几点开门"). (The raw question keeps the pair for telling what is asked.)
// Only where AB is a common word: "能不能当" and "收不收人" are no 能当 or 收人.
const askedPair = /(\p{Script=Han})不\1(\p{Script=Han})/gu;
const foldPair = (pair: string, a: string, b: string) => ((generalIdf(a + b) ?? 99) < 10 ? a + b : pair);
/**
 * Lower-cased, half-width, simplified, noise-free text with dialect words in standard Mandarin (the
 * message parser's table: 俺 → 我, 娃 → 孩子, 几时 → 什么时候) and synonyms folded to one word.
 */
export function normalizeText(text: string): string {
  const cleaned = toSimplified(stripEmoji(stripMentions(text)).normalize("NFKC").toLowerCase());
  return replaceSynonyms(writeNumbersInDigits(standardizeDialect(cleaned)).replace(askedPair, foldPair)).replace(
    particles,
    " ",
  );
}
