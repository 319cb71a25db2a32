// The week for 周议: counts by category and building, the three rates for the week and the
// month so far, the slowest tickets, the volunteers who finished most, and repeat problems.
import type { Range } from "../text/china-time.js";
import type { Category } from "../understand/taxonomy.js";
import { computeRates, endedAs, openedIn, type Rates } from "./compute-rates.js";
import type { ReportTicket } from "./report-store.js";
import type { LimitsOf } from "./ticket-limits.js";
import { finishedAt } from "./summarize-day.js";

export interface WeekSummary {
  range: Range;
  month: Range;
  opened: number;
  finished: number;
  byCategory: { category: Category; count: number }[];
  /** Building as written (`3`), or null for tickets with no place. */
  byBuilding: { building: string | null; count: number }[];
  week: Rates;
  monthSoFar: Rates;
  /** Longest from opening to finished (or to now, when not finished yet). */
  slowest: { ticket: ReportTicket; ms: number; finished: boolean }[];
  /** Who finished most in the week, most first. */
  volunteers: { name: string; count: number }[];
  /** The same place and category three times or more in the last 30 days. */
  repeats: { building: string; unit: string | null; category: Category; tickets: ReportTicket[] }[];
}

const DAY_MS = 24 * 3600_000;
const REPEAT_WINDOW_MS = 30 * DAY_MS;
const REPEAT_MIN = 3;

function countBy<K>(items: readonly ReportTicket[], keyOf: (t: ReportTicket) => K): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const t of items) counts.set(keyOf(t), (counts.get(keyOf(t)) ?? 0) + 1);
  return [...counts.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

export function summarizeWeek(
  tickets: readonly ReportTicket[],
  range: Range,
  month: Range,
  limitsOf: LimitsOf,
  now: Date,
  top = 3,
): WeekSummary {
  const opened = tickets.filter((t) => openedIn(t, range));
  const own = opened.filter((t) => !endedAs(t));
  const inRange = (d: Date | null) => d !== null && d >= range.from && d < range.to;
  const end = new Date(Math.min(now.getTime(), range.to.getTime()));

  const slowest = tickets
    .filter((t) => !endedAs(t) && (openedIn(t, range) || inRange(finishedAt(t))))
    .map((t) => {
      const f = finishedAt(t);
      const until = f && f <= end ? f : end;
      return { ticket: t, ms: until.getTime() - t.createdAt.getTime(), finished: f !== null && f <= end };
    })
    .sort((a, b) => b.ms - a.ms || a.ticket.id - b.ticket.id)
    .slice(0, top);

  const doneBy = tickets.flatMap((t) =>
    t.events.filter((e) => e.type === "done" && inRange(e.at)).map((e) => e.actorName ?? t.volunteerName ?? "?"),
  );
  const volunteers = [...new Set(doneBy)]
    .map((name) => ({ name, count: doneBy.filter((n) => n === name).length }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, 5);

  const recent = tickets.filter(
    (t) => !endedAs(t) && t.building && now.getTime() - t.createdAt.getTime() <= REPEAT_WINDOW_MS && t.createdAt <= now,
  );
  const places = new Map<string, ReportTicket[]>();
  for (const t of recent) {
    const k = `${t.building}|${t.unit ?? ""}|${t.category}`;
    places.set(k, [...(places.get(k) ?? []), t]);
  }
  const repeats = [...places.values()]
    .filter((ts) => ts.length >= REPEAT_MIN)
    .map((ts) => ({
      building: ts[0]!.building!,
      unit: ts[0]!.unit,
      category: ts[0]!.category,
      tickets: ts.sort((a, b) => a.id - b.id),
    }))
    .sort((a, b) => b.tickets.length - a.tickets.length);

  const monthSoFar = { from: month.from, to: new Date(Math.min(month.to.getTime(), now.getTime() + 1)) };
  return {
    range,
    month,
    opened: opened.length,
    finished: tickets.filter((t) => inRange(finishedAt(t))).length,
    byCategory: countBy(own, (t) => t.category).map(({ key, count }) => ({ category: key, count })),
    byBuilding: countBy(own, (t) => t.building).map(({ key, count }) => ({ building: key, count })),
    week: computeRates(opened, limitsOf, now),
    monthSoFar: computeRates(
      tickets.filter((t) => openedIn(t, monthSoFar)),
      limitsOf,
      now,
    ),
    slowest,
    volunteers,
    repeats,
  };
}
