// The three rates on hand-made timelines, with the README's definitions, on a fake clock.
import { describe, expect, it } from "vitest";
import { addWorkingMinutes } from "../../src/follow-up/calendar.js";
import { defaultRules } from "../../src/follow-up/follow-up-rules.js";
import { followUpLimits } from "../../src/features/reports.js";
import { computeRates, ratesBy } from "../../src/reports/compute-rates.js";
import { formatRate, reportReplies } from "../../src/reports/report-replies.js";
import type { ReportTicket } from "../../src/reports/report-store.js";
import { summarizeDay } from "../../src/reports/summarize-day.js";
import { chinaTimeToDate, startOfChinaDay } from "../../src/text/china-time.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
// Follow-up's limits and calendar, as the app wires them: one working day (08:30–17:30) to
// claim a normal ticket, three to finish it; 30 minutes and 4 hours on the clock when urgent.
const rules = defaultRules();
const limitOf = followUpLimits(rules);
// Monday 23 November 2026, 09:00 China time.
const monday9 = chinaTimeToDate(2026, 11, 23, 9);
const at = (from: Date, ms: number) => new Date(from.getTime() + ms);

let nextId = 1;
type Step = [type: string, afterMs: number, actorId?: string];
/** A ticket opened at `createdAt`, then the steps of its timeline (each after the opening). */
function ticket(createdAt: Date, steps: Step[], fields: Partial<ReportTicket> = {}): ReportTicket {
  const events = [
    { type: "created", at: createdAt, actorId: "r1", actorName: "居民" },
    ...steps.map(([type, afterMs, actorId]) => ({
      type,
      at: at(createdAt, afterMs),
      actorId: actorId ?? "v1",
      actorName: "刘志强",
    })),
  ] as ReportTicket["events"];
  const last = (type: string) => events.filter((e) => e.type === type).at(-1)?.at ?? null;
  const status =
    last("closed") || last("rated") ? "closed" : last("done") ? "done" : last("claimed") ? "claimed" : "open";
  return {
    id: nextId++,
    sourceMessageId: null,
    residentId: "r1",
    residentName: "居民",
    roomId: null,
    roomTopic: null,
    text: "楼道灯坏了",
    summary: "楼道灯坏了",
    phone: null,
    category: "repair",
    urgency: "normal",
    building: "3",
    unit: null,
    room: null,
    status,
    volunteerId: null,
    volunteerName: null,
    note: null,
    rating: null,
    ratingLabel: null,
    ratingComment: null,
    closeReason: null,
    closeKind: status === "closed" ? "resolved" : null,
    createdAt,
    claimedAt: last("claimed"),
    doneAt: last("done"),
    closedAt: last("closed") ?? last("rated"),
    updatedAt: createdAt,
    events,
    movedLimit: null,
    movedAt: null,
    mergedIntoId: null,
    ...fields,
  };
}

const later = at(monday9, 30 * 24 * HOUR);

