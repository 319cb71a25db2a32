// Every word about tickets that people read. Residents: warm, short, plain. Staff: precise.
import { toChinaTime } from "../text/china-time.js";
import { emergencySituation } from "../understand/emergency-situation.js";
import { type Category, categoryNames } from "../understand/taxonomy.js";
import { dutyPhoneLine, emergencyAdvice } from "./emergency-replies.js";
import { placeOf } from "./infer-place.js";
import { maskName, maskPhones, summarize, withoutPhones } from "./mask.js";
import { pipelineReplies } from "../pipeline/pipeline-replies.js";
import { limitsStart, type Ticket, type TicketStatus } from "./ticket.js";

const statusNames: Record<TicketStatus, string> = {
  open: "等待志愿者接单",
  claimed: "志愿者已接单, 正在处理",
  done: "已办好, 等您评价",
  closed: "已办结",
};

/**
 * A ticket closed as a duplicate is still being handled (with the same report) until that one
 * is finished; a withdrawn one is the resident's own decision, not 办结.
 */
function statusOf(t: Ticket): string {
  if (t.status === "closed" && t.closeKind === "withdrawn") return "已撤销";
  if (t.status === "closed" && t.closeKind === "duplicate" && t.doneAt === null) return "和同一件事一起处理中";
  return statusNames[t.status];
}

/** Staff read a ticket's state in their own terms. */
const staffStatusNames: Record<TicketStatus, string> = {
  open: "待认领",
  claimed: "处理中",
  done: "已完成待评价",
  closed: "已关闭",
};

/** How long since `from`: 25分钟, 3小时, 2天5小时. */
export function formatAge(from: Date, now: Date): string {
  return formatDuration(now.getTime() - from.getTime());
}

/** A span of time as staff read it: 25分钟, 3小时, 2天5小时. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}小时`;
  return `${Math.floor(hours / 24)}天${hours % 24 ? `${hours % 24}小时` : ""}`;
}

/**
 * A ticket as the lists, reminders and 日清 show it: `reopenedAt`, when staff last reopened it, if
 * ever. Its age counts from then, as its limits do (`limitsStart`), and says so.
 */
export type Aged = Ticket & TicketAge;
type TicketAge = Pick<Ticket, "createdAt"> & { reopenedAt?: Date | null };

const wasReopened = (t: TicketAge) => limitsStart(t) > t.createdAt;

/** Staff's 已登记 column: 3小时, or 重新打开已3小时. */
function listedAge(t: TicketAge, now: Date): string {
  return `${wasReopened(t) ? "重新打开已" : ""}${formatAge(limitsStart(t), now)}`;
}

/** 已登记3小时, or 重新打开已3小时. */
export function registeredAge(t: TicketAge, now: Date): string {
  return `${wasReopened(t) ? "重新打开已" : "已登记"}${formatAge(limitsStart(t), now)}`;
}

/** 已等3小时, or 重新打开后已等3小时. */
export function waitedAge(t: TicketAge, now: Date): string {
  return `${wasReopened(t) ? "重新打开后" : ""}已等${formatAge(limitsStart(t), now)}`;
}

function contactDetails(t: Ticket): string[] {
  return [
    `居民: ${t.residentName}${t.roomTopic ? ` (${t.roomTopic})` : ""}`,
    `电话: ${t.phone ?? "未留, 可在群里联系"}`,
    `地点: ${formatLocation(t)}`,
    `内容: ${t.text.slice(0, 500)}`,
    `办好后回复「完成 ${t.id} 备注」。`,
  ];
}

export function formatLocation(t: Pick<Ticket, "building" | "unit" | "room"> & { roomTopic?: string | null }): string {
  const p = placeOf({ roomTopic: null, ...t });
  const parts = [p.building && `${p.building}号楼`, p.unit && `${p.unit}单元`, p.room && `${p.room}室`].filter(Boolean);
  if (!parts.length) return "未说明";
  if (!p.inferred) return parts.join("");
  return `${parts.join("")} (${parts.length > 1 ? "楼号" : ""}按所在群推断)`;
}

function categoryName(c: Category): string {
  return categoryNames[c];
}

