// The knowledge base's own terms a slip is checked against (fix-slips.ts): the words of its titles and
// tags, its quoted coined names, and the community's kept-whole words (src/words, words.yaml) that an
// entry uses. Not the answers' words: an answer mentions much that no one asks about by name.
import { activeWords } from "../words/active-words.js";
import type { KbEntry } from "./kb-entry.js";
import { generalIdf } from "./general-word-weight.js";
import { normalizeText } from "./normalize-text.js";
import { tokenizeForSearch } from "./tokenize.js";

export function collectSlipTerms(entries: KbEntry[], phrases: string[]): string[] {
  const terms = new Set<string>(phrases);
  const text = entries
    .map((e) => normalizeText([e.title, ...e.tags, e.answer, ...e.questions].join("\n")).replace(/\s+/g, ""))
    .join("\n");
  for (const entry of entries) {
    for (const piece of [entry.title, ...entry.tags, ...entry.questions]) {
      // A word jieba glued from a phrasing ("能修", "能报") is no term anyone types.
      for (const term of tokenizeForSearch(piece)) if (generalIdf(term) !== undefined) terms.add(term);
    }
    // A short title or tag as a whole ("彩虹维修服务队"), without a bracketed gloss.
    for (const piece of [entry.title, ...entry.tags]) {
      if (!/[（(]/.test(piece)) terms.add(normalizeText(piece).replace(/\s+/g, ""));
    }
  }
  for (const entry of activeWords().words) {
    const word = entry.split(" ")[0]!;
    if (text.includes(word)) terms.add(word);
  }
  return [...terms];
}
