import { describe, expect, it } from "vitest";
import { describeSchedule, formatChinaTime } from "../../src/broadcasts/describe-schedule.js";

describe("describeSchedule", () => {
  it.each([
    ["0 8 * * 1", "每周一 08:00"],
    ["30 7 * * *", "每天 07:30"],
    ["0 9 1 * *", "每月1日 09:00"],
    ["0 9 1,15 * *", "每月1日、15日 09:00"],
    ["30 8 * * 1-5", "工作日 08:30"],
    ["0 10 * * 0,6", "每周六、日 10:00"],
    ["0 18 * * 1,3,5", "每周一、三、五 18:00"],
    ["0 8 * * 0,1", "每周一、日 08:00"],
    ["0 8 * * 7", "每周日 08:00"],
    ["0 8,18 * * *", "每天 08:00、18:00"],
    ["0 8 1 10 *", "每年10月1日 08:00"],
    ["*/15 8-18 * * 1-5", "cron(*/15 8-18 * * 1-5)"],
    ["0 8 1,15 * 1", "cron(0 8 1,15 * 1)"],
    ["0 8 1 1,7 *", "cron(0 8 1 1,7 *)"],
  ])("%s → %s", (cron, words) => {
    expect(describeSchedule({ cron })).toBe(words);
  });

  it("says a one-off happens once, with its China date", () => {
    // 11:00 UTC on the 30th is 19:00 in China.
    expect(describeSchedule({ runAt: new Date("2026-11-30T11:00:00Z") })).toBe("2026年11月30日 19:00 (一次)");
    // 17:00 UTC on Dec 31 is already New Year's Day in China.
    expect(describeSchedule({ runAt: new Date("2026-12-31T17:00:00Z") })).toBe("2027年1月1日 01:00 (一次)");
  });
});

describe("formatChinaTime", () => {
  it("shows month, day, weekday and time in China", () => {
    expect(formatChinaTime(new Date("2026-11-24T00:00:00Z"))).toBe("11月24日(周二) 08:00");
    expect(formatChinaTime(new Date("2026-11-22T16:05:00Z"))).toBe("11月23日(周一) 00:05");
    expect(formatChinaTime(new Date("2026-11-29T12:00:00Z"))).toBe("11月29日(周日) 20:00");
  });

  it("adds the year only when it is not the current one", () => {
    const now = new Date("2026-12-30T00:00:00Z");
    expect(formatChinaTime(new Date("2026-12-31T00:00:00Z"), now)).toBe("12月31日(周四) 08:00");
    expect(formatChinaTime(new Date("2027-01-04T00:00:00Z"), now)).toBe("2027年1月4日(周一) 08:00");
  });
});
