// Words of the staff console's ticket pages: each timeline event as staff read it (precise), and
// what residents and volunteers are told when staff reopen a ticket (warm, short, plain).
import { toChinaTime } from "../text/china-time.js";
import { summarize } from "./mask.js";
import type { Ticket, TicketEvent } from "./ticket.js";
import { formatLocation } from "./ticket-replies.js";

const who = (e: TicketEvent, fallback = "系统") => e.actorName ?? fallback;
const quoted = (text: string | null, max = 200) => (text ? `「${summarize(text, max)}」` : "");

/** `11月20日 10:05`, China time. */
export function formatWhen(d: Date): string {
  const c = toChinaTime(d);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${c.year}年${c.month}月${c.day}日 ${p(c.hour)}:${p(c.minute)}`;
}

/** A rating event's note is `4` or `4 留言`. */
function ratingText(note: string | null): string {
  const m = /^(\d)(?:\s+([\s\S]*))?$/.exec(note ?? "");
  if (!m) return note ?? "";
  return `${m[1]} 分${m[2] ? `, 留言${quoted(m[2])}` : ""}`;
}

/** One timeline event in staff's words. `ticket` is the ticket the timeline belongs to. */
export function describeEvent(e: TicketEvent, ticket: Ticket): string {
  switch (e.type) {
    case "created":
      return `居民 ${who(e, ticket.residentName)} 反映${quoted(ticket.text, 500)}, 登记为 #${ticket.id}`;
    case "claimed":
      return `志愿者 ${who(e)} 认领`;
    case "released":
      return `${who(e)} 放弃认领, 任务重新开放`;
    case "assigned":
      return `${who(e)} 指派给 ${e.note ?? "志愿者"}`;
    case "done":
      return /^#\d+$/.test(e.note ?? "")
        ? `随 ${e.note} 一起办好 (志愿者 ${who(e, "-")}), 已请居民评价`
        : `志愿者 ${who(e)} 报完成${e.note ? `: ${summarize(e.note, 200)}` : ""}, 已请居民评价`;
    case "rated":
      return `居民 ${who(e)} 评价: ${ratingText(e.note)}`;
    case "closed":
      return e.actorId === null
        ? `系统关闭: ${e.note ?? "无说明"}`
        : `${who(e)} 关闭${e.note ? `: ${summarize(e.note, 200)}` : " (无说明)"}`;
    case "escalated":
      return `督办: ${e.note ?? "已报社区"}`;
    case "location_asked":
      return "系统询问居民具体地点";
    case "located":
      return `居民 ${who(e)} 补充地点: ${e.note ?? ""}`;
    case "reminded":
      return `提醒: ${e.note ?? ""}`;
    case "checked":
      return e.note ?? "已私信询问认领人进展";
    case "progress":
      return `${who(e)} 记录进展: ${summarize(e.note ?? "", 200)}`;
    case "extended":
      return `${who(e)} 延期: ${e.note ?? ""}`;
    case "merged":
      return e.actorId === null ? `同一件事, 自动并入 ${e.note}` : `${who(e)} 并入 ${e.note}`;
    case "split":
      return e.note?.includes("撤销") ? `接续处理: ${e.note}` : `${who(e)} 拆分, 单独成单 (原并入 ${e.note})`;
    case "report_added":
      return `又有居民反映同一件事: ${e.note} 已并入本单`;
    case "folded":
      return `居民 ${who(e)} 接着说${quoted(e.note)} (记在本单)`;
    case "repeated":
      return `居民 ${who(e)} 再次反映${quoted(e.note)}`;
    case "reopened":
      return `${who(e)} 重新打开${e.note ? `: ${summarize(e.note, 200)}` : ""}`;
    case "noted":
      return `${who(e)} 内部备注 (居民看不到): ${e.note ?? ""}`;
    default:
      return e.note ?? e.type;
  }
}

export const boardReplies = {
  /** To the resident: staff opened their ticket again. */
  reopenedToResident: (t: Ticket) =>
    `#${t.id} 社区重新打开了这件事, 会再安排志愿者来处理, 有进展会告诉您。想看进度就发「进度 ${t.id}」。`,
  /** Privately to the volunteer who had it: it is back in the pool. */
  reopenedToVolunteer: (t: Ticket, reason: string) =>
    `#${t.id} (${formatLocation(t)}) 社区重新打开了${reason ? `, 原因: ${summarize(reason, 80)}` : ""}。任务已重新发到志愿者群。`,
  /** To the volunteers' room, before the card. */
  reopenedInGroup: (t: Ticket) => `#${t.id} 社区重新打开, 需要有人再去看看:`,
  /** Privately to the volunteer who held a ticket staff gave to someone else. */
  reassignedAway: (t: Ticket, by: string) =>
    `${by}已把 #${t.id} (${formatLocation(t)}) 改派给 ${t.volunteerName}, 您不用再跑了, 谢谢您!`,
  cannotReopen: (t: Ticket) => `#${t.id} 还在办理中, 不用重新打开。`,
  reopenLinked: (t: Ticket) =>
    `#${t.id} 是并入 #${t.mergedIntoId} 的同一件事, 请重新打开 #${t.mergedIntoId}; 要单独处理请先拆分。`,
  emptyNote: () => "备注不能为空。",
  noteTooLong: (max: number) => `备注最多 ${max} 字。`,
};
