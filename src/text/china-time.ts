// China time as residents live it: Asia/Shanghai has been a fixed UTC+8 since 1991 (no DST),
// so every calendar question is answered on `utc + 8h` with UTC getters, never with the
// process time zone or Intl. The one place that knows the offset.

export const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar day in China. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday, as in Date#getUTCDay. */
  weekday: number;
}

/** A calendar day and wall-clock time in China. */
export interface ChinaTime extends CivilDate {
  hour: number;
  minute: number;
}

/** Instants bounding a China day, week or month. */
export interface Range {
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** 日 一 二 … 六, indexed by weekday. */
export const weekdayNames = ["日", "一", "二", "三", "四", "五", "六"] as const;

export function toChinaTime(instant: Date): ChinaTime {
  const d = new Date(instant.getTime() + CHINA_UTC_OFFSET_MS);
  return { ...civilOf(d), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

export function toChinaDate(instant: Date): CivilDate {
  return civilOf(new Date(instant.getTime() + CHINA_UTC_OFFSET_MS));
}

/** The instant at which the China wall clock shows this date and time. */
export function chinaTimeToDate(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - CHINA_UTC_OFFSET_MS);
}

export function makeCivilDate(year: number, month: number, day: number): CivilDate {
  return civilOf(new Date(Date.UTC(year, month - 1, day)));
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return makeCivilDate(date.year, date.month, date.day + days);
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `11月28日(周六)`, the form residents read in notices. */
export function formatChinaDate(date: CivilDate): string {
  return `${date.month}月${date.day}日(周${weekdayNames[date.weekday]})`;
}

/** Weekday of a written day: 日/天 = 0, 一 … 六 = 1 … 6, and digits 1 … 7 (7 is Sunday); -1 if none. */
export function weekdayNumber(ch: string): number {
  if (/^[1-7]$/.test(ch)) return Number(ch) % 7;
  if (ch === "天") return 0;
  return weekdayNames.indexOf(ch as (typeof weekdayNames)[number]);
}

/** China midnight starting the day that contains `instant`. */
export function startOfChinaDay(instant: Date): Date {
  const d = toChinaDate(instant);
  return chinaTimeToDate(d.year, d.month, d.day);
}

/** The China week (Monday to Sunday) containing `instant`. */
export function chinaWeekOf(instant: Date): Range {
  const today = toChinaDate(instant);
  const sinceMonday = (today.weekday + 6) % 7;
  const from = chinaTimeToDate(today.year, today.month, today.day - sinceMonday);
  return { from, to: new Date(from.getTime() + 7 * DAY_MS) };
}

/** The China calendar month containing `instant`. */
export function chinaMonthOf(instant: Date): Range {
  const today = toChinaDate(instant);
  return {
    from: chinaTimeToDate(today.year, today.month, 1),
    to: chinaTimeToDate(today.year, today.month + 1, 1),
  };
}

function civilOf(d: Date): CivilDate {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}
