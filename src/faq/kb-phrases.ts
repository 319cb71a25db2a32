// Names the knowledge base coins for its services ("月月说事", "暖心驿站", "双报到") are cut into
// everyday characters by jieba; finding them whole keeps a question that names one on its entry.
import { normalizeText } from "./normalize-text.js";

const quoted = /[“"「『]([^”"」』]{2,8})[”"」』]/g;

/** Quoted names and short titles (without their bracketed glosses) of the entries, normalized. */
export function collectKbPhrases(texts: string[]): string[] {
  const phrases = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(quoted)) phrases.add(normalizeText(m[1]!).replace(/\s+/g, ""));
  }
  return [...phrases].filter((p) => [...p].length >= 3);
}

/** The phrases that occur in already-normalized text. */
export function findPhrases(normalized: string, phrases: string[]): string[] {
  const compact = normalized.replace(/\s+/g, "");
  return phrases.filter((p) => compact.includes(p));
}
