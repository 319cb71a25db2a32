// The community calendar and the limits counted on it: working hours, weekends, holidays.
import { describe, expect, it } from "vitest";
import { addWorkingMinutes, defaultCalendar, workingMinutesBetween } from "../../src/follow-up/calendar.js";
import { pendingDues } from "../../src/follow-up/deadlines.js";
import { defaultRules, parseSpan, readRules, RulesError } from "../../src/follow-up/follow-up-rules.js";
import { chinaTimeToDate } from "../../src/text/china-time.js";

// 2026-11-20 is a Friday.
const china = (day: number, hour: number, minute = 0, month = 11) => chinaTimeToDate(2026, month, day, hour, minute);
const ticket = (createdAt: Date, urgency: "urgent" | "normal" = "normal", category = "repair" as const) => ({
  urgency,
  category,
  status: "open" as const,
  createdAt,
});

describe("working time", () => {
  it("does not count the evening, the weekend or the night", () => {
    // Friday 19:00 + 1 working hour → Monday 09:30.
    expect(addWorkingMinutes(defaultCalendar, china(20, 19), 60)).toEqual(china(23, 9, 30));
    // Friday 16:30 + 2 working hours → Monday 09:30.
    expect(addWorkingMinutes(defaultCalendar, china(20, 16, 30), 120)).toEqual(china(23, 9, 30));
    expect(workingMinutesBetween(defaultCalendar, china(20, 16, 30), china(23, 9, 30))).toBe(120);
  });

  it("skips listed holidays and counts listed make-up working days", () => {
    const cal = { ...defaultCalendar, holidays: ["2026-11-23"], extraWorkdays: ["2026-11-21"] };
    // Saturday works (调休), Monday is off: Friday 19:00 + 1 h → Saturday 09:30; + 10 h → Tuesday 09:30.
    expect(addWorkingMinutes(cal, china(20, 19), 60)).toEqual(china(21, 9, 30));
    expect(addWorkingMinutes(cal, china(20, 19), 600)).toEqual(china(24, 9, 30));
  });
});

describe("limits", () => {
  const rules = defaultRules();

  it("a Friday-evening ordinary request is not overdue on Saturday morning: it is due Monday", () => {
    const [respond, finish] = pendingDues(ticket(china(20, 19)), rules, false);
    expect(respond).toMatchObject({ stage: "respond", dueAt: china(23, 17, 30) });
    expect(respond!.dueAt > china(21, 9)).toBe(true);
    // Three working days: Monday, Tuesday, Wednesday.
    expect(finish).toMatchObject({ stage: "finish", dueAt: china(25, 17, 30) });
  });

  it("an urgent one runs on the clock, at night and at the weekend", () => {
    const [respond, finish] = pendingDues(ticket(china(21, 23), "urgent"), rules, false);
    expect(respond!.dueAt).toEqual(china(21, 23, 30));
    expect(respond!.nearAt).toEqual(new Date(china(21, 23).getTime() + 22.5 * 60_000));
    expect(finish!.dueAt).toEqual(china(22, 3));
  });

  it("a suggestion needs a staff reply within two working days, and no finish", () => {
    const dues = pendingDues({ ...ticket(china(20, 10)), category: "suggestion" }, rules, false);
    expect(dues).toEqual([{ stage: "respond", nearAt: expect.any(Date), dueAt: china(24, 10) }]);
  });

  it("a holiday moves the limit", () => {
    const withHoliday = readRules("calendar:\n  holidays: [2026-11-23]\n");
    expect(pendingDues(ticket(china(20, 19)), withHoliday, false)[0]!.dueAt).toEqual(china(24, 17, 30));
  });
});

describe("the LINLI_FOLLOW_UP file", () => {
  it("overrides limits per urgency and category, the calendar and the idle times", () => {
    const r = readRules(
      [
        "calendar:",
        "  workdays: [1, 2, 3, 4, 5, 6]",
        '  hours: "09:00-18:00"',
        "limits:",
        "  urgent: { claim: 20m, finish: 2h }",
        "  repair: { finish: 2wd }",
        "idle: { ask: 4wh, release: 2h }",
      ].join("\n"),
    );
    expect(r.calendar).toMatchObject({ workdays: [1, 2, 3, 4, 5, 6], startMinute: 540, endMinute: 1080 });
    expect(r.urgent.respond).toEqual({ minutes: 20, working: false });
    expect(r.byCategory.repair).toEqual({ respond: r.normal.respond, finish: { minutes: 1080, working: true } });
    expect(r.idleRelease).toEqual({ minutes: 120, working: false });
  });

  it("names the field and the form when a value is wrong", () => {
    expect(() => readRules("limits:\n  urgent: { claim: soon }\n")).toThrow(/limits\.urgent\.claim.*30m/);
    expect(() => readRules("limits:\n  plumbing: { claim: 1h }\n")).toThrow(RulesError);
    expect(() => readRules("calendar:\n  hours: 9-18\n")).toThrow(/calendar\.hours/);
    expect(parseSpan("3wd", defaultCalendar)).toEqual({ minutes: 3 * 540, working: true });
  });
});
