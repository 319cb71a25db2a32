// The 成绩单 in the console: a week's, month's or year's report as JSON for the page, and the same
// tables as an Excel workbook or one CSV file. All figures come from the reports feature's
// periodReport (the rates 日清周议 use); this file only reads the query and shapes the answer.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { isLinliError } from "../../../core/errors.js";
import type { PeriodReport } from "../../../reports/period-report.js";
import { cellText, reportToCsv } from "../../../reports/report-csv.js";
import { isoDateOf, type PeriodKind, recentPeriods } from "../../../reports/report-period.js";
import { type Cell, reportTable, reportTableIds, reportTables } from "../../../reports/report-tables.js";
import { reportToXlsx } from "../../../reports/report-xlsx.js";
import { chinaTimeToDate, toChinaDate } from "../../../text/china-time.js";
import { jsonError } from "../../json-error.js";
import type { ConsoleEnv } from "../console-routes.js";
import type { ConsoleServices } from "../console-services.js";

const periodNames: Record<PeriodKind, string> = { week: "周", month: "月", year: "年" };

const periodQuery = z.object({
  period: z
    .enum(["week", "month", "year"], {
      errorMap: () => ({ message: "周期不对: 只能按周 (week)、按月 (month) 或按年 (year) 查看。" }),
    })
    .default("month"),
  date: z
    .string({ invalid_type_error: "日期只能写一个。" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式不对: 请写成 2026-11-15 这样的年-月-日。")
    .optional(),
});

const tableQuery = z.object({
  table: z.enum(reportTableIds, {
    errorMap: () => ({ message: `请选择要下载的表格 (table): ${reportTableIds.join("、")} 之一。` }),
  }),
});

type Query = { period: PeriodKind; containing: Date };

/** The period and day asked for, or the Chinese words that say what is wrong with them. */
function readQuery(c: Context<ConsoleEnv>, now: Date): Query | string {
  const parsed = periodQuery.safeParse({ period: c.req.query("period"), date: c.req.query("date") });
  if (!parsed.success) return parsed.error.issues[0]?.message ?? "周期或日期不对。";
  const { period, date } = parsed.data;
  if (date === undefined) return { period, containing: now };
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const containing = chinaTimeToDate(y, m, d, 12);
  const back = toChinaDate(containing);
  if (y < 2000 || back.year !== y || back.month !== m || back.day !== d)
    return `没有这一天: ${date}。请写成 2026-11-15 这样的年-月-日。`;
  return { period, containing };
}

/** RFC 6266 / 5987: an ASCII name for old clients and the Chinese one for everyone else. */
export function attachment(asciiName: string, name: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}

/** What a cell shows on the page: the same words as the CSV, without its formula guard. */
function shown(cell: Cell): { kind: Cell["kind"]; text: string } {
  return { kind: cell.kind, text: cell.kind === "text" ? cell.value : cellText(cell) };
}

export function reportsApi(s: ConsoleServices): Hono<ConsoleEnv> {
  const api = new Hono<ConsoleEnv>();

  /** The report, or the response that says why there is none. */
  async function reportFor(c: Context<ConsoleEnv>): Promise<PeriodReport | Response> {
    const q = readQuery(c, s.clock.now());
    if (typeof q === "string") return jsonError(c, 400, "bad_input", q);
    try {
      return await s.periodReport({ community: c.get("community"), ...q });
    } catch (err) {
      if (isLinliError(err, "bad_input") && err.details.from)
        return jsonError(c, 400, "not_begun", `这${periodNames[q.period]}还没开始, 请选择本期或以前的时段。`);
      if (isLinliError(err, "bad_input")) return jsonError(c, 400, "bad_input", "周期或日期不对。");
      if (isLinliError(err, "not_found")) return jsonError(c, 404, "unknown_community", "没有这个社区。");
      throw err;
    }
  }

  const fileBase = (r: PeriodReport) => `成绩单-${r.label}`;
  const asciiBase = (r: PeriodReport) => `linli-report-${r.period}-${isoDateOf(toChinaDate(r.from))}`;

  api.get("/", async (c) => {
    const report = await reportFor(c);
    if (report instanceof Response) return report;
    const now = s.clock.now();
    return c.json({
      ...report,
      date: isoDateOf(toChinaDate(report.from)),
      tables: reportTables(report).map((t) => ({ ...t, rows: t.rows.map((r) => r.map(shown)) })),
      files: { xlsx: `${fileBase(report)}.xlsx` },
      choices: {
        week: recentPeriods("week", now, 8),
        month: recentPeriods("month", now, 12),
        year: recentPeriods("year", now, 3),
      },
    });
  });

  api.get("/export.xlsx", async (c) => {
    const report = await reportFor(c);
    if (report instanceof Response) return report;
    const body = await reportToXlsx(report);
    await s.audit(c.get("staff"), "reports:export", { format: "xlsx", period: report.period, label: report.label });
    return c.body(new Uint8Array(body), 200, {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": attachment(`${asciiBase(report)}.xlsx`, `${fileBase(report)}.xlsx`),
    });
  });

  api.get("/export.csv", async (c) => {
    const table = tableQuery.safeParse({ table: c.req.query("table") });
    if (!table.success) return jsonError(c, 400, "bad_input", table.error.issues[0]?.message ?? "请选择要下载的表格。");
    const report = await reportFor(c);
    if (report instanceof Response) return report;
    const id = table.data.table;
    const csv = reportToCsv(report, id);
    await s.audit(c.get("staff"), "reports:export", {
      format: "csv",
      table: id,
      period: report.period,
      label: report.label,
    });
    const title = reportTable(report, id).title;
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachment(`${asciiBase(report)}-${id}.csv`, `${fileBase(report)}-${title}.csv`),
    });
  });

  return api;
}
