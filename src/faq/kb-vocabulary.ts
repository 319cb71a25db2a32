// What the knowledge base talks about: which terms appear in how many entries, and which in each entry.
// Used to weigh a question's words and to fix one-character typos ("彩虹维秀" → "彩虹维修").
import { listSynonymVariants } from "./synonyms.js";

export interface KbVocabulary {
  entryCount: number;
  /** Number of entries containing each term. */
  documentFrequency: Map<string, number>;
  termsOf: Map<string, Set<string>>;
  /**
   * Han-character terms of 3-4 characters by length, the sizes where a one-character slip is still
   * recognisable, each with the term it stands for (itself, or the canonical word of a synonym).
   */
  correctable: Map<number, [string, string][]>;
}

const han = /^\p{Script=Han}+$/u;

export function buildVocabulary(termsById: Map<string, string[]>): KbVocabulary {
  const documentFrequency = new Map<string, number>();
  const termsOf = new Map<string, Set<string>>();
  for (const [id, terms] of termsById) {
    const set = new Set(terms);
    termsOf.set(id, set);
    for (const term of set) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const correctable = new Map<number, [string, string][]>();
  const addCorrectable = (written: string, meant: string) => {
    const length = [...written].length;
    if (length < 3 || length > 4 || !han.test(written)) return;
    const list = correctable.get(length) ?? [];
    list.push([written, meant]);
    correctable.set(length, list);
  };
  for (const term of documentFrequency.keys()) addCorrectable(term, term);
  for (const [variant, canonical] of listSynonymVariants()) {
    if (documentFrequency.has(canonical)) addCorrectable(variant, canonical);
  }
  return { entryCount: termsById.size, documentFrequency, termsOf, correctable };
}

/** The known term one substituted character away from `word`, when there is exactly one. */
export function correctTypo(vocabulary: KbVocabulary, word: string): string | undefined {
  const chars = [...word];
  if (!han.test(word) || vocabulary.documentFrequency.has(word)) return undefined;
  const found = new Set<string>();
  for (const [written, meant] of vocabulary.correctable.get(chars.length) ?? []) {
    let differences = 0;
    let i = 0;
    for (const ch of written) {
      if (ch !== chars[i++] && ++differences > 1) break;
    }
    if (differences === 1) found.add(meant);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * How telling a word is: rarer in the knowledge base weighs more. A noun the knowledge base never uses
 * weighs as a rare one (the question is likely about something else); other unknown words are
 * mostly how people talk ("拖拖拉拉", "费劲") and weigh little.
 */
export function weighWord(vocabulary: KbVocabulary, word: string, noun: boolean): number {
  const df = vocabulary.documentFrequency.get(word);
  if (df !== undefined) return Math.log(1 + vocabulary.entryCount / df);
  return Math.log(1 + vocabulary.entryCount / unknownWordFrequency) * (noun ? 1 : unknownOtherWeight);
}

const unknownWordFrequency = 1;
const unknownOtherWeight = 0.3;
