// Urgent when safety, health or a home is at risk now. Recall matters most, so any
// cue counts unless its own clause makes it hypothetical, narrowly avoided or past.
import type { Category } from "./taxonomy.js";
import type { MatchContext } from "./match-terms.js";
import { frailAlone, noHeat, notNow, urgentCues } from "./lexicon/urgent-cues.js";

export interface UrgencyFinding {
  urgent: boolean;
  /** The category the strongest cue implies, when one fired. */
  category: Category | null;
}

export function detectUrgency(ctx: MatchContext, clauses: ReadonlyArray<readonly [number, number]>): UrgencyFinding {
  for (const { pattern, category } of urgentCues) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(ctx.text); m; m = pattern.exec(ctx.text)) {
      if (isMuted(ctx, m.index) || isHypothetical(ctx.text, clauses, m.index)) continue;
      return { urgent: true, category };
    }
  }
  const heat = noHeat.exec(ctx.text);
  if (heat && !isMuted(ctx, heat.index) && frailAlone.test(ctx.text)) return { urgent: true, category: "utilities" };
  return { urgent: false, category: null };
}

function isHypothetical(text: string, clauses: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  const clause = clauses.find(([from, to]) => at >= from && at < to);
  const from = Math.max(clause ? clause[0] : 0, at - 8);
  return notNow.test(text.slice(from, at));
}

function isMuted(ctx: MatchContext, at: number): boolean {
  return ctx.muted.some(([from, to]) => at >= from && at < to);
}
