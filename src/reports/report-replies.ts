// Every word of the 日清 and 周议 reports. Staff read them: precise, short, figures first.
import { formatChinaDate, toChinaDate, toChinaTime } from "../text/china-time.js";
import { summarize } from "../tickets/mask.js";
import { formatAge, formatDuration, formatLocation, waitedAge } from "../tickets/ticket-replies.js";
import { categoryNames } from "../understand/taxonomy.js";
import { endedAs, type Rate } from "./compute-rates.js";
import type { ReportTicket, WaitingHandover } from "./report-store.js";
import type { DaySummary, Overdue } from "./summarize-day.js";
import type { WeekSummary } from "./summarize-week.js";

const MAX_LISTED = 8;

const missedNames: Record<Overdue["missed"], string> = { claim: "未认领", reply: "未答复", finish: "未办结" };

/** `85% (17/20)`; `—` when there is nothing to count. */
export function formatRate(r: Rate): string {
  if (r.den === 0) return "—";
  return `${Math.round((r.num / r.den) * 100)}% (${r.num}/${r.den})`;
}

function listSome<T>(items: readonly T[], show: (t: T) => string): string {
  const shown = items.slice(0, MAX_LISTED).map(show).join("、");
  return items.length > MAX_LISTED ? `${shown} 等${items.length}件` : shown;
}

function hhmm(d: Date): string {
  const t = toChinaTime(d);
  return `${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
}

/** What became of an urgent ticket, in staff's terms. */
function outcome(t: ReportTicket): string {
  const ended = endedAs(t);
  if (ended === "merged") return "已合并到同一件事";
  if (ended === "withdrawn") return "居民已撤销";
  if (t.status === "open") return "待认领";
  if (t.status === "claimed") return `处理中(${t.volunteerName ?? "-"})`;
  if (t.status === "done") return `已完成(${t.volunteerName ?? "-"}), 待评价`;
  return t.rating !== null ? `已办结, 评${t.rating}分` : "已办结";
}

export const reportReplies = {
  daily(s: DaySummary, now: Date): string {
    const extra = [s.merged && `合并${s.merged}件`, s.withdrawn && `撤销${s.withdrawn}件`].filter(Boolean);
    const lines = [
      `【日清】${formatChinaDate(toChinaDate(s.range.from))} 截至${hhmm(now)}`,
      `新登记 ${s.opened} 件${extra.length ? `(其中${extra.join("、")})` : ""}, 今日办结 ${s.finished} 件`,
      `未办结: 待认领 ${s.waitingClaim} 件, 处理中 ${s.inHand} 件`,
      s.overdue.length
        ? `超时 ${s.overdue.length} 件: ${listSome(s.overdue, ({ ticket: t, missed, reopenedAt }) => `#${t.id}(${formatLocation(t)}, ${missedNames[missed]}, ${waitedAge({ createdAt: t.createdAt, reopenedAt }, now)})`)}`
        : "超时: 无",
      s.unrated.length ? `待评价 ${s.unrated.length} 件: ${listSome(s.unrated, (t) => `#${t.id}`)}` : "待评价: 无",
      s.urgent.length
        ? `紧急 ${s.urgent.length} 件: ${listSome(s.urgent, (t) => `#${t.id} ${outcome(t)}`)}`
        : "紧急: 无",
      s.handovers.length
        ? `待答复的居民咨询 ${s.handovers.length} 条: ${listSome(s.handovers, (h: WaitingHandover) => `#${h.id}(已等${formatAge(h.createdAt, now)})`)}`
        : "待答复的居民咨询: 无",
    ];
    return lines.join("\n");
  },

  weekly(s: WeekSummary, now: Date): string {
    const lastDay = new Date(Math.min(s.range.to.getTime(), now.getTime()) - 1);
    const monthName = `${toChinaDate(s.month.from).month}月至今`;
    const rate = (name: string, key: keyof WeekSummary["week"]) =>
      `${name}: 本周 ${formatRate(s.week[key])}, ${monthName} ${formatRate(s.monthSoFar[key])}`;
    const lines = [
      `【周议】${formatChinaDate(toChinaDate(s.range.from))}至${formatChinaDate(toChinaDate(lastDay))}`,
      `新登记 ${s.opened} 件, 办结 ${s.finished} 件`,
      s.byCategory.length
        ? `分类: ${s.byCategory.map((c) => `${categoryNames[c.category]} ${c.count}`).join("、")}`
        : "分类: 无",
      s.byBuilding.length
        ? `楼栋: ${s.byBuilding.map((b) => `${b.building ? `${b.building}号楼` : "未注明"} ${b.count}`).join("、")}`
        : "楼栋: 无",
      rate("响应率", "response"),
      rate("解决率", "resolution"),
      rate("满意率", "satisfaction"),
      s.slowest.length
        ? `用时最长: ${s.slowest
            .map(
              (x) =>
                `#${x.ticket.id} ${categoryNames[x.ticket.category]} ${formatLocation(x.ticket)} ${formatDuration(x.ms)}${x.finished ? "" : "(未办结)"}`,
            )
            .join("、")}`
        : "用时最长: 无",
      s.volunteers.length
        ? `感谢本周完成任务的志愿者: ${s.volunteers.map((v) => `${v.name} ${v.count} 件`).join("、")}, 辛苦了!`
        : "本周没有志愿者完成的任务。",
      s.repeats.length
        ? `重复问题(30天内同一地点同类3次及以上): ${s.repeats
            .map(
              (r) =>
                `${formatLocation({ building: r.building, unit: r.unit, room: null })} ${categoryNames[r.category]} ${r.tickets.length}次 (${r.tickets.map((t) => `#${t.id}`).join("、")}), 最近一次: ${summarize(r.tickets.at(-1)!.text, 16)}`,
            )
            .join("; ")}`
        : "重复问题: 无",
    ];
    return lines.join("\n");
  },

  notStaff: () => "日报和周报只发给社区工作人员, 请在社区工作群里发「日报」或「周报」。",
};
