// Every sentence the bot says about broadcasts, in one place. Staff read these: precise,
// with the number to type next; residents only ever see the broadcasts themselves.

import { describeSchedule, formatChinaTime } from "./describe-schedule.js";
import type { BroadcastTarget } from "./parse-broadcast-targets.js";
import { findPlaceholders, PLACEHOLDERS, type RenderedBroadcast } from "./render-broadcast.js";
import { BROADCAST_EXAMPLES } from "./parse-broadcast-command.js";
import { nextRuns, type Schedule } from "./schedule.js";

/** A slot found too late to send, for the one message that tells staff. */
export interface MissedRun {
  broadcast: { id: number; schedule: Schedule | null; targets: readonly BroadcastTarget[] };
  slot: Date;
}

/** A praise note as staff review it. */
export interface PraiseLine {
  id: number;
  text: string;
  source: "thanks" | "staff";
  authorName: string;
  approved: boolean;
  reviewed: boolean;
}

/** What a reply needs to know about one stored broadcast. */
export interface BroadcastSummary {
  id: number;
  schedule: Schedule;
  targets: readonly BroadcastTarget[];
  content: string;
  paused: boolean;
}

const GROUP_WORDS = { residents: "所有居民群", volunteers: "所有志愿者群", all: "所有群" } as const;
const PREVIEW_CHARS = 30;
const MAX_TOPICS_SHOWN = 5;

export const broadcastReplies = {
  scheduled(b: BroadcastSummary, now: Date, warnings: readonly string[] = []): string {
    const runs = nextRuns(b.schedule, now, 3);
    const lines = [
      `好的，广播 #${b.id} 已安排。`,
      `时间：${describeSchedule(b.schedule)}`,
      `发往：${describeTargets(b.targets)}`,
      runs.length > 0 ? `接下来：${runs.map((r) => formatChinaTime(r, now)).join("、")}` : "这个时间之后不会再发送",
      `内容：${shorten(b.content)}`,
      ...warnings.map((w) => `注意：${w}`),
      ...placeholderWarnings(b.content),
      `预览发「预览广播 ${b.id}」，暂停发「暂停广播 ${b.id}」，删除发「删除广播 ${b.id}」。`,
    ];
    return lines.join("\n");
  },

  list(items: readonly BroadcastSummary[], now: Date): string {
    if (items.length === 0) return "现在没有安排广播。\n安排一条可以发：广播 每周一 08:00 所有居民群 内容";
    const lines = items.map((b) => {
      const next = nextRuns(b.schedule, now, 1)[0];
      const state = b.paused ? "（已暂停）" : next ? `，下次 ${formatChinaTime(next, now)}` : "（已发完）";
      return `#${b.id} ${describeSchedule(b.schedule)} → ${describeTargets(b.targets)}${state}\n    ${shorten(b.content)}`;
    });
    return [`共 ${items.length} 条广播：`, ...lines, "发「预览广播 编号」看全文。"].join("\n");
  },

  paused(b: BroadcastSummary): string {
    return `广播 #${b.id}（${describeSchedule(b.schedule)}）已暂停，不会再发送。恢复请发「恢复广播 ${b.id}」。`;
  },

  alreadyPaused(b: BroadcastSummary): string {
    return `广播 #${b.id} 本来就是暂停的。恢复请发「恢复广播 ${b.id}」。`;
  },

  resumed(b: BroadcastSummary, now: Date): string {
    const next = nextRuns(b.schedule, now, 1)[0];
    const when = next ? `下次 ${formatChinaTime(next, now)} 发送` : "但它的时间已经过了，不会再发送";
    return `广播 #${b.id} 已恢复，${when}。`;
  },

  notPaused(b: BroadcastSummary): string {
    return `广播 #${b.id} 正在按时发送，不需要恢复。`;
  },

  deleted(b: BroadcastSummary): string {
    return `广播 #${b.id}（${describeSchedule(b.schedule)} → ${describeTargets(b.targets)}）已删除。`;
  },

  preview(b: BroadcastSummary, rendered: RenderedBroadcast, now: Date): string {
    const next = nextRuns(b.schedule, now, 1)[0];
    const when = b.paused ? "已暂停" : next ? `下次 ${formatChinaTime(next, now)}` : "已发完";
    const unknown = rendered.unknown.map((p) => `注意：${p} 不是自动填写项，会原样发出。`);
    return [
      `广播 #${b.id} 预览（${describeSchedule(b.schedule)}，${when}，发往 ${describeTargets(b.targets)}）：`,
      "————————",
      rendered.text,
      "————————",
      ...unknown,
    ].join("\n");
  },

  sendingNow(b: BroadcastSummary, roomCount: number): string {
    return `广播 #${b.id} 马上发送，共 ${roomCount} 个群，会一个一个慢慢发。`;
  },

  noRooms(b: BroadcastSummary): string {
    return `广播 #${b.id} 要发往 ${describeTargets(b.targets)}，但现在找不到这些群，没有发送。`;
  },

  notFound(id: number): string {
    return `没有找到广播 #${id}。发「广播列表」可以看现有的广播。`;
  },

  notStaff(): string {
    return "不好意思，广播需要社区工作人员来安排。有事想告诉大家，可以跟网格员说一声，我们帮您转达。";
  },

  error(command: { message: string; example: string }): string {
    return `${command.message}。\n例如：${command.example}`.replace(/。。/g, "。");
  },

  praiseSaved(): string {
    return "好人好事已记下，会在广播里的 {好人好事} 处播出。谢谢！";
  },

  alreadyRanThisMinute(b: BroadcastSummary): string {
    return `广播 #${b.id} 这一分钟已经发过了，没有重复发送。`;
  },

  wrongPlace(): string {
    return "广播和好人好事的指令请在社区工作群里发，或者私聊我。";
  },

  missed(runs: readonly MissedRun[], graceMinutes: number, now: Date): string {
    const lines = runs.map(
      (r) =>
        `#${r.broadcast.id} ${r.broadcast.schedule ? describeSchedule(r.broadcast.schedule) : ""} → ${describeTargets(r.broadcast.targets)}：${formatChinaTime(r.slot, now)}`,
    );
    return [
      `机器人停机期间有 ${runs.length} 次广播错过了时间（晚了 ${graceMinutes} 分钟以上），没有补发：`,
      ...lines,
      "需要补发的话，请发「立即广播 编号」。",
    ].join("\n");
  },

  runFailedNoRooms(b: { id: number; targets: readonly BroadcastTarget[] }, slot: Date, now: Date): string {
    return `广播 #${b.id}（${formatChinaTime(slot, now)}）没有发出：找不到要发往的群（${describeTargets(b.targets)}）。请核对群名后发「立即广播 ${b.id}」补发。`;
  },

  praiseList(items: readonly PraiseLine[]): string {
    if (items.length === 0) return "本月还没有记下好人好事。记一条可以发：表扬 3号楼王阿姨帮独居老人买菜";
    const lines = items.map((p) => {
      const state = p.approved ? "已采纳" : p.reviewed ? "不采纳" : "待审核";
      const from = p.source === "staff" ? `${p.authorName}表扬` : `居民${p.authorName}致谢`;
      return `${p.id}. [${state}] ${shorten(p.text)}（${from}）`;
    });
    return [
      `本月好人好事 ${items.length} 条（已采纳的会在 {好人好事} 处播出）：`,
      ...lines,
      "采纳发「采纳 编号」，不用发「不采纳 编号」。",
    ].join("\n");
  },

  praiseReviewed(p: PraiseLine): string {
    return p.approved
      ? `第 ${p.id} 条好人好事已采纳，会在 {好人好事} 处播出。`
      : `第 ${p.id} 条好人好事不采纳，不会播出。`;
  },

  praiseNotFound(id: number): string {
    return `没有找到第 ${id} 条好人好事。发「好人好事」可以看本月的列表。`;
  },

  thanksNoted(): string {
    return "谢谢您把这件暖心事告诉大家！我们记下了，社区会把好人好事在广播里讲给邻居们听。";
  },

  draftNeedsModel(): string {
    return `起草广播稿需要配置大模型，现在没有配置。您可以直接写好内容来安排，例如：${BROADCAST_EXAMPLES.schedule}`;
  },

  draftFailed(): string {
    return "这次没能写出广播稿（大模型没有回应），请稍后再试，或者直接写好内容来安排。";
  },

  draftReady(id: number, content: string): string {
    return [
      `广播稿 #${id}（草稿，还没有安排发送）：`,
      "————————",
      content,
      "————————",
      `确认发送请发：确认广播 ${id} 每周一 08:00 所有居民群（时间和群按需要改）`,
      `不用就发「删除广播 ${id}」。`,
    ].join("\n");
  },

  notDraft(id: number): string {
    return `广播 #${id} 不是草稿，已经安排过了。发「广播列表」可以查看。`;
  },
} as const;

