// The <when> of `广播 <when> <targets> <content>`: a repeating day + time (cron), a
// one-off date + time (runAt), or a raw cron. All China time, whatever the server's zone.

import { parseSmallNumber } from "../text/chinese-number.js";
import { addDays, type CivilDate, chinaTimeToDate, toChinaDate, weekdayNumber } from "../text/china-time.js";
import { type Schedule, validateCron } from "./schedule.js";
import { type DayPeriod, parseTimeOfDay } from "./parse-time-of-day.js";

export type WhenResult =
  | { ok: true; schedule: Schedule; length: number; warnings: string[] }
  | { ok: false; message: string };

interface DayPart {
  /** Cron day fields (`dom month dow`) for repeating days, or a China calendar date for one-offs. */
  cronDays?: string;
  date?: { year: number; month: number; day: number };
  impliedPeriod?: DayPeriod;
  length: number;
  warnings?: string[];
}

type DayResult = DayPart | { error: string } | null;

export const WHEN_FORMS =
  "每天 07:30、每周一 08:00、工作日 08:30、每月1日 09:00、明天下午3点、11月30日 19:00、2026-12-01 10:00、cron(0 8 * * 1)";

const RAW_CRON = /^(?:cron\s*\(([^)]*)\)|"([^"]*)"|“([^”]*)”|「([^」]*)」|'([^']*)')/i;
const WEEKDAY_CHARS = "日天一二三四五六";
const WEEKDAY = `(?:[${WEEKDAY_CHARS}]|[1-7](?![\\d:点]))`;
const PREFIX = "(?:周|星期|礼拜)?";
const RANGE_TAIL = `(?:\\s*(?:至|到|-|~)\\s*${PREFIX}(${WEEKDAY}))?`;
const WEEKDAY_ITEM = new RegExp(`^${PREFIX}(${WEEKDAY})${RANGE_TAIL}`);
const CHINESE_WEEKDAY_ITEM = new RegExp(`^${PREFIX}([${WEEKDAY_CHARS}])${RANGE_TAIL}`);
const NUMBER = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})";

/** Parses the schedule at the start of `text` (width-normalised); `length` is how much was read. */
export function parseBroadcastWhen(text: string, now: Date): WhenResult {
  const raw = RAW_CRON.exec(text);
  if (raw) {
    const expr = (raw[1] ?? raw[2] ?? raw[3] ?? raw[4] ?? raw[5] ?? "").trim();
    const valid = validateCron(expr);
    if (!valid.ok) return { ok: false, message: `cron 表达式「${expr}」有误：${valid.message}` };
    return { ok: true, schedule: { cron: expr }, length: raw[0].length, warnings: [] };
  }
  const today = toChinaDate(now);
  const day = parseRepeatingDays(text) ?? parseOneOffDay(text, today);
  if (day === null) return { ok: false, message: notUnderstood(text) };
  if ("error" in day) return { ok: false, message: day.error };

  const dayWords = text.slice(0, day.length).trim();
  const gap = /^\s*/.exec(text.slice(day.length))![0].length;
  const time = parseTimeOfDay(text.slice(day.length + gap), day.impliedPeriod);
  if (time === null) return { ok: false, message: `「${dayWords}」后面要写几点，比如 08:00 或 下午3点` };
  if (!time.ok) return { ok: false, message: time.message };
  const length = day.length + gap + time.length;

  if (day.cronDays !== undefined) {
    const schedule = { cron: `${time.minute} ${time.hour} ${day.cronDays}` };
    return { ok: true, schedule, length, warnings: day.warnings ?? [] };
  }
  const date = day.date!;
  const runAt = chinaTimeToDate(date.year, date.month, date.day, time.hour, time.minute);
  if (runAt.getTime() <= now.getTime()) {
    return { ok: false, message: `「${text.slice(0, length).trim()}」已经过去了，请写一个以后的时间` };
  }
  return { ok: true, schedule: { runAt }, length, warnings: [] };
}

function parseRepeatingDays(text: string): DayResult {
  let m = /^(?:每天|每日|天天)/.exec(text);
  if (m) return { cronDays: "* * *", length: m[0].length };
  m = /^(?:每个?工作日|工作日|每周一至周五|每周一到周五)/.exec(text);
  if (m) return { cronDays: "* * 1-5", length: m[0].length };
  m = /^(?:每个?周末|周末)/.exec(text);
  if (m) return { cronDays: "* * 0,6", length: m[0].length };
  m = /^(?:每周|每星期|每礼拜)/.exec(text);
  if (m) return parseWeekdayList(text, m[0].length);
  m = new RegExp(`^每月((?:${NUMBER}[日号]?\\s*[、,和]\\s*)*${NUMBER})([日号])?`).exec(text);
  if (m) return parseMonthDays(m[0], m[1]!, m[2] !== undefined);
  if (text.startsWith("每月")) return { error: "「每月」后面要写几号，比如 每月1日" };
  m = new RegExp(`^每年(${NUMBER})月(${NUMBER})[日号]`).exec(text);
  if (m) {
    const month = parseSmallNumber(m[1]!);
    const day = parseSmallNumber(m[2]!);
    if (month === null || day === null || !isRealDate(2024, month, day)) {
      return { error: `「${m[0]}」这个日期不存在` };
    }
    return { cronDays: `${day} ${month} *`, length: m[0].length };
  }
  return null;
}

