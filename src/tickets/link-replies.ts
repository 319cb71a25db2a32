// Words about reports linked to one ticket (the same building-wide problem), withdrawn
// reports and planned outages. Residents: warm, short, plain. Staff: precise.
import { toChinaTime } from "../text/china-time.js";
import { summarize } from "./mask.js";
import { formatLocation } from "./ticket-replies.js";
import type { Ticket } from "./ticket.js";

const outageNames = { water: "停水", power: "停电", gas: "停气" } as const;
export type OutageKind = keyof typeof outageNames;

function clock(d: Date): string {
  const c = toChinaTime(d);
  return `${c.hour}:${String(c.minute).padStart(2, "0")}`;
}

function day(d: Date, now: Date): string {
  const a = toChinaTime(d);
  const b = toChinaTime(now);
  if (a.year === b.year && a.month === b.month && a.day === b.day) return "今天";
  return `${a.month}月${a.day}日`;
}

/** `今天 8:00-18:00`, or `12月8日 22:00 至 12月9日 6:00` across midnight. */
function span(from: Date, to: Date, now: Date): string {
  const sameDay = day(from, to) === "今天";
  return sameDay
    ? `${day(from, now)} ${clock(from)}-${clock(to)}`
    : `${day(from, now)} ${clock(from)} 至 ${day(to, now)} ${clock(to)}`;
}

export const linkReplies = {
  /** To a resident whose report was linked to the first one. */
  merged: (into: Ticket) => `已合并到 #${into.id}, 和您反映的是同一件事, 办好了一起告诉您。`,
  /** To the volunteers (or the claimer): one short note, however many reports came in the hour. */
  moreReports: (into: Ticket, reports: number) =>
    `#${into.id} (${formatLocation(into)}) 又有居民反映了同一件事, 现在一共 ${reports} 位居民反映。已自动合并, 不用另接单。`,
  /** To a linked reporter, when the first ticket is finished. */
  doneAskRating: (report: Ticket, into: Ticket) =>
    `您反映的 #${report.id} 和 #${into.id} 是同一件事, 志愿者 ${into.volunteerName ?? ""} 说已经办好了${into.note ? `(${summarize(into.note, 30)})` : ""}。您满意吗? 请回复「满意」「不满意」或 1-5 分。`,
  /** To a linked reporter, when staff close the first ticket as solved. */
  closed: (report: Ticket, into: Ticket) =>
    `您反映的 #${report.id} 和 #${into.id} 是同一件事, 社区已经办结: ${into.closeReason || "无说明"}。有问题随时再说。`,
  /** The claimer learns how many residents were told. */
  doneThanksMany: (t: Ticket, others: number) =>
    `#${t.id} 已记为完成, 辛苦了! 同一件事的 ${others + 1} 位居民都已告知, 并请他们评价。`,
  splitToResident: (t: Ticket) => `#${t.id} 社区看过了, 您这件事单独登记处理, 正在安排志愿者, 有进展会告诉您。`,
  splitForStaff: (t: Ticket, from: number) => `#${t.id} 已从 #${from} 拆出, 单独成单, 任务卡已发到志愿者群。`,
  notLinked: (t: Ticket) => `#${t.id} 没有合并到别的工单, 不用拆分。`,
  cannotSplit: (t: Ticket) => `#${t.id} 已经办好或已评价, 不能再拆分。`,
  mergedForStaff: (t: Ticket, into: Ticket) =>
    `#${t.id} 已并入 #${into.id} (不计入办结), 已告知居民, #${into.id} 办好时一起通知。`,
  mergedToClaimer: (t: Ticket, into: Ticket) => `#${t.id} 已并入 #${into.id} 一起处理, 您不用单独跑了, 谢谢!`,
  cannotMerge: (t: Ticket) => `#${t.id} 现在不能合并 (已办好或已关闭)。`,
  mergeSame: () => "合并要写两个不同的编号, 比如: 合并 3 5 (把 #5 并入 #3)。",
  withdrawn: (t: Ticket) => `好的, #${t.id} 已撤销, 不用担心了。以后有事随时在群里说。`,
  withdrawnToClaimer: (t: Ticket) => `#${t.id} (${formatLocation(t)}) 居民说不用了, 已撤销, 您不用跑了, 谢谢您!`,
  withdrawnCarriesOn: (t: Ticket, heir: Ticket) =>
    `#${t.id} 的居民说不用了, 但同一件事还有居民反映 (#${heir.id}), 请接着按 #${heir.id} 处理, 办好后回复「完成 ${heir.id} 备注」。`,
  withdrawWhich: (open: Ticket[]) =>
    [
      "您有几件事还在办, 是哪一件不用了呢?",
      ...open.map((t) => `#${t.id} ${summarize(t.text, 16)}`),
      `回复「撤销 编号」就行, 比如: 撤销 ${open[0]?.id ?? 12}`,
    ].join("\n"),
  notYours: (id: number) => `#${id} 不是您登记的事项, 只有登记的居民可以撤销。`,
  nothingToWithdraw: () => "您现在没有正在办的事项, 不用撤销。",
  cannotWithdraw: (t: Ticket) => `#${t.id} 已经办好或已关闭, 不用撤销了。`,
  /** A report during an announced outage: what and until when, no ticket. */
  outageAnswer: (kind: OutageKind, place: string, startsAt: Date, endsAt: Date, now: Date) =>
    `社区已经通知过: ${place} ${span(startsAt, endsAt, now)} 计划${outageNames[kind]}, 预计 ${clock(endsAt)} 恢复。到时候还没恢复, 请再跟我说一声。`,
  /** Privately to the staff member whose message was read as an outage notice. */
  noticeRecorded: (kind: OutageKind, place: string, startsAt: Date, endsAt: Date, now: Date) =>
    `已记下计划${outageNames[kind]}: ${place} ${span(startsAt, endsAt, now)}。期间居民来报, 直接告知, 不开工单 (坚持要报或紧急的照常登记)。`,
};
