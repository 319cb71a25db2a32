// Clock times as staff write them: `08:00`, `8:30`, `8点`, `8点半`, `下午3点`, `晚上七点一刻`.

import { parseSmallNumber } from "../text/chinese-number.js";

export type TimeOfDayResult =
  | { ok: true; hour: number; minute: number; length: number }
  | { ok: false; message: string }
  | null;

export type DayPeriod = "晚上";

const TIME_PATTERN = new RegExp(
  "^(凌晨|早上|早晨|清晨|上午|中午|午后|下午|傍晚|晚上|夜里|夜间)?\\s*" +
    "(?:(\\d{1,2})\\s*:\\s*(\\d{2})(?!\\d)" +
    "|(\\d{1,2}|[零〇一二两三四五六七八九十]{1,3})\\s*[点點时](半|一刻|三刻|\\d{1,2}(?!\\d)|[零〇一二三四五六七八九十]{1,3})?分?整?)",
);

const AFTERNOON = new Set(["午后", "下午", "傍晚", "晚上", "夜里", "夜间"]);

/**
 * Reads a clock time at the start of `text` (already width-normalised). Returns null when
 * no time is there, an error when one is there but impossible (`25:00`).
 * `impliedPeriod` covers `今晚 8点`, where the day word already says evening.
 */
export function parseTimeOfDay(text: string, impliedPeriod?: DayPeriod): TimeOfDayResult {
  const m = TIME_PATTERN.exec(text);
  if (!m) return null;
  const written = m[0].trim();
  const period = m[1] ?? impliedPeriod;
  const rawHour = parseSmallNumber(m[2] ?? m[4] ?? "");
  const rawMinute = m[3] !== undefined ? Number(m[3]) : parseMinuteWords(m[5]);
  if (rawHour === null || rawMinute === null || rawHour > 23 || rawMinute > 59) {
    return { ok: false, message: `「${written}」不是有效的时间，小时要在 0–23 之间，分钟要在 0–59 之间` };
  }
  const hour = applyPeriod(rawHour, period);
  if (hour === null) {
    return { ok: false, message: `「${written}」不好确定是哪一天的几点，请写成 23:59 或 00:00 这样的时间` };
  }
  return { ok: true, hour, minute: rawMinute, length: m[0].length };
}

function applyPeriod(hour: number, period: string | undefined): number | null {
  if (period === undefined) return hour;
  if (period === "凌晨") return hour === 12 ? 0 : hour;
  if (period === "中午") return hour <= 2 ? hour + 12 : hour;
  if (AFTERNOON.has(period)) {
    // 晚上12点 is midnight of the next day: too easy to get wrong, so ask for a clock time.
    if (hour === 12 && period !== "下午" && period !== "午后") return null;
    return hour < 12 ? hour + 12 : hour;
  }
  return hour;
}

function parseMinuteWords(words: string | undefined): number | null {
  if (words === undefined) return 0;
  if (words === "半") return 30;
  if (words === "一刻") return 15;
  if (words === "三刻") return 45;
  return parseSmallNumber(words);
}
