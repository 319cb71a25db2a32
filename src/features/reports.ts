// 日清周议 as a feature: staff's `日报` / `周报` commands, and a once-a-minute tick that sends the
// day's report on working days and the week's on Mondays to the staff rooms, once per slot.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { defaultClaimLimit, type ClaimLimitOf, isWorkingDay } from "../reports/claim-limit.js";
import { reportCommands } from "../reports/report-commands.js";
import { createReportService, type ReportService } from "../reports/report-service.js";
import { createPrismaReportStore } from "../store/prisma-report-store.js";
import type { Feature, FeatureDeps } from "./feature.js";

export interface ReportsFeature extends Feature {
  service: ReportService;
  /** Sends what is due now (tests move a fake clock and call this). */
  tick: ReportService["tick"];
}

export interface ReportsFeatureExtras {
  /** The claim limit per ticket; the configurable time limits plug in here. */
  claimLimitOf?: ClaimLimitOf;
}

export function reportsFeature(deps: FeatureDeps, extras: ReportsFeatureExtras = {}): ReportsFeature {
  const { config, logger } = deps;
  const holidays = config.reports.holidays;
  const service = createReportService({
    store: createPrismaReportStore(deps.db),
    clock: deps.clock,
    claimLimitOf: extras.claimLimitOf ?? defaultClaimLimit({ holidays }),
    isWorkingDay: (day) => isWorkingDay(day, holidays),
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
    tick: service.tick,
    middleware: { commands: reportCommands(service) },
    timers: [{ name: "linli-reports", cron: "* * * * *", timezone: "Asia/Shanghai", run: tick }],
    async start() {
      await tick();
    },
  };
}
