// The 成绩单 of a week, month or year: what came in and was finished (by category, building and
// day), the three rates exactly as 日清周议 count them (computeRates), how long responses and
// finishing took, who served, 好人好事 and hand-overs. Pure: rows in, plain data out.
import { placeOf } from "../tickets/infer-place.js";
import { type Category, categoryNames } from "../understand/taxonomy.js";
import { computeRates, endedAs, firstResponseAt, openedIn, type Rates } from "./compute-rates.js";
import { redactResidentText } from "./redact-text.js";
import type { ReportPeriod } from "./report-period.js";
import type { ApprovedPraise, HandoverFigures, ReportTicket } from "./report-store.js";
import { finishedAt } from "./summarize-day.js";
import type { LimitsOf } from "./ticket-limits.js";

/** Durations over the tickets that have one: average and 90th percentile (nearest rank), in ms. */
export interface Durations {
  count: number;
  averageMs: number | null;
  p90Ms: number | null;
}

/** One category's or building's line. */
export interface GroupFigures {
  /** The category code, or the building as written (`3`); `""` for tickets with no known building. */
  key: string;
  /** 维修, 3号楼, 未注明. */
  name: string;
  /** Opened in the period (merged and withdrawn reports included: each was a resident's report). */
  received: number;
  /** Finished in the period, whenever opened (not withdrawn or merged). */
  finished: number;
  /** Over the tickets opened in the period, as computeRates counts them. */
  rates: Rates;
}

export interface VolunteerFigures {
  /** The volunteer's contact id. */
  id: string;
  name: string;
  /** Tickets they finished (完成) in the period. */
  finished: number;
  /** Tickets they claimed themselves (认领) in the period; staff assignments name no contact id. */
  claimed: number;
  /** Ratings residents gave in the period to tickets they finished. */
  rated: number;
  /** Of those, 满意 or 4–5. */
  satisfied: number;
  /** Mean of those ratings (1–5), null when none. */
  averageRating: number | null;
}

export interface PraiseLine {
  id: number;
  at: Date;
  source: "thanks" | "staff";
  text: string;
  /** The staff member who wrote a 表扬 note; null for residents' thanks (no resident names in reports). */
  author: string | null;
  ticketId: number | null;
}

export interface HandoverSummary {
  /** Questions handed to a person in the period. */
  total: number;
  /** Of those, answered by staff (by the time of the report). */
  answered: number;
  /** Of those, still waiting for an answer. */
  waiting: number;
  /** Of those, closed without an answer. */
  closed: number;
  /** From hand-over to answer, over the answered ones. */
  toAnswer: Durations;
}

export interface PeriodSummary {
  received: number;
  finished: number;
  /** Of those received: linked into another report of the same problem, or closed by staff as the same thing. */
  merged: number;
  /** Of those received: withdrawn by their resident. */
  withdrawn: number;
  /** Of those received: not finished or closed yet. */
  stillOpen: number;
  urgent: number;
  rates: Rates;
  /** From report to first response (claim, assignment, progress, 延期 or a staff close), over those received. */
  toRespond: Durations;
  /** From report to finished, over those received and finished. */
  toFinish: Durations;
  byCategory: GroupFigures[];
  byBuilding: GroupFigures[];
  volunteers: VolunteerFigures[];
  praise: PraiseLine[];
  handovers: HandoverSummary;
  /** Received and finished per day (per month for a year), up to now. */
  series: { label: string; from: Date; received: number; finished: number }[];
}

export function durationsOf(ms: readonly number[]): Durations {
  if (ms.length === 0) return { count: 0, averageMs: null, p90Ms: null };
  const sorted = [...ms].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    averageMs: Math.round(sum / sorted.length),
    p90Ms: sorted[Math.ceil(sorted.length * 0.9) - 1]!,
  };
}

