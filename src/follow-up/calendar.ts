// The community's working calendar: which days are working days (weekends off by default,
// holidays listed, make-up working days 调休 listed) and the working hours, in China time.
// Pure: limits that count working time are measured with it.
import { addDays, type CivilDate, chinaTimeToDate, toChinaTime } from "../text/china-time.js";

export interface CommunityCalendar {
  /** Weekdays that are working days, 0 = Sunday … 6 = Saturday. */
  workdays: number[];
  /** Days off although their weekday works (法定节假日), as YYYY-MM-DD. */
  holidays: string[];
  /** Days that work although their weekday is off (调休上班), as YYYY-MM-DD. */
  extraWorkdays: string[];
  /** Working hours, minutes after China midnight: [start, end). */
  startMinute: number;
  endMinute: number;
}

export const defaultCalendar: CommunityCalendar = {
  workdays: [1, 2, 3, 4, 5],
  holidays: [],
  extraWorkdays: [],
  startMinute: 8 * 60 + 30,
  endMinute: 17 * 60 + 30,
};

const MINUTE = 60_000;

export function dateKey(d: CivilDate): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.year}-${p(d.month)}-${p(d.day)}`;
}

export function isWorkingDay(cal: CommunityCalendar, d: CivilDate): boolean {
  const key = dateKey(d);
  if (cal.extraWorkdays.includes(key)) return true;
  if (cal.holidays.includes(key)) return false;
  return cal.workdays.includes(d.weekday);
}

/** Minutes of working time in one working day (9 h for 08:30–17:30). */
export function workdayMinutes(cal: CommunityCalendar): number {
  return cal.endMinute - cal.startMinute;
}

const at = (d: CivilDate, minute: number) => chinaTimeToDate(d.year, d.month, d.day, 0, minute);

/**
 * The instant `minutes` of working time after `from`: time outside working hours, weekends
 * and holidays does not count. A request made on Friday evening starts counting on Monday
 * (or the next working day) at the start of working hours.
 */
export function addWorkingMinutes(cal: CommunityCalendar, from: Date, minutes: number): Date {
  const c = toChinaTime(from);
  let day: CivilDate = c;
  let minuteOfDay = c.hour * 60 + c.minute + from.getUTCSeconds() / 60;
  let left = minutes;
  // A calendar with no working day at all would loop forever: give up after ten years.
  for (let i = 0; i < 3660; i++) {
    if (isWorkingDay(cal, day)) {
      const start = Math.max(minuteOfDay, cal.startMinute);
      const room = cal.endMinute - start;
      if (room > 0 && left <= room) return new Date(at(day, 0).getTime() + (start + left) * MINUTE);
      if (room > 0) left -= room;
    }
    day = addDays(day, 1);
    minuteOfDay = 0;
  }
  throw new Error("the community calendar has no working days");
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(cal: CommunityCalendar, from: Date, to: Date): number {
  if (to <= from) return 0;
  let total = 0;
  let day: CivilDate = toChinaTime(from);
  for (let i = 0; i < 3660; i++) {
    const dayStart = at(day, 0);
    if (dayStart >= to) break;
    if (isWorkingDay(cal, day)) {
      const a = Math.max(from.getTime(), at(day, cal.startMinute).getTime());
      const b = Math.min(to.getTime(), at(day, cal.endMinute).getTime());
      if (b > a) total += (b - a) / MINUTE;
    }
    day = addDays(day, 1);
  }
  return total;
}

/** The end of working hours on a China date (where a limit moved to "10月8日" lands). */
export function endOfWorkingDay(cal: CommunityCalendar, d: CivilDate): Date {
  return at(d, cal.endMinute);
}
