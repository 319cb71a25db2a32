// Community vocabulary: the words residents say, folded onto the word the knowledge base uses.
// Applied to both entries and questions, so either side may use any variant. The groups
// themselves, organised by concept, are data: src/words/synonyms.yaml and a community's words.yaml.
import { escapeWord, fromActiveWords } from "../words/active-words.js";
import { generalIdf } from "./general-word-weight.js";

const compiled = fromActiveWords((words) => {
  const variantToCanonical = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(words.synonyms)) {
    variantToCanonical.set(canonical, canonical);
    for (const variant of variants) variantToCanonical.set(variant, canonical);
  }
  // Longest first so that "老年人优待证" wins over "老年人", and a canonical word is never re-expanded.
  const keys = [...variantToCanonical.keys()].sort((a, b) => b.length - a.length);
  return { variantToCanonical, pattern: new RegExp(keys.map(escapeWord).join("|"), "g") };
});

/**
 * Replaces every known variant by its canonical word, except a short form of the canonical word that begins
 * a longer word the general corpus knows ("太极剑" is no "太极拳剑", though 太极 folds to 太极拳).
 */
export function replaceSynonyms(text: string): string {
  const { variantToCanonical, pattern } = compiled();
  return text.replace(pattern, (word, offset: number) => {
    const canonical = variantToCanonical.get(word) ?? word;
    if (canonical === word || !canonical.startsWith(word)) return canonical;
    const next = text[offset + word.length];
    if (next && hanChar.test(next) && !variantToCanonical.has(word + next) && generalIdf(word + next) !== undefined) {
      return word;
    }
    return canonical;
  });
}

const hanChar = /\p{Script=Han}/u;

/** Every variant with the word it folds to, so a slip in a variant ("心里医生") can still be recognised. */
export function listSynonymVariants(): [variant: string, canonical: string][] {
  return [...compiled().variantToCanonical.entries()].filter(([variant, canonical]) => variant !== canonical);
}
