// 日清周议: builds the day's and the week's report from the store, and sends the scheduled ones
// to the staff rooms once per slot. Which slot is due is decided from the clock and the run
// rows, never from the timer that wakes us, so a restart or a second process sends nothing twice.
import type { Clock, OutgoingMessage } from "../core/types.js";
import {
  type CivilDate,
  chinaMonthOf,
  chinaTimeToDate,
  chinaWeekOf,
  type Range,
  startOfChinaDay,
  toChinaDate,
} from "../text/china-time.js";
import { reportReplies as say } from "./report-replies.js";
import type { ReportStore } from "./report-store.js";
import { summarizeDay } from "./summarize-day.js";
import { summarizeWeek } from "./summarize-week.js";
import type { LimitsOf } from "./ticket-limits.js";

const DAY_MS = 24 * 3600_000;

export interface TimeOfDay {
  hour: number;
  minute: number;
}

export interface ReportServiceOptions {
  store: ReportStore;
  clock: Clock;
  /** Follow-up's limits per ticket. */
  limitsOf: LimitsOf;
  /** The community calendar's working days (follow-up's): 日清 goes out on those. */
  isWorkingDay(day: CivilDate): boolean;
  staffRooms(): string[];
  /** Port: the outbox; `key` makes the send idempotent. */
  enqueue(message: OutgoingMessage, key: string): Promise<void>;
  /** 日清 on working days at this China time; null turns it off. */
  dailyAt: TimeOfDay | null;
  /** 周议 on Mondays at this China time; null turns it off. */
  weeklyAt: TimeOfDay | null;
  /** Who claims a run (host:pid), for the record. */
  owner: string;
}

function isoDay(d: CivilDate): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

export function createReportService(o: ReportServiceOptions) {
  async function daily(now: Date): Promise<string> {
    const from = startOfChinaDay(now);
    const range = { from, to: new Date(from.getTime() + DAY_MS) };
    const tickets = await o.store.ticketsSince(from);
    const summary = summarizeDay(tickets, await o.store.waitingHandovers(), range, o.limitsOf, now);
    return say.daily(summary, now);
  }

  /** The week `range`, with the month it ends in (so far) and the 30 days before now for repeats. */
  async function weekly(now: Date, range: Range): Promise<string> {
    const month = chinaMonthOf(new Date(Math.min(range.to.getTime(), now.getTime()) - 1));
    const since = Math.min(range.from.getTime(), month.from.getTime(), now.getTime() - 30 * DAY_MS);
    const tickets = await o.store.ticketsSince(new Date(since));
    return say.weekly(summarizeWeek(tickets, range, month, o.limitsOf, now), now);
  }

  function lastWeek(now: Date): Promise<string> {
    const thisWeek = chinaWeekOf(now);
    return weekly(now, { from: new Date(thisWeek.from.getTime() - 7 * DAY_MS), to: thisWeek.from });
  }

  async function sendRun(key: string, build: () => Promise<string>, now: Date): Promise<boolean> {
    const rooms = o.staffRooms();
    if (rooms.length === 0) return false; // nobody to tell yet: leave the slot for when there is
    const claim = await o.store.claimRun(key, o.owner, now);
    if (!claim.won && !claim.unfinished) return false;
    const text = await build();
    for (const id of rooms) await o.enqueue({ to: { kind: "room", id }, text }, `report:${key}:${id}`);
    await o.store.finishRun(key, text, now);
    return true;
  }

  return {
    /** Today's 日清 so far. */
    daily: (now = o.clock.now()) => daily(now),
    /** This week's 周议 so far (Monday to now). */
    weekSoFar: (now = o.clock.now()) => weekly(now, chinaWeekOf(now)),
    /** Last week's 周议 (Monday to Sunday before the week of `now`). */
    lastWeek: (now = o.clock.now()) => lastWeek(now),

    /**
     * Sends what is due now and not sent yet: today's 日清 from its time on a working day until
     * midnight, and on Mondays last week's 周议 from its time until midnight. Returns the keys sent.
     */
    async tick(): Promise<string[]> {
      const now = o.clock.now();
      const today = toChinaDate(now);
      const at = (t: TimeOfDay) => chinaTimeToDate(today.year, today.month, today.day, t.hour, t.minute);
      const sent: string[] = [];
      if (o.dailyAt && o.isWorkingDay(today) && now >= at(o.dailyAt)) {
        const key = `daily:${isoDay(today)}`;
        if (await sendRun(key, () => daily(now), now)) sent.push(key);
      }
      if (o.weeklyAt && today.weekday === 1 && now >= at(o.weeklyAt)) {
        const key = `weekly:${isoDay(today)}`;
        if (await sendRun(key, () => lastWeek(now), now)) sent.push(key);
      }
      return sent;
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
