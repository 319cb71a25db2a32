// The live fields of a broadcast: this month's ticket figures (through a port, counted as the
// reports count them), this week's activities from the knowledge base, and the month's
// approved 好人好事.
import { addDays, type CivilDate, chinaMonthOf, formatChinaDate, toChinaDate } from "../text/china-time.js";
import { neutralizeBroadcastText } from "../text/neutralize-broadcast-text.js";
import { readEntrySchedule } from "../faq/schedule-field.js";
import { ruleFallsOn } from "../faq/schedule-rules.js";
import type { ActivityEntry, BroadcastStore } from "./broadcast-store.js";
import type { LiveData, MonthFigures, WeekActivities } from "./render-broadcast.js";

/** Entries about activities: tagged 活动 (or 文化活动 …) by whoever wrote the knowledge base. */
const ACTIVITY_TAG = /活动/;

export function createLiveData(
  store: Pick<BroadcastStore, "activityEntries" | "praisesBetween">,
  /** Port: the month so far in figures, by the reports' definitions (one 满意率 for staff and residents). */
  monthFigures: (now: Date) => Promise<MonthFigures>,
): LiveData {
  return {
    monthFigures,
    async weekActivities(now) {
      const entries = (await store.activityEntries()).filter((e) => e.tags.some((t) => ACTIVITY_TAG.test(t)));
      const { covers, lines } = weekAhead(entries, now);
      return { covers, lines };
    },
    async praises(now) {
      const { from, to } = chinaMonthOf(now);
      // Residents' words go out under the community's name: no @所有人, no live-field braces.
      return (await store.praisesBetween(from, to))
        .filter((p) => p.approved)
        .map((p) => (p.source === "staff" ? p.text : neutralizeBroadcastText(p.text)));
    },
  };
}

/**
 * The days "this week" means to a resident reading the broadcast now (China time): from
 * today to Sunday, never days already past. On a Sunday, and on a Friday or Saturday with
 * nothing left this week, it is the coming days: today through next Sunday.
 */
export function weekAhead(entries: readonly ActivityEntry[], now: Date): WeekActivities {
  const today = toChinaDate(now);
  const comingDays = (n: number) => Array.from({ length: n }, (_, i) => addDays(today, i));
  if (today.weekday === 0) return listActivities(entries, comingDays(8));
  const rest = listActivities(entries, comingDays(8 - today.weekday));
  if (rest.dated > 0 || today.weekday < 5) return rest;
  return listActivities(entries, comingDays(15 - today.weekday));
}

/**
 * One line per scheduled item that falls on `days`, earliest first, with its days
 * (`合唱团排练 每周二、周五 9:00-11:00(二楼活动室)：11月24日(周二)、11月27日(周五)`).
 * An item whose time we cannot read is listed as written, so nothing staff wrote is lost.
 */
function listActivities(entries: readonly ActivityEntry[], week: CivilDate[]): WeekActivities & { dated: number } {
  const lines: { first: number; line: string }[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const { items } = readEntrySchedule({
      id: e.title,
      title: e.title,
      questions: [],
      answer: e.answer,
      tags: e.tags,
      extra: e.extra,
    });
    for (const item of items) {
      if (seen.has(item.label)) continue;
      seen.add(item.label);
      if (item.rules.length === 0) {
        lines.push({ first: week.length, line: item.label });
        continue;
      }
      const days = week.flatMap((d, i) => (item.rules.some((r) => ruleFallsOn(r, d)) ? [i] : []));
      if (days.length === 0) continue;
      const when = days.length === week.length ? "每天" : days.map((i) => formatChinaDate(week[i]!)).join("、");
      lines.push({ first: days[0]!, line: `${item.label}：${when}` });
    }
  }
  const first = week[0]!;
  const last = week[week.length - 1]!;
  return {
    covers: `${formatChinaDate(first)}至${formatChinaDate(last)}`,
    lines: lines.sort((a, b) => a.first - b.first).map((l) => l.line),
    dated: lines.filter((l) => l.first < week.length).length,
  };
}
