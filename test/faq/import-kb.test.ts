import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importKb, type KbStore } from "../../src/faq/import-kb.js";
import type { KbEntry } from "../../src/faq/kb-entry.js";
import { KbInvalidError } from "../../src/faq/lint-kb.js";
import { emptyWordList, type WordList } from "../../src/words/word-list.js";

function createMemoryKbStore(): KbStore {
  const rows = new Map<string, KbEntry>();
  let words: WordList = emptyWordList();
  return {
    async upsertEntries(entries) {
      let created = 0;
      let updated = 0;
      for (const entry of entries) {
        if (rows.has(entry.id)) updated++;
        else created++;
        rows.set(entry.id, structuredClone(entry));
      }
      return { created, updated };
    },
    async listEntries() {
      return [...rows.values()];
    },
    async deleteEntry(id) {
      return rows.delete(id);
    },
    async renameEntry(from, entry) {
      if (!rows.delete(from)) return false;
      rows.set(entry.id, structuredClone(entry));
      return true;
    },
    async recordMatch() {},
    async recentMatches() {
      return [];
    },
    async matchCounts() {
      return new Map();
    },
    async saveWords(next) {
      words = structuredClone(next);
    },
    async loadWords() {
      return words;
    },
  };
}

function writeKbFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "linli-import-")), "kb.yaml");
  writeFileSync(file, text);
  return file;
}

describe("importKb", () => {
  it("updates entries by id on re-import, without duplicates", async () => {
    const store = createMemoryKbStore();
    const first = writeKbFile(
      "- id: canteen\n  title: 食堂\n  answer: 11点开饭\n- id: clinic\n  title: 卫生室\n  answer: 8点开门\n",
    );
    expect(await importKb(first, store)).toEqual({ created: 2, updated: 0, total: 2 });

    const second = writeKbFile(
      "- id: canteen\n  title: 食堂\n  answer: 11点半开饭\n- id: parcel\n  title: 驿站\n  answer: 8点营业\n",
    );
    expect(await importKb(second, store)).toEqual({ created: 1, updated: 1, total: 2 });

    const entries = await store.listEntries();
    expect(entries.map((e) => e.id).sort()).toEqual(["canteen", "clinic", "parcel"]);
    expect(entries.find((e) => e.id === "canteen")?.answer).toBe("11点半开饭");
  });

  it("writes nothing when the knowledge base has problems", async () => {
    const store = createMemoryKbStore();
    const bad = writeKbFile("- id: canteen\n  title: 食堂\n  answer: 好\n- id: Bad\n  title: x\n  answer: y\n");
    await expect(importKb(bad, store)).rejects.toBeInstanceOf(KbInvalidError);
    expect(await store.listEntries()).toEqual([]);
  });
});
