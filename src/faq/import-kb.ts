// Imports a checked knowledge base into the store; entries are matched by id, so importing again updates them.
import type { WordList } from "../words/word-list.js";
import type { KbEntry } from "./kb-entry.js";
import { loadValidKb } from "./lint-kb.js";

/** Who wrote entries and where they came from, kept with each row for staff to trace. */
export interface KbWriteInfo {
  source?: string;
  updatedBy?: string;
}

export interface KbStore {
  upsertEntries(entries: KbEntry[], info?: KbWriteInfo): Promise<{ created: number; updated: number }>;
  listEntries(): Promise<KbEntry[]>;
  /** The community's own words (its words.yaml), replaced as a whole on each import. */
  saveWords(words: WordList): Promise<void>;
  loadWords(): Promise<WordList>;
}

export interface ImportKbResult {
  created: number;
  updated: number;
  total: number;
}

/** Throws KbInvalidError (nothing written) when the knowledge base has problems. */
export async function importKb(path: string, store: KbStore, info: KbWriteInfo = {}): Promise<ImportKbResult> {
  const { entries, words } = loadValidKb(path);
  const { created, updated } = await store.upsertEntries(entries, { source: path, ...info });
  await store.saveWords(words);
  return { created, updated, total: entries.length };
}
