// 日清周议 as a feature: staff's `日报` / `周报` commands, and a once-a-minute tick that sends the
// day's report on working days and the week's on Mondays to the staff rooms, once per slot.
// The limits and the working calendar are follow-up's (LINLI_FOLLOW_UP), so the reports count
// overdue and 响应率 by the same deadlines follow-up chases.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { isWorkingDay } from "../follow-up/calendar.js";
import { ticketLimits } from "../follow-up/deadlines.js";
import type { FollowUpRules } from "../follow-up/follow-up-rules.js";
import type { MonthFigures } from "../broadcasts/render-broadcast.js";
import { readMonthSoFar } from "../reports/month-figures.js";
import { createPeriodReports, type PeriodReports } from "../reports/period-report.js";
import { reportCommands } from "../reports/report-commands.js";
import { createReportService, type ReportService } from "../reports/report-service.js";
import type { LimitsOf } from "../reports/ticket-limits.js";
import type { Db } from "../store/open-database.js";
import { createPrismaReportStore } from "../store/prisma-report-store.js";
import type { Feature, FeatureDeps } from "./feature.js";
import { loadFollowUpRules } from "./follow-up.js";

export interface ReportsFeature extends Feature {
  service: ReportService;
  /** The 成绩单 of a week, month or year for the staff console (export: reportToXlsx, reportToCsv). */
  periodReport: PeriodReports["periodReport"];
  /** Sends what is due now (tests move a fake clock and call this). */
  tick: ReportService["tick"];
}

/** The reports' limits: follow-up's deadlines for the ticket, a limit moved with 延期 included. */
export function followUpLimits(rules: FollowUpRules): LimitsOf {
  return (t) => ticketLimits(t, rules, t.movedLimit);
}

/**
 * The broadcasts' `{本月受理}` / `{本月办结}` / `{本月满意率}`: the month so far read by the reports,
 * with follow-up's limits, so a broadcast and 周议 give one 满意率 for one month.
 */
export function monthFiguresFrom(db: Db, rules: FollowUpRules): (now: Date) => Promise<MonthFigures> {
  const store = createPrismaReportStore(db);
  const limitsOf = followUpLimits(rules);
  return async (now) => {
    const m = await readMonthSoFar(store, limitsOf, now);
    const { num, den } = m.satisfaction;
    return { received: m.received, resolved: m.finished, satisfactionRate: den > 0 ? num / den : null };
  };
}

export function reportsFeature(deps: FeatureDeps): ReportsFeature {
  const { config, logger } = deps;
  const rules = loadFollowUpRules(config);
  const store = createPrismaReportStore(deps.db);
  const limitsOf = followUpLimits(rules);
  const periodReports = createPeriodReports({
    store,
    clock: deps.clock,
    limitsOf,
    community: deps.config.community.id,
  });
  const service = createReportService({
    store,
    clock: deps.clock,
    limitsOf,
    isWorkingDay: (day) => isWorkingDay(rules.calendar, day),
    staffRooms: () => deps.rooms.idsByRole("staff"),
    enqueue: async (m, key) => {
      await deps.outbox.enqueue(m, { key });
    },
    dailyAt: config.reports.dailyAt,
    weeklyAt: config.reports.weeklyAt,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  });
  const tick = () =>
    service.tick().catch((err) => {
      logger.error("report tick failed", { reason: err instanceof Error ? err.message : String(err) });
      return [];
    });
  return {
    name: "reports",
    service,
    periodReport: periodReports.periodReport,
    tick: service.tick,
    middleware: { commands: reportCommands(service) },
    timers: [{ name: "linli-reports", cron: "* * * * *", timezone: "Asia/Shanghai", run: tick }],
    async start() {
      await tick();
    },
  };
}
