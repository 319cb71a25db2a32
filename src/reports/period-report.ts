// The 成绩单 for the staff console: a week, month or year of one community read from the report
// store and summed up by summarizePeriod, with the rates 日清周议 use. The console only calls this.
import type { Clock } from "../core/types.js";
import { LinliError } from "../core/errors.js";
import { type PeriodKind, resolvePeriod } from "./report-period.js";
import type { ReportStore } from "./report-store.js";
import { type PeriodSummary, summarizePeriod } from "./summarize-period.js";
import type { LimitsOf } from "./ticket-limits.js";

export interface PeriodQuery {
  /** The community's id; the single configured community when left out. */
  community?: string;
  period: PeriodKind;
  /** Any instant in the wanted period (China time). */
  containing: Date;
}

export interface PeriodReport extends PeriodSummary {
  community: string;
  period: PeriodKind;
  /** 2026年第49周, 2026年11月, 2026年. */
  label: string;
  /** 2026年11月30日至12月6日. */
  dates: string;
  from: Date;
  /** Exclusive. */
  to: Date;
  generatedAt: Date;
  /** The period has not ended yet: the figures are so far. */
  partial: boolean;
}

export interface PeriodReportOptions {
  store: Pick<ReportStore, "ticketsSince" | "handoversOpenedBetween" | "approvedPraisesBetween">;
  clock: Clock;
  /** Follow-up's limits per ticket, as 日清周议 count with. */
  limitsOf: LimitsOf;
  /** The id of the one community this install serves. */
  community: string;
}

const periodKinds: readonly PeriodKind[] = ["week", "month", "year"];

export function createPeriodReports(o: PeriodReportOptions) {
  return {
    async periodReport(q: PeriodQuery): Promise<PeriodReport> {
      const community = q.community ?? o.community;
      if (community !== o.community) throw new LinliError("not_found", "unknown community", { community });
      if (!periodKinds.includes(q.period)) throw new LinliError("bad_input", "unknown period", { period: q.period });
      if (!(q.containing instanceof Date) || Number.isNaN(q.containing.getTime()))
        throw new LinliError("bad_input", "containing is not a date");
      const now = o.clock.now();
      const period = resolvePeriod(q.period, q.containing);
      const { from, to } = period.range;
      if (from > now) throw new LinliError("bad_input", "the period has not begun", { from });
      const [tickets, handovers, praise] = await Promise.all([
        o.store.ticketsSince(from),
        o.store.handoversOpenedBetween(from, to),
        o.store.approvedPraisesBetween(from, to),
      ]);
      const summary = summarizePeriod({ tickets, handovers, praise, period, limitsOf: o.limitsOf, now });
      return {
        community,
        period: q.period,
        label: period.label,
        dates: period.dates,
        from,
        to,
        generatedAt: now,
        partial: now < to,
        ...summary,
      };
    },
  };
}

export type PeriodReports = ReturnType<typeof createPeriodReports>;
