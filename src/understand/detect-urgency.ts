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

function isNotNow(text: string, clauses: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  const clause = clauses.find(([from, to]) => at >= from && at < to);
  const start = clause ? clause[0] : 0;
  if (notNow.test(text.slice(Math.max(start, at - 8), at))) return true;
  if (retold.test(text.slice(0, at)) || allClear.test(text.slice(at))) return true;
  // "上周煤气泄漏那次" is over; "昨天开始一直胸口疼" and "昨天摔的 到现在还起不来" are not.
  const past = pastLead.exec(text.slice(start, at));
  return past !== null && !ongoing.test(text.slice(start + past.index));
}

function isMuted(ctx: MatchContext, at: number): boolean {
  return ctx.muted.some(([from, to]) => at >= from && at < to);
}
