// Puts concrete dates in front of an answer when the question is about a day or asks when,
// so "这周六有活动吗" gets "这周六是11月28日(周六)…" rather than "每月最后一个周六".
import { compareDates, formatChinaDate, toChinaDate, type CivilDate } from "../text/china-time.js";
import { findDateReference } from "./date-reference.js";
import type { KbEntry } from "./kb-entry.js";
import { readEntrySchedule } from "./schedule-field.js";
import { nextOccurrence, ruleFallsOn } from "./schedule-rules.js";
import { replyWords } from "./reply-words.js";

export function resolveAnswerDates(entry: KbEntry, question: string, now: Date): string {
  const today = toChinaDate(now);
  const reference = findDateReference(question, today);
  if (reference.kind === "none") return entry.answer;
  const { items } = readEntrySchedule(entry);
  if (items.length === 0) return entry.answer;
  if (reference.kind === "days") {
    const lines = reference.dates.map((date) => {
      const labels = items.filter((item) => item.rules.some((rule) => ruleFallsOn(rule, date))).map((i) => i.label);
      return replyWords.onDay(formatChinaDate(date), unique(labels));
    });
    return `${replyWords.dayIs(reference.spoken, reference.dates.map(formatChinaDate))}\n${lines.join("\n")}\n\n${entry.answer}`;
  }
  // Weekly habits are plain in the answer; only monthly and yearly dates need working out.
  const upcoming: { date: CivilDate; label: string }[] = [];
  for (const item of items) {
    for (const rule of item.rules) {
      const date = rule.kind === "weekly" ? undefined : nextOccurrence(rule, today);
      if (date) upcoming.push({ date, label: item.label });
    }
  }
  if (upcoming.length === 0) return entry.answer;
  upcoming.sort((a, b) => compareDates(a.date, b.date));
  const lines = upcoming.slice(0, 3).map(({ date, label }) => replyWords.next(formatWithYear(date, today), label));
  return `${lines.join("\n")}\n\n${entry.answer}`;
}

function formatWithYear(date: CivilDate, today: CivilDate): string {
  return date.year === today.year ? formatChinaDate(date) : `${date.year}年${formatChinaDate(date)}`;
}

function unique(labels: string[]): string[] {
  return [...new Set(labels)];
}
