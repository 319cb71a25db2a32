// 工单 in the console: the board (tabs per status with counts, filters, search, pages) and one
// ticket's whole timeline with staff's actions. Every action is the chat path's own service method
// (指派, 关闭, 合并, 拆分, 延期) or the board's (重新打开, 备注), so residents and volunteers are told in
// WeChat in the same words. Pages never see WeChat ids: people are names, volunteers are found by
// name over the volunteers' rooms exactly as `指派 N 某人` finds them.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { isLinliError, LinliError } from "../../../core/errors.js";
import type { Actor } from "../../../core/types.js";
import { endOfWorkingDay } from "../../../follow-up/calendar.js";
import { followUpReplies } from "../../../follow-up/follow-up-replies.js";
import { chinaTimeToDate, makeCivilDate } from "../../../text/china-time.js";
import { type BoardFilter, boardPageMax } from "../../../tickets/ticket-board.js";
import type { Ticket, TicketStatus } from "../../../tickets/ticket.js";
import { linkReplies } from "../../../tickets/link-replies.js";
import { noteMaxLength } from "../../../tickets/staff-actions.js";
import { errorReplies, formatLocation, ticketReplies } from "../../../tickets/ticket-replies.js";
import type { TimelineEntry } from "../../../tickets/ticket-timeline.js";
import { categories, categoryNames } from "../../../understand/taxonomy.js";
import { jsonError } from "../../json-error.js";
import { type ConsoleEnv, firstProblem, readJson } from "../console-routes.js";
import type { ConsoleServices } from "../console-services.js";

/** Staff's names for the states (as in chat's staff lists). */
export const statusLabels: Record<TicketStatus, string> = {
  open: "待认领",
  claimed: "处理中",
  done: "待评价",
  closed: "已关闭",
};
const statuses = ["open", "claimed", "done", "closed"] as const;
const maxReasonChars = 200;
const maxSearchChars = 50;

