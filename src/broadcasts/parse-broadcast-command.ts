// Staff commands for the 红色广播站, read from one chat message. Pure: the caller checks
// the role, stores the broadcast and replies (see broadcast-replies.ts).

import { normalizeWidth } from "../text/full-width.js";
import { type BroadcastTarget, parseBroadcastTargets, parseTargetNames } from "./parse-broadcast-targets.js";
import { parseBroadcastWhen } from "./parse-broadcast-when.js";
import type { Schedule } from "./schedule.js";

export type BroadcastAction = "pause" | "resume" | "delete" | "preview" | "send-now";

export type BroadcastCommand =
  | {
      type: "schedule";
      schedule: Schedule;
      /** The time words as typed (`每周一 08:00`), for the confirmation. */
      when: string;
      targets: BroadcastTarget[];
      /** Exactly as typed, placeholders (`{本月受理}`) included. */
      content: string;
      /** Things staff should know, e.g. `每月31日` skips short months. */
      warnings: string[];
    }
  | { type: "list" }
  | { type: BroadcastAction; id: number }
  | { type: "praise"; text: string }
  | { type: "draft"; topic: string }
  | { type: "error"; message: string; example: string };

export interface ParseBroadcastOptions {
  /** Room topics the bot is in; lets targets be told from content without brackets. */
  knownTopics?: readonly string[];
  /** Names of WeCom group robots in config. */
  robots?: readonly string[];
}

export const BROADCAST_EXAMPLES = {
  schedule: "广播 每周一 08:00 所有居民群 本周活动预告：{本周活动}",
  targets: "广播 每天 07:30 [幸福里3号楼居民群,幸福里5号楼居民群] 今天气温低，出门多穿点",
  praise: "表扬 3号楼王阿姨连续一个月帮独居的李大爷买菜",
} as const;

const ACTIONS: Record<string, BroadcastAction> = {
  暂停: "pause",
  恢复: "resume",
  删除: "delete",
  取消: "delete",
  预览: "preview",
  立即: "send-now",
  马上: "send-now",
};

const LIST = /^(?:广播列表|广播清单|查看广播|所有广播)$/;
const ACTION = /^(暂停|恢复|删除|取消|预览|立即|马上)广播(?:\s*#?\s*(\d+))?\s*(.*)$/s;
const PRAISE = /^表扬(?:[\s:]+|$)(.*)$/s;
const DRAFT = /^(?:请)?帮我(?:写|拟|起草|编)(?:一?[条篇份个])?(.*?)广播稿(.*)$/s;
// `广播` then a space, or glued straight to something that can only start a time.
const SCHEDULE = /^(?:定时)?广播(?=\s|$|每|工作日|周末|今|明|后天|大后天|下|本周|这周|\d|cron|"|“|「|')\s*/i;

/** Reads a broadcast command; null when the text is not one (ordinary chat). */
export function parseBroadcastCommand(
  text: string,
  now: Date,
  options: ParseBroadcastOptions = {},
): BroadcastCommand | null {
  const original = text.trim();
  const normalized = normalizeWidth(original);

  if (LIST.test(normalized)) return { type: "list" };

  const action = ACTION.exec(normalized);
  if (action) {
    const verb = action[1]!;
    if (action[2] === undefined || action[3] !== "") {
      return error(`「${verb}广播」后面要写广播的编号`, `${verb}广播 3`);
    }
    return { type: ACTIONS[verb]!, id: Number(action[2]) };
  }

  const praise = PRAISE.exec(normalized);
  if (praise) {
    const body = original.slice(original.length - praise[1]!.length).trim();
    if (body === "") return error("「表扬」后面要写表扬谁、做了什么好事", BROADCAST_EXAMPLES.praise);
    return { type: "praise", text: body };
  }

  const draft = DRAFT.exec(normalized);
  if (draft) return { type: "draft", topic: cleanDraftTopic(`${draft[1]} ${draft[2]}`) };

  const schedule = SCHEDULE.exec(normalized);
  if (schedule) return parseSchedule(original, schedule[0].length, now, options);
  return null;
}

function parseSchedule(original: string, start: number, now: Date, options: ParseBroadcastOptions): BroadcastCommand {
  const normalized = normalizeWidth(original);
  if (normalized.slice(start).trim() === "") {
    return error("请在「广播」后面写上时间、发给哪些群和内容", BROADCAST_EXAMPLES.schedule);
  }
  const when = parseBroadcastWhen(normalized.slice(start), now);
  if (!when.ok) return error(when.message, BROADCAST_EXAMPLES.schedule);

  const afterWhen = start + when.length;
  const targetsAt = afterWhen + leadingBlank(normalized.slice(afterWhen));
  if (targetsAt === normalized.length) return error("没写发给哪些群和广播内容", BROADCAST_EXAMPLES.schedule);
  const targets = parseBroadcastTargets(original.slice(targetsAt), options.knownTopics, options.robots);
  if (!targets.ok) return error(targets.message, BROADCAST_EXAMPLES.targets);

  const content = original
    .slice(targetsAt + targets.length)
    .replace(/^[\s:：,，、]+/, "")
    .trim();
  if (content === "") return error("没写广播内容，请把要发的话写在群名后面", BROADCAST_EXAMPLES.schedule);

  return {
    type: "schedule",
    schedule: when.schedule,
    when: original.slice(start, afterWhen).trim(),
    targets: targets.targets,
    content,
    warnings: when.warnings,
  };
}

export type BroadcastForm = { when: string; targets: readonly string[]; content: string };

export type BroadcastFormResult =
  | { ok: true; schedule: Schedule; targets: BroadcastTarget[]; content: string; warnings: string[] }
  | { ok: false; field: "when" | "targets" | "content"; message: string };

/**
 * The same broadcast as `广播 <when> <targets> <content>`, from a form's three fields (the
 * console): the time words are read by the chat's parser, the rooms must be bound ones or
 * named robots, and the messages are the chat's.
 */
export function parseBroadcastForm(
  form: BroadcastForm,
  now: Date,
  options: { knownTopics: readonly string[]; robots?: readonly string[] },
): BroadcastFormResult {
  const whenText = normalizeWidth(form.when.trim());
  if (whenText === "") return { ok: false, field: "when", message: "没写什么时候发" };
  const when = parseBroadcastWhen(whenText, now);
  if (!when.ok) return { ok: false, field: "when", message: when.message };
  const rest = whenText.slice(when.length).trim();
  if (rest !== "") return { ok: false, field: "when", message: `时间后面的「${rest}」看不懂，时间里只写哪天几点` };
  const targets = parseTargetNames(form.targets, options.knownTopics, options.robots);
  if (!targets.ok) return { ok: false, field: "targets", message: targets.message };
  const content = form.content.trim();
  if (content === "") return { ok: false, field: "content", message: "没写广播内容" };
  return { ok: true, schedule: when.schedule, targets: targets.targets, content, warnings: when.warnings };
}

function cleanDraftTopic(words: string): string {
  return words
    .replace(/^[\s,，:：、]+|[\s,，:：、。.!！的]+$/g, "")
    .replace(/^(?:关于|主题是|内容是)/, "")
    .replace(/的$/, "")
    .trim();
}

function leadingBlank(text: string): number {
  return /^\s*/.exec(text)![0].length;
}

function error(message: string, example: string): BroadcastCommand {
  return { type: "error", message, example };
}
