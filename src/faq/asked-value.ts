// Some questions ask for a value: an amount of money, a date, a time of day, how long something takes,
// how many. An entry can be about the right thing and still never state such a value ("党费一个月交多少"
// when the entry says how to transfer membership, "派出所户籍窗口几点上班" when it names the police
// station but not its hours, "过年放几天假" when it gives the usual opening days): answering with it reads
// as an answer and is not one, so a person answers. Only the asking clauses count (question-focus.ts);
// the story around them often names a time or a sum that is not asked for.
//
// Chosen on the own labelled sets: requiring also that the asked-about words stand in the same sentence
// as the value lost four answerable questions for each near miss it caught (the value and its subject
// are often a sentence apart: "驿站…。营业时间9:00-21:00"); the presence of any value of the kind cost
// none.
import { normalizeText } from "./normalize-text.js";
import { tagWords } from "../text/segment.js";
import { commonSurname } from "../text/surnames.js";
import { generalIdf } from "./general-word-weight.js";
import { askingClauses } from "./question-focus.js";

export type AskedValue =
  | "amount"
  | "date"
  | "clock"
  | "duration"
  | "count"
  | "holiday"
  | "name"
  | "documents"
  | "present"
  | "validity";

// Who someone is, or what a thing is called. The knowledge base names people by their role: the role, then
// a name the general corpus does not know or jieba reads as a person's name ("队长刘桂兰", "网格员李娜",
// not "律师驻点"), or a surname and the role ("周社长"). A thing's name is quoted ("“志愿幸福”小程序",
// 《地道战》); a quoted coined term does not name a person ("“红色物业”" is no manager's name).
const roles = "社长|队长|主任|书记|老师|医生|律师|教练|站长|经理|网格员|委员|组长|馆长|校长";
const asksAboutPerson = new RegExp(`${roles}|队员|成员|咨询师|师傅|大夫|负责人`, "u");
const roleThenName = new RegExp(`(?:${roles})(\\p{Script=Han}{2,3})(?=[，。、；（(,;]|电话)`, "gu");
const surnameThenRole = new RegExp(
  `${commonSurname}(?:${roles.replace("|网格员|委员|组长|馆长|校长", "")})(?!们)`,
  "u",
);
const quotedName = /“[^”]{2,12}”|《[^》]{1,20}》/u;
function namesSomeone(answer: string, asked: string): boolean {
  if (!asksAboutPerson.test(asked) && quotedName.test(answer)) return true;
  if (surnameThenRole.test(answer)) return true;
  for (const [, name] of answer.matchAll(roleThenName)) {
    if (generalIdf(name!) === undefined) return true;
    if (tagWords(name!).some(({ word, tag }) => /^nr/u.test(tag) && [...word].length >= 2)) return true;
  }
  return false;
}

