// Imports a checked knowledge base into the store; entries are matched by id, so importing again updates them.
import type { KbEntry } from "./kb-entry.js";
import { loadValidKb } from "./lint-kb.js";

export interface KbStore {
  upsertEntries(entries: KbEntry[]): Promise<{ created: number; updated: number }>;
  listEntries(): Promise<KbEntry[]>;
}

export interface ImportKbResult {
  created: number;
  updated: number;
  total: number;
}

/** Throws KbInvalidError (nothing written) when the knowledge base has problems. */
export async function importKb(path: string, store: KbStore): Promise<ImportKbResult> {
  const entries = loadValidKb(path);
  const { created, updated } = await store.upsertEntries(entries);
  return { created, updated, total: entries.length };
}
