// Staff commands beside `广播 …`: reviewing 好人好事 and confirming a model's draft.
// Pure, like parse-broadcast-command.ts; the caller checks the role.
import { normalizeWidth } from "../text/full-width.js";
import { type BroadcastTarget, parseBroadcastTargets } from "./parse-broadcast-targets.js";
import { parseBroadcastWhen } from "./parse-broadcast-when.js";
import type { Schedule } from "./schedule.js";

export type StaffExtraCommand =
  | { type: "praise-list" }
  | { type: "praise-review"; id: number; approved: boolean }
  | { type: "confirm-draft"; id: number; schedule: Schedule; targets: BroadcastTarget[] }
  | { type: "error"; message: string; example: string };

const PRAISE_LIST = /^(?:好人好事|好人好事列表|本月好人好事)$/;
const PRAISE_REVIEW = /^(不)?采纳\s*#?\s*(\d+)$/;
const CONFIRM = /^确认广播\s*#?\s*(\d+)?\s*(.*)$/s;
const CONFIRM_EXAMPLE = "确认广播 5 每周一 08:00 所有居民群";

export function parseStaffExtra(
  text: string,
  now: Date,
  knownTopics?: readonly string[],
  robots?: readonly string[],
): StaffExtraCommand | null {
  const normalized = normalizeWidth(text.trim());
  if (PRAISE_LIST.test(normalized)) return { type: "praise-list" };
  const review = PRAISE_REVIEW.exec(normalized);
  if (review) return { type: "praise-review", id: Number(review[2]), approved: review[1] === undefined };
  const confirm = CONFIRM.exec(normalized);
  if (!confirm) return null;
  if (confirm[1] === undefined) return error("「确认广播」后面要写草稿编号、时间和发给哪些群");
  const rest = confirm[2]!;
  if (rest === "") return error("请写上什么时候发、发给哪些群");
  const when = parseBroadcastWhen(rest, now);
  if (!when.ok) return error(when.message);
  const afterWhen = rest.slice(when.length).trimStart();
  if (afterWhen === "") return error("没写发给哪些群");
  const targets = parseBroadcastTargets(afterWhen, knownTopics, robots);
  if (!targets.ok) return error(targets.message);
  if (afterWhen.slice(targets.length).trim() !== "") return error("确认草稿只写时间和群，内容用草稿里的");
  return { type: "confirm-draft", id: Number(confirm[1]), schedule: when.schedule, targets: targets.targets };
}

function error(message: string): StaffExtraCommand {
  return { type: "error", message, example: CONFIRM_EXAMPLE };
}