const kinds: { kind: AskedValue; asks: RegExp; states: RegExp | ((answer: string, asked: string) => boolean) }[] = [
  {
    // Whether it costs anything ("收费不", "要钱吗"): a price, 免费, or that one pays (自费, 有偿) answers.
    kind: "amount",
    asks: /收费[不吗么没]|收不收费|收钱[不吗么]|收不收钱|要钱[不吗么]|要不要钱|花钱[不吗么]|免费[不吗么]|免不免费|交钱[不吗么]|掏钱[不吗么]/u,
    states: /\d+(?:\.\d+)?\s*(?:元|块)|免费|不收|收费|收取|不要钱|自费|自理|有偿|无偿|成本价/u,
  },
  {
    kind: "amount",
    asks: /多少钱|几块钱|几毛钱|多少块|什么价|啥价|价钱|价格|收费标准|缴费标准|交多少|缴多少|给多少|领多少|发多少|补多少|罚多少|赔多少|报销多少|拿多少|一个月多少|一年多少|一次多少|费用多少|多少费|\p{Script=Han}费(?:多少|咋收|怎么收|怎么算|几多)/u,
    states: /\d+(?:\.\d+)?\s*(?:元|块|毛|角)|[一二两三四五六七八九十百千万]+[元块]|免费|不收费|不收钱|无偿|不要钱/u,
  },
  {
    kind: "date",
    asks: /啥时候|什么时候|何时|哪几天|几时|日子/u,
    states:
      /\d+月|\d+[日号]|[周礼拜星期][一二三四五六日天]|星期|每月|每年|每周|每天|工作日|节假日|月底|月初|上旬|中旬|下旬|春节|重阳|端午|中秋|国庆|元旦|暑假|寒假|季度|开学|常年|随时/u,
  },
  {
    // A day asked for ("每个月几号到账", "哪天彩排"): "每月" or "按月" alone does not name one.
    kind: "date",
    asks: /几号|哪天|哪一天|几月几|初几/u,
    states:
      /\d+月|\d+[日号]|[周礼拜星期][一二三四五六日天]|星期[一二三四五六日天]|月底|月初|上旬|中旬|下旬|春节|重阳|端午|中秋|国庆|元旦|开学|第[一二三四\d]+个/u,
  },
  {
    kind: "clock",
    asks: /几点|多早|多晚|营业时间|上班时间|开放时间/u,
    states: /\d+[:：]\d+|\d+点|上午|下午|晚上|早上|中午|全天|24小时/u,
  },
  {
    kind: "duration",
    asks: /多久|多长时间|几天|多少天|几个月|多少年|几年|多长/u,
    states:
      /\d+\s*(?:个)?(?:工作日|天|日|小时|分钟|个月|月|年|周)|[一二两三四五六七八九十半]+(?:个)?(?:工作日|天|小时|分钟|个月|年|周)|当场|当天|立即|马上|即时|随到随办|长期|一直/u,
  },
  {
    // "国庆节上班不", "过年开不开": an entry that gives the usual hours and says nothing of days off
    // would answer with those hours, which may well be wrong on the day.
    kind: "holiday",
    asks: /过年|春节|大年|年三十|除夕|国庆|五一|劳动节|元旦|端午|中秋|清明|放假|过节|假期|节假日/u,
    states: /过年|春节|大年|除夕|国庆|五一|劳动节|元旦|端午|中秋|清明|放假|过节|假期|节假日|节日|全年|每天/u,
  },
  {
    // Who someone is ("驻社区的律师叫啥名", "业委会委员都是谁", "教练是哪请的"): the knowledge base names
    // people by their role ("队长刘桂兰", "网格员李娜", "周社长"); an entry that names no one in a role does
    // not say who. (Their phone or home is never answered: private-details.ts.)
    kind: "name",
    asks: /叫啥|叫什么|姓啥|姓什么|都有谁|都是谁|是哪位|名单|哪请的|哪儿请的|从哪请|是谁[啊呀呢]?$/u,
    states: namesSomeone,
  },
  {
    // What to bring ("补办门禁卡要带啥证件"): an entry that names no paper and no "带/凭" does not say.
    kind: "documents",
    asks: /带啥|带什么|带些啥|带些什么|啥材料|什么材料|哪些材料|啥证件|什么证件|哪些证件|准备啥|准备什么|带哪些/u,
    states:
      /身份证|户口|证件|材料|照片|复印件|证明|(?:结婚|房产|行驶|居住|低保|残疾|老年|接种|借阅|供养|优待)证|[带凭持]\p{Script=Han}{0,6}(?:证|卡|本|书|信)/u,
  },
  {
    // How things stand now ("这学期还有名额没", "加装电梯那事办到哪一步了"): the knowledge base says how a
    // service works, never how far a case has got or whether places are left today.
    kind: "present",
    asks: /^(?!.*(?:在哪|哪里|哪儿|哪能|公示|看到|查到|查看)).*(?:还有名额|有名额没|名额还有|还剩几个|还剩多少|满了没|满没满|报满了[吗没]|进展|进度|哪一步|到哪步|啥动静|有动静|办得咋样|办得怎么样|办到哪|结果出来)/u,
    states: /(?!)/u,
  },
  {
    // How long a paper or card stays valid ("居住证明开出来管多长时间", "会不会过期"): not how long it
    // takes to get one, which an entry's "3个工作日" answers.
    kind: "validity",
    asks: /有效期|管多长时间|管多久|管几年|管几个月|多久过期|会不会过期|过不过期|能用多久|能管多久|多长时间有效|多久有效|过期/u,
    states: /有效|过期|期限|长期|终身|周期|到期|续签|续约|年审|每年.{0,4}(?:审|换|认证|签)|一年一签/u,
  },
  {
    kind: "count",
    asks: /几本|几个|几次|几位|几张|几份|几人|多少人|多少个|多少次|几件|几斤/u,
    states: /\d+|[一二两三四五六七八九十]+[本个次位张份人件斤名]|不限/u,
  },
];

/**
 * The first kind of value the question's asking clauses ask for that `answer` (the entry's answer
 * text) states nowhere, or undefined when the answer states a value of every kind asked.
 */
export function findUnstatedValue(question: string, answer: string): AskedValue | undefined {
  const stated = [answer, normalizeText(answer)];
  for (const clause of askingClauses(question)) {
    const text = [clause.text, normalizeText(clause.text)];
    for (const { kind, asks, states } of kinds) {
      const says = (a: string) => (typeof states === "function" ? states(a, clause.text) : states.test(a));
      if (text.some((t) => asks.test(t)) && !stated.some(says)) return kind;
    }
  }
  return undefined;
}

// An answer that names the thing asked but leaves its value to a later notice ("法定节假日另行通知",
// "低保标准以区民政局当年公布为准", "社区统一安排彩排") does not answer it.
const deferral = /另行通知|另行公布|另行安排|为准|群里通知|统一安排|待定|届时通知/u;
// The days off a resident names, which the answer calls 节假日.
const holiday = /过年|春节|大年|国庆|五一|元旦|端午|中秋|清明|放假|过节|假期|节假日/u;

/**
 * A word of the question's asking clauses that the answer mentions only where it defers to a later
 * notice, or undefined.
 */
export function findDeferredWord(question: string, answer: string): string | undefined {
  const parts = normalizeText(answer).split(/[，,。；;：:\n]/u);
  const deferred = parts.filter((p) => deferral.test(p));
  if (deferred.length === 0) return undefined;
  const settled = parts.filter((p) => !deferral.test(p));
  for (const clause of askingClauses(question)) {
    const text = normalizeText(clause.text);
    const words = tagWords(text)
      .map(({ word }) => word)
      .filter((w) => [...w].length >= 2 && !/[吗呢啊不没几多啥么]/u.test(w));
    if (holiday.test(text)) words.push("节假日");
    for (const w of words) {
      if (deferred.some((p) => p.includes(w)) && !settled.some((p) => p.includes(w))) return w;
    }
  }
  return undefined;
}
