// The 成绩单 a secretary reads for a week, a month or a year: requests made through the real
// ticket service on a real SQLite file around China midnight, a Monday, a month end and a year
// end, counted into the period China time puts them in, with 周议's rates.
import { afterEach, describe, expect, it } from "vitest";
import { readMonthSoFar } from "../../src/reports/month-figures.js";
import { createReportService } from "../../src/reports/report-service.js";
import { resolvePeriod } from "../../src/reports/report-period.js";
import { createPrismaReportStore } from "../../src/store/prisma-report-store.js";
import { isLinliError } from "../../src/core/errors.js";
import { china, type Community, makeCommunity, STAFF } from "./period-fixture.js";

const LIU = { id: "vol-liu", name: "刘志强" };
const WANG = { id: "vol-wang", name: "王芳" };
const HOUR = 3600_000;

let c: Community;
afterEach(async () => {
  await c?.dispose();
});

/** Week 49 of 2026 (Monday 30 November to Sunday 6 December) and the days either side of it. */
async function aroundMonthEnd() {
  // Sunday 23:59 China time: week 48, November (15:59 UTC the same Sunday).
  const C = await c.request("2026-11-29 23:59", { text: "下水道堵了往上冒水", category: "repair", building: "3" });
  // Monday 23:50: November, week 49. Claimed at once, finished and rated 5 after midnight (December).
  const A = await c.request("2026-11-30 23:50", { text: "单元门锁坏了关不上", category: "repair", building: "3" });
  await c.claim("2026-11-30 23:55", A.id, LIU);
  await c.finish("2026-12-01 00:10", A.id, LIU);
  await c.rate("2026-12-01 00:20", A.id, A.resident, 5);
  // 00:05 on 1 December in China is still 30 November in UTC: December all the same.
  const B = await c.request("2026-12-01 00:05", { text: "想请志愿者帮忙买点菜", category: "elderly", building: "5" });
  await c.claim("2026-12-01 09:00", B.id, WANG);
  await c.finish("2026-12-01 10:00", B.id, WANG);
  await c.rate("2026-12-01 12:00", B.id, B.resident, 2);
  const D = await c.request("2026-12-02 10:00", {
    text: "楼道里好大一股煤气味",
    category: "utilities",
    building: "5",
    urgency: "urgent",
  });
  await c.claim("2026-12-02 10:10", D.id, LIU);
  await c.finish("2026-12-02 11:10", D.id, LIU);
  const E = await c.request("2026-12-03 09:00", { text: "垃圾桶满了没人清", category: "sanitation", building: "7" });
  await c.withdraw("2026-12-03 09:30", E.id, E.resident);
  const F = await c.request("2026-12-03 10:00", { text: "厨房水龙头一直滴水", category: "repair", building: "5" });
  await c.close("2026-12-03 11:00", F.id, `重复, 和#${B.id}是一件事`);
  c.at("2026-12-07 09:00"); // the Monday after: 周议's morning
  return { A, B, C, D, E, F };
}