/** `所有居民群`, `幸福里3号楼居民群、幸福里5号楼居民群`, or `A、B、C、D、E 等 8 个群`. */
export function describeTargets(targets: readonly BroadcastTarget[]): string {
  const names = targets.map((t) =>
    t.kind === "group"
      ? GROUP_WORDS[t.group]
      : t.kind === "room"
        ? t.topic
        : t.kind === "robot"
          ? `企业微信机器人「${t.name}」`
          : describeWebhook(t.url),
  );
  if (names.length <= MAX_TOPICS_SHOWN) return names.join("、");
  return `${names.slice(0, MAX_TOPICS_SHOWN).join("、")} 等 ${names.length} 个群`;
}

/** The robot's key is a secret: show only its last four characters. */
export function describeWebhook(url: string): string {
  const key = /[?&]key=([^&]+)/.exec(url)?.[1] ?? url;
  return `企业微信机器人(…${key.slice(-4)})`;
}

function shorten(content: string): string {
  const flat = content.replace(/\s+/g, " ").trim();
  const chars = [...flat];
  return chars.length <= PREVIEW_CHARS ? flat : `${chars.slice(0, PREVIEW_CHARS).join("")}……`;
}

/** Warns at scheduling time about `{…}` that will not be filled, naming the ones that will. */
function placeholderWarnings(content: string): string[] {
  const { unknown } = findPlaceholders(content);
  if (unknown.length === 0) return [];
  const available = PLACEHOLDERS.map((p) => `{${p}}`).join(" ");
  return [`注意：${unknown.join(" ")} 不是自动填写项，会原样发出。能自动填写的有：${available}`];
}
