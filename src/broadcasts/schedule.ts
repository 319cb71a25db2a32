// When a broadcast runs. Always China time: Asia/Shanghai has been a fixed UTC+8 since
// 1991 (no DST), so we evaluate cron fields on `utc + 8h` with UTC getters and never
// consult the process time zone or Intl.

import { CHINA_UTC_OFFSET_MS } from "../text/china-time.js";
import { type CronFields, parseCronExpression } from "./cron-expression.js";

export type Schedule = { cron: string } | { runAt: Date };

const MINUTE_MS = 60_000;
/** Feb 29 recurs at least every 8 years; past this a cron cannot fire at all. */
const SEARCH_LIMIT_MS = 9 * 366 * 24 * 60 * MINUTE_MS;
/** Guards callers from a `* * * * *` catch-up after a long downtime producing millions of slots. */
export const DEFAULT_MAX_SLOTS = 1000;

export type ValidateCronResult = { ok: true } | { ok: false; message: string };

/** Checks a 5-field cron expression; the message (Chinese) says which part is wrong. */
export function validateCron(expr: string): ValidateCronResult {
  const parsed = parseCronExpression(expr);
  return parsed.ok ? { ok: true } : { ok: false, message: parsed.message };
}

/** The next `count` run times strictly after `after`. A one-off yields at most one. */
export function nextRuns(schedule: Schedule, after: Date, count: number): Date[] {
  if ("runAt" in schedule) {
    return count > 0 && schedule.runAt.getTime() > after.getTime() ? [new Date(schedule.runAt.getTime())] : [];
  }
  const fields = requireFields(schedule.cron);
  const runs: Date[] = [];
  let cursor = after.getTime();
  const limit = after.getTime() + SEARCH_LIMIT_MS;
  while (runs.length < count) {
    const next = findNextSlot(fields, cursor, limit);
    if (next === null) break;
    runs.push(new Date(next));
    cursor = next;
  }
  return runs;
}

/**
 * Slots in the half-open window (from, to]: `from` is when the scheduler last looked
 * (its slots were handled then), `to` is now. Used to catch up after downtime; at most
 * `maxSlots`, earliest first.
 */
export function slotsBetween(schedule: Schedule, from: Date, to: Date, maxSlots = DEFAULT_MAX_SLOTS): Date[] {
  if ("runAt" in schedule) {
    const at = schedule.runAt.getTime();
    return at > from.getTime() && at <= to.getTime() && maxSlots > 0 ? [new Date(at)] : [];
  }
  const fields = requireFields(schedule.cron);
  const slots: Date[] = [];
  let cursor = from.getTime();
  while (slots.length < maxSlots) {
    const next = findNextSlot(fields, cursor, to.getTime());
    if (next === null) break;
    slots.push(new Date(next));
    cursor = next;
  }
  return slots;
}

function requireFields(expr: string): CronFields {
  const parsed = parseCronExpression(expr);
  if (!parsed.ok) throw new RangeError(`invalid cron "${expr}": ${parsed.message}`);
  return parsed.fields;
}

/** First slot strictly after `afterMs` and at or before `limitMs`, or null. */
function findNextSlot(fields: CronFields, afterMs: number, limitMs: number): number | null {
  // Work on the China wall clock expressed as a UTC instant, then shift back at the end.
  let t = Math.floor((afterMs + CHINA_UTC_OFFSET_MS) / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const limit = limitMs + CHINA_UTC_OFFSET_MS;
  while (t <= limit) {
    const d = new Date(t);
    if (!fields.months.has(d.getUTCMonth() + 1)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    } else if (!matchesDay(fields, d)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
    } else if (!fields.hours.has(d.getUTCHours())) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
    } else if (!fields.minutes.has(d.getUTCMinutes())) {
      t += MINUTE_MS;
    } else {
      return t - CHINA_UTC_OFFSET_MS;
    }
  }
  return null;
}

/** Vixie cron: if either day field is `*`, both must match (AND); if both are restricted, either may (OR). */
function matchesDay(fields: CronFields, local: Date): boolean {
  const dom = fields.daysOfMonth.has(local.getUTCDate());
  const dow = fields.daysOfWeek.has(local.getUTCDay());
  if (fields.dayOfMonthStar || fields.dayOfWeekStar) return dom && dow;
  return dom || dow;
}
