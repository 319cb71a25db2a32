// Schedules and times in the words staff use. The parser produces only a few cron shapes,
// so we name those; anything else is shown as the raw cron expression.

import { type CronFields, parseCronExpression } from "./cron-expression.js";
import { toChinaTime as chinaParts, weekdayNames } from "../text/china-time.js";
import type { Schedule } from "./schedule.js";

/** `每周一 08:00`, `每月1日 09:00`, `工作日 08:30`, `2026年11月30日 19:00 (一次)`, or the cron. */
export function describeSchedule(schedule: Schedule): string {
  if ("runAt" in schedule) {
    const p = chinaParts(schedule.runAt);
    return `${p.year}年${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)} (一次)`;
  }
  const parsed = parseCronExpression(schedule.cron);
  const fallback = `cron(${schedule.cron.trim()})`;
  if (!parsed.ok) return fallback;
  const times = describeTimes(parsed.fields);
  const days = describeDays(parsed.fields);
  return times !== null && days !== null ? `${days} ${times}` : fallback;
}

/** `11月24日(周一) 08:00`; with `now`, the year is prefixed when it differs from now's (`2027年1月4日(周一) 08:00`). */
export function formatChinaTime(date: Date, now?: Date): string {
  const p = chinaParts(date);
  const year = now !== undefined && chinaParts(now).year !== p.year ? `${p.year}年` : "";
  return `${year}${p.month}月${p.day}日(周${weekdayNames[p.weekday]}) ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `08:00` or `08:00、18:00`; null when minutes/hours are not a short explicit list. */
function describeTimes(fields: CronFields): string | null {
  if (fields.minutes.size !== 1 || fields.hours.size > 4) return null;
  const minute = [...fields.minutes][0]!;
  return sorted(fields.hours)
    .map((h) => `${pad(h)}:${pad(minute)}`)
    .join("、");
}

function describeDays(fields: CronFields): string | null {
  const everyMonth = fields.months.size === 12;
  const domStar = fields.dayOfMonthStar && fields.daysOfMonth.size === 31;
  const dowStar = fields.dayOfWeekStar && fields.daysOfWeek.size === 7;
  if (!everyMonth) {
    // Only the `每年M月D日` shape is worth naming; the rest falls back to cron.
    if (fields.months.size !== 1 || !dowStar || fields.daysOfMonth.size !== 1) return null;
    return `每年${[...fields.months][0]}月${[...fields.daysOfMonth][0]}日`;
  }
  if (domStar && dowStar) return "每天";
  if (!domStar && dowStar)
    return (
      "每月" +
      sorted(fields.daysOfMonth)
        .map((d) => `${d}日`)
        .join("、")
    );
  if (domStar && !dowStar) return describeWeekdays(fields.daysOfWeek);
  return null;
}

function describeWeekdays(days: ReadonlySet<number>): string {
  const key = sorted(days).join(",");
  if (key === "1,2,3,4,5") return "工作日";
  if (key === "0,6") return "每周六、日";
  // Monday first, Sunday last, as a Chinese calendar reads.
  const ordered = sorted(days).sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  return "每周" + ordered.map((d) => weekdayNames[d]).join("、");
}

function sorted(values: ReadonlySet<number>): number[] {
  return [...values].sort((a, b) => a - b);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
