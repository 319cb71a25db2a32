// The live fields read from the database: month figures by China month, this week's
// activities from the knowledge base, and approved 好人好事.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chinaMonthOf, chinaWeekOf } from "../../src/text/china-time.js";
import { weekAhead } from "../../src/broadcasts/create-live-data.js";
import { followUpLimits } from "../../src/features/reports.js";
import { defaultRules } from "../../src/follow-up/follow-up-rules.js";
import { createReportService } from "../../src/reports/report-service.js";
import { createPrismaReportStore } from "../../src/store/prisma-report-store.js";
import { detectSmallTalk } from "../../src/understand/detect-small-talk.js";
import { china, FakeClock, makeService, RESIDENT, ROOMS, STAFF, tempDbPath } from "./broadcast-fixture.js";
import { demoKbPath, loadTestKb } from "../helpers/knowledge-base.js";

let tmp: ReturnType<typeof tempDbPath>;
let s: Awaited<ReturnType<typeof makeService>>;

beforeEach(async () => {
  tmp = tempDbPath();
  s = await makeService(tmp.path, new FakeClock(china("2026-11-23 09:00")));
});
afterEach(async () => {
  await s.close();
  tmp.cleanup();
});

describe("China month and week", () => {
  it("start at China midnight whatever the process zone", () => {
    const late = new Date("2026-10-31T17:30:00Z"); // 1 November 01:30 in China
    expect(chinaMonthOf(late).from.toISOString()).toBe("2026-10-31T16:00:00.000Z");
    expect(chinaMonthOf(late).to.toISOString()).toBe("2026-11-30T16:00:00.000Z");
    expect(chinaWeekOf(china("2026-11-29 23:59")).from.toISOString()).toBe("2026-11-22T16:00:00.000Z"); // Sunday → Monday 23rd
  });
});

describe("month figures", () => {
  it("are 周议's: {本月满意率} and {本月办结} read as the week's report reads the month so far", async () => {
    let n = 0;
    const t = (createdAt: Date, extra: Record<string, unknown> = {}) =>
      s.db.ticket.create({
        data: {
          residentId: "r",
          residentName: "张",
          text: "楼道灯坏了",
          summary: "楼道灯坏了",
          category: "repair",
          urgency: "normal",
          sourceMessageId: `m${++n}`,
          createdAt,
          updatedAt: createdAt,
          ...extra,
        },
      });
    const closed = (opened: string, closedAt: string, extra: Record<string, unknown>) =>
      t(china(opened), { status: "closed", closedAt: china(closedAt), ...extra });
    await t(new Date("2026-10-31T17:00:00Z")); // 1 Nov 01:00 China: November, still open
    // Opened in October, rated 5 in November: finished this month, but not one of its ratings.
    await closed("2026-10-31 22:00", "2026-11-02 10:00", { rating: 5, ratingLabel: "satisfied" });
    await closed("2026-11-03 10:00", "2026-11-04 10:00", { rating: 1, ratingLabel: "unsatisfied" });
    await closed("2026-11-05 10:00", "2026-11-06 10:00", { ratingLabel: "unrated" });
    // A 3 is rated, not satisfied.
    await closed("2026-11-06 10:00", "2026-11-07 10:00", { rating: 3, ratingLabel: "neutral" });
    await closed("2026-11-07 10:00", "2026-11-08 10:00", { rating: 4, ratingLabel: "satisfied" });
    // Closed as the same thing as another report: received, not 办结.
    await closed("2026-11-08 10:00", "2026-11-08 11:00", { closeKind: "duplicate", closeReason: "同一次停水" });
    await t(china("2026-12-01 00:30"));

    const now = china("2026-11-23 09:00");
    const b = await s.service.schedule(STAFF, {
      schedule: { cron: "0 8 * * 1" },
      targets: [{ kind: "room", topic: ROOMS.r3.topic }],
      content: "本月受理{本月受理}件, 办结{本月办结}件, 满意率{本月满意率}",
    });
    const { rendered } = await s.service.preview(b.id);
    expect(rendered.text).toBe("本月受理6件, 办结5件, 满意率33%");

    const reports = createReportService({
      store: createPrismaReportStore(s.db),
      clock: { now: () => now },
      limitsOf: followUpLimits(defaultRules()),
      isWorkingDay: () => true,
      staffRooms: () => [],
      enqueue: async () => {},
      dailyAt: null,
      weeklyAt: null,
      owner: "test",
    });
    expect(await reports.weekSoFar(now)).toContain("满意率: 本周 —, 11月至今 33% (1/3)");
    expect((await s.liveData.monthFigures(china("2026-09-10 09:00"))).satisfactionRate).toBeNull();
  });
});

