// Scores every category's lexicon against a message and picks the main one.
import type { Category } from "./taxonomy.js";
import { compileTerms, type MatchContext, scoreTerms, type Term } from "./match-terms.js";
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
    const { total } = scoreTerms(ctx, terms);
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
