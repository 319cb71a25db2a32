// Words that point at a concept without meaning the same thing: a resident who wants to "取钱" is
// asking about the bank, one whose "电吹风" broke is asking about the repair team. An entry that names
// the concept is indexed with these words too, so a question in everyday words still finds it.
// The lists are data (src/words/related.yaml and a community's words.yaml), keys written as the
// knowledge base writes them after synonym folding.
import { fromActiveWords } from "../words/active-words.js";
import { normalizeText } from "./normalize-text.js";

// Keys as normalized text writes them ("入户小修" reads "上门小修" once synonyms are folded).
const byKey = fromActiveWords((words) =>
  Object.entries(words.related).map(([key, list]) => [compact(normalizeText(key)), list] as const),
);

function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

/** The everyday words pointing at concepts that the (already normalized) text names. */
export function findRelatedWords(normalized: string): string[] {
  const text = compact(normalized);
  return byKey()
    .filter(([key]) => text.includes(key))
    .flatMap(([, words]) => words);
}

/** The concepts' keys as the index sees them, for checking that each one can ever match. */
export function listRelatedKeys(): string[] {
  return byKey().map(([key]) => key);
}