describe("a week, a month: counted in China time", () => {
  it("puts Monday 23:50 and 00:05 the next day in the weeks and months China time says", async () => {
    c = await makeCommunity("2026-11-29 09:00");
    await aroundMonthEnd();
    const week = await c.reports.periodReport({ period: "week", containing: china("2026-12-03 12:00") });
    expect(week).toMatchObject({
      community: "xingfuli",
      label: "2026年第49周",
      dates: "2026年11月30日至12月6日",
      partial: false,
      received: 5,
      finished: 3,
      merged: 1,
      withdrawn: 1,
      stillOpen: 0,
      urgent: 1,
    });
    // The withdrawn report (before anyone was due) and the merged one are not rated for response.
    expect(week.rates).toEqual({
      response: { num: 3, den: 3 },
      resolution: { num: 3, den: 3 },
      satisfaction: { num: 1, den: 2 },
    });
    expect(week.byCategory.map((g) => [g.name, g.received, g.finished])).toEqual([
      ["维修", 2, 1],
      ["助老助残", 1, 1],
      ["水电气暖", 1, 1],
      ["环境卫生", 1, 0],
    ]);
    expect(week.byCategory.find((g) => g.name === "环境卫生")!.rates.resolution).toEqual({ num: 0, den: 0 });
    expect(week.byBuilding.map((g) => [g.name, g.received, g.finished])).toEqual([
      ["5号楼", 3, 2],
      ["3号楼", 1, 1],
      ["7号楼", 1, 0],
    ]);
    expect(week.series.map((d) => `${d.label} ${d.received}/${d.finished}`)).toEqual([
      "11月30日 1/0",
      "12月1日 1/2",
      "12月2日 1/1",
      "12月3日 2/0",
      "12月4日 0/0",
      "12月5日 0/0",
      "12月6日 0/0",
    ]);
    expect(week.volunteers).toEqual([
      { id: LIU.id, name: "刘志强", finished: 2, claimed: 2, rated: 1, satisfied: 1, averageRating: 5 },
      { id: WANG.id, name: "王芳", finished: 1, claimed: 1, rated: 1, satisfied: 0, averageRating: 2 },
    ]);
    // Sunday 23:59 is the week before.
    const before = await c.reports.periodReport({ period: "week", containing: china("2026-11-29 23:59") });
    expect(before).toMatchObject({ label: "2026年第48周", received: 1, finished: 0, stillOpen: 1 });
    expect(before.rates.response).toEqual({ num: 0, den: 1 }); // due Monday 17:30, never answered
  });

  it("splits November and December at China midnight, each ticket finished in the month it was finished", async () => {
    c = await makeCommunity("2026-11-29 09:00");
    await aroundMonthEnd();
    const nov = await c.reports.periodReport({ period: "month", containing: china("2026-11-15 12:00") });
    const dec = await c.reports.periodReport({ period: "month", containing: china("2026-12-01 00:00") });
    expect(nov).toMatchObject({ label: "2026年11月", dates: "2026年11月1日至11月30日", received: 2, finished: 0 });
    expect(nov.rates.response).toEqual({ num: 1, den: 2 });
    expect(nov.rates.satisfaction).toEqual({ num: 1, den: 1 }); // rated in December, opened in November
    // The claim was in November; the finish and its rating in December.
    expect(nov.volunteers).toEqual([
      { id: LIU.id, name: "刘志强", finished: 0, claimed: 1, rated: 0, satisfied: 0, averageRating: null },
    ]);
    expect(dec).toMatchObject({ label: "2026年12月", partial: true, received: 4, finished: 3 });
    expect(dec.series).toHaveLength(7); // 1 to 7 December so far
    expect(dec.volunteers.find((v) => v.id === LIU.id)).toMatchObject({ finished: 2, claimed: 1, rated: 1 });
  });

  it("gives the figures 周议 and the broadcast's month figures give for the same tickets", async () => {
    c = await makeCommunity("2026-11-29 09:00");
    await aroundMonthEnd();
    const now = c.clock.now();
    const store = createPrismaReportStore(c.db);
    const weekly = await createReportService({
      store,
      clock: c.clock,
      limitsOf: c.limitsOf,
      isWorkingDay: () => true,
      staffRooms: () => [],
      enqueue: async () => {},
      dailyAt: null,
      weeklyAt: null,
      owner: "test",
    }).lastWeek(now);
    expect(weekly).toContain("新登记 5 件, 办结 3 件");
    expect(weekly).toContain("响应率: 本周 100% (3/3)");
    expect(weekly).toContain("满意率: 本周 50% (1/2)");
    const week = await c.reports.periodReport({ period: "week", containing: china("2026-12-01 08:00") });
    expect([week.received, week.finished, week.rates.response, week.rates.satisfaction]).toEqual([
      5,
      3,
      { num: 3, den: 3 },
      { num: 1, den: 2 },
    ]);

    const month = await readMonthSoFar(store, c.limitsOf, now);
    const dec = await c.reports.periodReport({ period: "month", containing: now });
    expect({ received: dec.received, finished: dec.finished, satisfaction: dec.rates.satisfaction }).toEqual(month);
  });
});

