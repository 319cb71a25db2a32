// The time limits (时限) and the calendar they count on, with defaults built in and a
// community's own in one YAML file (LINLI_FOLLOW_UP). Pure: no file is read here.
import { parse } from "yaml";
import { z } from "zod";
import { categories, type Category } from "../understand/taxonomy.js";
import { type CommunityCalendar, defaultCalendar, workdayMinutes } from "./calendar.js";

/** A length of time: on the clock (`30m`, `4h`, `2d`), or of working time (`8wh`, `3wd`). */
export interface Span {
  minutes: number;
  working: boolean;
}

/** What a kind of ticket must get, and by when after it is reported. */
export interface LimitSet {
  /** Someone claims it (or staff answer it). */
  respond: Span;
  /** It is finished; none for suggestions and disputes, which need a staff reply. */
  finish: Span | null;
}

export interface FollowUpRules {
  calendar: CommunityCalendar;
  urgent: LimitSet;
  normal: LimitSet;
  /** Per category, for non-urgent tickets (suggestions and disputes by default). */
  byCategory: Partial<Record<Category, LimitSet>>;
  /** A reminder goes out when this share of a limit has passed. */
  nearShare: number;
  /** A claimed ticket with no progress for this long: the claimer is asked. */
  idleAsk: Span;
  /** No answer to that question for this long: the ticket goes back to the pool. */
  idleRelease: Span;
  /** A done ticket not rated after this long gets one gentle reminder. */
  ratingReminder: Span;
  /** A 不满意 rating: staff must follow it up within this. */
  unsatisfied: Span;
  /** Staff named as on duty (LINLI_ON_DUTY: names or contact ids); `值班 @某人` overrides. */
  onDuty: string[];
}

const clockSpan = (minutes: number): Span => ({ minutes, working: false });
const workSpan = (minutes: number): Span => ({ minutes, working: true });

export function defaultRules(calendar: CommunityCalendar = defaultCalendar): FollowUpRules {
  const day = workdayMinutes(calendar);
  const reply: LimitSet = { respond: workSpan(2 * day), finish: null };
  return {
    calendar,
    urgent: { respond: clockSpan(30), finish: clockSpan(4 * 60) },
    // "Claimed within 24 hours" is read as one working day: a Friday-evening request is
    // not overdue on Saturday morning.
    normal: { respond: workSpan(day), finish: workSpan(3 * day) },
    byCategory: { suggestion: reply, dispute: reply },
    nearShare: 0.75,
    idleAsk: workSpan(day),
    idleRelease: workSpan(4 * 60),
    ratingReminder: clockSpan(24 * 60),
    unsatisfied: workSpan(2 * day),
    onDuty: [],
  };
}

/** Reads `30m`, `4h`, `2d` (on the clock) and `8wh`, `3wd` (working hours and days). */
export function parseSpan(text: string, calendar: CommunityCalendar): Span | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(m|min|h|d|wh|wd)\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  switch (m[2]!.toLowerCase()) {
    case "m":
    case "min":
      return clockSpan(n);
    case "h":
      return clockSpan(n * 60);
    case "d":
      return clockSpan(n * 24 * 60);
    case "wh":
      return workSpan(n * 60);
    default:
      return workSpan(n * workdayMinutes(calendar));
  }
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期应写成 2026-10-01");
const spanText = z.union([z.string(), z.number()]).transform(String);
const limitFile = z.object({ claim: spanText.optional(), finish: spanText.optional(), reply: spanText.optional() });
const fileSchema = z
  .object({
    calendar: z
      .object({
        workdays: z.array(z.number().int().min(0).max(6)).optional(),
        hours: z
          .string()
          .regex(/^\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}$/, "工作时间应写成 08:30-17:30")
          .optional(),
        holidays: z.array(z.union([date, z.date()])).optional(),
        extra_workdays: z.array(z.union([date, z.date()])).optional(),
      })
      .strict()
      .optional(),
    limits: z.record(z.string(), limitFile).optional(),
    near: z.number().gt(0).lt(1).optional(),
    idle: z.object({ ask: spanText.optional(), release: spanText.optional() }).strict().optional(),
    revisit: z.object({ remind: spanText.optional(), unsatisfied: spanText.optional() }).strict().optional(),
  })
  .strict();

export class RulesError extends Error {
  override name = "RulesError";
}

const dayText = (d: string | Date) => (typeof d === "string" ? d : d.toISOString().slice(0, 10));

function minuteOf(hhmm: string): number {
  const [h, m] = hhmm.trim().split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * The rules of a LINLI_FOLLOW_UP file on top of the defaults. A wrong value throws a
 * RulesError naming the field and how to write it.
 */
export function readRules(yamlText: string, onDutyFromEnv: string[] = []): FollowUpRules {
  let raw: unknown;
  try {
    raw = parse(yamlText) ?? {};
  } catch (err) {
    throw new RulesError(`时限文件不是有效的 YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new RulesError(`时限文件有误: ${i.path.join(".")}: ${i.message}`);
  }
  const f = parsed.data;
  const cal: CommunityCalendar = { ...defaultCalendar };
  if (f.calendar?.workdays) cal.workdays = f.calendar.workdays;
  if (f.calendar?.hours) {
    const [a, b] = f.calendar.hours.split("-");
    cal.startMinute = minuteOf(a!);
    cal.endMinute = minuteOf(b!);
    if (cal.endMinute <= cal.startMinute) throw new RulesError("时限文件有误: calendar.hours: 下班时间应晚于上班时间");
  }
  if (f.calendar?.holidays) cal.holidays = f.calendar.holidays.map(dayText);
  if (f.calendar?.extra_workdays) cal.extraWorkdays = f.calendar.extra_workdays.map(dayText);
  const rules = defaultRules(cal);
  const span = (path: string, text: string): Span => {
    const s = parseSpan(text, cal);
    if (!s)
      throw new RulesError(
        `时限文件有误: ${path}: 应写成 30m、4h、2d (自然时间) 或 8wh、3wd (工作时间), 现在是 "${text}"`,
      );
    return s;
  };
  for (const [key, l] of Object.entries(f.limits ?? {})) {
    const isKind = key === "urgent" || key === "normal";
    if (!isKind && !(categories as readonly string[]).includes(key))
      throw new RulesError(`时限文件有误: limits.${key}: 应为 urgent、normal 或类别 (${categories.join("、")})`);
    const base: LimitSet = isKind ? rules[key] : (rules.byCategory[key as Category] ?? rules.normal);
    const respondText = l.reply ?? l.claim;
    const next: LimitSet = {
      respond: respondText ? span(`limits.${key}.${l.reply ? "reply" : "claim"}`, respondText) : base.respond,
      finish: l.reply && !l.finish ? null : l.finish ? span(`limits.${key}.finish`, l.finish) : base.finish,
    };
    if (isKind) rules[key] = next;
    else rules.byCategory[key as Category] = next;
  }
  if (f.near) rules.nearShare = f.near;
  if (f.idle?.ask) rules.idleAsk = span("idle.ask", f.idle.ask);
  if (f.idle?.release) rules.idleRelease = span("idle.release", f.idle.release);
  if (f.revisit?.remind) rules.ratingReminder = span("revisit.remind", f.revisit.remind);
  if (f.revisit?.unsatisfied) rules.unsatisfied = span("revisit.unsatisfied", f.revisit.unsatisfied);
  rules.onDuty = onDutyFromEnv;
  return rules;
}
