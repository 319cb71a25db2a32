// Finds which day(s) a question is about ("明天", "这周六", "下礼拜三", "周末"), in China time,
// or whether it asks when something happens ("几号", "哪天").
import { addDays, type CivilDate, weekdayNumber } from "../text/china-time.js";

export type DateReference = { kind: "days"; spoken: string; dates: CivilDate[] } | { kind: "when" } | { kind: "none" };

const relativeDays: [RegExp, number][] = [
  [/大后天/, 3],
  [/后天|後天/, 2],
  [/明天|明儿|明日/, 1],
  [/今天|今儿|今日|今晚|今早/, 0],
];
const weekDay = /(这个?|本|下个?|)(周|星期|礼拜)([一二三四五六日天])/;
const weekend = /(这个?|本|下个?|)(周末|礼拜六礼拜天)/;
const whenWords =
  /几号|哪天|哪一天|哪几天|什么时候|啥时候|几时|周几|星期几|礼拜几|哪个周|下次|下一次|几月份|什么日子|啥日子/;

export function findDateReference(question: string, today: CivilDate): DateReference {
  for (const [pattern, offset] of relativeDays) {
    const m = question.match(pattern);
    if (m) return { kind: "days", spoken: m[0], dates: [addDays(today, offset)] };
  }
  const day = question.match(weekDay);
  // "每周六" describes a habit, not a day.
  if (day && !question.slice(0, day.index).endsWith("每")) {
    return { kind: "days", spoken: day[0], dates: [dayInWeek(today, day[1]!, weekdayNumber(day[3]!))] };
  }
  const end = question.match(weekend);
  if (end && !question.slice(0, end.index).endsWith("每")) {
    const saturday = dayInWeek(today, end[1]!, 6);
    return { kind: "days", spoken: end[0], dates: [saturday, addDays(saturday, 1)] };
  }
  return whenWords.test(question) ? { kind: "when" } : { kind: "none" };
}

/** Weeks start on Monday; a bare "周三" means the coming one (today included). */
function dayInWeek(today: CivilDate, which: string, weekday: number): CivilDate {
  if (which === "") return addDays(today, (weekday - today.weekday + 7) % 7);
  const monday = addDays(today, -((today.weekday + 6) % 7));
  const thisWeek = addDays(monday, (weekday + 6) % 7);
  return which.startsWith("下") ? addDays(thisWeek, 7) : thisWeek;
}
