// The 红色广播站 in the console: list and month calendar with next runs (China time), create,
// edit, pause, resume, delete and 立即发送 with the chat's rules and words, a preview with the
// live fields filled, and each run's delivery per chat. All through the broadcast service.
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { isLinliError } from "../../../core/errors.js";
import { broadcastReplies, type BroadcastSummary, describeTargets } from "../../../broadcasts/broadcast-replies.js";
import type { StoredBroadcast } from "../../../broadcasts/broadcast-store.js";
import { describeSchedule, formatChinaTime } from "../../../broadcasts/describe-schedule.js";
import { parseBroadcastForm } from "../../../broadcasts/parse-broadcast-command.js";
import { GROUP_ALIASES, type BroadcastTarget } from "../../../broadcasts/parse-broadcast-targets.js";
import { parseBroadcastWhen, WHEN_FORMS } from "../../../broadcasts/parse-broadcast-when.js";
import { PLACEHOLDERS } from "../../../broadcasts/render-broadcast.js";
import { nextRuns, type Schedule } from "../../../broadcasts/schedule.js";
import { chinaTimeToDate, daysInMonth, toChinaDate, toChinaTime } from "../../../text/china-time.js";
import { jsonError } from "../../json-error.js";
import { type ConsoleEnv, readJson } from "../console-routes.js";
import type { ConsoleServices } from "../console-services.js";

const MAX_CONTENT_CHARS = 2000;
const NEXT_RUNS = 3;

/** The words the page offers for rooms: one per group alias meaning. */
const GROUP_NAMES = ["所有居民群", "所有志愿者群", "所有群"] as const;
const GROUP_NAME_OF = Object.fromEntries(GROUP_NAMES.map((n) => [GROUP_ALIASES[n], n])) as Record<
  (typeof GROUP_ALIASES)[string],
  string
>;

