// A period report as the tables staff export (总览, 分类, 楼栋, 志愿者, 好人好事, 转人工, 每日): one
// list of typed cells per table, so the Excel file and the CSV files say the same thing.
import { toChinaTime } from "../text/china-time.js";
import type { Rate } from "./compute-rates.js";
import type { PeriodReport } from "./period-report.js";
import type { Durations, GroupFigures } from "./summarize-period.js";

export const reportTableIds = [
  "overview",
  "categories",
  "buildings",
  "volunteers",
  "praise",
  "handovers",
  "daily",
] as const;
export type ReportTableId = (typeof reportTableIds)[number];

/** A text, a count, a rate (shown as a percentage, — when there is nothing to rate) or hours (— when none). */
export type Cell =
  | { kind: "text"; value: string }
  | { kind: "count"; value: number }
  | { kind: "rate"; value: Rate }
  | { kind: "hours"; value: number | null }
  | { kind: "average"; value: number | null };

export interface ReportTable {
  id: ReportTableId;
  /** The sheet's name, and the CSV file's. */
  title: string;
  headers: string[];
  rows: Cell[][];
}

const text = (value: string): Cell => ({ kind: "text", value });
const count = (value: number): Cell => ({ kind: "count", value });
const rate = (value: Rate): Cell => ({ kind: "rate", value });
const hours = (ms: number | null): Cell => ({ kind: "hours", value: ms === null ? null : ms / 3600_000 });

/** 2026-11-30 14:05, China time. */
export function formatChinaDateTime(d: Date): string {
  const t = toChinaTime(d);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${t.year}-${p(t.month)}-${p(t.day)} ${p(t.hour)}:${p(t.minute)}`;
}

/** Whole percent, as 日清周议 and the broadcast show a rate; — with nothing to rate. */
export function formatPercent(r: Rate): string {
  return r.den === 0 ? "—" : `${Math.round((r.num / r.den) * 100)}%`;
}

const groupHeaders = (first: string) => [
  first,
  "受理",
  "办结",
  "响应率",
  "解决率",
  "满意率",
  "响应(及时/计入)",
  "满意(满意/评价)",
];
const groupRow = (g: GroupFigures): Cell[] => [
  text(g.name),
  count(g.received),
  count(g.finished),
  rate(g.rates.response),
  rate(g.rates.resolution),
  rate(g.rates.satisfaction),
  text(`${g.rates.response.num}/${g.rates.response.den}`),
  text(`${g.rates.satisfaction.num}/${g.rates.satisfaction.den}`),
];

function durationRows(name: string, d: Durations): Cell[][] {
  return [
    [text(`${name}平均(小时)`), hours(d.averageMs)],
    [text(`${name}90%分位(小时)`), hours(d.p90Ms)],
  ];
}

export function reportTable(report: PeriodReport, id: ReportTableId): ReportTable {
  switch (id) {
    case "overview":
      return {
        id,
        title: "总览",
        headers: ["项目", "数值"],
        rows: [
          [text("周期"), text(report.label)],
          [text("日期"), text(report.dates)],
          [
            text("统计时间"),
            text(
              `${formatChinaDateTime(report.generatedAt)}${report.partial ? " (周期未结束, 为截至此时的数字)" : ""}`,
            ),
          ],
          [text("受理(件)"), count(report.received)],
          [text("办结(件)"), count(report.finished)],
          [text("其中紧急(件)"), count(report.urgent)],
          [text("合并到同一问题(件)"), count(report.merged)],
          [text("居民撤销(件)"), count(report.withdrawn)],
          [text("尚未办完(件)"), count(report.stillOpen)],
          [text("响应率"), rate(report.rates.response)],
          [text("解决率"), rate(report.rates.resolution)],
          [text("满意率"), rate(report.rates.satisfaction)],
          [text("响应率(及时/计入)"), text(`${report.rates.response.num}/${report.rates.response.den}`)],
          [text("解决率(办结/计入)"), text(`${report.rates.resolution.num}/${report.rates.resolution.den}`)],
          [text("满意率(满意/评价)"), text(`${report.rates.satisfaction.num}/${report.rates.satisfaction.den}`)],
          ...durationRows("响应用时", report.toRespond),
          ...durationRows("办结用时", report.toFinish),
          [text("好人好事(条)"), count(report.praise.length)],
          [text("转人工(件)"), count(report.handovers.total)],
        ],
      };
    case "categories":
      return { id, title: "分类", headers: groupHeaders("分类"), rows: report.byCategory.map(groupRow) };
    case "buildings":
      return { id, title: "楼栋", headers: groupHeaders("楼栋"), rows: report.byBuilding.map(groupRow) };
    case "volunteers":
      return {
        id,
        title: "志愿者",
        headers: ["姓名", "办结(件)", "认领(件)", "获评价(件)", "其中满意(件)", "平均评分(1-5)"],
        rows: report.volunteers.map((v) => [
          text(v.name),
          count(v.finished),
          count(v.claimed),
          count(v.rated),
          count(v.satisfied),
          { kind: "average", value: v.averageRating },
        ]),
      };
    case "praise":
      return {
        id,
        title: "好人好事",
        headers: ["时间", "来源", "内容", "记录人", "相关工单"],
        rows: report.praise.map((p) => [
          text(formatChinaDateTime(p.at)),
          text(p.source === "staff" ? "社区表扬" : "居民感谢"),
          text(p.text),
          text(p.author ?? "居民"),
          text(p.ticketId === null ? "" : `#${p.ticketId}`),
        ]),
      };
    case "handovers":
      return {
        id,
        title: "转人工",
        headers: ["项目", "数值"],
        rows: [
          [text("转人工(件)"), count(report.handovers.total)],
          [text("已答复(件)"), count(report.handovers.answered)],
          [text("待答复(件)"), count(report.handovers.waiting)],
          [text("未答复已关闭(件)"), count(report.handovers.closed)],
          ...durationRows("答复用时", report.handovers.toAnswer),
        ],
      };
    case "daily":
      return {
        id,
        title: report.period === "year" ? "每月" : "每日",
        headers: [report.period === "year" ? "月份" : "日期", "受理", "办结"],
        rows: report.series.map((p) => [text(p.label), count(p.received), count(p.finished)]),
      };
  }
}

export function reportTables(report: PeriodReport): ReportTable[] {
  return reportTableIds.map((id) => reportTable(report, id));
}
