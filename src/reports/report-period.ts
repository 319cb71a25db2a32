// Which China-time week, month or year a report covers, its name in Chinese (2026年第49周,
// 2026年11月, 2026年), and the days (or months, for a year) its chart is drawn over.
import {
  addDays,
  type CivilDate,
  chinaMonthOf,
  chinaTimeToDate,
  chinaWeekOf,
  makeCivilDate,
  type Range,
  toChinaDate,
} from "../text/china-time.js";

export type PeriodKind = "week" | "month" | "year";

export interface ReportPeriod {
  kind: PeriodKind;
  range: Range;
  /** 2026年第49周, 2026年11月, 2026年. */
  label: string;
  /** 2026年11月30日至12月6日: the first and last day. */
  dates: string;
  /** The chart's buckets: each day of a week or month, each month of a year. */
  buckets: { label: string; range: Range }[];
}

const DAY_MS = 24 * 3600_000;

/** The period of `kind` (China time; weeks start on Monday) that contains `instant`. */
export function resolvePeriod(kind: PeriodKind, instant: Date): ReportPeriod {
  const range = rangeOf(kind, instant);
  const first = toChinaDate(range.from);
  const last = toChinaDate(new Date(range.to.getTime() - 1));
  return { kind, range, label: labelOf(kind, first), dates: datesOf(first, last), buckets: bucketsOf(kind, range) };
}

function rangeOf(kind: PeriodKind, instant: Date): Range {
  if (kind === "week") return chinaWeekOf(instant);
  if (kind === "month") return chinaMonthOf(instant);
  const { year } = toChinaDate(instant);
  return { from: chinaTimeToDate(year, 1, 1), to: chinaTimeToDate(year + 1, 1, 1) };
}

function labelOf(kind: PeriodKind, first: CivilDate): string {
  if (kind === "year") return `${first.year}年`;
  if (kind === "month") return `${first.year}年${first.month}月`;
  const { year, week } = isoWeekOf(first);
  return `${year}年第${week}周`;
}

/**
 * ISO 8601 week of a Monday: week 1 is the one with the year's first Thursday, so the week of
 * 29 December 2025 is 2026年第1周 (named after the year that holds most of its days).
 */
export function isoWeekOf(monday: CivilDate): { year: number; week: number } {
  const thursday = addDays(monday, 3);
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const dayOfYear = Math.round((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / DAY_MS);
  return { year: thursday.year, week: Math.floor(dayOfYear / 7) + 1 };
}

function datesOf(first: CivilDate, last: CivilDate): string {
  const end = last.year === first.year ? `${last.month}月${last.day}日` : `${last.year}年${last.month}月${last.day}日`;
  return `${first.year}年${first.month}月${first.day}日至${end}`;
}

function bucketsOf(kind: PeriodKind, range: Range): ReportPeriod["buckets"] {
  const buckets: ReportPeriod["buckets"] = [];
  const first = toChinaDate(range.from);
  if (kind === "year") {
    for (let m = 1; m <= 12; m++) {
      const from = chinaTimeToDate(first.year, m, 1);
      buckets.push({ label: `${m}月`, range: { from, to: chinaTimeToDate(first.year, m + 1, 1) } });
    }
    return buckets;
  }
  for (let day = first; ; day = addDays(day, 1)) {
    const from = chinaTimeToDate(day.year, day.month, day.day);
    if (from >= range.to) break;
    const next = makeCivilDate(day.year, day.month, day.day + 1);
    buckets.push({
      label: `${day.month}月${day.day}日`,
      range: { from, to: chinaTimeToDate(next.year, next.month, next.day) },
    });
  }
  return buckets;
}

const nearNames: Record<PeriodKind, [string, string]> = {
  week: ["本周", "上周"],
  month: ["本月", "上月"],
  year: ["今年", "去年"],
};

export interface PeriodChoice {
  kind: PeriodKind;
  /** 本月 (2026年12月), 上月 (2026年11月), 2026年10月. */
  name: string;
  label: string;
  /** The period's first day, YYYY-MM-DD (China time): the date that names it in the console's address. */
  date: string;
}

/** The current period of `kind` and the `count - 1` before it, newest first. */
export function recentPeriods(kind: PeriodKind, now: Date, count: number): PeriodChoice[] {
  const choices: PeriodChoice[] = [];
  let instant = now;
  for (let i = 0; i < count; i++) {
    const p = resolvePeriod(kind, instant);
    const near = nearNames[kind][i];
    choices.push({
      kind,
      name: near ? `${near} (${p.label})` : p.label,
      label: p.label,
      date: isoDateOf(toChinaDate(p.range.from)),
    });
    instant = new Date(p.range.from.getTime() - 1);
  }
  return choices;
}

/** 2026-11-30. */
export function isoDateOf(d: CivilDate): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.year}-${p(d.month)}-${p(d.day)}`;
}