async function importActivities() {
  const entries = loadTestKb(`${demoKbPath}/activities.yaml`);
  for (const e of entries) {
    await s.db.kbEntry.create({
      data: {
        id: e.id,
        title: e.title,
        answer: e.answer,
        tags: JSON.stringify(e.tags),
        extra: JSON.stringify(e.extra),
        updatedAt: new Date(),
      },
    });
  }
}

describe("week activities", () => {
  it("list the knowledge base's 活动 entries that fall in this week, with their days", async () => {
    await importActivities();
    // Week of Monday 23 November 2026: the last Sunday of the month is the 29th.
    const { covers, lines } = await s.liveData.weekActivities(china("2026-11-23 08:00"));
    expect(covers).toBe("11月23日(周一)至11月29日(周日)");
    expect(lines[0]).toBe("太极拳晨练 每天 6:30-7:30(中心广场)：每天");
    expect(lines).toContain("合唱团排练 每周二、周五 9:00-11:00(二楼活动室)：11月24日(周二)、11月27日(周五)");
    expect(lines).toContain("露天电影 每月最后一个周日 15:00(三楼多功能厅)：11月29日(周日)");
    expect(lines.some((l) => l.startsWith("彩虹义务维修"))).toBe(false); // first Saturday: 7 November
  });

  it("never list days already past: midweek, from today to Sunday", async () => {
    await importActivities();
    const { covers, lines } = await s.liveData.weekActivities(china("2026-11-26 08:00")); // Thursday
    expect(covers).toBe("11月26日(周四)至11月29日(周日)");
    expect(lines).toContain("合唱团排练 每周二、周五 9:00-11:00(二楼活动室)：11月27日(周五)");
  });

  it("look forward on a Sunday (China time): today through next Sunday, saying which dates", async () => {
    await importActivities();
    // 10:00 on Sunday in China, and 16:30 UTC on Saturday, which is already Sunday 00:30 in China.
    for (const now of [china("2026-11-29 10:00"), new Date("2026-11-28T16:30:00Z")]) {
      const { covers, lines } = await s.liveData.weekActivities(now);
      expect(covers).toBe("11月29日(周日)至12月6日(周日)");
      expect(lines).toContain("合唱团排练 每周二、周五 9:00-11:00(二楼活动室)：12月1日(周二)、12月4日(周五)");
      expect(lines.some((l) => l.includes("11月24日") || l.includes("11月27日"))).toBe(false);
      expect(lines.some((l) => l.startsWith("彩虹义务维修") && l.includes("12月5日(周六)"))).toBe(true);
    }
  });
});

describe("praises", () => {
  it("are the approved notes of this China month only", async () => {
    await s.service.addPraise(STAFF, "王阿姨帮李大爷买菜", true);
    await s.service.addPraise(RESIDENT, "谢谢小刘修水管", false);
    expect(await s.liveData.praises(china("2026-11-30 23:00"))).toEqual(["王阿姨帮李大爷买菜"]);
    expect(await s.liveData.praises(china("2026-12-01 00:00"))).toEqual([]);
  });
});

describe("residents' thanks", () => {
  it.each([
    ["谢谢志愿者小刘帮我修好了水管", true],
    ["太感谢王师傅了，帮我家换了灯泡", true],
    ["谢谢大家", false],
    ["谢谢", false],
    ["3号楼下水道又堵了", false],
  ])("%s → %s", (text, expected) => {
    expect(detectSmallTalk(text).praise).toBe(expected);
  });
});

describe("the days ahead late in the week", () => {
  it("move on to next week on a Saturday with nothing left, and stay on this week's rest otherwise", () => {
    const choir = loadTestKb(`${demoKbPath}/activities.yaml`)
      .filter((e) => e.title.includes("合唱"))
      .map((e) => ({ title: e.title, tags: e.tags, answer: e.answer, extra: e.extra }));
    expect(choir).toHaveLength(1);
    const saturday = weekAhead(choir, china("2026-11-28 09:00")); // rehearsals Tue and Fri: none left
    expect(saturday.covers).toBe("11月28日(周六)至12月6日(周日)");
    expect(saturday.lines).toHaveLength(1);
    expect(saturday.lines[0]).toMatch(/^合唱团排练.*：12月1日\(周二\)、12月4日\(周五\)$/);
    const friday = weekAhead(choir, china("2026-11-27 08:00")); // Friday's rehearsal is still ahead
    expect(friday.covers).toBe("11月27日(周五)至11月29日(周日)");
  });
});