describe("the three rates", () => {
  it("with no tickets divide by nothing and read —", () => {
    const r = computeRates([], limitOf, later);
    expect(r).toEqual({
      response: { num: 0, den: 0 },
      resolution: { num: 0, den: 0 },
      satisfaction: { num: 0, den: 0 },
    });
    expect(formatRate(r.response)).toBe("—");
    expect(formatRate({ num: 17, den: 20 })).toBe("85% (17/20)");
  });

  it("count a claim after the claim limit as not responded", () => {
    const inTime = ticket(monday9, [["claimed", 23 * HOUR]]);
    const late = ticket(monday9, [["claimed", 25 * HOUR]]);
    const urgentLate = ticket(monday9, [["claimed", 31 * MIN]], { urgency: "urgent" });
    const urgentInTime = ticket(monday9, [["claimed", 29 * MIN]], { urgency: "urgent" });
    expect(computeRates([inTime, late, urgentLate, urgentInTime], limitOf, later).response).toEqual({ num: 2, den: 4 });
  });

  it("count working days only for a normal ticket: Friday evening claimed on Monday morning is in time", () => {
    const friday20 = chinaTimeToDate(2026, 11, 20, 20);
    expect(limitOf({ createdAt: friday20, urgency: "normal", category: "repair", movedLimit: null }).respondBy).toEqual(
      chinaTimeToDate(2026, 11, 23, 17, 30),
    );
    const normal = ticket(friday20, [["claimed", 2 * 24 * HOUR + 14 * HOUR]]); // Monday 10:00
    const urgent = ticket(friday20, [["claimed", 14 * HOUR]], { urgency: "urgent" }); // Saturday 10:00
    expect(computeRates([normal], limitOf, later).response).toEqual({ num: 1, den: 1 });
    expect(computeRates([urgent], limitOf, later).response).toEqual({ num: 0, den: 1 });
    // A holiday in the community calendar is a day off too.
    const calendar = { ...rules.calendar, holidays: ["2026-11-23"] };
    expect(addWorkingMinutes(calendar, friday20, 9 * 60)).toEqual(chinaTimeToDate(2026, 11, 24, 17, 30));
  });

  it("count staff assigning or closing as a response, and leave out tickets not yet due", () => {
    const assigned = ticket(monday9, [["assigned", 2 * HOUR, "s1"]]);
    const staffClosed = ticket(monday9, [["closed", HOUR, "s1"]]);
    const notDueYet = ticket(at(later, -HOUR), []);
    const overdue = ticket(monday9, []);
    expect(computeRates([assigned, staffClosed, notDueYet, overdue], limitOf, later).response).toEqual({
      num: 2,
      den: 3,
    });
  });

  it("leave withdrawn and merged tickets out of 解决率, and merged ones out of 响应率", () => {
    const solved = ticket(monday9, [
      ["claimed", HOUR],
      ["done", 3 * HOUR],
    ]);
    const open = ticket(monday9, [["claimed", HOUR]]);
    const merged = ticket(monday9, [["closed", HOUR, "s1"]], { closeKind: "duplicate", mergedIntoId: 1 });
    const withdrawnEarly = ticket(monday9, [["closed", HOUR, "r1"]], {
      closeKind: "withdrawn",
    });
    const withdrawnLate = ticket(monday9, [["closed", 30 * HOUR, "r1"]], {
      closeKind: "withdrawn",
    });
    const r = computeRates([solved, open, merged, withdrawnEarly, withdrawnLate], limitOf, later);
    expect(r.resolution).toEqual({ num: 1, den: 2 });
    // Withdrawn before anyone was due: not counted; withdrawn after the limit passed unclaimed: not responded.
    expect(r.response).toEqual({ num: 2, den: 3 });
  });

  it("count 满意 and 4–5 ratings over the rated tickets; unrated ones are not rated", () => {
    const rated = [5, 4, 3, 1].map((rating) =>
      ticket(
        monday9,
        [
          ["claimed", HOUR],
          ["done", 2 * HOUR],
          ["rated", 3 * HOUR, "r1"],
        ],
        { rating },
      ),
    );
    const unrated = ticket(
      monday9,
      [
        ["claimed", HOUR],
        ["done", 2 * HOUR],
        ["closed", 80 * HOUR],
      ],
      {
        ratingLabel: "unrated",
      },
    );
    const r = computeRates([...rated, unrated], limitOf, later);
    expect(r.satisfaction).toEqual({ num: 2, den: 4 });
    expect(r.resolution).toEqual({ num: 5, den: 5 });
  });

  it("split by building and category", () => {
    const a = ticket(monday9, [["claimed", HOUR]], { building: "3" });
    const b = ticket(monday9, [], { building: "3" });
    const c = ticket(monday9, [["claimed", HOUR]], { building: "5", category: "sanitation" });
    const byBuilding = ratesBy([a, b, c], (t) => t.building ?? "-", limitOf, later);
    expect(byBuilding.map((g) => [g.key, g.opened, formatRate(g.rates.response)])).toEqual([
      ["3", 2, "50% (1/2)"],
      ["5", 1, "100% (1/1)"],
    ]);
    expect(ratesBy([a, b, c], (t) => t.category, limitOf, later).map((g) => g.key)).toEqual(["repair", "sanitation"]);
  });

  it("use follow-up's limit per category and a limit moved with 延期", () => {
    // A suggestion needs a staff reply within two working days (Monday 09:00 → Wednesday 09:00).
    const suggestion = ticket(monday9, [["progress", 40 * HOUR, "s1"]], { category: "suggestion" });
    // Claimed on Tuesday 12:00, past the one-working-day limit, but staff had moved it to Wednesday.
    const wednesday = chinaTimeToDate(2026, 11, 25, 17, 30);
    const moved = ticket(monday9, [["claimed", 27 * HOUR]], { movedLimit: wednesday });
    const notMoved = ticket(monday9, [["claimed", 27 * HOUR]]);
    expect(computeRates([suggestion], limitOf, later).response).toEqual({ num: 1, den: 1 });
    expect(computeRates([moved, notMoved], limitOf, later).response).toEqual({ num: 1, den: 2 });
  });
});

