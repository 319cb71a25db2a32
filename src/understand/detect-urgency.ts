// Urgent when safety, health or a home is at risk now. Recall matters most, so any
// cue counts unless its own clause makes it hypothetical, narrowly avoided or past,
// the message is retelling news, or a later clause calls it off.
import type { Category } from "./taxonomy.js";
import { isDeniedAt } from "./denial.js";
import type { MatchContext } from "./match-terms.js";
import {
  acuteMarker,
  allClear,
  askedAhead,
  distressBody,
  distressHazard,
  distressMissing,
  distressWater,
  frailAlone,
  noHeat,
  notNow,
  ongoing,
  pastLead,
  retold,
  urgentCues,
} from "./lexicon/urgent-cues.js";

export interface UrgencyFinding {
  urgent: boolean;
  /** The category the strongest cue implies, when one fired. */
  category: Category | null;
}

const distressKinds: ReadonlyArray<readonly [RegExp, Category]> = [
  [distressWater, "repair"],
  [distressHazard, "safety"],
  [distressMissing, "safety"],
  [distressBody, "medical"],
];

export function detectUrgency(ctx: MatchContext, clauses: ReadonlyArray<readonly [number, number]>): UrgencyFinding {
  if (askedAhead.test(ctx.text)) return { urgent: false, category: null };
  for (const { pattern, category } of urgentCues) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(ctx.text); m; m = pattern.exec(ctx.text)) {
      if (isMuted(ctx, m.index) || isNotNow(ctx.text, clauses, m.index)) continue;
      if (endsSupposed(ctx.text, clauses, m.index, m.index + m[0].length)) continue;
      if (isDenied(ctx.text, m.index, m[0]) || smellDenied.test(m[0]) || isTobacco(ctx.text, m[0])) continue;
      if (isPetAway(ctx.text, m.index, m[0])) continue;
      if (isKnockedAboutLeak(ctx.text, m[0])) continue;
      return { urgent: true, category };
    }
  }
  const heat = noHeat.exec(ctx.text);
  if (heat && !isMuted(ctx, heat.index) && frailAlone.test(ctx.text)) return { urgent: true, category: "utilities" };
  // Told in words no cue knows: a person or a home in trouble, said with urgency. The kind
  // of trouble points to the category, as a named cue would.
  if (acuteMarker.test(ctx.text) && !handedBack.test(ctx.text)) {
    for (const [pattern, category] of distressKinds) {
      const trouble = pattern.exec(ctx.text);
      if (!trouble || isMuted(ctx, trouble.index) || isNotNow(ctx.text, clauses, trouble.index)) continue;
      if (notNow.test(clauseAt(ctx.text, clauses, trouble.index))) continue;
      if (isDenied(ctx.text, trouble.index, trouble[0])) continue;
      if (isAboutPet(ctx.text, trouble.index, trouble[0])) continue;
      if (pattern === distressMissing && owed.test(ctx.text)) continue;
      return { urgent: true, category };
    }
  }
  return { urgent: false, category: null };
}

// Something found, its owner told to come for it ("被子掉下来了 快来拿"): a note to neighbours, however
// hurried; a person in trouble is never "collected".
const handedBack = /捡到|拾到|谁丢的|失主|失物|认领|来(?:拿|领|取|认)(?:一下|走)?(?:吧|啊)?(?:[,.!?\s]|$)/;

/** The clause holding position `at` (the fallback is stricter: any hedge in it counts). */
function clauseAt(text: string, clauses: ReadonlyArray<readonly [number, number]>, at: number): string {
  const clause = clauses.find(([from, to]) => at >= from && at < to);
  return clause ? text.slice(clause[0], clause[1]) : text;
}

// A gas cue that spans the denial of its own smell: "煤气灶打不着 没闻到什么味".
const smellDenied = /没(?:有)?闻|没(?:什么|啥)味|没有?(?:煤气|燃气|天然气)?味/;
// "没冒火", "没有煤气味", "没闻到煤气味", "一点火苗都没有": the cue is denied in its clause.
const denial = /(?:没有?|并没|不|未|无)$/;
function isDenied(text: string, at: number, matched: string): boolean {
  return denial.test(text.slice(Math.max(0, at - 2), at)) || isDeniedAt(text, at, at + matched.length);
}

// Smoke from a neighbour's cigarettes is a nuisance (a dispute), not a fire: a smoke cue
// with no burning word in it does not count when the message is about smoking.
const tobacco = /抽烟|吸烟|烟头|二手烟|烟瘾|烟味儿?.{0,6}(?:抽|吸)/;
const burning = /火|焦|糊|烧|着了|炸|爆/;
function isTobacco(text: string, matched: string): boolean {
  return matched.includes("烟") && !burning.test(matched) && tobacco.test(text);
}