describe("a year", () => {
  it("ends at China midnight on 31 December; the week across it is 2026's 53rd", async () => {
    c = await makeCommunity("2026-12-31 09:00");
    const G = await c.request("2026-12-31 23:30", { text: "下水道堵了往上冒水", category: "repair", building: "3" });
    await c.claim("2026-12-31 23:40", G.id, LIU);
    await c.finish("2027-01-01 00:30", G.id, LIU);
    await c.rate("2027-01-01 01:00", G.id, G.resident, 4);
    await c.request("2027-01-01 00:30", { text: "想请志愿者帮忙买点菜", category: "elderly", building: "3" });
    c.at("2027-01-05 12:00");

    const y2026 = await c.reports.periodReport({ period: "year", containing: china("2026-06-01 00:00") });
    expect(y2026).toMatchObject({ label: "2026年", dates: "2026年1月1日至12月31日", partial: false });
    expect([y2026.received, y2026.finished]).toEqual([1, 0]);
    expect(y2026.series.map((m) => m.label)).toEqual(Array.from({ length: 12 }, (_, i) => `${i + 1}月`));
    expect(y2026.series[11]).toMatchObject({ received: 1, finished: 0 });

    const y2027 = await c.reports.periodReport({ period: "year", containing: china("2027-01-01 00:00") });
    expect(y2027).toMatchObject({ label: "2027年", partial: true, received: 1, finished: 1 });
    expect(y2027.series).toEqual([{ label: "1月", from: china("2027-01-01 00:00"), received: 1, finished: 1 }]);
    expect(y2027.volunteers[0]).toMatchObject({ name: "刘志强", finished: 1, rated: 1, averageRating: 4 });

    const week = await c.reports.periodReport({ period: "week", containing: china("2026-12-31 23:30") });
    expect(week).toMatchObject({
      label: "2026年第53周",
      dates: "2026年12月28日至2027年1月3日",
      received: 2,
      finished: 1,
    });
    const next = await c.reports.periodReport({ period: "week", containing: china("2027-01-04 00:00") });
    expect(next).toMatchObject({ label: "2027年第1周", dates: "2027年1月4日至1月10日", received: 0, partial: true });
  });

  it("names a week after the year that holds its Thursday", () => {
    expect(resolvePeriod("week", china("2025-12-30 10:00")).label).toBe("2026年第1周");
    expect(resolvePeriod("week", china("2025-12-30 10:00")).dates).toBe("2025年12月29日至2026年1月4日");
    expect(resolvePeriod("week", china("2026-12-06 23:59")).label).toBe("2026年第49周");
    expect(resolvePeriod("week", china("2026-12-07 00:00")).label).toBe("2026年第50周");
    expect(resolvePeriod("month", china("2028-02-10 00:00")).buckets).toHaveLength(29);
  });
});

