import { createTask, validate } from "node-cron";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_MAX_SLOTS, nextRuns, slotsBetween, validateCron } from "../../src/broadcasts/schedule.js";

/** A China wall-clock time as an instant, whatever the process zone. */
function cn(wall: string): Date {
  return new Date(`${wall.replace(" ", "T")}:00+08:00`);
}

function iso(dates: Date[]): string[] {
  return dates.map((d) => d.toISOString());
}

function runs(cron: string, afterWall: string, count: number): string[] {
  return iso(nextRuns({ cron }, cn(afterWall), count));
}

function walls(...list: string[]): string[] {
  return iso(list.map(cn));
}

// Monday 06:30 in China is still Sunday in UTC and in New York: a zone bug shows at once.
const MONDAY_EARLY = "2026-11-23 06:30";

describe("nextRuns (China time)", () => {
  it("runs weekly on Monday 08:00 China time", () => {
    expect(runs("0 8 * * 1", MONDAY_EARLY, 3)).toEqual(
      walls("2026-11-23 08:00", "2026-11-30 08:00", "2026-12-07 08:00"),
    );
    expect(nextRuns({ cron: "0 8 * * 1" }, cn(MONDAY_EARLY), 1)[0]!.toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("takes the weekday in China, not in UTC (Sunday 23:00 China is Sunday 15:00 UTC)", () => {
    expect(runs("0 23 * * 0", MONDAY_EARLY, 2)).toEqual(walls("2026-11-29 23:00", "2026-12-06 23:00"));
    expect(runs("0 0 * * *", MONDAY_EARLY, 1)).toEqual(["2026-11-23T16:00:00.000Z"]);
  });

  it("runs monthly on the 1st", () => {
    expect(runs("0 9 1 * *", MONDAY_EARLY, 3)).toEqual(
      walls("2026-12-01 09:00", "2027-01-01 09:00", "2027-02-01 09:00"),
    );
  });

  it("runs on workdays only, skipping the weekend", () => {
    expect(runs("30 8 * * 1-5", "2026-11-27 09:00", 3)).toEqual(
      walls("2026-11-30 08:30", "2026-12-01 08:30", "2026-12-02 08:30"),
    );
  });

  it("expands steps and ranges", () => {
    expect(runs("*/20 8-9 * * *", "2026-11-23 09:50", 7)).toEqual(
      walls(
        "2026-11-24 08:00",
        "2026-11-24 08:20",
        "2026-11-24 08:40",
        "2026-11-24 09:00",
        "2026-11-24 09:20",
        "2026-11-24 09:40",
        "2026-11-25 08:00",
      ),
    );
    expect(runs("0 1-10/3 * * *", MONDAY_EARLY, 4)).toEqual(
      walls("2026-11-23 07:00", "2026-11-23 10:00", "2026-11-24 01:00", "2026-11-24 04:00"),
    );
  });

  it("skips months without the day (31st) and finds Feb 29 years ahead", () => {
    expect(runs("0 9 31 * *", "2026-11-01 00:00", 3)).toEqual(
      walls("2026-12-31 09:00", "2027-01-31 09:00", "2027-03-31 09:00"),
    );
    expect(runs("0 0 29 2 *", "2026-03-01 00:00", 2)).toEqual(walls("2028-02-29 00:00", "2032-02-29 00:00"));
    expect(runs("0 8 30 * *", "2027-01-31 00:00", 1)).toEqual(walls("2027-03-30 08:00"));
  });

  it("crosses the year boundary in China time", () => {
    expect(runs("0 0 1 1 *", "2026-12-31 23:59", 1)).toEqual(["2026-12-31T16:00:00.000Z"]);
    expect(runs("59 23 31 12 *", "2026-12-31 23:59", 1)).toEqual(walls("2027-12-31 23:59"));
    expect(runs("0 8 * * *", "2026-12-31 09:00", 2)).toEqual(walls("2027-01-01 08:00", "2027-01-02 08:00"));
  });

  it("fires on either day field when both are restricted (cron OR rule)", () => {
    expect(runs("0 8 1,15 * 1", MONDAY_EARLY, 5)).toEqual(
      walls("2026-11-23 08:00", "2026-11-30 08:00", "2026-12-01 08:00", "2026-12-07 08:00", "2026-12-14 08:00"),
    );
    // With one day field `*` (or `*/n`) both must match.
    // Days 1, 11, 21, 31 that are Mondays: 2026-12-21, 2027-01-11.
    expect(runs("0 8 */10 * 1", MONDAY_EARLY, 2)).toEqual(walls("2026-12-21 08:00", "2027-01-11 08:00"));
  });

  it("accepts 7 and names for Sunday, Monday, January", () => {
    expect(runs("0 8 * * 7", MONDAY_EARLY, 2)).toEqual(runs("0 8 * * 0", MONDAY_EARLY, 2));
    expect(runs("0 8 * * MON", MONDAY_EARLY, 2)).toEqual(runs("0 8 * * 1", MONDAY_EARLY, 2));
    expect(runs("0 8 1 jan *", MONDAY_EARLY, 1)).toEqual(walls("2027-01-01 08:00"));
  });

  it("returns slots strictly after `after`", () => {
    expect(runs("0 8 * * *", "2026-11-23 08:00", 1)).toEqual(walls("2026-11-24 08:00"));
    const justBefore = new Date(cn("2026-11-23 08:00").getTime() - 1);
    expect(iso(nextRuns({ cron: "0 8 * * *" }, justBefore, 1))).toEqual(walls("2026-11-23 08:00"));
  });

  it("gives a one-off once, only while it is ahead", () => {
    const runAt = cn("2026-11-30 19:00");
    expect(iso(nextRuns({ runAt }, cn(MONDAY_EARLY), 3))).toEqual(walls("2026-11-30 19:00"));
    expect(nextRuns({ runAt }, runAt, 3)).toEqual([]);
    expect(nextRuns({ runAt }, cn(MONDAY_EARLY), 0)).toEqual([]);
  });

  it("throws on an invalid cron rather than guessing", () => {
    expect(() => nextRuns({ cron: "0 25 * * *" }, cn(MONDAY_EARLY), 1)).toThrow(RangeError);
  });
});

describe("slotsBetween (catching up after downtime)", () => {
  it("includes `to` and excludes `from`", () => {
    const slots = slotsBetween({ cron: "0 8 * * 1" }, cn("2026-11-23 08:00"), cn("2026-11-30 08:00"));
    expect(iso(slots)).toEqual(walls("2026-11-30 08:00"));
  });

  it("lists every missed daily slot over a three-day outage, earliest first", () => {
    const slots = slotsBetween({ cron: "30 7 * * *" }, cn("2026-11-23 07:00"), cn("2026-11-25 23:00"));
    expect(iso(slots)).toEqual(walls("2026-11-23 07:30", "2026-11-24 07:30", "2026-11-25 07:30"));
  });

  it("caps a per-minute schedule over a long outage", () => {
    const slots = slotsBetween({ cron: "* * * * *" }, cn("2026-11-01 00:00"), cn("2026-11-23 00:00"));
    expect(slots).toHaveLength(DEFAULT_MAX_SLOTS);
    expect(slotsBetween({ cron: "* * * * *" }, cn("2026-11-01 00:00"), cn("2026-11-01 00:10"), 3)).toHaveLength(3);
  });

  it("finds a one-off only inside the window", () => {
    const runAt = cn("2026-11-30 19:00");
    expect(iso(slotsBetween({ runAt }, cn("2026-11-30 18:00"), cn("2026-11-30 19:00")))).toEqual(
      walls("2026-11-30 19:00"),
    );
    expect(slotsBetween({ runAt }, runAt, cn("2026-12-01 00:00"))).toEqual([]);
    expect(slotsBetween({ runAt }, cn("2026-11-29 00:00"), cn("2026-11-30 18:59"))).toEqual([]);
  });
});

describe("validateCron", () => {
  it.each([
    ["0 8 * *", "5 段"],
    ["60 8 * * *", "分钟"],
    ["0 24 * * *", "小时"],
    ["0 8 0 * *", "日期"],
    ["0 8 * 13 *", "月份"],
    ["0 8 * * 8", "星期"],
    ["5/10 * * * *", "*/n"],
    ["0 8 31 2 *", "永远不会触发"],
    ["0 8 5-1 * *", "倒过来"],
    ["0 8 * * mon-", "星期"],
    ["*/0 * * * *", "大于 0"],
  ])("rejects %s, naming the part", (expr, words) => {
    const result = validateCron(expr);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain(words);
  });

  const corpus = [
    "0 8 * * 1",
    "30 7 * * *",
    "0 9 1 * *",
    "30 8 * * 1-5",
    "*/15 8-18 * * 1-5",
    "0 8 1,15 * *",
    "0 0 1 1 *",
    "0 8 * * 7",
    "0 8 * * MON",
    "0 8 * jan *",
    "1-5/2 * * * *",
    "0 8 31 2 *",
    "0 8 30 2 *",
    "60 8 * * *",
    "0 24 * * *",
    "0 0 0 * *",
    "0 0 * * 8",
    "5/10 * * * *",
    "0 8 * *",
    "0 8 * * 1 2000",
    "a b c d e",
    "0 8 ,1 * *",
  ];

  it.each(corpus)("agrees with node-cron's validate on %s", (expr) => {
    // node-cron also takes a 6-field form with seconds; we do not (minutes are our slot unit).
    expect(validateCron(expr).ok).toBe(validate(expr));
  });
});

describe("agreement with node-cron's own iterator", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // node-cron ANDs the two day fields even when both are restricted, so only shapes where
  // one of them is `*` are compared; see the OR test above for the standard rule.
  it.each([
    "0 8 * * 1",
    "30 7 * * *",
    "0 9 1 * *",
    "30 8 * * 1-5",
    "*/15 8-18 * * 1-5",
    "0 0 1 1 *",
    "0 9 31 * *",
    "0 18 * * 0,6",
    "0 8 */10 * 1",
  ])("gives the same next five runs for %s in Asia/Shanghai", (expr) => {
    const after = cn("2026-12-30 21:07");
    vi.useFakeTimers({ toFake: ["Date"], now: after });
    const task = createTask(expr, () => undefined, { timezone: "Asia/Shanghai" });
    try {
      expect(iso(nextRuns({ cron: expr }, after, 5))).toEqual(iso(task.getNextRuns(5)));
    } finally {
      void task.destroy();
    }
  });
});