const formSchema = z.object({
  when: z
    .string({ required_error: "请写上什么时候发。", invalid_type_error: "时间要写成文字。" })
    .max(100, "时间写得太长了。"),
  targets: z
    .array(z.string().max(100, "群名太长了。"), {
      required_error: "请选择发给哪些群。",
      invalid_type_error: "请选择发给哪些群。",
    })
    .max(100, "选的群太多了。"),
  content: z
    .string({ required_error: "请写上广播内容。", invalid_type_error: "广播内容要写成文字。" })
    .max(MAX_CONTENT_CHARS, `广播内容最多 ${MAX_CONTENT_CHARS} 个字。`),
});
const idSchema = z.coerce.number().int().positive().max(2_147_483_647);
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export function broadcastsApi(s: ConsoleServices): Hono<ConsoleEnv> {
  const api = new Hono<ConsoleEnv>();
  const service = s.broadcasts;
  const robots = () => Object.keys(s.config.broadcasts.robots);
  const knownTopics = () => s.rooms.all().map((r) => r.topic);
  const small = bodyLimit({
    maxSize: 16 * 1024,
    onError: (c) => jsonError(c, 413, "too_large", "内容太长了。"),
  });

  /** Reads a form with the chat's rules; a Response when it is not a valid broadcast. */
  async function readForm(c: Context<ConsoleEnv>) {
    const parsed = formSchema.safeParse(await readJson(c));
    if (!parsed.success) return jsonError(c, 400, "bad_input", firstIssue(parsed.error));
    const form = parseBroadcastForm(parsed.data, s.clock.now(), { knownTopics: knownTopics(), robots: robots() });
    if (!form.ok)
      return jsonError(c, 400, "bad_input", `${form.message}。`.replace(/。。$/, "。"), { field: form.field });
    return form;
  }

  function view(b: StoredBroadcast) {
    const now = s.clock.now();
    const runs = b.status === "active" && b.schedule ? nextRuns(b.schedule, now, NEXT_RUNS) : [];
    return {
      id: b.id,
      status: b.status,
      when: b.schedule ? describeSchedule(b.schedule) : "",
      whenWords: b.schedule ? whenWords(b.schedule, now) : "",
      once: b.schedule !== null && "runAt" in b.schedule,
      targets: targetNames(b.targets),
      targetsText: describeTargets(b.targets),
      content: b.content,
      nextRuns: runs.map((r) => ({ at: r.toISOString(), text: formatChinaTime(r, now) })),
      createdBy: b.createdBy.name,
      createdAt: b.createdAt.toISOString(),
    };
  }

  /** Turns a service error into a plain answer; anything else is thrown on. */
  function failed(c: Context<ConsoleEnv>, err: unknown, id: number) {
    if (isLinliError(err) && err.code === "not_found")
      return jsonError(c, 404, "not_found", `没有找到广播 #${id}，可能已经删除了。`);
    throw err;
  }

  function withId(c: Context<ConsoleEnv>): number | Response {
    const id = idSchema.safeParse(c.req.param("id"));
    return id.success ? id.data : jsonError(c, 400, "bad_input", "广播编号不对。");
  }

  api.get("/", async (c) => {
    const list = await service.list();
    return c.json({
      now: s.clock.now().toISOString(),
      broadcasts: list.map(view),
      options: {
        groups: GROUP_NAMES,
        rooms: s.rooms
          .all()
          .map((r) => ({ topic: r.topic, role: r.role }))
          .sort((a, b) => a.topic.localeCompare(b.topic, "zh-CN")),
        robots: robots(),
        placeholders: PLACEHOLDERS.map((p) => `{${p}}`),
        whenForms: WHEN_FORMS,
      },
    });
  });

  api.get("/calendar", async (c) => {
    const now = s.clock.now();
    const asked = c.req.query("month");
    const today = toChinaDate(now);
    let year = today.year;
    let month = today.month;
    if (asked !== undefined) {
      if (!monthSchema.safeParse(asked).success) return jsonError(c, 400, "bad_input", "月份要写成 2026-12 这样。");
      [year, month] = asked.split("-").map(Number) as [number, number];
    }
    const from = chinaTimeToDate(year, month, 1);
    const to = chinaTimeToDate(year, month + 1, 1);
    const shown = new Map((await service.list()).map((b) => [b.id, b]));
    const entries = (await service.calendar(from, to))
      .filter((e) => shown.has(e.broadcastId))
      .map((e) => {
        const t = toChinaTime(e.at);
        const b = shown.get(e.broadcastId)!;
        return {
          broadcastId: e.broadcastId,
          at: e.at.toISOString(),
          day: t.day,
          time: `${pad(t.hour)}:${pad(t.minute)}`,
          state: e.state,
          content: b.content,
          targetsText: describeTargets(b.targets),
        };
      });
    return c.json({
      month: `${year}-${pad(month)}`,
      year,
      monthNumber: month,
      days: daysInMonth(year, month),
      firstWeekday: toChinaDate(from).weekday,
      today: today.year === year && today.month === month ? today.day : null,
      entries,
    });
  });

  /** What a form would schedule: the schedule in words, its next runs and the text with live fields. */
  api.post("/check", small, async (c) => {
    const form = await readForm(c);
    if (form instanceof Response) return form;
    const now = s.clock.now();
    const rendered = await service.render(form.content);
    return c.json({
      when: describeSchedule(form.schedule),
      targetsText: describeTargets(form.targets),
      nextRuns: nextRuns(form.schedule, now, NEXT_RUNS).map((r) => ({
        at: r.toISOString(),
        text: formatChinaTime(r, now),
      })),
      text: rendered.text,
      unknown: rendered.unknown,
      warnings: form.warnings,
    });
  });

  api.post("/", small, async (c) => {
    const form = await readForm(c);
    if (form instanceof Response) return form;
    const staff = c.get("staff");
    const b = await service.schedule(staff, form);
    await s.audit(staff, "broadcasts:create", { id: b.id });
    const v = view(b);
    const next = v.nextRuns[0];
    const message = `广播 #${b.id} 已安排，${next ? `下次 ${next.text} 发送` : "这个时间之后不会再发送"}。`;
    return c.json({ broadcast: v, message, warnings: form.warnings }, 201);
  });

  api.get("/:id{[0-9]+}", async (c) => {
    const id = withId(c);
    if (id instanceof Response) return id;
    try {
      return c.json({ broadcast: view(await service.get(id)) });
    } catch (err) {
      return failed(c, err, id);
    }
  });

  api.put("/:id{[0-9]+}", small, async (c) => {
    const id = withId(c);
    if (id instanceof Response) return id;
    const form = await readForm(c);
    if (form instanceof Response) return form;
    const staff = c.get("staff");
    try {
      const b = await service.edit(staff, id, form);
      await s.audit(staff, "broadcasts:edit", { id });
      const v = view(b);
      const next = v.nextRuns[0];
      const state = b.status === "paused" ? "仍是暂停的" : next ? `下次 ${next.text} 发送` : "这个时间之后不会再发送";
      return c.json({ broadcast: v, message: `广播 #${id} 已修改，${state}。`, warnings: form.warnings });
    } catch (err) {
      return failed(c, err, id);
    }
  });

  api.post("/:id{[0-9]+}/pause", async (c) => {
    const id = withId(c);
    if (id instanceof Response) return id;
    try {
      const { changed, broadcast } = await service.pause(c.get("staff"), id);
      if (changed) await s.audit(c.get("staff"), "broadcasts:pause", { id });
      const message = changed
        ? `广播 #${id}（${describeSchedule(broadcast.schedule!)}）已暂停，不会再发送。`
        : `广播 #${id} 本来就是暂停的。`;
      return c.json({ broadcast: view(broadcast), changed, message });
    } catch (err) {
      return failed(c, err, id);
    }
  });

  api.post("/:id{[0-9]+}/resume", async (c) => {
    const id = withId(c);
    if (id instanceof Response) return id;
    try {
      const { changed, broadcast } = await service.resume(c.get("staff"), id);
      if (changed) await s.audit(c.get("staff"), "broadcasts:resume", { id });
      const sum = summary(broadcast);
      const message = changed ? broadcastReplies.resumed(sum, s.clock.now()) : broadcastReplies.notPaused(sum);
      return c.json({ broadcast: view(broadcast), changed, message });
    } catch (err) {
      return failed(c, err, id);
    }
  });

  api.delete("/:id{[0-9]+}", async (c) => {
    const id = withId(c);
    if (id instanceof Response) return id;
    try {
      const { broadcast } = await service.remove(c.get("staff"), id);
      await s.audit(c.get("staff"), "broadcasts:delete", { id });
      return c.json({ message: broadcastReplies.deleted(summary(broadcast)) });
    } catch (err) {
      return failed(c, err, id);
    }
  });

  /** 立即广播: sends now as the run of this minute, to the rooms its targets name now. */
  api.post("/:id{[0-9]+}/send-now", async (c) => {
    const id = withId(c);
    if (id instanceof Response) return id;
    try {
      const { broadcast, result } = await service.sendNow(c.get("staff"), id);
      const sum = summary(broadcast);
      await s.audit(c.get("staff"), "broadcasts:send-now", { id, outcome: result.ok ? "sent" : result.reason });
      if (result.ok)
        return c.json({ sent: true, rooms: result.rooms, message: broadcastReplies.sendingNow(sum, result.rooms) });
      const message =
        result.reason === "taken" ? broadcastReplies.alreadyRanThisMinute(sum) : broadcastReplies.noRooms(sum);
      return c.json({ sent: false, reason: result.reason, message }, 409);
    } catch (err) {
      return failed(c, err, id);
    }
  });

  api.get("/:id{[0-9]+}/preview", async (c) => {
    const id = withId(c);
    if (id instanceof Response) return id;
    try {
      const { broadcast, rendered } = await service.preview(id);
      if (broadcast.status === "draft") return jsonError(c, 404, "not_found", `没有找到广播 #${id}，可能已经删除了。`);
      return c.json({ broadcast: view(broadcast), text: rendered.text, unknown: rendered.unknown });
    } catch (err) {
      return failed(c, err, id);
    }
  });

  api.get("/:id{[0-9]+}/runs", async (c) => {
    const id = withId(c);
    if (id instanceof Response) return id;
    try {
      const runs = await service.history(id, 30);
      const now = s.clock.now();
      return c.json({
        runs: runs.map((r) => ({
          id: r.id,
          slot: r.slot.toISOString(),
          slotText: formatChinaTime(r.slot, now),
          state: r.state,
          chats: r.chats.map((d) => ({
            chat: d.kind === "robot" ? `企业微信机器人「${d.chat}」` : d.chat,
            state: d.state,
            sentAt: d.sentAt?.toISOString() ?? null,
          })),
        })),
      });
    } catch (err) {
      return failed(c, err, id);
    }
  });

  return api;
}

