// Turns text into the search terms both the index and questions use: normalized, cut by jieba
// with the community dictionary, minus words that carry no topic (particles, pronouns, question words).
import { segmentForSearch } from "../text/segment.js";
import { normalizeText } from "./normalize-text.js";
import { findPhrases } from "./kb-phrases.js";
import { type TaggedWord, tagWords } from "./tag-words.js";

const stopWords = new Set(
  (
    "的 地 得 了 着 过 吗 嘛 么 呢 啊 呀 吧 哦 哈 啦 喽 呗 哇 嗯 噢 诶 哎 喂 " +
    "我 你 您 他 她 它 我们 你们 他们 咱 咱们 俺 俺们 自己 大家 谁 人 家 家里 " +
    "这 那 这个 那个 这些 那些 这边 那边 这里 那里 哪 哪个 哪些 哪里 哪儿 哪家 " +
    "什么 啥 啥子 怎么 怎么样 怎样 咋 咋样 如何 为什么 为啥 多少 多 几 几点 什么时候 啥时候 哪天 多久 多长时间 " +
    "是 有 没 没有 不 不是 能 能不能 可以 可不可以 会 要 想 得 需要 应该 该 行 好 " +
    "去 来 到 在 给 让 把 被 对 和 跟 与 及 或 或者 也 都 就 还 又 再 很 太 挺 最 更 " +
    "请问 问 问问 一下 问一下 请 谢谢 麻烦 您好 你好 知道 听说 一个 个 一 上 里 下 中 " +
    "现在 最近 一般 平时 今天 明天 后天 这周 本周 下周 周末 今年 这个月 " +
    "呢 吗 哪位 啊 呀 吧 呗 啦 嘞 咧 哈 咯 噻 撒 嗷 " +
    "就是 那个 几个 每个 我家 俺家 有个 说 看 弄 找 打 管 带 些 点 整 老 有没有 是不是 一直 真的 到底 除了 " +
    "怎么弄 咋整 咋弄 咋办 怎么办 在家 大概 帮忙 还有 以后 之前 时候 东西 事 事情 情况 问题 办法 地方 这种 那种 " +
    "俩 两 快 刚 已经 正在 马上 还是 然后 所以 因为 但是 不过 可是 如果 的话 感觉 觉得 好像 可能 一定 肯定 其实 而且 " +
    "哪办 在哪 去哪 哪能 能否 是否 行不行 好不好 对不对 不行 一样 " +
    // Dialect question words and fillers: "晓不晓得", "么子", "几时", "屋头" (at home).
    "晓得 晓不晓得 莫得 没得 么子 咋个 搞 干啥 干嘛 干什么 做什么 弄啥 有啥 中不中 得行 要得 几时 啥辰光 多会儿 多咱 " +
    "屋头 屋里 屋里头 家头 " +
    // Family members and neighbours are who asks, not what is asked about.
    "老爷子 老太太 老头 老伴 老公 老婆 爱人 媳妇 儿子 女儿 闺女 儿媳 女婿 孙子 孙女 爸 妈 我妈 我爸 爸爸 妈妈 " +
    "爷爷 奶奶 姥姥 姥爷 外婆 外公 亲戚 邻居 朋友 同事 姐妹 兄弟 俺娘 俺爹 娘 爹"
  ).split(/\s+/),
);

const wordLike = /[\p{L}\p{N}]/u;

/** Whether a word can say what a question is about (not a particle, pronoun, question word or filler). */
export function isTopicWord(word: string): boolean {
  return wordLike.test(word) && !stopWords.has(word);
}

/**
 * Terms for indexing and for matching: whole words plus the shorter words inside them, plus known phrases.
 * With `wholePhrases` (the entries' side) a coined name is one term only: the entry on "时间银行" is not
 * about banks, nor the one on "红色物业" about the property office. A question keeps the words inside a
 * name as well, so that it still finds the entry whatever part of the name it says.
 */
export function tokenizeForSearch(text: string, phrases: string[] = [], wholePhrases = false): string[] {
  const normalized = normalizeText(text);
  const found = findPhrases(normalized, phrases);
  const rest = wholePhrases ? found.reduce((t, p) => t.replaceAll(p, " "), normalized) : normalized;
  const terms = segmentForSearch(rest)
    .map((w) => w.trim())
    .filter(isTopicWord);
  return [...terms, ...found];
}

/** The question's words in precise mode, each once, tagged: what coverage is measured on. */
export function tokenizeWords(text: string, phrases: string[] = []): TaggedWord[] {
  const normalized = normalizeText(text);
  const found = findPhrases(normalized, phrases);
  const seen = new Set<string>();
  // Pieces of a found phrase ("月", "说") would only dilute it.
  const words = tagWords(normalized).filter(
    ({ word }) => isTopicWord(word) && !seen.has(word) && seen.add(word) && !found.some((p) => p.includes(word)),
  );
  return [...found.map((word) => ({ word, noun: true })), ...words];
}
