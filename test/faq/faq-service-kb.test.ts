// The FAQ service's knowledge-base changes (what the console uses): each takes effect in the next
// answer, a refused import writes nothing, and what residents asked is kept without who they are.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.js";
import { isLinliError } from "../../src/core/errors.js";
import { createFaqService } from "../../src/faq/faq-service.js";
import type { KbEntry } from "../../src/faq/kb-entry.js";
import { KbInvalidError } from "../../src/faq/lint-kb.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createPrismaKbStore } from "../../src/store/prisma-kb-store.js";
import { tempDir } from "../helpers/grpc-harness.js";

const staff = { id: "s1", name: "赵书记" };
const canteen: KbEntry = {
  id: "elder-canteen",
  title: "长者食堂开饭时间",
  questions: ["长者食堂几点开饭"],
  answer: "长者食堂每天11:00开午饭。",
  tags: ["助餐"],
  extra: {},
};
const proof = `- id: residence-proof
  title: 开居住证明
  questions: [居住证明怎么开]
  answer: 带身份证和户口本到社区服务站二楼窗口办理。
`;

describe("FAQ service: knowledge-base changes", () => {
  let tmp: ReturnType<typeof tempDir>;
  let database: OpenedDatabase;
  let service: ReturnType<typeof createFaqService>;
  beforeEach(async () => {
    tmp = tempDir();
    database = await openDatabase(`file:${tmp.dir}/linli.db`);
    service = createFaqService({
      kb: createPrismaKbStore(database.db),
      handovers: {} as never,
      outbox: {} as never,
      clock: { now: () => new Date("2026-12-06T02:00:00Z") },
      logger: silentLogger,
    });
    await service.rebuild();
  });
  afterEach(async () => {
    await database.close();
    tmp.cleanup();
  });

  it("answers from a saved entry at once, renamed or edited, and stops when it is deleted", async () => {
    expect(service.ask("长者食堂几点开饭").confident).toBe(false);
    expect(await service.saveEntry(staff, canteen)).toEqual({ created: true });
    expect(service.ask("长者食堂几点开饭").answer).toContain("11:00");

    const taken = await service.saveEntry(staff, canteen).catch((e: unknown) => e);
    expect(isLinliError(taken, "bad_state")).toBe(true);
    const missing = await service.saveEntry(staff, canteen, { replaces: "nope" }).catch((e: unknown) => e);
    expect(isLinliError(missing, "not_found")).toBe(true);

    const edited = { ...canteen, id: "canteen-hours", answer: "长者食堂每天11:30开午饭。" };
    expect(await service.saveEntry(staff, edited, { replaces: "elder-canteen" })).toEqual({ created: false });
    expect((await service.listEntries()).map((e) => e.id)).toEqual(["canteen-hours"]);
    expect(service.ask("长者食堂几点开饭")).toMatchObject({ confident: true, entry: { id: "canteen-hours" } });
    expect(service.ask("长者食堂几点开饭").answer).toContain("11:30");
    const row = await database.db.kbEntry.findUniqueOrThrow({ where: { id: "canteen-hours" } });
    expect(row).toMatchObject({ source: "console", updatedBy: "赵书记" });

    await service.deleteEntry(staff, "canteen-hours");
    expect(service.ask("长者食堂几点开饭").confident).toBe(false);
    const gone = await service.deleteEntry(staff, "canteen-hours").catch((e: unknown) => e);
    expect(isLinliError(gone, "not_found")).toBe(true);
  });

  it("refuses an import with any problem, writing nothing, and keeps the words when no words.yaml comes", async () => {
    await service.importTexts(staff, [
      { file: "a.yaml", text: proof },
      { file: "words.yaml", text: "words:\n  - 春晖里\n" },
    ]);
    expect((await createPrismaKbStore(database.db).loadWords()).words).toEqual(["春晖里"]);

    const refused = await service
      .importTexts(staff, [
        { file: "a.yaml", text: proof.replace("开居住证明", "开居住证明啊") },
        { file: "b.yaml", text: proof },
      ])
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KbInvalidError);
    expect((refused as KbInvalidError).problems[0]?.message).toMatch(/^id 重复: a\.yaml 第1行 和 b\.yaml 第1行$/);
    expect((await service.listEntries())[0]?.title).toBe("开居住证明");

    expect(await service.importTexts(staff, [{ file: "a.yaml", text: proof }])).toEqual({
      created: 0,
      updated: 1,
      total: 1,
    });
    expect((await createPrismaKbStore(database.db).loadWords()).words).toEqual(["春晖里"]);
  });

  it("notes answered questions masked and cut to 40 characters, newest first", async () => {
    await service.noteAnswered("长者食堂几点开饭?我是王桂兰 电话13800000000", "elder-canteen");
    await service.noteAnswered(`长者食堂${"很".repeat(60)}远吗`, "elder-canteen");
    const [long, masked] = await service.recentMatches({ entryId: "elder-canteen", limit: 5 });
    expect(masked?.question).not.toMatch(/13800000000|王桂兰/);
    expect(masked?.question).toContain("[电话]");
    expect([...(long?.question ?? "")]).toHaveLength(41);
    expect(long?.question.endsWith("…")).toBe(true);
    expect(Object.fromEntries(await service.matchCounts(new Date("2026-12-01T00:00:00Z")))).toEqual({
      "elder-canteen": 2,
    });
  });
});
