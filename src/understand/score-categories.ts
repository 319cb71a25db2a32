// Scores every category's lexicon against a message and picks the main one.
import type { Category } from "./taxonomy.js";
import { isDeniedAt } from "./denial.js";
import { compileTerms, type Hit, type MatchContext, scoreTerms, type Term } from "./match-terms.js";
import {
  disputeTerms,
  elderlyTerms,
  medicalTerms,
  repairTerms,
  sanitationTerms,
  utilitiesTerms,
} from "./lexicon/home-categories.js";
import {
  adminTerms,
  legalTerms,
  otherTerms,
  parkingTerms,
  safetyTerms,
  suggestionTerms,
} from "./lexicon/community-categories.js";

// Order breaks ties: hazards before faults before services, "other" last.
const lexicons: ReadonlyArray<readonly [Category, Term[]]> = [
  ["safety", compileTerms(safetyTerms)],
  ["utilities", compileTerms(utilitiesTerms)],
  ["repair", compileTerms(repairTerms)],
  ["elderly", compileTerms(elderlyTerms)],
  ["medical", compileTerms(medicalTerms)],
  ["dispute", compileTerms(disputeTerms)],
  ["sanitation", compileTerms(sanitationTerms)],
  ["parking", compileTerms(parkingTerms)],
  ["legal", compileTerms(legalTerms)],
  ["admin", compileTerms(adminTerms)],
  ["suggestion", compileTerms(suggestionTerms)],
  ["other", compileTerms(otherTerms)],
];

// Categories whose words name a danger, an injury, a thing or a wish that a denial cancels:
// "也没着火" is no fire, "没出血" no injury, "楼里没电梯" no lift to fix, "不想打官司" no lawsuit.
// Supplies are left out ("没有暖气" is the problem itself), and so are the things whose absence is
// the danger (没有井盖, 没护栏, 没有保安), and medicine that ran out (没药了).
const deniable: Partial<Record<Category, (hit: string) => boolean>> = {
  safety: (hit) => !/井盖|护栏|栏杆|扶手|灭火器|围栏|防护|盖子|保安|门卫|监控|摄像头|巡逻/.test(hit),
  medical: (hit) => /血|烧|热|疼|痛|晕|昏|伤|骨|吐|咳/.test(hit),
  repair: () => true,
  legal: () => true,
};

// A supply said to be working ("他家暖气倒是热的", "水电都正常") is not the matter.
const supplyFine = /^(?:倒是|倒|都|也|还|是)(?:挺|很|蛮|还)?(?:热的|热乎|暖和|正常|好好的)/;

function countedTotal(ctx: MatchContext, category: Category, hits: Hit[], total: number): number {
  if (category === "utilities") {
    let counted = 0;
    for (const hit of hits) if (!supplyFine.test(ctx.text.slice(hit.end, hit.end + 8))) counted += hit.weight;
    return counted;
  }
  const check = deniable[category];
  if (!check) return total;
  let counted = 0;
  for (const hit of hits) {
    const word = ctx.text.slice(hit.start, hit.end);
    if (!(check(word) && isDeniedAt(ctx.text, hit.start, hit.end))) counted += hit.weight;
  }
  return counted;
}

export interface CategoryScores {
  best: Category;
  top: number;
  second: number;
  scores: Partial<Record<Category, number>>;
}

export function scoreCategories(ctx: MatchContext): CategoryScores {
  const scores: Partial<Record<Category, number>> = {};
  let best: Category = "other";
  let top = 0;
  let second = 0;
  for (const [category, terms] of lexicons) {
    const score = scoreTerms(ctx, terms);
    const total = countedTotal(ctx, category, score.hits, score.total);
    if (total === 0) continue;
    scores[category] = total;
    if (total > top) {
      second = top;
      top = total;
      best = category;
    } else if (total > second) {
      second = total;
    }
  }
  return { best, top, second, scores };
}
