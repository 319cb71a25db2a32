// At start the feature imports LINLI_KB; a knowledge base with a typo must not take the bot down
// nor wipe yesterday's answers: the problems are logged and the database's entries are used.
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import { faqFeature } from "../../src/features/faq.js";
import type { FeatureDeps } from "../../src/features/feature.js";
import type { Logger } from "../../src/core/types.js";
import { importKb } from "../../src/faq/import-kb.js";
import { RoomRegistry } from "../../src/people/room-registry.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createPrismaKbStore } from "../../src/store/prisma-kb-store.js";
import { tempDir } from "../helpers/grpc-harness.js";

const path = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

let tmp: ReturnType<typeof tempDir>;
let database: OpenedDatabase;
beforeEach(async () => {
  tmp = tempDir();
  database = await openDatabase(`file:${tmp.dir}/linli.db`);
});
afterEach(async () => {
  await database.close();
  tmp.cleanup();
});

function start(kbPath: string) {
  const errors: { msg: string; data?: Record<string, unknown> }[] = [];
  const logger: Logger = { debug() {}, info() {}, warn() {}, error: (msg, data) => errors.push({ msg, data }) };
  const deps = {
    config: { kbPath, faq: { answerWithoutMention: true }, llm: undefined } as unknown as Config,
    db: database.db,
    outbox: { enqueue: async () => {} },
    rooms: new RoomRegistry({ resident: [], volunteer: [], staff: [] }),
    clock: { now: () => new Date("2026-11-27T02:00:00Z") },
    logger,
  } as unknown as FeatureDeps;
  const feature = faqFeature(deps);
  return { feature, errors, ready: feature.start?.() };
}

describe("the FAQ feature at start", () => {
  it("imports the configured knowledge base and answers from it", async () => {
    const { feature, ready } = start(path("demo/kb"));
    await ready;
    expect(feature.service.size).toBe(await database.db.kbEntry.count());
    expect(feature.service.ask("长者食堂几点开饭").entry?.id).toBe("canteen");
  });

  it("logs a bad knowledge base's problems and keeps answering from the database", async () => {
    await importKb(path("demo/kb"), createPrismaKbStore(database.db));
    const before = await database.db.kbEntry.count();
    const { feature, errors, ready } = start(path("test/faq/fixtures/broken-kb"));
    await ready;
    expect(errors).toHaveLength(1);
    expect(errors[0]?.data?.problems).toContain("bad.yaml 第1行: 条目 broken: 缺少 answer");
    expect(feature.service.size).toBe(before);
    expect(feature.service.ask("长者食堂几点开饭").confident).toBe(true);
  });
});
