// A near miss names an entry's topic and asks about something the entry never speaks of: buying a
// parking space (the entry rents them), a rabies shot (the entry lists other vaccines), a banquet at the
// canteen (it serves daily meals). The asking clause carries it ("小区地下车位卖不卖"); the clauses
// before it are the resident's story. A content word of the asking clause that the chosen entry never
// states (in its title, typical questions, answer, tags or everyday related words, after synonym
// folding), not even in other words made of the same characters ("办证" for "借书证"), is uncovered.
// How much it matters is how specific the word is in Chinese at large (general-word-weight.ts): an
// uncovered "开锁" means the entry does not answer; an uncovered "开始" means nothing.
import { tagWords } from "../text/segment.js";
import { generalIdf } from "./general-word-weight.js";
import { normalizeText } from "./normalize-text.js";
import { askingClauses } from "./question-focus.js";
import { isTopicWord } from "./tokenize.js";

export interface UncoveredWord {
  word: string;
  /** General-corpus idf, capped: how particular a thing it names. */
  weight: number;
}

/** An uncovered word this specific, or more, in an asking clause means the entry does not answer. */
export const specificWeight = 10;
/** An uncovered word this specific counts towards how much of the question the entry leaves unsaid. */
export const noticedWeight = 7;
// A word the general corpus does not know is mostly a chat glued together ("交上去", "上楼来").
const unknownWeight = 6;
// A word in Latin letters the entry never states names a thing ("CT", "MRI", "ETC"), not a chat.
const latinWeight = 9;

// Parts of speech that name things and actions (jieba's tag set); pronouns (r), time words (t),
// numbers (m), adverbs, particles and the like say how something is asked, not what.
const contentTags = /^(?:n|nr|ns|nt|nz|nrt|nrfg|ng|vn|v|vd|eng|j|l|an)$/;

// Words every entry takes as given, or that ask for a fact rather than name a thing.
const generic = new Set(
  (
    "社区 小区 居委会 邻里管家 管家 " +
    "多少钱 收费 费用 价格 免费 要钱 花钱 几点 开门 关门 上班 下班 营业 开放 地址 位置 电话 号码 联系方式 " +
    "手续 流程 条件 材料 证件 要求 规定 截止 报名 申请 登记 预约 多长时间 " +
    "老爷子 老太太 孩子 小孩 宝宝 老人 老年人 居民 本人 " +
    "有没有 没有 还有 是不是 能不能 不能 不会 不了 怎么办 怎么回事 " +
    // The resident's circumstances rather than the thing asked: weather, age, family.
    "天冷 天热 下雨 下雨天 下雪 刮风 岁数 年纪 兄弟姐妹 大家伙 开车 搬家 来得及 老头子 " +
    // Everyday words for a room or a booklet: "看书的屋子" is the reading room, "打针带啥本子" the card.
    "屋子 地方 本子 本本 块儿 " +
    // How a chat talks around the thing asked: in time, the same thing, the money on top, the whole family.
    "赶趟 准点 提前 一码事 加钱 饭钱 一大家子 老伙计 说道 说话 认得 受不了 专门 影响 味儿 行动不便"
  ).split(/\s+/),
);

// Not things but how a chat asks or moves: a modal before a verb ("想认", "没进"), a count asked for
// ("几本书", "多不多"), a verb with a direction after it ("交上去", "送上来", "带回家").
// A month, weekday or hour names when, not what: the asked-value gates (asked-value.ts) weigh times.
const timeWord = /^[\d一二三四五六七八九十两]+(?:月份?|号|点钟?|点半)$|^(?:礼拜|星期|周)[一二三四五六日天]$/u;
const asksOrMoves = /^[没不想能要会]|[几多]|\p{Script=Han}[来去上下进出起回]$|回家$/u;

// One-character verbs that name a different deal on a thing than the one an entry offers: buying or
// selling a parking space the entry rents, a refund, a replacement, a theft, recruiting staff, teaching at
// home. jieba leaves them one character long, below the two characters other words need; an entry that
// never says the verb (nor its written form: 购买 for 买, 出售 for 卖) does not answer the question. An
// "A不A" pair ("卖不卖", "招不招"), which jieba leaves as one unknown word, asks about the verb too.
// Chosen on the own sets: each was uncovered only in questions a person should answer; everyday verbs
// (去, 能, 找, 拿, 打, 做) were uncovered in answerable ones as often.
const dealVerbs = new Map<string, string[]>([
  ["买", ["购买"]],
  ["卖", ["出售", "售卖"]],
  ["租", []],
  ["赔", []],
  ["退", []],
  ["补", []],
  ["涨", []],
  ["偷", ["被盗", "盗窃"]],
  ["招", ["招新", "招生", "加入", "新人"]],
  ["改", []],
  ["教", ["课", "教学"]],
  ["捐", []],
]);

