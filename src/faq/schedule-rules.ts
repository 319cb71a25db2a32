// Reads recurring dates out of staff-written Chinese ("每周二、周四下午", "每月最后一个周五", "每月15日")
// so date questions can be answered with concrete days. Unknown phrasing yields no rule, never a wrong one.
import { addDays, type CivilDate, daysInMonth, makeCivilDate, weekdayNumber } from "../text/china-time.js";

export type ScheduleRule =
  | { kind: "weekly"; weekdays: number[]; months?: number[]; source: string }
  | { kind: "monthly-nth"; nths: number[]; weekday: number; months?: number[]; source: string }
  | { kind: "monthly-day"; day: number; months?: number[]; shiftOffWeekend: boolean; source: string };

const nthChars: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5 };
const D = "[一二三四五六日天]";
const W = "(?:周|星期|礼拜)";
const NTH = "(?:第[一二三四五1-5]个?|最后一个)";
const monthlyNth = new RegExp(`每月(?:的)?(${NTH}(?:[、和及]${NTH})*)${W}(${D})`, "g");
const yearlyNth = new RegExp(`每年(\\d{1,2})月(?:的)?(${NTH})${W}(${D})`, "g");
// "每月10日前" is a deadline, not a day something happens.
const monthlyDay = /每月(\d{1,2})[日号](?!之?前|以前)/g;
const weekdayList = new RegExp(`${W}(${D})((?:[、,和及]${W}?${D})*)(?:[至到~-]${W}?(${D}))?`, "g");
const everyDay = /每天|每日|天天|全年无休|节假日照常/;
// "3个工作日内" is a duration, not opening days.
const workdays = /(?<![\d一二三四五六七八九十]个)工作日/;
const postponed = /遇.*顺延/;
// A weekly clause without a clock time or an opening word is usually a limit ("每天限充一次"), not a schedule.
const happening = /\d{1,2}[:：]\d{2}|开放|营业|办公|开门|上班|值班|坐班|清运|上课|兴趣课|活动|排练|训练/;
const weekend = /周末|双休日/;
const yearMonths =
  /每年(\d{1,2})月(?:[、和及](\d{1,2})月)*(?:[至到-](\d{1,2})月)?|[（(](\d{1,2})月(?:[、和及]\d{1,2}月)*(?:[至到-](\d{1,2})月)?[）)]/;

/**
 * Splits on sentence punctuation, keeping the clause as the human-readable source of each rule.
 * `onlyEvents` (answer text) skips weekly clauses that name no time, which are usually limits.
 */
export function parseScheduleText(text: string, options: { onlyEvents?: boolean } = {}): ScheduleRule[] {
  const onlyEvents = options.onlyEvents ?? true;
  const rules: ScheduleRule[] = [];
  for (const raw of text.split(/[。；;！!？?\n]|，(?=[^，]*?(?:每|周|星期|工作日))/)) {
    const clause = raw.trim().replace(/^[，,、]/, "");
    if (!clause) continue;
    if (postponed.test(clause)) {
      for (const rule of rules) if (rule.kind === "monthly-day") rule.shiftOffWeekend = true;
      continue;
    }
    rules.push(...parseClause(clause, onlyEvents));
  }
  return rules;
}

function parseClause(clause: string, onlyEvents: boolean): ScheduleRule[] {
  const rules: ScheduleRule[] = [];
  const months = readMonths(clause);
  const shiftOffWeekend = postponed.test(clause);
  let rest = clause;
  for (const m of clause.matchAll(yearlyNth)) {
    rules.push({
      kind: "monthly-nth",
      nths: readNths(m[2]!),
      weekday: weekdayNumber(m[3]!),
      months: [Number(m[1])],
      source: clause,
    });
    rest = rest.replace(m[0], " ");
  }
  for (const m of rest.matchAll(monthlyNth)) {
    rules.push({ kind: "monthly-nth", nths: readNths(m[1]!), weekday: weekdayNumber(m[2]!), months, source: clause });
    rest = rest.replace(m[0], " ");
  }
  for (const m of rest.matchAll(monthlyDay)) {
    const day = Number(m[1]);
    if (day >= 1 && day <= 31) rules.push({ kind: "monthly-day", day, months, shiftOffWeekend, source: clause });
    rest = rest.replace(m[0], " ");
  }
  const weekdays = new Set<number>();
  const addAll = (days: number[]) => {
    for (const d of days) weekdays.add(d);
  };
  if (everyDay.test(rest)) addAll([0, 1, 2, 3, 4, 5, 6]);
  if (workdays.test(rest)) addAll([1, 2, 3, 4, 5]);
  if (weekend.test(rest)) addAll([6, 0]);
  for (const m of rest.matchAll(weekdayList)) {
    const first = weekdayNumber(m[1]!);
    const listed = [first, ...[...(m[2] ?? "").matchAll(new RegExp(D, "g"))].map((x) => weekdayNumber(x[0]))];
    if (m[3]) {
      // 周一至周五: walk forward from the last listed day to the end day (Sunday counts as 7).
      const from = listed.at(-1)!;
      const to = weekdayNumber(m[3]) === 0 ? 7 : weekdayNumber(m[3]);
      for (let d = from; d <= to; d++) listed.push(d % 7);
    }
    addAll(listed);
  }
  if (weekdays.size > 0 && (!onlyEvents || happening.test(rest)))
    rules.push({ kind: "weekly", weekdays: [...weekdays].sort(), months, source: clause });
  return rules;
}

function readNths(text: string): number[] {
  const nths: number[] = [];
  for (const m of text.matchAll(/第([一二三四五1-5])|最后/g)) nths.push(m[1] ? nthChars[m[1]]! : -1);
  return nths;
}

function readMonths(clause: string): number[] | undefined {
  const m = clause.match(yearMonths);
  if (!m) return undefined;
  const listed = [...m[0].matchAll(/(\d{1,2})月/g)].map((x) => Number(x[1]));
  const end = m[3] ?? m[5];
  if (end) for (let month = listed[0]! + 1; month < Number(end); month++) listed.push(month);
  return [...new Set(listed)].filter((x) => x >= 1 && x <= 12).sort((a, b) => a - b);
}

export function ruleFallsOn(rule: ScheduleRule, date: CivilDate): boolean {
  if (rule.months && !rule.months.includes(date.month)) return false;
  if (rule.kind === "weekly") return rule.weekdays.includes(date.weekday);
  if (rule.kind === "monthly-nth") {
    if (date.weekday !== rule.weekday) return false;
    const nth = Math.ceil(date.day / 7);
    const isLast = date.day + 7 > daysInMonth(date.year, date.month);
    return rule.nths.includes(nth) || (isLast && rule.nths.includes(-1));
  }
  return sameDay(monthlyDayIn(rule, date.year, date.month), date);
}

/** The first day on or after `from` (within a year) the rule falls on, if any. */
export function nextOccurrence(rule: ScheduleRule, from: CivilDate): CivilDate | undefined {
  for (let i = 0; i <= 366; i++) {
    const day = addDays(from, i);
    if (ruleFallsOn(rule, day)) return day;
  }
  return undefined;
}

function monthlyDayIn(rule: Extract<ScheduleRule, { kind: "monthly-day" }>, year: number, month: number): CivilDate {
  let day = makeCivilDate(year, month, Math.min(rule.day, daysInMonth(year, month)));
  // "遇周末顺延到下一个工作日": public holidays are not known here, weekends are.
  while (rule.shiftOffWeekend && (day.weekday === 0 || day.weekday === 6)) day = addDays(day, 1);
  return day;
}

function sameDay(a: CivilDate, b: CivilDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}