function formatTime(d: Date): string {
  const c = toChinaTime(d);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${c.month}月${c.day}日 ${p(c.hour)}:${p(c.minute)}`;
}

export const ticketReplies = {
  acknowledged: (t: Ticket, dutyPhone?: string) =>
    t.urgency === "urgent"
      ? `收到, 这事要紧, 已经登记为 #${t.id}, 马上通知社区和志愿者。${emergencyAdvice[emergencySituation(t.text)]}${dutyPhoneLine(dutyPhone)}`
      : `您好, 您反映的事已经登记了, 编号 #${t.id}。我们会尽快安排志愿者来处理, 有进展会告诉您。想看进度就发「进度 ${t.id}」。`,
  alreadyRegistered: (t: Ticket) =>
    t.status === "claimed"
      ? `这件事已经登记为 #${t.id}, 志愿者 ${t.volunteerName} 正在处理, 请再耐心等一等。`
      : `这件事已经登记为 #${t.id} 了, 正在安排志愿者, 请再耐心等一等。想看进度发「进度 ${t.id}」。`,
  taskCard: (t: Ticket) =>
    [
      `${t.urgency === "urgent" ? "【紧急】" : ""}新任务 #${t.id}  ${categoryName(t.category)}`,
      `地点: ${formatLocation(t)}`,
      `内容: ${summarize(t.text)}`,
      `居民: ${maskName(t.residentName)}${t.phone ? `  电话: ${maskPhones(t.phone)}` : ""}`,
      `回复「认领 ${t.id}」接单`,
    ].join("\n"),
  urgentAlert: (t: Ticket) =>
    `【紧急工单 #${t.id}】${categoryName(t.category)} | ${formatLocation(t)} | ${t.roomTopic ?? "私聊"} ${t.residentName}: ${summarize(t.text, 80)}`,
  claimedInGroup: (t: Ticket) => `#${t.id} 已由 ${t.volunteerName} 认领, 谢谢!`,
  claimerContact: (t: Ticket) => [`您认领了 #${t.id} (${categoryName(t.category)})。`, ...contactDetails(t)].join("\n"),
  assignedToYou: (t: Ticket, by: string) =>
    [`${by}请您处理 #${t.id} (${categoryName(t.category)})。`, ...contactDetails(t)].join("\n"),
  volunteerComing: (t: Ticket) =>
    `#${t.id} 有人接了: 志愿者 ${t.volunteerName} 会来帮您${t.phone ? ", 请保持电话畅通" : ""}。`,
  volunteerGaveUp: (t: Ticket) =>
    `#${t.id} 原来的志愿者临时来不了, 我们正在另找一位志愿者, 找到了马上告诉您, 请再稍等一下。`,
  alreadyClaimed: (t: Ticket) => `${ticketReplies.alreadyClaimedPart(t)}, 谢谢您的热心!`,
  alreadyClaimedPart: (t: Ticket) => `#${t.id} 已经被 ${t.volunteerName ?? "其他志愿者"} 认领了`,
  /** Several residents' requests in one group, acknowledged in one message that @-mentions each. */
  mergedAcks: (parts: string[]) =>
    `您好, 大家反映的事都登记了: ${parts.join("、")}。我们会尽快安排志愿者来处理, 有进展会告诉您。想看进度就发「进度 编号」。`,
  mergedCards: (parts: string[]) => [`新任务 ${parts.length} 件, 回复「认领 编号」接单:`, ...parts].join("\n\n"),
  mergedClaimed: (parts: string[]) => `${parts.join("; ")}。谢谢大家的热心!`,
  mergedRepeats: (parts: string[]) =>
    `${parts.join("、")}: 这些事都已经登记了, 正在安排志愿者, 请再耐心等一等。想看进度就发「进度 编号」。`,
  foldedBurst: (t: Ticket) =>
    `您刚才发的几件事我们都记下了, 一起放在 #${t.id} 里, 工作人员会逐条看, 不用再重复发啦。想看进度就发「进度 ${t.id}」。`,
  alreadyYours: (t: Ticket) => `#${t.id} 已经是您认领的了。`,
  released: (t: Ticket, by: string) => `${by} 放弃了 #${t.id}, 任务重新开放:`,
  doneAskRating: (t: Ticket) =>
    `#${t.id} 志愿者 ${t.volunteerName ?? ""} 说已经办好了${t.note ? `(${summarize(t.note, 30)})` : ""}。您满意吗? 请回复「满意」「不满意」或 1-5 分。`,
  doneThanks: (t: Ticket) => `#${t.id} 已记为完成, 辛苦了! 已请居民评价。`,
  ratedThanks: (t: Ticket) =>
    t.ratingLabel === "unsatisfied"
      ? `对不起没让您满意。#${t.id} 已转给社区工作人员${t.ratingComment ? ", 您说的情况也一并转过去了" : ""}, 会尽快再联系您。`
      : `谢谢您的评价${t.ratingComment ? "和留言" : ""}! #${t.id} 已办结。有事随时在群里说。`,
  ratingUnclear: (_t: Ticket) => "您是满意还是不满意呢? 回复「满意」「不满意」或 1-5 分就行。",
  /** On the timeline, why a ticket rated 不满意 was reopened when staff gave it to someone (指派). */
  reopenedUnsatisfied: () => "居民评价不满意, 重新处理",
  unsatisfiedAlert: (t: Ticket) =>
    `【居民不满意】#${t.id} ${categoryName(t.category)} | ${formatLocation(t)} | 居民 ${t.residentName} 评 ${t.rating} 分${t.ratingComment ? `, 留言: 「${summarize(t.ratingComment, 120)}」` : ""}, 志愿者 ${t.volunteerName ?? "-"}。可「指派 ${t.id} @某人」重新处理。`,
  closedNotice: (t: Ticket) => `#${t.id} 已由社区办结: ${t.closeReason || "无说明"}。有问题随时再说。`,
  /** Privately to the volunteer who held a ticket staff closed: they need not go. No resident's details. */
  closedToClaimer: (t: Ticket) => {
    const text = withoutPhones(t.text);
    const place = formatLocation(t);
    // The place once: most reports start with it ("3号楼2单元楼道灯坏了").
    const what = [text.includes(place) ? "" : place, summarize(text, 16)].filter((s) => s && s !== "未说明");
    const why = t.closeReason ? `, 原因: ${summarize(withoutPhones(t.closeReason), 60)}` : "";
    return `#${t.id}${what.length ? ` (${what.join(" ")})` : ""} 已由社区工作人员关闭${why}。您不用再去处理了, 辛苦您了!`;
  },
  duplicateNotice: (t: Ticket) =>
    `#${t.id} 您反映的事和已经登记的是同一件, 社区正在一起处理, 还没办完。有进展会告诉您, 想看进度随时发「进度 ${t.id}」。`,
  closedForStaff: (t: Ticket) => {
    const claimer = claimerOfClosed(t);
    const told = claimer ? ` 已私信告诉志愿者 ${claimer} 不用再去了。` : "";
    return t.closeKind === "duplicate"
      ? `#${t.id} 已作为重复关闭 (不计入办结), 已告知居民正在一并处理。${told}`
      : `#${t.id} 已关闭。${told}`;
  },
  assignedForStaff: (t: Ticket) => `#${t.id} 已指派给 ${t.volunteerName}。`,
  myTickets: (tickets: Ticket[]) =>
    tickets.length === 0
      ? "您还没有登记过事项。有事直接在群里说就行。"
      : ["您的事项:", ...tickets.map((t) => `#${t.id} ${summarize(t.text, 16)} —— ${statusOf(t)}`)].join("\n"),
  myTicketsInGroup: (tickets: Ticket[], elsewhere: number) => {
    const more = elsewhere > 0 ? `其他地方登记的 ${elsewhere} 件, 请私聊我发「我的工单」查看。` : "";
    if (tickets.length === 0) return `您在本群还没有登记过事项。${more}`;
    return [
      "您在本群登记的事项:",
      ...tickets.map((t) => `#${t.id} ${summarize(t.text, 16)} —— ${statusOf(t)}`),
      ...(more ? [more] : []),
    ].join("\n");
  },
  myTasks: (tickets: Ticket[]) =>
    tickets.length === 0
      ? "您手上现在没有任务。发「任务」看看有哪些可以接。"
      : [
          `您手上的任务 ${tickets.length} 件:`,
          ...tickets.map(
            (t) => `#${t.id} ${categoryName(t.category)} | ${formatLocation(t)} | ${summarize(t.text, 20)}`,
          ),
          "办好后回复「完成 编号 备注」, 来不了回复「放弃 编号」。",
        ].join("\n"),
  openTasks: (tickets: Aged[], now: Date) =>
    tickets.length === 0
      ? "现在没有等人接的任务, 谢谢您!"
      : [
          `等人接的任务 ${tickets.length} 件 (最早的在前):`,
          ...tickets.map(
            (t) =>
              `${t.urgency === "urgent" ? "【紧急】" : ""}#${t.id} ${categoryName(t.category)} | ${formatLocation(t)} | ${summarize(t.text, 20)} | 居民 ${maskName(t.residentName)} | ${waitedAge(t, now)}`,
          ),
          "回复「认领 编号」接单。",
        ].join("\n"),
  tasksElsewhere: () => "任务请在志愿者群里或私聊我查看哦。",
  progressPrivateOnly: (id: number) => `#${id} 不是在本群登记的, 请私聊我发「进度 ${id}」查看。`,
  progress: (t: Ticket, twin: Ticket | null = null) =>
    [
      `#${t.id} ${summarize(t.text, 24)}`,
      `状态: ${statusOf(t)}`,
      twin ? `同一件事 #${twin.id}: ${statusOf(twin)}` : null,
      t.volunteerName ? `志愿者: ${t.volunteerName}` : null,
      t.rating ? `评价: ${t.rating} 分${t.ratingComment ? ` 「${summarize(t.ratingComment, 60)}」` : ""}` : null,
      `登记时间: ${formatTime(t.createdAt)}`,
    ]
      .filter(Boolean)
      .join("\n"),
  openList: (tickets: Aged[], overdue: (t: Ticket) => boolean, now: Date) =>
    tickets.length === 0
      ? "目前没有未办结的工单。"
      : [
          `未办结工单 ${tickets.length} 件 (最早的在前; 编号 类别 地点 内容 | 状态 | 已登记):`,
          ...tickets.map(
            (t) =>
              `${overdue(t) ? "⚠超时 " : ""}#${t.id} [${categoryName(t.category)}${t.urgency === "urgent" ? "·紧急" : ""}] ${formatLocation(t)} ${summarize(t.text, 20)} | ${staffStatusNames[t.status]}${t.volunteerName ? ` (${t.volunteerName})` : ""} | ${listedAge(t, now)}`,
          ),
        ].join("\n"),
  autoClosedUnrated: (t: Ticket) => `#${t.id} 已办结 (未收到评价)。如还有问题, 随时在群里说。`,
};