describe("日清's overdue", () => {
  const tuesday18 = chinaTimeToDate(2026, 11, 24, 18);
  const day = { from: startOfChinaDay(tuesday18), to: at(startOfChinaDay(tuesday18), 24 * HOUR) };
  const overdue = (tickets: ReportTicket[], now = tuesday18) =>
    summarizeDay(tickets, [], day, limitOf, now).overdue.map((o) => [o.ticket.id, o.missed]);

  it("lists unclaimed tickets past their claim limit and claimed ones past their finish limit", () => {
    const unclaimed = ticket(monday9, []); // due Tuesday 09:00
    const inHandLate = ticket(chinaTimeToDate(2026, 11, 24, 9), [["claimed", 10 * MIN]], { urgency: "urgent" });
    const inHand = ticket(monday9, [["claimed", HOUR]]); // finish due Thursday 09:00
    const suggestion = ticket(chinaTimeToDate(2026, 11, 20, 9), [], { category: "suggestion" });
    expect(overdue([unclaimed, inHandLate, inHand, suggestion])).toEqual([
      [suggestion.id, "reply"],
      [unclaimed.id, "claim"],
      [inHandLate.id, "finish"],
    ]);
  });

  it("does not list a ticket whose limit staff moved with 延期 until the new limit passes", () => {
    const friday = chinaTimeToDate(2026, 11, 27, 17, 30);
    const moved = ticket(monday9, [["extended", 20 * HOUR, "s1"]], { movedLimit: friday });
    expect(overdue([moved])).toEqual([]);
    expect(overdue([moved], chinaTimeToDate(2026, 11, 27, 18))).toEqual([[moved.id, "finish"]]);
  });

  it("counts a reopened ticket's limits from the reopen, as the board does", () => {
    // Reported, claimed, done and rated ten days before; reopened on Monday 09:00.
    const reported = at(monday9, -10 * 24 * HOUR);
    const reopened = ticket(
      reported,
      [
        ["claimed", HOUR],
        ["done", 2 * HOUR],
        ["rated", 3 * HOUR, "r1"],
        ["reopened", 10 * 24 * HOUR, "s1"],
      ],
      { status: "open", closeKind: null, claimedAt: null, doneAt: null, closedAt: null },
    );
    expect(overdue([reopened], at(monday9, HOUR))).toEqual([]);
    // Nobody claimed it again within a working day of the reopen.
    expect(overdue([reopened])).toEqual([[reopened.id, "claim"]]);
  });

  it("drops a 延期 granted before a reopen, and keeps one granted after it", () => {
    // Reported a week before Monday, claimed, its limit moved to Friday 27th, done; reopened on
    // Monday 09:00 and not claimed again.
    const reported = at(monday9, -7 * 24 * HOUR);
    const friday = chinaTimeToDate(2026, 11, 27, 17, 30);
    const steps: Step[] = [
      ["claimed", HOUR],
      ["extended", 2 * HOUR, "s1"],
      ["done", 3 * HOUR],
      ["reopened", 7 * 24 * HOUR, "s1"],
    ];
    const reopen = { status: "open", claimedAt: null, doneAt: null, movedLimit: friday } as const;
    const movedBefore = ticket(reported, steps, { ...reopen, movedAt: at(reported, 2 * HOUR) });
    // The same, but staff moved the limit again after the reopen (Monday 10:00).
    const movedAfter = ticket(reported, [...steps, ["extended", 7 * 24 * HOUR + HOUR, "s1"]], {
      ...reopen,
      movedAt: at(monday9, HOUR),
    });
    expect(overdue([movedBefore, movedAfter])).toEqual([[movedBefore.id, "claim"]]);
  });

  it("shows how long a reopened ticket has waited since the reopen", () => {
    // Reported ten days before Monday and done then; reopened on Monday 09:00. The other one was
    // reported on Monday 09:00.
    const reported = at(monday9, -10 * 24 * HOUR);
    const reopened = ticket(
      reported,
      [
        ["claimed", HOUR],
        ["done", 2 * HOUR],
        ["reopened", 10 * 24 * HOUR, "s1"],
      ],
      { status: "open", claimedAt: null, doneAt: null },
    );
    const fresh = ticket(monday9, []);
    const text = reportReplies.daily(summarizeDay([reopened, fresh], [], day, limitOf, tuesday18), tuesday18);
    expect(text).toContain(
      `超时 2 件: #${reopened.id}(3号楼, 未认领, 重新打开后已等1天9小时)、#${fresh.id}(3号楼, 未认领, 已等1天9小时)`,
    );
  });
});
