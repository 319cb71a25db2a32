// Community vocabulary: the words residents say, folded onto the word the knowledge base uses.
// Applied to both entries and questions, so either side may use any variant. The groups
// themselves, organised by concept, are in synonym-groups.ts.
import { synonymGroups } from "./synonym-groups.js";

const variantToCanonical = new Map<string, string>();
for (const [canonical, variants] of Object.entries(synonymGroups)) {
  variantToCanonical.set(canonical, canonical);
  for (const variant of variants) variantToCanonical.set(variant, canonical);
}
// Longest first so that "老年人优待证" wins over "老年人", and a canonical word is never re-expanded.
const pattern = new RegExp([...variantToCanonical.keys()].sort((a, b) => b.length - a.length).join("|"), "g");

/** Replaces every known variant by its canonical word. */
export function replaceSynonyms(text: string): string {
  return text.replace(pattern, (word) => variantToCanonical.get(word) ?? word);
}

/** Every variant with the word it folds to, so a slip in a variant ("心里医生") can still be recognised. */
export function listSynonymVariants(): [variant: string, canonical: string][] {
  return [...variantToCanonical.entries()].filter(([variant, canonical]) => variant !== canonical);
}
