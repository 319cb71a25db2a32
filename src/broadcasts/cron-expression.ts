// A 5-field cron expression (minute hour day-of-month month day-of-week), parsed into
// sets of allowed values. Kept separate from the iterator so `describeSchedule` can read
// the same parsed shape the scheduler uses.

export interface CronFields {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday (7 is folded into 0). */
  daysOfWeek: ReadonlySet<number>;
  /** Field written as `*` (or `*​/n`): Vixie cron uses this to choose AND or OR of the two day fields. */
  dayOfMonthStar: boolean;
  dayOfWeekStar: boolean;
}

export type ParseCronResult = { ok: true; fields: CronFields } | { ok: false; message: string };

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

const FIELD_SPECS: readonly FieldSpec[] = [
  { name: "分钟", min: 0, max: 59 },
  { name: "小时", min: 0, max: 23 },
  { name: "日期", min: 1, max: 31 },
  { name: "月份", min: 1, max: 12, names: MONTH_NAMES },
  { name: "星期", min: 0, max: 7, names: DAY_NAMES },
];

/** Longest day of each month in any year (February counted as 29). */
const MAX_DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

class CronSyntaxError extends Error {}

/** Parses a 5-field cron expression; messages are Chinese because staff read them. */
export function parseCronExpression(expr: string): ParseCronResult {
  const parts = expr.trim().split(/\s+/).filter(Boolean);
  if (parts.length !== 5) {
    return {
      ok: false,
      message: `cron 表达式要有 5 段（分 时 日 月 周），「${expr.trim()}」有 ${parts.length} 段`,
    };
  }
  try {
    const sets = parts.map((part, i) => parseField(part, FIELD_SPECS[i]!));
    const [minutes, hours, daysOfMonth, months, rawDaysOfWeek] = sets as [
      Set<number>,
      Set<number>,
      Set<number>,
      Set<number>,
      Set<number>,
    ];
    const daysOfWeek = new Set([...rawDaysOfWeek].map((d) => d % 7));
    const fields: CronFields = {
      minutes,
      hours,
      daysOfMonth,
      months,
      daysOfWeek,
      dayOfMonthStar: parts[2]!.startsWith("*"),
      dayOfWeekStar: parts[4]!.startsWith("*"),
    };
    const impossible = findImpossibleDay(fields);
    if (impossible) return { ok: false, message: impossible };
    return { ok: true, fields };
  } catch (err) {
    if (err instanceof CronSyntaxError) return { ok: false, message: err.message };
    throw err;
  }
}

function parseField(field: string, spec: FieldSpec): Set<number> {
  const values = new Set<number>();
  for (const item of field.split(",")) {
    if (item === "") throw new CronSyntaxError(`${spec.name}一段「${field}」里有空的项`);
    const [rangePart, stepPart, extra] = item.split("/");
    if (extra !== undefined) throw new CronSyntaxError(`${spec.name}一段「${item}」看不懂`);
    const step = stepPart === undefined ? 1 : parseNumber(stepPart, spec, item);
    if (step < 1) throw new CronSyntaxError(`${spec.name}一段「${item}」的间隔必须大于 0`);
    let low: number;
    let high: number;
    if (rangePart === "*") {
      low = spec.min;
      high = spec.max;
    } else if (rangePart?.includes("-")) {
      const [a, b, more] = rangePart.split("-");
      if (a === undefined || b === undefined || more !== undefined) {
        throw new CronSyntaxError(`${spec.name}一段「${item}」看不懂`);
      }
      low = parseValue(a, spec, item);
      high = parseValue(b, spec, item);
      if (low > high) throw new CronSyntaxError(`${spec.name}一段「${item}」的范围是倒过来的`);
    } else {
      // `5/10` (start/step without a range) is rejected, as node-cron does.
      if (stepPart !== undefined)
        throw new CronSyntaxError(`${spec.name}一段「${item}」看不懂，间隔要写成 */n 或 a-b/n`);
      low = parseValue(rangePart ?? "", spec, item);
      high = low;
    }
    for (let v = low; v <= high; v += step) values.add(v);
  }
  return values;
}

function parseValue(text: string, spec: FieldSpec, item: string): number {
  const nameIndex = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  if (nameIndex >= 0) return spec.names === MONTH_NAMES ? nameIndex + 1 : nameIndex;
  const value = parseNumber(text, spec, item);
  if (value < spec.min || value > spec.max) {
    throw new CronSyntaxError(`${spec.name}一段「${item}」超出范围（${spec.min}–${spec.max}）`);
  }
  return value;
}

function parseNumber(text: string, spec: FieldSpec, item: string): number {
  if (!/^\d{1,2}$/.test(text)) throw new CronSyntaxError(`${spec.name}一段「${item}」看不懂`);
  return Number(text);
}

/** A day-of-month that no listed month has (e.g. `31 2`) would never fire: say so up front. */
function findImpossibleDay(fields: CronFields): string | null {
  // With both day fields restricted the weekday alone can fire, so nothing is impossible.
  if (!fields.dayOfWeekStar && !fields.dayOfMonthStar) return null;
  const smallestDay = Math.min(...fields.daysOfMonth);
  const fits = [...fields.months].some((m) => smallestDay <= MAX_DAYS_IN_MONTH[m - 1]!);
  return fits ? null : `${[...fields.months].join(",")} 月没有 ${smallestDay} 日，这个 cron 永远不会触发`;
}
