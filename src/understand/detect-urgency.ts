// Urgent when safety, health or a home is at risk now. Recall matters most, so any
// cue counts unless its own clause makes it hypothetical, narrowly avoided or past,
// the message is retelling news, or a later clause calls it off.
import type { Category } from "./taxonomy.js";
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
      if (isDenied(ctx.text, m.index) || isTobacco(ctx.text, m[0])) continue;
      if (isPetAway(ctx.text, m.index, m[0])) continue;
      return { urgent: true, category };
    }
  }
  const heat = noHeat.exec(ctx.text);
  if (heat && !isMuted(ctx, heat.index) && frailAlone.test(ctx.text)) return { urgent: true, category: "utilities" };
  // Told in words no cue knows: a person or a home in trouble, said with urgency. The kind
  // of trouble points to the category, as a named cue would.
  if (acuteMarker.test(ctx.text)) {
    for (const [pattern, category] of distressKinds) {
      const trouble = pattern.exec(ctx.text);
      if (!trouble || isMuted(ctx, trouble.index) || isNotNow(ctx.text, clauses, trouble.index)) continue;
      if (notNow.test(clauseAt(ctx.text, clauses, trouble.index))) continue;
      if (isAboutPet(ctx.text, trouble.index, trouble[0])) continue;
      if (pattern === distressMissing && owed.test(ctx.text)) continue;
      return { urgent: true, category };
    }
  }
  return { urgent: false, category: null };
}

/** The clause holding position `at` (the fallback is stricter: any hedge in it counts). */
function clauseAt(text: string, clauses: ReadonlyArray<readonly [number, number]>, at: number): string {
  const clause = clauses.find(([from, to]) => at >= from && at < to);
  return clause ? text.slice(clause[0], clause[1]) : text;
}

// "没冒火", "没有煤气味": the cue is denied right before it.
const denial = /(?:没有?|并没|不|未|无)$/;
function isDenied(text: string, at: number): boolean {
  return denial.test(text.slice(Math.max(0, at - 2), at));
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
const person = /老人|孩子|小孩|娃|宝宝|我妈|我爸|老伴|奶奶|爷爷|大爷|大妈|老太|老头|他|她|我(?!家|们家)/;
const away = /回来|回家|到家|丢|不见|找不|走失|出去|出门|没动静/;
function isPetAway(text: string, at: number, matched: string): boolean {
  return away.test(matched) && isAboutPet(text, at, matched);
}

/** A pet is named just before the cue and no person before it: the trouble is the animal's. */
function isAboutPet(text: string, at: number, matched: string): boolean {
  const end = at + matched.length;
  return pet.test(text.slice(Math.max(0, at - 16), end)) && !person.test(text.slice(0, end));
}

// Someone who owes money and stops answering (a boss, a landlord) is a legal matter, not a
// person missing: the unanswered phone alone does not make it urgent.
const owed = /工资|工钱|欠(?:我|钱|款|债)|押金|老板|包工头|房东|中介|借钱|还钱|退款|退钱|被骗|骗了|维权|保健品/;

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

function isMuted(ctx: MatchContext, at: number): boolean {
  return ctx.muted.some(([from, to]) => at >= from && at < to);
}
