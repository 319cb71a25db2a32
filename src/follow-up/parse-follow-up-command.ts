// The follow-up chat grammar: `进展 N 说明`, `延期 N 原因 日期`, `值班` and `值班 @某人`.
import { addDays, type CivilDate, makeCivilDate, toChinaDate } from "../text/china-time.js";
import { halfWidthDigits } from "../text/full-width.js";

export type FollowUpCommand =
  | { type: "progress"; id: number; note: string }
  | { type: "extend"; id: number; reason: string; date: CivilDate | null }
  | { type: "duty-show" }
  | { type: "duty-set" }
  | { type: "malformed"; verb: "进展" | "延期" };

const num = String.raw`(?:第)?[#＃]?\s*(\d{1,9})\s*(?:号)?`;

export function parseFollowUpCommand(raw: string, today: Date): FollowUpCommand | null {
  const text = halfWidthDigits(raw)
    .replace(/[\s\u2005]+/g, " ")
    .trim();
  if (text === "值班" || text === "值班人员" || text === "谁值班") return { type: "duty-show" };
  if (/^值班 ?@/.test(text)) return { type: "duty-set" };
  const progress = /^进展(.*)$/.exec(text);
  if (progress) {
    const m = new RegExp(`^\\s*${num}(?:\\s+|[，,:：])\\s*(\\S[\\s\\S]*)$`).exec(progress[1]!);
    if (m) return { type: "progress", id: Number(m[1]), note: m[2]!.trim() };
    return isBareVerb(progress[1]!) ? { type: "malformed", verb: "进展" } : null;
  }
  const extend = /^延期(.*)$/.exec(text);
  if (extend) {
    const m = new RegExp(`^\\s*${num}(?:\\s+|[，,:：])\\s*([\\s\\S]*)$`).exec(extend[1]!);
    if (!m) return isBareVerb(extend[1]!) ? { type: "malformed", verb: "延期" } : null;
    const { reason, date } = splitDate(m[2]!.trim(), toChinaDate(today));
    if (!reason || !date) return { type: "malformed", verb: "延期" };
    return { type: "extend", id: Number(m[1]), reason, date };
  }
  return null;
}

/** "延期" alone or with a short bad token is a command written wrong; "进展很顺利" is talk. */
function isBareVerb(after: string): boolean {
  return after.trim() === "" || (/^[\s#＃\d]/.test(after) && after.trim().length <= 12);
}

/** The date at the end (or start) of `等配件 10月8日`: 10月8日, 10-8, 10/8, 2026-10-08, 明天, 后天, N天后. */
function splitDate(text: string, today: CivilDate): { reason: string; date: CivilDate | null } {
  const patterns: [RegExp, (m: RegExpExecArray) => CivilDate][] = [
    [/(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?/, (m) => makeCivilDate(+m[1]!, +m[2]!, +m[3]!)],
    [/(\d{1,2})(?:月|[-/.])(\d{1,2})[日号]?/, (m) => upcoming(today, +m[1]!, +m[2]!)],
    [/(\d{1,3})天后/, (m) => addDays(today, +m[1]!)],
    [/后天/, () => addDays(today, 2)],
    [/明天/, () => addDays(today, 1)],
  ];
  for (const [re, build] of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const reason = (text.slice(0, m.index) + text.slice(m.index + m[0].length))
      .replace(/^[\s，,:：]+|[\s，,:：前之]+$/g, "")
      .replace(/^(?:延到|到)|(?:延到|到)$/g, "")
      .trim();
    return { reason, date: build(m) };
  }
  return { reason: text, date: null };
}

/** 10月8日 means this year's, or next year's when it has passed. */
function upcoming(today: CivilDate, month: number, day: number): CivilDate {
  const d = makeCivilDate(today.year, month, day);
  return d.month * 100 + d.day < today.month * 100 + today.day ? makeCivilDate(today.year + 1, month, day) : d;
}
