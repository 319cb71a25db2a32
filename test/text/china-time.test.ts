import { describe, expect, it } from "vitest";
import {
  addDays,
  chinaMonthOf,
  chinaTimeToDate,
  chinaWeekOf,
  formatChinaDate,
  startOfChinaDay,
  toChinaDate,
  toChinaTime,
  weekdayNumber,
} from "../../src/text/china-time.js";

describe("China time", () => {
  it("reads the China calendar day and clock, not the server's: 17:30 UTC is already tomorrow in China", () => {
    const t = toChinaTime(new Date("2026-11-27T17:30:00Z"));
    expect(t).toEqual({ year: 2026, month: 11, day: 28, weekday: 6, hour: 1, minute: 30 });
    expect(formatChinaDate(toChinaDate(new Date("2026-11-27T17:30:00Z")))).toBe("11月28日(周六)");
  });

  it("turns a China wall-clock time into the instant, and finds the China midnight of an instant", () => {
    expect(chinaTimeToDate(2026, 12, 1, 8, 0).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(startOfChinaDay(new Date("2026-11-30T20:00:00Z")).toISOString()).toBe("2026-11-30T16:00:00.000Z");
  });

  it("bounds the China week from Monday and the month from the 1st, across a year's end", () => {
    const sundayNight = new Date("2026-11-29T15:59:00Z"); // Sunday 23:59 in China
    expect(chinaWeekOf(sundayNight).from.toISOString()).toBe("2026-11-22T16:00:00.000Z");
    expect(chinaWeekOf(sundayNight).to.toISOString()).toBe("2026-11-29T16:00:00.000Z");
    const newYearsEve = new Date("2026-12-31T17:00:00Z"); // 1 January 01:00 in China
    expect(chinaMonthOf(newYearsEve).from.toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(chinaMonthOf(newYearsEve).to.toISOString()).toBe("2027-01-31T16:00:00.000Z");
    expect(addDays(toChinaDate(newYearsEve), -1)).toEqual({ year: 2026, month: 12, day: 31, weekday: 4 });
  });

  it("reads written weekdays the way residents and staff write them", () => {
    expect(["日", "天", "一", "六", "1", "7", "x"].map(weekdayNumber)).toEqual([0, 0, 1, 6, 1, 0, -1]);
  });
});