describe("times, hand-overs and 好人好事", () => {
  it("gives the average and 90th percentile from report to response and to finished", async () => {
    c = await makeCommunity("2026-11-09 08:00");
    const ids = [];
    for (let i = 0; i < 10; i++) {
      ids.push(
        (
          await c.request("2026-11-09 08:00", {
            text: `${i + 1}号楼下水道堵了`,
            category: "repair",
            building: String(i + 1),
          })
        ).id,
      );
    }
    // Claimed after 1 … 10 hours (the tenth after Monday's 17:30 limit), finished 2 hours later.
    for (const [i, id] of ids.entries()) {
      c.clock.set(new Date(china("2026-11-09 08:00").getTime() + (i + 1) * HOUR));
      await c.claim(fmt(c.clock.now()), id, LIU);
      await c.finish(fmt(new Date(c.clock.now().getTime() + 2 * HOUR)), id, LIU);
    }
    c.at("2026-11-16 09:00");
    const r = await c.reports.periodReport({ period: "week", containing: china("2026-11-10 00:00") });
    expect(r.rates.response).toEqual({ num: 9, den: 10 });
    expect(r.toRespond).toEqual({ count: 10, averageMs: 5.5 * HOUR, p90Ms: 9 * HOUR });
    expect(r.toFinish).toEqual({ count: 10, averageMs: 7.5 * HOUR, p90Ms: 11 * HOUR });
  });

  it("counts the month's hand-overs answered and waiting, and lists approved 好人好事 without door or phone numbers", async () => {
    c = await makeCommunity("2026-10-31 23:00");
    await c.handOver("2026-10-31 23:00", "老年证在哪里办"); // October
    const h2 = await c.handOver("2026-11-02 10:00", "社区有没有理发的");
    await c.answer("2026-11-02 12:00", h2.id);
    const h3 = await c.handOver("2026-11-20 10:00", "医保卡丢了怎么补");
    await c.answer("2026-11-21 10:00", h3.id);
    await c.handOver("2026-11-28 16:00", "垃圾分类几点收");

    const resident = { id: "res-p", name: "张秀英" };
    await c.praise("2026-11-03 10:00", "表扬刘志强帮3号楼2单元501的王阿姨修水管, 王阿姨电话0000-1234567", {
      by: STAFF,
      staff: true,
    });
    await c.praise("2026-11-05 10:00", "谢谢小刘师傅, 来得真快", { by: resident, staff: false, approve: true });
    await c.praise("2026-11-06 10:00", "谢谢", { by: resident, staff: false, approve: false });
    await c.praise("2026-11-07 10:00", "谢谢志愿者", { by: resident, staff: false }); // not reviewed yet
    await c.praise("2026-12-01 00:30", "表扬王芳", { by: STAFF, staff: true }); // December
    c.at("2026-12-02 09:00");

    const r = await c.reports.periodReport({ period: "month", containing: china("2026-11-30 23:59") });
    expect(r.handovers).toEqual({
      total: 3,
      answered: 2,
      waiting: 1,
      closed: 0,
      toAnswer: { count: 2, averageMs: 13 * HOUR, p90Ms: 24 * HOUR },
    });
    expect(r.praise.map((p) => [p.source, p.author, p.text])).toEqual([
      ["staff", "赵书记", "表扬刘志强帮3号楼2单元***的王阿姨修水管, 王阿姨电话***"],
      ["thanks", null, "谢谢小刘师傅, 来得真快"],
    ]);
    expect(JSON.stringify(r)).not.toMatch(/张秀英|李桂兰|0000-1234567|单元501/);
  });
});

describe("what may be asked", () => {
  it("answers only for this install's community, and only for a period that has begun", async () => {
    c = await makeCommunity("2026-11-09 08:00");
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "ok",
        (e) => (isLinliError(e) ? e.code : "other"),
      );
    expect(
      await code(c.reports.periodReport({ community: "xingfuli", period: "month", containing: c.clock.now() })),
    ).toBe("ok");
    expect(await code(c.reports.periodReport({ community: "other", period: "month", containing: c.clock.now() }))).toBe(
      "not_found",
    );
    expect(await code(c.reports.periodReport({ period: "month", containing: china("2027-03-01 00:00") }))).toBe(
      "bad_input",
    );
    expect(await code(c.reports.periodReport({ period: "day" as "week", containing: c.clock.now() }))).toBe(
      "bad_input",
    );
    expect(await code(c.reports.periodReport({ period: "week", containing: new Date(Number.NaN) }))).toBe("bad_input");
  });
});

/** `2026-11-09 09:00`, China time, for the fixture's helpers. */
function fmt(d: Date): string {
  const t = new Date(d.getTime() + 8 * HOUR).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}
