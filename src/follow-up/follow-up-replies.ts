// Every word follow-up sends. Residents: warm, short, plain. Volunteers and staff: precise.
import type { Actor } from "../core/types.js";
import { toChinaTime } from "../text/china-time.js";
import type { Ticket } from "../tickets/ticket.js";
import { type Aged, formatLocation, registeredAge, waitedAge } from "../tickets/ticket-replies.js";
import { summarize } from "../tickets/mask.js";
import { categoryNames } from "../understand/taxonomy.js";

export function formatWhen(d: Date): string {
  const c = toChinaTime(d);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${c.month}月${c.day}日 ${p(c.hour)}:${p(c.minute)}`;
}

const head = (t: Ticket) =>
  `#${t.id} ${t.urgency === "urgent" ? "【紧急】" : ""}${categoryNames[t.category]} | ${formatLocation(t)} | ${summarize(t.text, 30)}`;

const task = (t: Ticket, staffReply: boolean) => (staffReply ? "答复" : t.status === "open" ? "认领" : "办好");

export const followUpReplies = {
  /** Volunteers' room (staff room for a staff reply): a limit is near. */
  nearRespond: (t: Aged, now: Date, dueAt: Date, staffReply: boolean) =>
    staffReply
      ? `【待答复】${head(t)}\n${registeredAge(t, now)}, 请在 ${formatWhen(dueAt)} 前答复居民 (「进展 ${t.id} 说明」)。`
      : `【催办】${head(t)}\n${waitedAge(t, now)}还没人接, 请在 ${formatWhen(dueAt)} 前认领。回复「认领 ${t.id}」接单。`,
  nearFinish: (t: Aged, now: Date, dueAt: Date) =>
    t.status === "claimed"
      ? `【催办】${head(t)}\n${t.volunteerName} 已接单, ${registeredAge(t, now)}, 请在 ${formatWhen(dueAt)} 前办好。办好回复「完成 ${t.id} 备注」, 有进展回复「进展 ${t.id} 说明」。`
      : `【催办】${head(t)}\n${waitedAge(t, now)}仍无人处理, 应在 ${formatWhen(dueAt)} 前办好。回复「认领 ${t.id}」接单。`,
  /** Staff room: a limit has passed. */
  overdue: (t: Aged, now: Date, dueAt: Date, staffReply: boolean) =>
    `【督办】${head(t)}\n已超时: 应在 ${formatWhen(dueAt)} 前${task(t, staffReply)}, ${registeredAge(t, now)}, 现在${t.status === "claimed" ? `由 ${t.volunteerName} 处理中` : "无人认领"}。可「指派 ${t.id} @某人」或「延期 ${t.id} 原因 日期」。`,
  /** Privately to staff on duty: an urgent ticket has passed a limit. */
  overdueOnDuty: (t: Aged, now: Date) =>
    `您今天值班: 紧急工单 #${t.id} (${categoryNames[t.category]}, ${formatLocation(t)}) ${registeredAge(t, now)}仍未${t.status === "open" ? "有人认领" : "办好"}, 请马上跟进。`,
  /** The resident, once: it is being chased. */
  chased: (t: Ticket) =>
    `#${t.id} 您反映的事我们一直记着, 已经请社区工作人员督促加快办理, 给您添麻烦了, 请再稍等一下。`,
  /** The claimer, privately, when nothing has moved for a while. */
  stillOn: (t: Ticket) =>
    `还在处理吗? #${t.id} (${formatLocation(t)} ${summarize(t.text, 20)}) 有一阵没有进展了。回复「进展 ${t.id} 说明」或「放弃 ${t.id}」。`,
  releasedToClaimer: (t: Ticket) =>
    `#${t.id} 一直没收到您的回复, 已先放回任务池请别的志愿者接手。您辛苦了, 有空还可以再接。`,
  releasedInGroup: (t: Ticket, by: string) => `#${t.id} ${by} 长时间没有进展, 任务重新开放:`,
  ratingReminder: (t: Ticket) =>
    `#${t.id} 的事办好了, 您觉得怎么样? 方便的话回复「满意」「不满意」或 1-5 分, 我们好改进。`,
  unsatisfiedNear: (t: Ticket, dueAt: Date) =>
    `【回访待办】#${t.id} 居民评了不满意, 请在 ${formatWhen(dueAt)} 前回访 (「进展 ${t.id} 已电话回访…」或「指派 ${t.id} @某人」)。`,
  unsatisfiedOverdue: (t: Ticket, dueAt: Date) =>
    `【督办·回访超时】#${t.id} 居民评了不满意, 应在 ${formatWhen(dueAt)} 前回访, 至今没有跟进。可「指派 ${t.id} @某人」。`,
  unsatisfiedOnDuty: (t: Ticket) => `您今天值班: #${t.id} 居民不满意, 回访已超时, 请跟进。`,
  progressToResident: (t: Ticket, note: string) => `#${t.id} 有新进展: ${summarize(note, 80)}。办好了会再告诉您。`,
  progressNoted: (t: Ticket) => `#${t.id} 进展已记下, 已告诉居民。`,
  extendedToResident: (t: Ticket, reason: string, dueAt: Date) =>
    `#${t.id} 因为${summarize(reason, 40)}, 需要多一点时间, 预计 ${formatWhen(dueAt)} 前办好。给您添麻烦了, 有进展会马上告诉您。`,
  extendedForStaff: (t: Ticket, dueAt: Date) => `#${t.id} 时限已延至 ${formatWhen(dueAt)}, 原因已记录, 已告知居民。`,
  dutySet: (people: Actor[]) => `值班已设为: ${people.map((p) => p.name).join("、")}。紧急工单超时会私信提醒。`,
  dutyShow: (people: Actor[]) =>
    people.length === 0
      ? "现在没有设值班人员。发「值班 @某人」设置。"
      : `现在值班: ${people.map((p) => p.name).join("、")}。换人发「值班 @某人」。`,
  dutyNoMention: () => "请 @ 值班的人, 比如: 值班 @赵书记",
  progressMalformed: () => "请写明进展, 比如: 进展 12 已联系物业, 明天上午来修",
  extendMalformed: () => "请写明原因和日期, 比如: 延期 12 等配件 10月8日",
  extendInPast: () => "延期的日期要在今天之后哦。",
  notYoursToUpdate: (t: Ticket) =>
    `#${t.id} 是 ${t.volunteerName ?? "别人"} 在处理, 只有处理人或社区工作人员可以写进展。`,
  notRunning: (t: Ticket) => `#${t.id} 已经办结了, 不用再写进展或延期。`,
  staffOnly: () => "这个操作需要社区工作人员来做。",
  notFound: (id: number) => `没有找到 #${id}, 请核对编号。`,
};
