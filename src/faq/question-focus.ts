// Residents wrap a question in talk: "天可真热 那个党群的大楼晚上几点关门啊 我下班过去来得及不".
// The clause that asks (a question word, 吗, a "开不开" pair, a trailing 不/没) says what they want to
// know; the clauses around it tell a story whose nouns ("手机", "眼睛") would otherwise pull the search
// towards entries that happen to mention them. Each clause gets a weight for its words: asking clauses
// and clauses saying what the resident wants or needs count fully, the rest (chit-chat, background)
// somewhat less. Only somewhat: the background often names the condition the answer turns on
// ("老人瘫在床上", "一个人住"), and on the own sets a stronger discount lost more than it won. Voice typing gives run-ons without punctuation, so a clause also ends after a
// sentence-final particle and before a word that turns to a new thought.

export interface QuestionClause {
  text: string;
  weight: number;
  /** The clause asks (a question word, 吗, an "A不A" pair, a trailing 不/没), not only tells or wants. */
  asks: boolean;
}

/** Weight of a clause that neither asks nor says what the resident wants. */
export const backgroundWeight = 0.8;

// Spaces and punctuation; after a sentence-final particle (a run-on "开不开门呀俺们合唱的"); before
// words that start a new thought.
const separator =
  /[\s,.!?;:，。！？；：、~…]+|(?<=[吗呢呀啊嘛吧啦哈哦呗])(?=[^\s吗呢呀啊嘛吧啦哈哦呗])|(?=听说|对了|另外|但是|可是|不过|结果|就是说|顺便问)/gu;

// How spoken Chinese marks a question: question words, 吗, an "A不A" pair ("开不开", "收不收"),
// a clause ending in 不 / 没 / 没有 ("能借回家看不"), and the dialect forms of all of these.
const asking = new RegExp(
  [
    "[吗么嘛?？]",
    "怎|咋|啥|什么|哪|几|多少|多久|多长|多大|多远|谁|如何|为何|为什么|何时",
    "能不能|可不可以|可以不|有没有|是不是|要不要|用不用|行不行|中不中|好不好|会不会|得不得|让不让|给不给|管不管",
    "(\\p{Script=Han})不\\1",
    "(?:不|没|没有|不了|没得|莫得)$",
    "请问|想问|问问|问一下|打听|晓不晓得|知不知道|么子|几时|啥辰光|多会儿",
  ].join("|"),
  "u",
);
const wanting = /想|要|需要|打算|准备|得去|得办|能去|可以|帮忙|帮我|帮着|希望/u;

/** The question cut into clauses, each with the weight its words deserve. */
export function splitQuestion(text: string): QuestionClause[] {
  const pieces = text
    .split(separator)
    .map((p) => p?.trim() ?? "")
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
  if (pieces.length === 0) return [];
  const weighed = pieces.map((piece) => {
    const asks = asking.test(piece);
    return { text: piece, asks, weight: asks || wanting.test(piece) ? 1 : backgroundWeight };
  });
  // A message with no clause that asks or wants ("老伴瘫在床上 饭送到家") is all question.
  if (!weighed.some((c) => c.weight === 1)) return weighed.map((c) => ({ ...c, weight: 1 }));
  return weighed;
}

/** The clauses that ask; a question with no asking clause is all asking. */
export function askingClauses(text: string): QuestionClause[] {
  const clauses = splitQuestion(text);
  return clauses.some((c) => c.asks) ? clauses.filter((c) => c.asks) : clauses;
}
