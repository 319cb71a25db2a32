// 转人工 in the console: the questions the bot could not answer, waiting and answered, newest first;
// staff answer one here and the resident is told in WeChat by the same code as `回复 N` in chat
// (FaqService.reply), and with a tick the answer goes into the knowledge base in the same step.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { isLinliError } from "../../../core/errors.js";
import type { Handover } from "../../../faq/handover-store.js";
import { jsonError } from "../../json-error.js";
import { type ConsoleEnv, firstProblem, readJson } from "../console-routes.js";
import type { ConsoleServices } from "../console-services.js";

/** Longest answer the page takes: a few paragraphs in one WeChat message. */
export const maxAnswerChars = 1000;
const maxSearchChars = 50;
const pageSize = 30;

const listQuery = z.object({
  status: z
    .enum(["waiting", "answered", "all"], { message: "筛选只能是「等待答复」「已答复」或「全部」。" })
    .default("all"),
  q: z
    .string()
    .trim()
    .max(maxSearchChars, { message: `搜索的字太多了, 最多 ${maxSearchChars} 个字。` })
    .default(""),
  before: z.coerce
    .number({ message: "翻页的编号不对, 请刷新页面。" })
    .int({ message: "翻页的编号不对, 请刷新页面。" })
    .positive({ message: "翻页的编号不对, 请刷新页面。" })
    .optional(),
  limit: z.coerce
    .number({ message: "每页条数要在 1 到 100 之间。" })
    .int({ message: "每页条数要在 1 到 100 之间。" })
    .min(1, { message: "每页条数要在 1 到 100 之间。" })
    .max(100, { message: "每页条数要在 1 到 100 之间。" })
    .default(pageSize),
});

const answerBody = z.object({
  answer: z
    .string({ message: "请写上给居民的答复。" })
    .trim()
    .min(1, { message: "请写上给居民的答复。" })
    .max(maxAnswerChars, { message: `答复太长了 (最多 ${maxAnswerChars} 字), 请精简一些, 或分两次说。` }),
  addToKb: z.boolean({ message: "「同时加入知识库」的选择不对, 请刷新页面后再试。" }).default(false),
});

/** What the page shows of a hand-over: no WeChat ids, only names and words. */
export function handoverView(h: Handover) {
  return {
    id: h.id,
    question: h.question,
    askerName: h.askerName,
    /** The room's name, or 私聊 when asked privately. */
    where: h.roomTopic ?? "私聊",
    privateChat: h.roomId === null,
    status: h.status === "open" ? ("waiting" as const) : ("answered" as const),
    answer: h.answer,
    answeredBy: h.answeredBy,
    answeredAt: h.answeredAt?.toISOString() ?? null,
    createdAt: h.createdAt.toISOString(),
    kbEntryId: h.kbEntryId,
  };
}

function idOf(c: Context): number | null {
  const id = Number(c.req.param("id"));
  return Number.isSafeInteger(id) && id > 0 && id < 1e9 ? id : null;
}

export function handoversApi(s: ConsoleServices): Hono<ConsoleEnv> {
  const api = new Hono<ConsoleEnv>();

  api.get("/", async (c) => {
    const parsed = listQuery.safeParse(c.req.query());
    if (!parsed.success) return jsonError(c, 400, "bad_input", firstProblem(parsed.error));
    const q = parsed.data;
    const status = q.status === "waiting" ? "open" : q.status === "answered" ? "answered" : null;
    // One more than asked tells whether there is a next page.
    const [found, counts] = await Promise.all([
      s.faq.list({ status, text: q.q || null, beforeId: q.before ?? null, limit: q.limit + 1 }),
      s.faq.countByState(),
    ]);
    return c.json({
      items: found.slice(0, q.limit).map(handoverView),
      more: found.length > q.limit,
      counts: { waiting: counts.open, answered: counts.answered },
    });
  });

  api.get("/:id{[0-9]+}", async (c) => {
    const id = idOf(c);
    const h = id === null ? null : await s.faq.get(id);
    if (!h) return notFound(c, id);
    return c.json({ handover: handoverView(h) });
  });

  api.post("/:id{[0-9]+}/answer", async (c) => {
    const id = idOf(c);
    if (id === null) return notFound(c, id);
    const body = await readJson(c);
    if (!body) return jsonError(c, 400, "bad_input", "请求格式不对, 请刷新页面后再试。");
    const parsed = answerBody.safeParse(body);
    if (!parsed.success) return jsonError(c, 400, "bad_input", firstProblem(parsed.error));
    const staff = c.get("staff");
    try {
      const done = await s.faq.reply(staff, id, parsed.data.answer, { addToKb: parsed.data.addToKb });
      await s.audit(staff, "handover:answer", {
        handoverId: id,
        ...(done.saved ? { kbEntryId: done.saved.entryId } : {}),
      });
      return c.json({
        handover: handoverView(done.handover),
        kbEntryId: done.saved?.entryId ?? null,
        created: done.saved?.created ?? false,
      });
    } catch (err) {
      return refused(c, err, id);
    }
  });

  api.post("/:id{[0-9]+}/kb", async (c) => {
    const id = idOf(c);
    if (id === null) return notFound(c, id);
    const staff = c.get("staff");
    try {
      const saved = await s.faq.addToKb(staff, id);
      await s.audit(staff, "handover:add-to-kb", { handoverId: id, kbEntryId: saved.entryId });
      return c.json({ handover: handoverView(saved.handover), kbEntryId: saved.entryId, created: saved.created });
    } catch (err) {
      return refused(c, err, id);
    }
  });

  return api;
}

function notFound(c: Context, id: number | null) {
  return jsonError(c, 404, "not_found", id === null ? "没有这个居民咨询。" : `没有找到居民咨询 #${id}, 请核对编号。`);
}

/** The domain's refusals, in words for the page. */
function refused(c: Context, err: unknown, id: number) {
  if (!isLinliError(err)) throw err;
  if (err.code === "not_found") return notFound(c, id);
  if (err.code === "bad_state") {
    const known = err.details.handover as Handover | undefined;
    if (known)
      return jsonError(
        c,
        409,
        "already_answered",
        `居民咨询 #${id} 已由 ${known.answeredBy ?? "其他工作人员"} 答复过, 这次没有再转告居民。`,
        { handover: handoverView(known) },
      );
    return jsonError(c, 409, "not_answered", `居民咨询 #${id} 还没有答复, 请先写答复发给居民。`);
  }
  throw err;
}