const badPage = "页码不对, 请刷新页面。";
const dateText = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${what}的格式不对, 请用日期选择框选择。` })
    .refine((v) => isRealDate(v), { message: `${what}不是有效的日期。` });

const boardQuery = z.object({
  status: z.enum([...statuses, "all"], { message: "状态只能是待认领、处理中、待评价、已关闭或全部。" }).default("all"),
  category: z.enum(categories, { message: "没有这个类别, 请从列表中选择。" }).optional(),
  building: z.string().trim().max(10, { message: "楼号太长了, 比如写 3 或 3号楼。" }).optional(),
  volunteer: z.string().trim().max(30, { message: "志愿者姓名太长了。" }).optional(),
  from: dateText("开始日期").optional(),
  to: dateText("结束日期").optional(),
  q: z
    .string()
    .trim()
    .max(maxSearchChars, { message: `搜索的字太多了, 最多 ${maxSearchChars} 个字。` })
    .optional(),
  page: z.coerce
    .number({ message: badPage })
    .int({ message: badPage })
    .min(1, { message: badPage })
    .max(100000, { message: badPage })
    .default(1),
  limit: z.coerce
    .number({ message: `每页条数要在 1 到 ${boardPageMax} 之间。` })
    .int({ message: `每页条数要在 1 到 ${boardPageMax} 之间。` })
    .min(1, { message: `每页条数要在 1 到 ${boardPageMax} 之间。` })
    .max(boardPageMax, { message: `每页条数要在 1 到 ${boardPageMax} 之间。` })
    .default(20),
});

/** Generated once per click by the page: a retried request with the same id does not act twice. */
const requestId = z
  .string({ message: "请求缺少编号, 请刷新页面后再试。" })
  .regex(/^[A-Za-z0-9-]{8,64}$/, { message: "请求编号不对, 请刷新页面后再试。" });
const reason = (missing: string) =>
  z
    .string({ message: missing })
    .trim()
    .min(1, { message: missing })
    .max(maxReasonChars, { message: `原因太长了, 最多 ${maxReasonChars} 字。` });
const ticketNumber = z.coerce
  .number({ message: "请写要并入的工单编号, 比如 12。" })
  .int({ message: "请写要并入的工单编号, 比如 12。" })
  .min(1, { message: "请写要并入的工单编号, 比如 12。" })
  .max(999_999_999, { message: "没有这个编号的工单, 请核对。" });

const actionBodies = {
  assign: z.object({
    requestId,
    volunteer: z
      .string({ message: "请选择要指派的志愿者。" })
      .trim()
      .min(1, { message: "请选择要指派的志愿者。" })
      .max(30, { message: "志愿者姓名太长了。" }),
  }),
  close: z.object({ requestId, reason: reason("请写上关闭的原因, 居民会收到通知。") }),
  reopen: z.object({ requestId, reason: reason("请写上重新打开的原因。") }),
  merge: z.object({ requestId, into: ticketNumber }),
  split: z.object({ requestId }),
  extend: z.object({
    requestId,
    reason: reason("请写上延期的原因, 居民会收到通知。"),
    date: z
      .string({ message: "请选择延到哪一天。" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "请选择延到哪一天。" })
      .refine((v) => isRealDate(v), { message: "延到的日期不是有效的日期。" }),
  }),
  note: z.object({
    requestId,
    text: z
      .string({ message: "备注不能为空。" })
      .trim()
      .min(1, { message: "备注不能为空。" })
      .max(noteMaxLength, { message: `备注最多 ${noteMaxLength} 字。` }),
  }),
};
type Action = keyof typeof actionBodies;

function isRealDate(v: string): boolean {
  const [y, m, d] = v.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && y <= 2100 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** `2026-12-06` as the start of that day in China. */
function chinaDay(v: string, plusDays = 0): Date {
  const [y, m, d] = v.split("-").map(Number) as [number, number, number];
  return new Date(chinaTimeToDate(y, m, d).getTime() + plusDays * 86_400_000);
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A board row: what the list shows, no WeChat ids. */
function rowView(t: Ticket, marks: { urgent: boolean; overdue: boolean; place: string }) {
  return {
    id: t.id,
    status: t.status,
    statusLabel: statusLabels[t.status],
    category: t.category,
    categoryLabel: categoryNames[t.category],
    summary: t.summary,
    place: marks.place,
    roomTopic: t.roomTopic,
    residentName: t.residentName,
    volunteerName: t.volunteerName,
    createdAt: iso(t.createdAt),
    urgent: marks.urgent,
    overdue: marks.overdue,
    mergedIntoId: t.mergedIntoId,
  };
}

/** One ticket as its page shows it: the resident's words, place and phone (staff may see them). */
function ticketView(t: Ticket, marks: { urgent: boolean; overdue: boolean }) {
  return {
    ...rowView(t, { ...marks, place: formatLocation(t) }),
    text: t.text,
    phone: t.phone,
    /** 私聊 when the resident wrote privately. */
    where: t.roomTopic ?? "私聊",
    note: t.note,
    rating: t.rating,
    ratingLabel: t.ratingLabel,
    ratingComment: t.ratingComment,
    closeReason: t.closeReason,
    closeKind: t.closeKind,
    claimedAt: iso(t.claimedAt),
    doneAt: iso(t.doneAt),
    closedAt: iso(t.closedAt),
    /** What staff can do now (the services refuse the rest anyway). */
    can: {
      assign:
        t.status === "open" || t.status === "claimed" || (t.status === "closed" && t.ratingLabel === "unsatisfied"),
      close: t.status !== "closed",
      reopen: (t.status === "done" || t.status === "closed") && t.mergedIntoId === null,
      merge: t.status === "open" || t.status === "claimed",
      split: t.mergedIntoId !== null && t.status === "closed" && t.doneAt === null,
      extend: t.status === "open" || t.status === "claimed",
    },
  };
}

const entryView = (e: TimelineEntry) => ({
  at: iso(e.at),
  when: e.when,
  type: e.type,
  actorName: e.actor?.name ?? null,
  text: e.text,
  internal: e.internal,
});

function idOf(c: Context): number | null {
  const id = Number(c.req.param("id"));
  return Number.isSafeInteger(id) && id > 0 && id < 1e9 ? id : null;
}

/** Answers already given, by staff member and request id: a retry gets the same answer, nothing is done twice. */
class DoneRequests {
  private readonly done = new Map<string, { at: number; answer: Promise<{ status: number; body: object }> }>();
  constructor(
    private readonly keepMs = 30 * 60_000,
    private readonly max = 2000,
  ) {}
  once(key: string, now: number, work: () => Promise<{ status: number; body: object }>) {
    for (const [k, v] of this.done) {
      if (now - v.at <= this.keepMs && this.done.size <= this.max) break;
      this.done.delete(k);
    }
    const known = this.done.get(key);
    if (known) return known.answer;
    const answer = work();
    this.done.set(key, { at: now, answer });
    // A request that failed unexpectedly may be tried again.
    answer.catch(() => this.done.delete(key));
    return answer;
  }
}

export function ticketsApi(s: ConsoleServices): Hono<ConsoleEnv> {
  const api = new Hono<ConsoleEnv>();
  const requests = new DoneRequests();

  async function detail(id: number) {
    const tl = await s.tickets.timeline(id);
    return {
      ticket: ticketView(tl.ticket, { urgent: tl.urgent, overdue: tl.overdue }),
      timeline: tl.entries.map(entryView),
      linked: tl.linked.map((t) => ({ id: t.id, summary: t.summary, residentName: t.residentName })),
    };
  }

  api.get("/", async (c) => {
    const parsed = boardQuery.safeParse(c.req.query());
    if (!parsed.success) return jsonError(c, 400, "bad_input", firstProblem(parsed.error));
    const q = parsed.data;
    if (q.from && q.to && q.from > q.to) return jsonError(c, 400, "bad_input", "开始日期不能晚于结束日期。");
    const filter: BoardFilter = {
      statuses: q.status === "all" ? undefined : [q.status],
      category: q.category,
      building: q.building || undefined,
      createdFrom: q.from ? chinaDay(q.from) : undefined,
      createdBefore: q.to ? chinaDay(q.to, 1) : undefined,
      search: q.q || undefined,
    };
    if (q.volunteer) {
      const v = await s.volunteers.findVolunteer(q.volunteer).catch(() => null);
      if (!v) return jsonError(c, 400, "bad_input", `志愿者群里没有「${q.volunteer}」, 请从列表中选择。`);
      filter.volunteerId = v.id;
    }
    const found = await s.tickets.board(filter, { limit: q.limit, offset: (q.page - 1) * q.limit });
    return c.json({
      rows: found.rows.map((r) => rowView(r.ticket, r)),
      total: found.total,
      counts: found.counts,
      page: q.page,
      limit: found.limit,
      pages: Math.max(1, Math.ceil(found.total / found.limit)),
    });
  });

  /** The choices the board's filters and the 指派 list offer: names only. */
  api.get("/options", async (c) =>
    c.json({
      statuses: statuses.map((value) => ({ value, label: statusLabels[value] })),
      categories: categories.map((value) => ({ value, label: categoryNames[value] })),
      volunteers: (await s.volunteers.volunteers()).map((v) => ({ name: v.name })),
    }),
  );

  api.get("/:id{[0-9]+}", async (c) => {
    const id = idOf(c);
    if (id === null) return notFound(c, Number(c.req.param("id")));
    try {
      return c.json(await detail(id));
    } catch (err) {
      if (isLinliError(err) && err.code === "ticket_not_found") return notFound(c, id);
      throw err;
    }
  });

  for (const action of Object.keys(actionBodies) as Action[]) {
    api.post(`/:id{[0-9]+}/${action}`, async (c) => {
      const id = idOf(c);
      if (id === null) return notFound(c, Number(c.req.param("id")));
      const body = await readJson(c);
      if (!body) return jsonError(c, 400, "bad_input", "请求格式不对, 请刷新页面后再试。");
      const parsed = actionBodies[action].safeParse(body);
      if (!parsed.success) return jsonError(c, 400, "bad_input", firstProblem(parsed.error));
      const staff = c.get("staff");
      const input = parsed.data as Record<string, unknown> & { requestId: string };
      const answer = await requests.once(`${staff.id}:${input.requestId}`, s.clock.now().getTime(), async () => {
        try {
          const done = await run(action, id, input, staff, `web:${input.requestId}`);
          await s.audit(staff, `tickets:${action}`, { ticketId: id, ...done.detail });
          return { status: 200, body: { told: done.told, ...(await detail(id)) } };
        } catch (err) {
          const refusal = isLinliError(err) ? explain(err, action, id, input) : null;
          if (!refusal) throw err;
          return { status: refusal.status, body: { error: refusal.code, message: refusal.message } };
        }
      });
      c.header("cache-control", "no-store");
      return c.json(answer.body, answer.status as 200);
    });
  }

  /** Does one action through the domain; `told` says in staff's words what happened and who heard. */
  async function run(
    action: Action,
    id: number,
    input: Record<string, unknown>,
    staff: Actor,
    messageId: string,
  ): Promise<{ told: string; detail: Record<string, unknown> }> {
    switch (action) {
      case "assign": {
        const name = String(input.volunteer);
        const person = await s.volunteers.findVolunteer(name);
        if (!person) throw new LinliError("not_found", "assignee", { notVolunteer: false });
        const t = await s.tickets.assign(id, person, staff, messageId);
        return {
          told: `${ticketReplies.assignedForStaff(t)} 已在微信里告诉 ${person.name} 和居民。`,
          detail: { volunteer: person.name },
        };
      }
      case "close": {
        const t = await s.tickets.close(id, staff, String(input.reason), messageId);
        return { told: `${ticketReplies.closedForStaff(t)} 已在微信里告诉居民。`, detail: {} };
      }
      case "reopen": {
        await s.tickets.reopen(id, staff, String(input.reason), messageId);
        return { told: `#${id} 已重新打开, 已告诉居民, 任务已重新发到志愿者群。`, detail: {} };
      }
      case "merge": {
        const into = Number(input.into);
        const t = await s.tickets.mergeByHand(into, id, staff, messageId);
        const target = await s.tickets.timeline(into);
        return { told: linkReplies.mergedForStaff(t, target.ticket), detail: { into } };
      }
      case "split": {
        const { ticket, from } = await s.tickets.split(id, staff, messageId);
        return { told: linkReplies.splitForStaff(ticket, from), detail: { from } };
      }
      case "extend": {
        const [y, m, d] = String(input.date).split("-").map(Number) as [number, number, number];
        const dueAt = endOfWorkingDay(s.followUp.rules.calendar, makeCivilDate(y, m, d));
        const t = await s.followUp.extend(id, staff, String(input.reason), dueAt, messageId);
        return { told: followUpReplies.extendedForStaff(t, dueAt), detail: { date: input.date } };
      }
      case "note": {
        await s.tickets.addNote(id, staff, String(input.text));
        return { told: `已记下备注 (只有工作人员看得到, 没有通知任何人)。`, detail: {} };
      }
    }
  }

  return api;
}