/** What the chat's replies need about one broadcast. */
function summary(b: StoredBroadcast): BroadcastSummary {
  return {
    id: b.id,
    schedule: b.schedule ?? { runAt: new Date(0) },
    targets: b.targets,
    content: b.content,
    paused: b.status === "paused",
  };
}

/** The names the form's room picker shows, so an edit starts from what is stored. */
function targetNames(targets: readonly BroadcastTarget[]): string[] {
  return targets.flatMap((t) =>
    t.kind === "group" ? [GROUP_NAME_OF[t.group]] : t.kind === "room" ? [t.topic] : t.kind === "robot" ? [t.name] : [],
  );
}

/** Time words that read back to the same schedule (the form's field when editing). */
function whenWords(schedule: Schedule, now: Date): string {
  if ("runAt" in schedule) {
    const t = toChinaTime(schedule.runAt);
    return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
  }
  const words = describeSchedule(schedule);
  const back = parseBroadcastWhen(words, now);
  const same =
    back.ok && back.length === words.length && "cron" in back.schedule && sameCron(back.schedule.cron, schedule.cron);
  return same ? words : `cron(${schedule.cron.trim()})`;
}

function sameCron(a: string, b: string): boolean {
  return a.trim().split(/\s+/).join(" ") === b.trim().split(/\s+/).join(" ");
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue || (issue.code === "invalid_type" && issue.path.length === 0)) return "请求格式不对，请刷新页面后再试。";
  return issue.message;
}
