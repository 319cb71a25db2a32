// The live fields of a broadcast, read from the store: this month's ticket figures, this
// week's activities from the knowledge base, and the month's approved 好人好事.
import { toChinaDate, addDays, formatChinaDate, type CivilDate } from "../faq/china-date.js";
import { readEntrySchedule } from "../faq/schedule-field.js";
import { ruleFallsOn } from "../faq/schedule-rules.js";
import type { ActivityEntry, BroadcastStore } from "./broadcast-store.js";
import { chinaMonthOf, chinaWeekOf } from "./china-calendar.js";
import type { LiveData } from "./render-broadcast.js";

/** Entries about activities: tagged 活动 (or 文化活动 …) by whoever wrote the knowledge base. */
const ACTIVITY_TAG = /活动/;

export function createLiveData(
  store: Pick<BroadcastStore, "ticketFigures" | "activityEntries" | "praisesBetween">,
): LiveData {
  return {
    async monthFigures(now) {
      const { from, to } = chinaMonthOf(now);
      const f = await store.ticketFigures(from, to);
      return { received: f.received, resolved: f.closed, satisfactionRate: f.rated > 0 ? f.satisfied / f.rated : null };
    },
    async weekActivities(now) {
      const entries = (await store.activityEntries()).filter((e) => e.tags.some((t) => ACTIVITY_TAG.test(t)));
      return listWeekActivities(entries, now);
    },
    async praises(now) {
      const { from, to } = chinaMonthOf(now);
      return (await store.praisesBetween(from, to)).filter((p) => p.approved).map((p) => p.text);
    },
  };
}

/**
 * One line per scheduled item that falls in this China week, earliest first, with its
 * days (`合唱团排练 每周二、周五 9:00-11:00(二楼活动室)：11月24日(周二)、11月27日(周五)`).
 * An item whose time we cannot read is listed as written, so nothing staff wrote is lost.
 */
export function listWeekActivities(entries: readonly ActivityEntry[], now: Date): string[] {
  const monday = toChinaDate(chinaWeekOf(now).from);
  const week: CivilDate[] = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
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
        lines.push({ first: 7, line: item.label });
        continue;
      }
      const days = week.flatMap((d, i) => (item.rules.some((r) => ruleFallsOn(r, d)) ? [i] : []));
      if (days.length === 0) continue;
      const when = days.length === 7 ? "本周每天" : days.map((i) => formatChinaDate(week[i]!)).join("、");
      lines.push({ first: days[0]!, line: `${item.label}：${when}` });
    }
  }
  return lines.sort((a, b) => a.first - b.first).map((l) => l.line);
}
