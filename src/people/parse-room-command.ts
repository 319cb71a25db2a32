// Staff's chat commands for room bindings: `待绑定的群`, `绑定 N`, `绑定 群名 为 志愿者群`, `解绑 群名`.
import type { Role } from "../core/types.js";

export type RoomCommand =
  | { type: "list-pending" }
  | { type: "bind-number"; number: number }
  | { type: "bind-topic"; topic: string; role: Role }
  | { type: "unbind"; topic: string };

const roleWords: Record<string, Role> = {
  工作群: "staff",
  社区工作群: "staff",
  志愿者群: "volunteer",
  居民群: "resident",
};

export function parseRoomCommand(text: string): RoomCommand | null {
  const t = text.trim();
  if (/^(待绑定的群|待绑定群|待绑定)$/.test(t)) return { type: "list-pending" };
  const number = /^绑定\s*(\d{1,3})$/.exec(t);
  if (number) return { type: "bind-number", number: Number(number[1]) };
  const topic = /^绑定\s+(.+?)\s*为\s*(工作群|社区工作群|志愿者群|居民群)$/.exec(t);
  if (topic) return { type: "bind-topic", topic: stripQuotes(topic[1]!), role: roleWords[topic[2]!]! };
  const unbind = /^解绑\s+(.+)$/.exec(t);
  if (unbind) return { type: "unbind", topic: stripQuotes(unbind[1]!) };
  return null;
}

function stripQuotes(s: string): string {
  return s.replace(/^[「“"]|[」”"]$/g, "").trim();
}
