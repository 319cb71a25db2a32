// Every sentence the bot says about broadcasts, in one place. Staff read these: precise,
// with the number to type next; residents only ever see the broadcasts themselves.

import { describeSchedule, formatChinaTime } from "./describe-schedule.js";
import type { BroadcastTarget } from "./parse-broadcast-targets.js";
import { findPlaceholders, PLACEHOLDERS, type RenderedBroadcast } from "./render-broadcast.js";
import { nextRuns, type Schedule } from "./schedule.js";

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
} as const;

/** `所有居民群`, `幸福里3号楼居民群、幸福里5号楼居民群`, or `A、B、C、D、E 等 8 个群`. */
export function describeTargets(targets: readonly BroadcastTarget[]): string {
  const names = targets.map((t) => (t.kind === "group" ? GROUP_WORDS[t.group] : t.topic));
  if (names.length <= MAX_TOPICS_SHOWN) return names.join("、");
  return `${names.slice(0, MAX_TOPICS_SHOWN).join("、")} 等 ${names.length} 个群`;
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
