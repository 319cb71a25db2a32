// Imports a checked knowledge base into the store; entries are matched by id, so importing again updates them.
import type { WordList } from "../words/word-list.js";
import type { KbEntry } from "./kb-entry.js";
import { loadValidKb } from "./lint-kb.js";

/** Who wrote entries and where they came from, kept with each row for staff to trace. */
export interface KbWriteInfo {
  source?: string;
  updatedBy?: string;
}

/** A question the FAQ answered from an entry (masked and cut short: no phone, no name, no asker). */
export interface FaqMatch {
  entryId: string;
  question: string;
  at: Date;
}

export interface KbStore {
  upsertEntries(entries: KbEntry[], info?: KbWriteInfo): Promise<{ created: number; updated: number }>;
  listEntries(): Promise<KbEntry[]>;
  /** False when there was no such entry. The questions noted for it are removed with it. */
  deleteEntry(id: string): Promise<boolean>;
  /**
   * Writes `entry` under its (new) id in place of the entry `from`, in one step: the questions noted for
   * the old id follow it. False when there was no entry `from`.
   */
  renameEntry(from: string, entry: KbEntry, info?: KbWriteInfo): Promise<boolean>;
  /** Keeps the latest `keep` matches of the entry, dropping older ones. */
  recordMatch(match: FaqMatch, keep: number): Promise<void>;
  /** Newest first; of one entry, or of all. */
  recentMatches(o: { entryId?: string; limit: number }): Promise<FaqMatch[]>;
  /** Matches per entry id since `since`. */
  matchCounts(since: Date): Promise<Map<string, number>>;
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
