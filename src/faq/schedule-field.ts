// The optional `schedule` field of an entry: when its events happen, written in the same Chinese
// staff use in answers, e.g. `schedule: [{ name: 太极拳教学, when: 每周六 7:00-8:00, place: 中心广场 }]`.
// Entries without it fall back to the dates found in their answer text.
import type { KbEntry } from "./kb-entry.js";
import { parseScheduleText, type ScheduleRule } from "./schedule-rules.js";

export interface ScheduleItem {
  rules: ScheduleRule[];
  /** What a resident reads for this item, e.g. `太极拳教学 每周六 7:00-8:00(中心广场)`. */
  label: string;
}

// Staff state the schedule on purpose here, so a bare "每周六" counts.
const loose = { onlyEvents: false };
const example = "可写成 “每周六 9:00-11:00”、“每月第二个周三 上午”、“每月15日 19:00”";

/** Problems of a `schedule` value, in words for staff; empty when it is usable. */
export function checkSchedule(value: unknown): string[] {
  if (typeof value === "string") {
    return parseScheduleText(value, loose).length > 0 ? [] : [`schedule 的时间 “${value}” 看不懂,${example}`];
  }
  if (!Array.isArray(value)) return ["schedule 应是一段时间说明,或由 name/when/place 组成的列表"];
  const problems: string[] = [];
  value.forEach((item, i) => {
    const when = typeof item === "string" ? item : isRecord(item) ? item.when : undefined;
    if (typeof when !== "string" || when.trim() === "") problems.push(`schedule 第${i + 1}项缺少 when(时间)`);
    else if (parseScheduleText(when, loose).length === 0) {
      problems.push(`schedule 第${i + 1}项的时间 “${when}” 看不懂,${example}`);
    }
  });
  return problems;
}

// Entries are immutable once loaded; parsing their dates once keeps answers allocation-light.
const parsed = new WeakMap<KbEntry, { items: ScheduleItem[]; explicit: boolean }>();

export function readEntrySchedule(entry: KbEntry): { items: ScheduleItem[]; explicit: boolean } {
  const known = parsed.get(entry);
  if (known) return known;
  const schedule = parseEntrySchedule(entry);
  parsed.set(entry, schedule);
  return schedule;
}

function parseEntrySchedule(entry: KbEntry): { items: ScheduleItem[]; explicit: boolean } {
  const value = entry.extra.schedule;
  if (value === undefined || checkSchedule(value).length > 0) {
    const rules = parseScheduleText(entry.answer);
    return { items: rules.map((rule) => ({ rules: [rule], label: rule.source })), explicit: false };
  }
  const list: unknown[] = typeof value === "string" ? [value] : (value as unknown[]);
  const items = list.map((item): ScheduleItem => {
    if (typeof item === "string") return { rules: parseScheduleText(item, loose), label: item };
    const record = item as Record<string, unknown>;
    const when = String(record.when);
    const name = typeof record.name === "string" ? `${record.name} ` : "";
    const place = typeof record.place === "string" ? `(${record.place})` : "";
    return { rules: parseScheduleText(when, loose), label: `${name}${when}${place}` };
  });
  return { items, explicit: true };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
