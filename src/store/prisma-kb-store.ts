// KbStore on the database: one KbEntry row per entry id, list fields as JSON text.
import type { Clock } from "../core/types.js";
import { systemClock } from "../core/types.js";
import type { KbStore, KbWriteInfo } from "../faq/import-kb.js";
import type { KbEntry } from "../faq/kb-entry.js";
import { emptyWordList, sections } from "../words/word-list.js";
import type { Db } from "./open-database.js";

const WORDS_KEY = "kb.words";

export function createPrismaKbStore(db: Db, clock: Clock = systemClock): KbStore {
  const rowOf = (entry: KbEntry, info: KbWriteInfo, updatedAt: Date) => ({
    title: entry.title,
    questions: JSON.stringify(entry.questions),
    answer: entry.answer,
    tags: JSON.stringify(entry.tags),
    extra: JSON.stringify(entry.extra),
    source: info.source ?? null,
    updatedBy: info.updatedBy ?? null,
    updatedAt,
  });
  return {
    async upsertEntries(entries, info = {}) {
      if (entries.length === 0) return { created: 0, updated: 0 };
      const ids = entries.map((e) => e.id);
      const existing = new Set(
        (await db.kbEntry.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((r) => r.id),
      );
      const updatedAt = clock.now();
      // One transaction: a failed import leaves the previous knowledge base whole.
      await db.$transaction(
        entries.map((entry) => {
          const data = rowOf(entry, info, updatedAt);
          return db.kbEntry.upsert({ where: { id: entry.id }, create: { id: entry.id, ...data }, update: data });
        }),
      );
      const created = ids.filter((id) => !existing.has(id)).length;
      return { created, updated: ids.length - created };
    },
    async listEntries() {
      const rows = await db.kbEntry.findMany({ orderBy: { id: "asc" } });
      return rows.map(
        (row): KbEntry => ({
          id: row.id,
          title: row.title,
          questions: readJson(row.questions, [] as string[]),
          answer: row.answer,
          tags: readJson(row.tags, [] as string[]),
          extra: readJson(row.extra, {} as Record<string, unknown>),
        }),
      );
    },
    async deleteEntry(id) {
      // What residents asked of it goes with it.
      const [deleted] = await db.$transaction([
        db.kbEntry.deleteMany({ where: { id } }),
        db.faqMatch.deleteMany({ where: { entryId: id } }),
      ]);
      return deleted.count > 0;
    },
    async renameEntry(from, entry, info = {}) {
      if ((await db.kbEntry.count({ where: { id: from } })) === 0) return false;
      const data = rowOf(entry, info, clock.now());
      // One transaction: the entry never exists twice or not at all, and its noted questions follow it.
      await db.$transaction([
        db.kbEntry.create({ data: { id: entry.id, ...data } }),
        db.faqMatch.updateMany({ where: { entryId: from }, data: { entryId: entry.id } }),
        db.kbEntry.delete({ where: { id: from } }),
      ]);
      return true;
    },
    async recordMatch(match, keep) {
      await db.faqMatch.create({ data: { entryId: match.entryId, question: match.question, at: match.at } });
      const oldest = await db.faqMatch.findMany({
        where: { entryId: match.entryId },
        orderBy: { id: "desc" },
        skip: keep - 1,
        take: 1,
        select: { id: true },
      });
      const cut = oldest[0]?.id;
      if (cut !== undefined) await db.faqMatch.deleteMany({ where: { entryId: match.entryId, id: { lt: cut } } });
    },
    async recentMatches({ entryId, limit }) {
      const rows = await db.faqMatch.findMany({
        where: entryId === undefined ? {} : { entryId },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: limit,
      });
      return rows.map((r) => ({ entryId: r.entryId, question: r.question, at: r.at }));
    },
    async matchCounts(since) {
      const rows = await db.faqMatch.groupBy({
        by: ["entryId"],
        where: { at: { gte: since } },
        _count: { _all: true },
      });
      return new Map(rows.map((r) => [r.entryId, r._count._all]));
    },
    async saveWords(words) {
      const value = JSON.stringify(words);
      const updatedAt = clock.now();
      await db.setting.upsert({
        where: { key: WORDS_KEY },
        create: { key: WORDS_KEY, value, updatedAt },
        update: { value, updatedAt },
      });
    },
    async loadWords() {
      const row = await db.setting.findUnique({ where: { key: WORDS_KEY } });
      const stored = row ? readJson(row.value, {} as Record<string, unknown>) : {};
      const words = emptyWordList();
      for (const section of sections) if (section in stored) Object.assign(words, { [section]: stored[section] });
      return words;
    },
  };
}

/** A row edited by hand with broken JSON keeps its answer rather than breaking the whole index. */
function readJson<T>(text: string, fallback: T): T {
  try {
    const value = JSON.parse(text) as unknown;
    if (Array.isArray(fallback) ? Array.isArray(value) : typeof value === "object" && value !== null) return value as T;
  } catch {
    // fall through
  }
  return fallback;
}
