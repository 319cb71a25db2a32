// When a ticket should have been claimed by. A port, so the configurable time limits (another
// piece of issue 12) plug in here; until then the defaults: urgent within 30 minutes
// on the clock, normal within 24 hours counted on working days only (weekends off, holidays
// listed), so a Friday-evening request is not late on Saturday morning.
import { type CivilDate, chinaTimeToDate, toChinaDate } from "../text/china-time.js";
import type { Ticket } from "../tickets/ticket.js";

/** Port: the instant by which `ticket` should have been claimed (or answered by staff). */
export type ClaimLimitOf = (ticket: Pick<Ticket, "createdAt" | "urgency" | "category">) => Date;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface DefaultClaimLimitOptions {
  urgentMinutes?: number;
  normalWorkingHours?: number;
  /** Days off besides weekends, as `YYYY-MM-DD` in China time. */
  holidays?: readonly string[];
}

export function isWorkingDay(day: CivilDate, holidays: readonly string[] = []): boolean {
  if (day.weekday === 0 || day.weekday === 6) return false;
  const iso = `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
  return !holidays.includes(iso);
}

/** `start` plus `ms` of working-day time (China days; days off do not count). */
export function addWorkingTime(start: Date, ms: number, holidays: readonly string[] = []): Date {
  let cursor = start.getTime();
  let left = ms;
  for (let guard = 0; guard < 3660; guard++) {
    const day = toChinaDate(new Date(cursor));
    const dayEnd = chinaTimeToDate(day.year, day.month, day.day + 1).getTime();
    if (isWorkingDay(day, holidays)) {
      if (left <= dayEnd - cursor) return new Date(cursor + left);
      left -= dayEnd - cursor;
    }
    cursor = dayEnd;
  }
  return new Date(cursor + left);
}

export function defaultClaimLimit(o: DefaultClaimLimitOptions = {}): ClaimLimitOf {
  const urgent = (o.urgentMinutes ?? 30) * MINUTE;
  const normal = (o.normalWorkingHours ?? 24) * HOUR;
  return (t) =>
    t.urgency === "urgent"
      ? new Date(t.createdAt.getTime() + urgent)
      : addWorkingTime(t.createdAt, normal, o.holidays ?? []);
}
