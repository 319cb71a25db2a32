// Spoken questions glue a helper word onto the word that matters, and jieba keeps the pair whole:
// "能存" (can + save), "借个" (borrow + a), "存法" (how to save), "灯坏" (lamp broken). The pair is in no
// entry, so the question loses the one word that names what it is about. Such a word, unknown to the
// knowledge base, is read as the known word inside it once the helper is taken off, or as its two
// characters when the knowledge base knows both.
import type { KbVocabulary } from "./kb-vocabulary.js";

// Modal verbs, adverbs, pronouns and the like that go before a verb ("能借", "再办", "咋交").
const helperBefore = new Set([
  ..."能会要想可去来给帮再都也还就才又在把被跟让叫等先咋怎没不别该得我你他她这那哪每几各谁请多好",
]);
// Measure words, verb complements and endings that go after one ("借个", "存法", "交了", "看下").
const helperAfter = new Set([..."个法了的下着过完些点吗呢啊儿们不没去来上掉住到成起"]);

const han = /^\p{Script=Han}+$/u;

/** The known words inside an unknown glued word, or [] when it is known or not glued. */
export function unglue(vocabulary: KbVocabulary, word: string): string[] {
  const known = (w: string) => vocabulary.documentFrequency.has(w);
  const chars = [...word];
  if (chars.length < 2 || chars.length > 4 || !han.test(word) || known(word)) return [];
  const first = chars[0]!;
  const last = chars.at(-1)!;
  const rest = chars.slice(1).join("");
  const head = chars.slice(0, -1).join("");
  if (helperBefore.has(first) && known(rest)) return [rest];
  if (helperAfter.has(last) && known(head)) return [head];
  if (chars.length === 2 && known(first) && known(last)) return [first, last];
  return [];
}