export function summarizePeriod(input: {
  tickets: readonly ReportTicket[];
  handovers: readonly HandoverFigures[];
  praise: readonly ApprovedPraise[];
  period: ReportPeriod;
  limitsOf: LimitsOf;
  now: Date;
}): PeriodSummary {
  const { tickets, period, limitsOf, now } = input;
  const { range } = period;
  const inRange = (d: Date | null): d is Date => d !== null && d >= range.from && d < range.to;
  const opened = tickets.filter((t) => openedIn(t, range));
  const finished = tickets.filter((t) => inRange(finishedAt(t)));
  const own = opened.filter((t) => !endedAs(t));

  const toRespond = own.flatMap((t) => {
    const at = firstResponseAt(t);
    return at ? [at.getTime() - t.createdAt.getTime()] : [];
  });
  const toFinish = own.flatMap((t) => {
    const at = finishedAt(t);
    return at ? [at.getTime() - t.createdAt.getTime()] : [];
  });

  const group = (keyOf: (t: ReportTicket) => string, nameOf: (key: string) => string): GroupFigures[] => {
    const keys = new Set([...opened, ...finished].map(keyOf));
    return [...keys]
      .map((key) => {
        const mine = opened.filter((t) => keyOf(t) === key);
        return {
          key,
          name: nameOf(key),
          received: mine.length,
          finished: finished.filter((t) => keyOf(t) === key).length,
          rates: computeRates(mine, limitsOf, now),
        };
      })
      .sort((a, b) => b.received - a.received || b.finished - a.finished || a.key.localeCompare(b.key, "zh"));
  };
  const buildingOf = (t: ReportTicket) => placeOf(t).building ?? "";

  const visible = period.buckets.filter((b) => b.range.from <= now);
  return {
    received: opened.length,
    finished: finished.length,
    merged: opened.filter((t) => endedAs(t) === "merged").length,
    withdrawn: opened.filter((t) => endedAs(t) === "withdrawn").length,
    stillOpen: opened.filter((t) => t.status === "open" || t.status === "claimed").length,
    urgent: opened.filter((t) => t.urgency === "urgent").length,
    rates: computeRates(opened, limitsOf, now),
    toRespond: durationsOf(toRespond),
    toFinish: durationsOf(toFinish),
    byCategory: group(
      (t) => t.category,
      (key) => categoryNames[key as Category] ?? key,
    ),
    byBuilding: group(buildingOf, (key) => (key ? `${key}号楼` : "未注明")),
    volunteers: volunteerFigures(tickets, inRange),
    praise: input.praise.map((p) => ({
      id: p.id,
      at: p.createdAt,
      source: p.source,
      text: redactResidentText(p.text),
      author: p.authorName,
      ticketId: p.ticketId,
    })),
    handovers: handoverSummary(input.handovers),
    series: visible.map((b) => ({
      label: b.label,
      from: b.range.from,
      received: opened.filter((t) => openedIn(t, b.range)).length,
      finished: finished.filter((t) => {
        const at = finishedAt(t);
        return at !== null && at >= b.range.from && at < b.range.to;
      }).length,
    })),
  };
}

/**
 * Who served: finishes and claims in the period by the person who did them (the event's actor),
 * and the ratings given in the period to a ticket, credited to whoever finished it last before.
 */
function volunteerFigures(
  tickets: readonly ReportTicket[],
  inRange: (d: Date | null) => d is Date,
): VolunteerFigures[] {
  const byId = new Map<string, VolunteerFigures & { ratingSum: number }>();
  const of = (id: string, name: string) => {
    let v = byId.get(id);
    if (!v) {
      v = { id, name, finished: 0, claimed: 0, rated: 0, satisfied: 0, averageRating: null, ratingSum: 0 };
      byId.set(id, v);
    }
    return v;
  };
  for (const t of tickets) {
    for (const e of t.events) {
      if (!inRange(e.at)) continue;
      if (e.type === "done" && e.actorId) of(e.actorId, e.actorName ?? t.volunteerName ?? "").finished++;
      if (e.type === "claimed" && e.actorId) of(e.actorId, e.actorName ?? "").claimed++;
    }
    const rated = t.events.filter((e) => e.type === "rated").at(-1);
    if (t.rating === null || !rated || !inRange(rated.at)) continue;
    const done = t.events.filter((e) => e.type === "done" && e.actorId && e.at <= rated.at).at(-1);
    if (!done?.actorId) continue;
    const v = of(done.actorId, done.actorName ?? t.volunteerName ?? "");
    v.rated++;
    v.ratingSum += t.rating;
    if (t.rating >= 4) v.satisfied++;
  }
  return [...byId.values()]
    .map(({ ratingSum, ...v }) => ({
      ...v,
      averageRating: v.rated ? Math.round((ratingSum / v.rated) * 10) / 10 : null,
    }))
    .sort((a, b) => b.finished - a.finished || b.claimed - a.claimed || a.name.localeCompare(b.name, "zh"));
}

function handoverSummary(rows: readonly HandoverFigures[]): HandoverSummary {
  const answered = rows.filter((h) => h.status === "answered");
  return {
    total: rows.length,
    answered: answered.length,
    waiting: rows.filter((h) => h.status === "open").length,
    closed: rows.filter((h) => h.status === "closed").length,
    toAnswer: durationsOf(
      answered.flatMap((h) => (h.answeredAt ? [h.answeredAt.getTime() - h.createdAt.getTime()] : [])),
    ),
  };
}
