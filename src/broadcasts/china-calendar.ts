// Month and week bounds as residents live them (China time, UTC+8), as UTC instants, so
// "本月" and "本周" mean the same whatever the server's zone.
import { CHINA_UTC_OFFSET_MS } from "./schedule.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Range {
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** The China calendar month containing `now`. */
export function chinaMonthOf(now: Date): Range {
  const local = new Date(now.getTime() + CHINA_UTC_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  return {
    from: new Date(Date.UTC(y, m, 1) - CHINA_UTC_OFFSET_MS),
    to: new Date(Date.UTC(y, m + 1, 1) - CHINA_UTC_OFFSET_MS),
  };
}

/** The China week (Monday to Sunday) containing `now`. */
export function chinaWeekOf(now: Date): Range {
  const local = new Date(now.getTime() + CHINA_UTC_OFFSET_MS);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  const from = midnight - sinceMonday * DAY_MS - CHINA_UTC_OFFSET_MS;
  return { from: new Date(from), to: new Date(from + 7 * DAY_MS) };
}

/** Floors to the minute: the slot of an immediate send. */
export function floorToMinute(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 60_000) * 60_000);
}