/** `每周一`, `每周一、三、五`, `每周一三五`, `每周一至周五`, `每周六,周日`, `每周1,3`. */
function parseWeekdayList(text: string, start: number): DayResult {
  const days = new Set<number>();
  let pos = start;
  let afterSeparator = true;
  while (true) {
    // Digits only right after 每周 or a separator, so `每周一7点` does not read 7 as Sunday.
    const m = (afterSeparator ? WEEKDAY_ITEM : CHINESE_WEEKDAY_ITEM).exec(text.slice(pos));
    if (!m) break;
    const from = weekdayNumber(m[1]!);
    const to = m[2] === undefined ? from : weekdayNumber(m[2]);
    // Ranges run Monday→Sunday as people count them (周五至周日 = 5,6,0).
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
    pos += m[0].length;
    const sep = /^\s*[、,和及]\s*/.exec(text.slice(pos));
    afterSeparator = sep !== null && WEEKDAY_ITEM.test(text.slice(pos + sep[0].length));
    if (afterSeparator) pos += sep![0].length;
  }
  if (days.size === 0) return { error: `「${text.slice(0, start)}」后面要写星期几，比如 每周一` };
  const list = [...days].sort((a, b) => a - b).join(",");
  return { cronDays: `* * ${list}`, length: pos };
}

function parseMonthDays(written: string, list: string, hasSuffix: boolean): DayResult {
  if (!hasSuffix && !/[日号]/.test(list)) return { error: `「${written.trim()}」请写成 每月1日 这样，带上“日”或“号”` };
  const days = list.split(/\s*[、,和]\s*/).map((s) => parseSmallNumber(s.replace(/[日号]$/, "")));
  if (days.some((d) => d === null || d < 1 || d > 31)) return { error: `「${written.trim()}」里的日期要在 1–31 之间` };
  const sortedDays = [...new Set(days as number[])].sort((a, b) => a - b);
  const warnings: string[] = [];
  const latest = sortedDays[sortedDays.length - 1]!;
  if (latest > 28) warnings.push(`没有 ${latest} 日的月份（比如 2 月）那天不会发送`);
  return { cronDays: `${sortedDays.join(",")} * *`, length: written.length, warnings };
}

function parseOneOffDay(text: string, today: CivilDate): DayResult {
  let m = /^(今天|今日|今晚|明天|明日|明晚|后天|大后天)/.exec(text);
  if (m) {
    const offsets: Record<string, number> = {
      今天: 0,
      今日: 0,
      今晚: 0,
      明天: 1,
      明日: 1,
      明晚: 1,
      后天: 2,
      大后天: 3,
    };
    const date = addDays(today, offsets[m[1]!]!);
    const impliedPeriod: DayPeriod | undefined = m[1]!.endsWith("晚") ? "晚上" : undefined;
    return { date, impliedPeriod, length: m[0].length };
  }
  m = new RegExp(`^(下下|下|本|这)(?:个)?(?:周|星期|礼拜)(${WEEKDAY})`).exec(text);
  if (m) {
    const weeks = m[1] === "下下" ? 2 : m[1] === "下" ? 1 : 0;
    const mondayOffset = -((today.weekday + 6) % 7);
    const targetOffset = (weekdayNumber(m[2]!) + 6) % 7;
    const date = addDays(today, mondayOffset + targetOffset + 7 * weeks);
    return { date, length: m[0].length };
  }
  m = /^(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{4})年(\d{1,2})月(\d{1,2})[日号]?)/.exec(text);
  if (m) return makeDate(m[0], Number(m[1] ?? m[4]), Number(m[2] ?? m[5]), Number(m[3] ?? m[6]), true, today);
  m = new RegExp(`^(${NUMBER})月(${NUMBER})[日号]`).exec(text);
  if (m) {
    const month = parseSmallNumber(m[1]!) ?? 0;
    const day = parseSmallNumber(m[2]!) ?? 0;
    return makeDate(m[0], today.year, month, day, false, today);
  }
  m = new RegExp(`^(?:周|星期|礼拜)(${WEEKDAY})`).exec(text);
  if (m) {
    return {
      error: `「${m[0]}」是只发一次还是每周都发？每周都发请写「每${m[0]}」，只发一次请写「本${m[0]}」「下${m[0]}」或具体日期`,
    };
  }
  return null;
}

function makeDate(
  written: string,
  year: number,
  month: number,
  day: number,
  yearGiven: boolean,
  today: CivilDate,
): DayResult {
  if (!isRealDate(year, month, day)) return { error: `「${written}」这个日期不存在` };
  // A month-day earlier than today means next year (staff plan ahead, not back).
  const beforeToday = month < today.month || (month === today.month && day < today.day);
  const y = !yearGiven && beforeToday ? year + 1 : year;
  if (!isRealDate(y, month, day)) return { error: `${y}年没有「${written}」这一天` };
  return { date: { year: y, month, day }, length: written.length };
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Says what was not understood; a bare clock time is missing its day, anything else gets the forms. */
function notUnderstood(text: string): string {
  const time = parseTimeOfDay(text);
  if (time?.ok) {
    return `「${text.slice(0, time.length).trim()}」前面要写哪天：每天、每周一、工作日、每月1日、明天 或 11月30日`;
  }
  return `没看懂时间「${firstToken(text)}」。可以写：${WHEN_FORMS}`;
}

function firstToken(text: string): string {
  return text.trim().split(/\s+/)[0] ?? "";
}
