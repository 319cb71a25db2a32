// The month so far in the reports' own terms, for the 红色广播站's live fields (`{本月受理}`,
// `{本月办结}`, `{本月满意率}`): the same definitions as 周议's "本月至今", so residents and staff
// never see two different figures for one month.
import { chinaMonthOf } from "../text/china-time.js";
import { computeRates, openedIn, type Rate } from "./compute-rates.js";
import type { ReportStore } from "./report-store.js";
import { finishedAt } from "./summarize-day.js";
import type { LimitsOf } from "./ticket-limits.js";

export interface MonthSoFar {
  /** Tickets opened this month (merged reports included: each was a resident's report). */
  received: number;
  /** Tickets finished this month, whenever opened: done, or closed as solved (not withdrawn or merged). */
  finished: number;
  /** 满意率 over the tickets opened this month, as computeRates counts it. */
  satisfaction: Rate;
}

export async function readMonthSoFar(
  store: Pick<ReportStore, "ticketsSince">,
  limitsOf: LimitsOf,
  now: Date,
): Promise<MonthSoFar> {
  const month = chinaMonthOf(now);
  const soFar = { from: month.from, to: new Date(Math.min(month.to.getTime(), now.getTime() + 1)) };
  const tickets = await store.ticketsSince(month.from);
  const opened = tickets.filter((t) => openedIn(t, soFar));
  const finished = tickets.filter((t) => {
    const at = finishedAt(t);
    return at !== null && at >= soFar.from && at < soFar.to;
  });
  return {
    received: opened.length,
    finished: finished.length,
    satisfaction: computeRates(opened, limitsOf, now).satisfaction,
  };
}
