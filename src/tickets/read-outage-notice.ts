// Reads a planned outage from what staff post in a group ("明天8:00-18:00 7号楼停水",
// "12月8日上午9点到下午5点 3号楼2单元停电"): what, where (a building, or the whole group) and
// the window, in China time. Anything without both an outage word and a time window is not one.
import { parseTimeOfDay } from "../broadcasts/parse-time-of-day.js";
import { findDateReference } from "../faq/date-reference.js";
import { chinaTimeToDate, type CivilDate, toChinaDate } from "../text/china-time.js";
import { normalizeWidth } from "../text/full-width.js";
import { extractLocation } from "../understand/extract-location.js";
import type { OutageKind } from "./link-replies.js";

export interface OutageNoticeReading {
  kind: OutageKind;
  building: string | null;
  unit: string | null;
  startsAt: Date;
  endsAt: Date;
}

const kinds: ReadonlyArray<readonly [OutageKind, RegExp]> = [
  ["water", /停水|断水|停止供水|暂停供水/],
  ["power", /停电|断电|停止供电|暂停供电/],
  ["gas", /停气|断气|停止供气|暂停供气/],
];

const separator = /^\s*(?:-|~|～|到|至|—)\s*/;

/** The first time range in `text`: two clock times joined by -, ~, 到 or 至. */
function findRange(text: string): { from: [number, number]; to: [number, number]; at: number } | null {
  for (let i = 0; i < text.length; i++) {
    const a = parseTimeOfDay(text.slice(i));
    if (!a?.ok) continue;
    const rest = text.slice(i + a.length);
    const sep = separator.exec(rest);
    if (!sep) continue;
    const second = rest.slice(sep[0].length);
    const nextDay = /^(?:次日|第二天)/.test(second);
    const b = parseTimeOfDay(second.replace(/^(?:次日|第二天)/, ""));
    if (!b?.ok) continue;
    // "下午2点到5点": an end with no period of its own is in the start's half of the day.
    const afternoon = /^(?:中午|午后|下午|傍晚|晚上)/.test(text.slice(i));
    const ownPeriod = /^(?:凌晨|早上|早晨|清晨|上午|中午|午后|下午|傍晚|晚上|夜里|夜间)|^\d{1,2}\s*:/.test(second);
    const endHour = afternoon && !ownPeriod && !nextDay && b.hour < 12 ? b.hour + 12 : b.hour;
    return { from: [a.hour, a.minute], to: [endHour, b.minute], at: i };
  }
  return null;
}

function dayOf(text: string, today: CivilDate): CivilDate {
  const explicit = /(?:(\d{1,2})月)?(\d{1,2})[日号]/.exec(text);
  if (explicit) {
    const month = explicit[1] ? Number(explicit[1]) : today.month;
    const year = month < today.month - 6 ? today.year + 1 : today.year;
    return { ...today, year, month, day: Number(explicit[2]) };
  }
  const ref = findDateReference(text, today);
  return ref.kind === "days" && ref.dates[0] ? ref.dates[0] : today;
}

export function readOutageNotice(raw: string, now: Date): OutageNoticeReading | null {
  // "下午6点3号楼停水": the building number is not the minutes.
  const text = normalizeWidth(raw).replace(/(\d+\s*(?:号楼|栋|幢|单元))/g, " $1");
  const kind = kinds.find(([, pattern]) => pattern.test(text))?.[0];
  if (!kind) return null;
  const range = findRange(text);
  if (!range) return null;
  const day = dayOf(text.slice(0, range.at + 1) || text, toChinaDate(now));
  const startsAt = chinaTimeToDate(day.year, day.month, day.day, range.from[0], range.from[1]);
  let endsAt = chinaTimeToDate(day.year, day.month, day.day, range.to[0], range.to[1]);
  // "22:00-次日6:00": the window runs past midnight.
  if (endsAt <= startsAt) endsAt = new Date(endsAt.getTime() + 24 * 3600_000);
  const place = extractLocation(text.replace(/\d{1,2}\s*[:：]\s*\d{2}/g, " "));
  return { kind, building: place.building, unit: place.unit, startsAt, endsAt };
}