const takesThingsIn =
  /(?<!人|生|子|孩|娃|老人|的)收不收(?!费|钱|人|学生|孩子|小孩|娃|新|了|到|取|快递|现金|现钱|微信|支付宝|刷卡|卡)/u;
const takenInAs = ["回收", "收购", "代收", "代卖", "寄卖", "寄存", "收旧"];

/**
 * The content words of the question's asking clauses that `entryText` (the entry's text, normalized,
 * without spaces) never states, most specific first. Clauses that tell or want without asking are
 * context; a question with no asking clause is all asking.
 */
export function findUncoveredWords(question: string, entryText: string): UncoveredWord[] {
  return findUncoveredIn(readAskingWords(question), entryText);
}

/** The question's asking clauses, each cut into tagged words: read once, checked against any entry. */
export interface AskingWords {
  clauses: { takesThingsIn: boolean; words: { word: string; tag: string }[] }[];
}

export function readAskingWords(question: string): AskingWords {
  return {
    clauses: askingClauses(question).map((clause) => ({
      // "收不收旧家电", "菜站收不收自家种的菜": whether they take things in (buy, collect, sell on behalf),
      // not a fee (收不收费) nor people (收不收人, asked as 招). jieba cuts the pair apart with its neighbours.
      takesThingsIn: takesThingsIn.test(clause.text),
      words: tagWords(normalizeText(clause.text)),
    })),
  };
}

/** `findUncoveredWords` for a question already read (the index checks one question against several entries). */
export function findUncoveredIn(asking: AskingWords, entryText: string): UncoveredWord[] {
  const found = new Map<string, UncoveredWord>();
  for (const clause of asking.clauses) {
    if (clause.takesThingsIn && !found.has("收") && !takenInAs.some((form) => entryText.includes(form))) {
      found.set("收", { word: "收", weight: specificWeight });
    }
    for (const { word, tag } of clause.words) {
      const w = word.trim();
      // "招不招" asks whether they 招; "招人" / "收人" whether they take people in, as 招 does.
      const pair = /^(\p{Script=Han})不\1$/u.exec(w)?.[1] ?? (/^[招收]人$/u.test(w) ? "招" : undefined);
      const verb = pair && dealVerbs.has(pair) ? pair : w;
      const writtenAs = dealVerbs.get(verb);
      if (writtenAs && (tag.startsWith("v") || verb !== w) && !found.has(verb)) {
        if (![verb, ...writtenAs].some((form) => entryText.includes(form))) {
          found.set(verb, { word: verb, weight: specificWeight });
        }
        continue;
      }
      if ([...w].length < 2 || !contentTags.test(tag) || !isTopicWord(w) || generic.has(w) || found.has(w)) continue;
      if (asksOrMoves.test(w) || timeWord.test(w)) continue;
      // "棚子" is the "充电棚", "本子" a "本": a noun suffix adds nothing to look for.
      const stem = w.replace(/(?<=\p{Script=Han})[子儿头]$/u, "");
      if (entryText.includes(stem) || coveredByParts(stem, entryText)) continue;
      found.set(w, { word: w, weight: generalIdf(w) ?? (tag === "eng" ? latinWeight : unknownWeight) });
    }
  }
  return [...found.values()].sort((a, b) => b.weight - a.weight);
}

/** Whether an uncovered word is specific enough that the entry should not answer. */
export function leavesSomethingUnanswered(uncovered: UncoveredWord[]): boolean {
  return uncovered.some((u) => u.weight >= specificWeight);
}

// "办证" is stated by "借书证" and "办理": a two-character word whose characters the entry has, each in
// some word. A longer word is stated only if two of its characters stand together in the entry
// ("保管费" is not stated by "保存", "管理" and "免费").
function coveredByParts(word: string, entryText: string): boolean {
  const chars = [...word];
  if (!chars.every((ch) => entryText.includes(ch))) return false;
  if (chars.length <= 2) return true;
  return chars.slice(1).some((ch, i) => entryText.includes(chars[i]! + ch));
}
