// The knowledge base in a real SQLite file: upsert by id, list fields round-trip through JSON columns.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KbEntry } from "../../src/faq/kb-entry.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createPrismaKbStore } from "../../src/store/prisma-kb-store.js";
import { tempDir } from "../helpers/grpc-harness.js";

let tmp: ReturnType<typeof tempDir>;
let database: OpenedDatabase;

beforeEach(async () => {
  tmp = tempDir();
  database = await openDatabase(`file:${tmp.dir}/kb.db`);
});
afterEach(async () => {
  await database.close();
  tmp.cleanup();
});

const canteen: KbEntry = {
  id: "canteen",
  title: "长者食堂",
  questions: ["长者食堂几点开饭", "老年食堂在哪"],
  answer: "每天 11:00-12:30 供餐。",
  tags: ["助餐", "老人"],
  extra: { schedule: [{ name: "午餐", when: "每天 11:00-12:30" }] },
};
const clinic: KbEntry = { id: "clinic", title: "卫生室", questions: [], answer: "8点开门", tags: [], extra: {} };

describe("the Prisma knowledge-base store", () => {
  it("creates, then updates by id without duplicates, keeping every field", async () => {
    const at = new Date("2026-11-27T02:00:00Z");
    const store = createPrismaKbStore(database.db, { now: () => at });
    expect(await store.upsertEntries([canteen, clinic], { source: "demo/kb", updatedBy: "kb import" })).toEqual({
      created: 2,
      updated: 0,
    });
    expect(await store.upsertEntries([{ ...canteen, answer: "每天 11:30 开饭。" }])).toEqual({
      created: 0,
      updated: 1,
    });

    expect(await store.listEntries()).toEqual([{ ...canteen, answer: "每天 11:30 开饭。" }, clinic]);
    expect(await database.db.kbEntry.count()).toBe(2);
    const row = await database.db.kbEntry.findUniqueOrThrow({ where: { id: "clinic" } });
    expect(row).toMatchObject({ source: "demo/kb", updatedBy: "kb import", updatedAt: at });
  });

  it("renames an entry in one step, and the questions residents asked of it follow", async () => {
    const store = createPrismaKbStore(database.db);
    await store.upsertEntries([canteen, clinic]);
    const at = new Date("2026-11-27T02:00:00Z");
    await store.recordMatch({ entryId: "canteen", question: "食堂几点开饭", at }, 20);
    await store.recordMatch({ entryId: "clinic", question: "卫生室几点开门", at }, 20);

    const renamed = { ...canteen, id: "elder-canteen", title: "幸福里长者食堂" };
    expect(await store.renameEntry("canteen", renamed, { source: "console", updatedBy: "赵书记" })).toBe(true);
    expect((await store.listEntries()).map((e) => e.id)).toEqual(["clinic", "elder-canteen"]);
    expect(await store.recentMatches({ entryId: "elder-canteen", limit: 5 })).toEqual([
      { entryId: "elder-canteen", question: "食堂几点开饭", at },
    ]);
    expect(await store.recentMatches({ entryId: "canteen", limit: 5 })).toEqual([]);
    expect(await store.recentMatches({ entryId: "clinic", limit: 5 })).toHaveLength(1);
    expect(await database.db.kbEntry.findUniqueOrThrow({ where: { id: "elder-canteen" } })).toMatchObject({
      updatedBy: "赵书记",
    });

    expect(await store.renameEntry("no-such-entry", { ...clinic, id: "x" })).toBe(false);
    // The new id taken: nothing changes.
    await expect(store.renameEntry("clinic", { ...clinic, id: "elder-canteen" })).rejects.toThrow();
    expect((await store.listEntries()).map((e) => e.id)).toEqual(["clinic", "elder-canteen"]);
  });

  it("reads a row with broken JSON as empty lists rather than failing the whole index", async () => {
    await database.db.kbEntry.create({
      data: { id: "hand-edited", title: "手改的", questions: "[oops", answer: "答案", updatedAt: new Date() },
    });
    expect(await createPrismaKbStore(database.db).listEntries()).toEqual([
      { id: "hand-edited", title: "手改的", questions: [], answer: "答案", tags: [], extra: {} },
    ]);
  });
});