// A cat or dog that ran off and has not come back is a loss to post about, not a missing person:
// a missing cue counts only when no pet is named just before it, or a person is named with it.
const pet = /猫|狗|宠物|鹦鹉|八哥|兔子|仓鼠|乌龟|泰迪|金毛|柯基|哈士奇/;
const petAfter = new RegExp(`^的?[^,.!?\\s]{0,4}(?:${pet.source})`);
const person = /老人|孩子|小孩|娃|宝宝|我妈|我爸|老伴|奶奶|爷爷|大爷|大妈|老太|老头|他|她|我(?!家|们家)/;
// ...and so is a pet stuck somewhere ("我家狗卡在两辆车中间出不来"): an animal's trouble, not a person trapped.
const away = /回来|回家|到家|丢|不见|找不|走失|出去|出门|没动静|卡(?:在|住|进)|困(?:在|住)|出不来|下不来/;
function isPetAway(text: string, at: number, matched: string): boolean {
  return away.test(matched) && isAboutPet(text, at, matched);
}

/** A pet is named just before the cue ("猫跑丢了") or right after it ("走丢的小狗"), and no person before it. */
function isAboutPet(text: string, at: number, matched: string): boolean {
  const end = at + matched.length;
  const named = pet.test(text.slice(Math.max(0, at - 16), end)) || petAfter.test(text.slice(end, end + 8));
  return named && !person.test(text.slice(0, end));
}

// Someone who owes money and stops answering (a boss, a landlord) is a legal matter, not a
// person missing: the unanswered phone alone does not make it urgent.
// So is a car owner who does not pick up when asked to move the car.
const owed =
  /工资|工钱|欠(?:我|钱|款|债)|押金|老板|包工头|房东|中介|借钱|还钱|退款|退钱|被骗|骗了|维权|保健品|挪车|车主/;

const newsAfter = /^(?:新闻|报道|事故的新闻|案例)/;
// "老人摔了好几个", "摔过好几回": counted over time, so no one is down now.
const countedAfter = /^[^,.!?\s]{0,2}?[了过]?(?:好几|几)(?:个|回|次|位|趟)/;

function isNotNow(text: string, clauses: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  const clause = clauses.find(([from, to]) => at >= from && at < to);
  const start = clause ? clause[0] : 0;
  if (notNow.test(text.slice(Math.max(start, at - 8), at))) return true;
  if (retold.test(text.slice(0, at)) || allClear.test(text.slice(at))) return true;
  // "好多溺水新闻": the danger is the subject of news, named right before the word for it.
  if (countedAfter.test(text.slice(at + 1))) return true;
  if (newsAfter.test(text.slice(at).replace(/^[^,.!?\s]*?(?=新闻|报道|事故的|案例)/, ""))) return true;
  // "上周煤气泄漏那次" is over; "昨天开始一直胸口疼" and "昨天摔的 到现在还起不来" are not.
  const past = pastLead.exec(text.slice(start, at));
  return past !== null && !ongoing.test(text.slice(start + past.index));
}

// A cue that runs on into a later clause which only supposes its second half ("离不开制氧机 …
// 要是赶上停电可咋办"): the worry is about what may happen, not what is happening.
// A resident who went up about a leak and found no one in (楼上漏水 敲门没人开): a neighbour out is
// no missing person, unless someone frail is said to live there.
const leakFromAbove = /楼上[^,.!?]{0,16}(?:漏|渗|滴|水)|(?:漏|渗|滴)[^,.!?]{0,16}楼上/;
const frailThere = /老人|老太|老头|大爷|大妈|奶奶|爷爷|独居|一个人住/;
function isKnockedAboutLeak(text: string, matched: string): boolean {
  return /敲|门/.test(matched) && leakFromAbove.test(text) && !frailThere.test(text);
}

const supposedOpening = /^[就我真也还可]{0,2}(?:要是|万一|如果|假如|假设|怕|担心|生怕)/;
function endsSupposed(
  text: string,
  clauses: ReadonlyArray<readonly [number, number]>,
  from: number,
  to: number,
): boolean {
  const last = clauses.find(([a, b]) => to - 1 >= a && to - 1 < b);
  if (!last || from >= last[0]) return false;
  return supposedOpening.test(text.slice(last[0], to));
}

function isMuted(ctx: MatchContext, at: number): boolean {
  return ctx.muted.some(([from, to]) => at >= from && at < to);
}