/** Error codes to the words a person reads. */
export const errorReplies = {
  ticket_not_found: (id: number) => `没有找到 #${id}, 请核对编号。`,
  forbidden_volunteer: () => "这个操作只有志愿者群的成员可以做哦。",
  forbidden_staff: () => "这个操作需要社区工作人员来做, 您有事可以直接在群里说。",
  not_claimer: (t: Ticket) => `#${t.id} 是 ${t.volunteerName ?? "其他志愿者"} 认领的, 只有认领人可以操作。`,
  not_yours: (id: number) => `#${id} 不是您登记的事项, 看不了进度哦。`,
  bad_state: (t: Ticket, action: string) => `#${t.id} 现在是「${statusOf(t)}」, 不能${action}。`,
  malformed: (verb: string, example: string) => `「${verb}」后面要写工单编号, 比如: ${example}`,
  assignee_not_found: (name: string) => `没找到「${name}」, 请在指派时 @ 对方, 比如: 指派 12 @张师傅`,
  assignee_not_volunteer: (name: string) => `「${name}」不在志愿者群里, 只能指派给志愿者群的成员。`,
  too_many_claims: (limit: number) =>
    `您这一小时已经认领了 ${limit} 件, 先把手上的办好吧。过一会儿再来认领, 或请社区工作人员指派。`,
  staff_elsewhere: () => "这个要在工作群里或私聊我查看, 居民群里不方便公开大家的事项。",
  nothing_to_rate: () => "您现在没有需要评价的事项。",
  internal: pipelineReplies.internal,
};

/**
 * The volunteer a closed ticket was with, unfinished, when staff closed it (and who was told so), or
 * null. Reopening clears the volunteer and doneAt, so a closed ticket with a volunteer, a claim and no
 * finish was closed while claimed.
 */
export function claimerOfClosed(t: Pick<Ticket, "status" | "volunteerName" | "claimedAt" | "doneAt">): string | null {
  return t.status === "closed" && t.volunteerName && t.claimedAt && !t.doneAt ? t.volunteerName : null;
}
