// Calendar dates as residents live them: China time (UTC+8, no daylight saving), whatever the server's TZ.
export interface CivilDate {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday, as in Date#getUTCDay. */
  weekday: number;
}

const chinaOffsetMs = 8 * 60 * 60 * 1000;
const weekdayNames = ["日", "一", "二", "三", "四", "五", "六"];

export function toChinaDate(now: Date): CivilDate {
  return fromUtcMidnight(new Date(now.getTime() + chinaOffsetMs));
}

export function makeCivilDate(year: number, month: number, day: number): CivilDate {
  return fromUtcMidnight(new Date(Date.UTC(year, month - 1, day)));
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

function fromUtcMidnight(d: Date): CivilDate {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}