function notFound(c: Context, id: number) {
  return jsonError(c, 404, "not_found", `没有找到工单 #${id}, 请核对编号。`);
}

/** The domain's refusals, in words for the page (the chat's words where they fit staff). */
function explain(
  err: LinliError,
  action: Action,
  id: number,
  input: Record<string, unknown>,
): { status: number; code: string; message: string } | null {
  const t = err.details.ticket as Ticket | undefined;
  const said = typeof err.details.say === "string" ? err.details.say : null;
  switch (err.code) {
    case "ticket_not_found": {
      const missing = Number(err.details.id ?? id);
      return { status: 404, code: "not_found", message: `没有找到工单 #${missing}, 请核对编号。` };
    }
    case "bad_state":
      if (said) return { status: 409, code: "bad_state", message: said };
      if (action === "extend" && t) return { status: 409, code: "bad_state", message: followUpReplies.notRunning(t) };
      return {
        status: 409,
        code: "bad_state",
        message: t
          ? `#${t.id} 现在是「${statusLabels[t.status]}」, 不能${String(err.details.action ?? "这样做")}。请刷新页面看最新状态。`
          : "工单状态已经变了, 请刷新页面看最新状态。",
      };
    case "bad_input":
      if (said) return { status: 400, code: "bad_input", message: said };
      if (action === "extend") return { status: 400, code: "bad_input", message: followUpReplies.extendInPast() };
      return { status: 400, code: "bad_input", message: "输入的内容不对, 请检查后再试。" };
    case "not_found":
      if (action === "assign") {
        const name = String(input.volunteer ?? "");
        return {
          status: 400,
          code: "not_volunteer",
          message: err.details.notVolunteer
            ? errorReplies.assignee_not_volunteer(name)
            : `志愿者群里没有「${name}」, 请从列表中选择。`,
        };
      }
      return null;
    default:
      return null;
  }
}
