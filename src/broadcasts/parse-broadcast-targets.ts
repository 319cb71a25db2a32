// The <targets> of `广播 <when> <targets> <content>`. Room topics are free Chinese text
// with no marker where they end, so we rely on (in order): an explicit bracket list
// `[群A,群B]`, the group aliases and known room topics (longest first, so `3号楼居民群`
// beats `3号楼`), and, when the caller knows no topics, words up to a space or `:`.

import { normalizeWidth } from "../text/full-width.js";

export type BroadcastGroup = "residents" | "volunteers" | "all";

export type BroadcastTarget =
  | { kind: "group"; group: BroadcastGroup }
  | { kind: "room"; topic: string }
  /** A WeCom (企业微信) group robot named in config (LINLI_WECOM_ROBOTS); its key never appears in chat. */
  | { kind: "robot"; name: string }
  /** Stored by older versions (a URL typed in chat); never sent any more, only listed. */
  | { kind: "webhook"; url: string };

export type TargetsResult = { ok: true; targets: BroadcastTarget[]; length: number } | { ok: false; message: string };

/** Words that name a set of rooms rather than one room. */
export const GROUP_ALIASES: Readonly<Record<string, BroadcastGroup>> = {
  所有居民群: "residents",
  全部居民群: "residents",
  所有志愿者群: "volunteers",
  全部志愿者群: "volunteers",
  所有群: "all",
  全部群: "all",
};

// Matched against the width-normalised text, where `，［］：` have become `,[]:`.
const BRACKETS = /^(?:\[([^\]]*)\]|【([^】]*)】)/;
const LIST_SEPARATOR = /^\s*[,、]\s*/;
const WORD = /^[^\s:,、]+/;
const WEBHOOK = /^webhook:/i;
const WEBHOOK_REFUSED =
  "不能在聊天里写机器人网址，这样谁都能让我去访问任意网址。请管理员在配置 LINLI_WECOM_ROBOTS 里给企业微信机器人起个名字（名称=key），这里写名字就行";

/**
 * Reads the targets at the start of `text`. With `knownTopics`, every room named must be
 * one of them (compared ignoring full/half width), so a typo is caught before sending;
 * the targets then carry the topics as configured. Without, names are kept as typed.
 */
export function parseBroadcastTargets(
  text: string,
  knownTopics?: readonly string[],
  robots: readonly string[] = [],
): TargetsResult {
  const normalized = normalizeWidth(text);
  // A URL typed in chat is never called: robots are named in config, and named here.
  if (/webhook:/i.test(normalized.split(/\s/)[0] ?? "")) return { ok: false, message: WEBHOOK_REFUSED };
  const bracket = BRACKETS.exec(normalized);
  if (bracket) {
    const inner = bracket[1] ?? bracket[2] ?? "";
    const names = splitNames(text.slice(1, 1 + inner.length));
    if (names.length === 0) return { ok: false, message: "括号里没有写群名" };
    return resolveNames(names, knownTopics, bracket[0].length, robots);
  }
  return readNames(text, normalized, knownTopics, robots);
}

/**
 * Reads names one by one, joined by `,` or `、`. A known topic must end at a space, `:`, a
 * separator or the end (so a typo is not half-matched); an alias may run straight into the
 * content (`所有居民群明天停水`). Unknown words are topics only when no topics are known.
 */
function readNames(
  text: string,
  normalized: string,
  knownTopics: readonly string[] | undefined,
  robots: readonly string[],
): TargetsResult {
  const byForm = knownForms([...(knownTopics ?? []), ...robots]);
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  const names: string[] = [];
  let pos = 0;
  while (true) {
    const rest = normalized.slice(pos);
    if (WEBHOOK.test(rest)) return { ok: false, message: WEBHOOK_REFUSED };
    const form = forms.find((f) => rest.startsWith(f) && (f in GROUP_ALIASES || isBoundary(rest.slice(f.length))));
    if (form !== undefined) {
      names.push(byForm.get(form)!);
      pos += form.length;
    } else {
      const word = WORD.exec(rest)?.[0] ?? "";
      if (word === "") return { ok: false, message: "没写发给哪些群" };
      if (knownTopics !== undefined) return { ok: false, message: unknownRoomMessage(word) };
      names.push(text.slice(pos, pos + word.length));
      pos += word.length;
    }
    const sep = LIST_SEPARATOR.exec(normalized.slice(pos));
    if (!sep) break;
    pos += sep[0].length;
  }
  return { ok: true, targets: dedupe(names).map((n) => toTarget(n, robots)), length: pos };
}

/**
 * Targets picked from a list (the console): each name must be a group alias, a bound room's
 * topic or a configured robot, exactly as `[群A,群B]` is checked in chat.
 */
export function parseTargetNames(
  names: readonly string[],
  knownTopics: readonly string[],
  robots: readonly string[] = [],
): TargetsResult {
  const cleaned = names.map((n) => n.trim()).filter((n) => n !== "");
  if (cleaned.length === 0) return { ok: false, message: "没写发给哪些群" };
  return resolveNames(cleaned, knownTopics, 0, robots);
}

function resolveNames(
  names: string[],
  knownTopics: readonly string[] | undefined,
  length: number,
  robots: readonly string[],
): TargetsResult {
  if (names.some((n) => WEBHOOK.test(n))) return { ok: false, message: WEBHOOK_REFUSED };
  if (knownTopics === undefined) return { ok: true, targets: dedupe(names).map((n) => toTarget(n, robots)), length };
  const byForm = knownForms([...knownTopics, ...robots]);
  const resolved: string[] = [];
  for (const name of names) {
    const topic = byForm.get(normalizeWidth(name));
    if (topic === undefined) return { ok: false, message: unknownRoomMessage(name) };
    resolved.push(topic);
  }
  return { ok: true, targets: dedupe(resolved).map((n) => toTarget(n, robots)), length };
}

/** Normalised form → name as configured, for aliases and known topics. */
function knownForms(knownTopics: readonly string[]): Map<string, string> {
  const byForm = new Map<string, string>();
  for (const name of [...Object.keys(GROUP_ALIASES), ...knownTopics]) {
    if (name.trim() !== "") byForm.set(normalizeWidth(name), name);
  }
  return byForm;
}

function splitNames(list: string): string[] {
  return list
    .split(/\s*[,，、;；]\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function isBoundary(after: string): boolean {
  return after === "" || /^[\s:,、]/.test(after);
}

function toTarget(name: string, robots: readonly string[]): BroadcastTarget {
  if (robots.includes(name)) return { kind: "robot", name };
  const group = GROUP_ALIASES[name];
  return group !== undefined ? { kind: "group", group } : { kind: "room", topic: name };
}

function dedupe(names: string[]): string[] {
  return [...new Set(names)];
}

function unknownRoomMessage(name: string): string {
  return (
    `没找到叫「${name}」的群。请核对群名和微信里完全一样，` +
    "或者写 所有居民群 / 所有志愿者群 / 所有群；群名里有空格时用 [群A,群B] 括起来"
  );
}
