// Planned outages on a fake clock: what staff wrote is read into a kind, a place and a window;
// a report of it within the window gets the notice's answer (once), outside it nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createPrismaOutageNoticeStore } from "../../src/store/prisma-outage-notice-store.js";
import { createOutageNotices, type OutageNotices } from "../../src/tickets/outage-notices.js";
import { readOutageNotice } from "../../src/tickets/read-outage-notice.js";
import type { Parsed } from "../../src/understand/taxonomy.js";
import { createFakeClock } from "../helpers/fake-clock.js";
import { tempDir } from "../helpers/grpc-harness.js";

// Monday 7 December 2026, 10:00 in China.
const monday10 = new Date("2026-12-07T02:00:00Z");
const china = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 11, day, hour - 8, minute));

describe("reading a planned outage", () => {
  it("reads kind, place and window in China time", () => {
    expect(readOutageNotice("明天8:00-18:00 7号楼停水", monday10)).toEqual({
      kind: "water",
      building: "7",
      unit: null,
      startsAt: china(8, 8),
      endsAt: china(8, 18),
    });
    expect(readOutageNotice("今天下午2点到5点 3号楼2单元停电", monday10)).toMatchObject({
      kind: "power",
      building: "3",
      unit: "2",
      startsAt: china(7, 14),
      endsAt: china(7, 17),
    });
    expect(readOutageNotice("各位邻居, 明天上午8点至下午6点3号楼停水, 请提前储水", monday10)).toMatchObject({
      building: "3",
      endsAt: china(8, 18),
    });
    expect(readOutageNotice("12月9日 22:00-次日6:00 全小区停气", monday10)).toMatchObject({
      kind: "gas",
      building: null,
      startsAt: china(9, 22),
      endsAt: china(10, 6),
    });
  });

  it("is not an outage without both the outage word and a window", () => {
    expect(readOutageNotice("3号楼停水了", monday10)).toBeNull();
    expect(readOutageNotice("明天8:00-18:00 社区开会", monday10)).toBeNull();
  });
});

describe("answering a report with the notice", () => {
  let tmp: ReturnType<typeof tempDir>;
  let opened: OpenedDatabase;
  let clock: ReturnType<typeof createFakeClock>;
  let notices: OutageNotices;
  let n = 0;
  beforeEach(async () => {
    tmp = tempDir();
    opened = await openDatabase(`file:${tmp.dir}/t.db`);
    clock = createFakeClock(monday10);
    notices = createOutageNotices({ store: createPrismaOutageNoticeStore(opened.db), clock });
  });
  afterEach(async () => {
    await opened.close();
    tmp.cleanup();
  });

  const parsed = (building: string | null, urgency: "urgent" | "normal" = "normal"): Parsed => ({
    kind: "request",
    category: "utilities",
    urgency,
    building,
    unit: null,
    room: null,
    confidence: 0.9,
  });
  const report = (residentId: string, text: string, p: Parsed, roomId = "g7", roomTopic = "幸福里7号楼居民群") =>
    notices.answer({ messageId: `m${++n}`, residentId, roomId, roomTopic, text, parsed: p });

  it("answers within the window only, for the place and the problem announced", async () => {
    await notices.note("明天8:00-18:00 7号楼停水", "g7", "幸福里7号楼居民群", "msg:a");
    expect(await report("r1", "怎么停水了", parsed(null))).toBeNull(); // the day before
    clock.set(china(8, 9));
    expect(await report("r2", "7号楼停电了", parsed("7"))).toBeNull(); // another problem
    expect(await report("r3", "3号楼停水了", parsed("3"), "g3", "幸福里3号楼居民群")).toBeNull(); // another place
    expect(await report("r4", "家里没水了, 老人要吃药", parsed(null, "urgent"))).toBeNull(); // urgent
    const answer = await report("r5", "家里没水了", parsed(null));
    expect(answer).toContain("7号楼");
    expect(answer).toContain("预计 18:00 恢复");
    // A second report from the same resident is insisting: no answer, a ticket.
    expect(await report("r5", "还是没水啊", parsed(null))).toBeNull();
    expect(await notices.insisted("r5", "g7", "不对, 我家不是停水")).toContain("家里没水了");
    expect(await notices.insisted("r6", "g7", "不对")).toBeNull();
    clock.set(china(8, 18, 30));
    expect(await report("r7", "还没来水", parsed(null))).toBeNull(); // after the window
  });
});
