// Targets are stored as staff wrote them (`所有居民群`, room topics) and resolved to room
// ids only when a run is sent, so a room added or renamed since is handled right.
import type { RoomRole } from "../core/types.js";
import type { BroadcastGroup, BroadcastTarget } from "./parse-broadcast-targets.js";

/** Port: the rooms the bot is in now (the RoomRegistry in the app). */
export interface RoomLookup {
  idsByRole(role: RoomRole): string[];
  findByTopic(topic: string): { id: string } | undefined;
  all(): { id: string; topic: string; role: RoomRole }[];
}

const GROUP_ROLES: Record<BroadcastGroup, RoomRole[]> = {
  residents: ["resident"],
  volunteers: ["volunteer"],
  all: ["resident", "volunteer", "staff"],
};

export interface ResolvedTargets {
  /** Bound rooms only: a room merely named like one is never a target. */
  roomIds: string[];
  /** Names of WeCom group robots in config (a second channel, sent through its own outbox account). */
  robots: string[];
  /** Topics or robots named but not found now (and URLs stored by older versions, never called). */
  missing: string[];
}

export function resolveTargets(
  targets: readonly BroadcastTarget[],
  rooms: RoomLookup,
  robotNames: readonly string[] = [],
): ResolvedTargets {
  const ids: string[] = [];
  const webhooks: string[] = [];
  const missing: string[] = [];
  for (const t of targets) {
    if (t.kind === "webhook") {
      missing.push("企业微信机器人网址");
    } else if (t.kind === "robot") {
      if (robotNames.includes(t.name)) webhooks.push(t.name);
      else missing.push(t.name);
    } else if (t.kind === "group") {
      for (const role of GROUP_ROLES[t.group]) ids.push(...rooms.idsByRole(role));
    } else {
      const room = rooms.findByTopic(t.topic);
      if (room) ids.push(room.id);
      else missing.push(t.topic);
    }
  }
  return { roomIds: [...new Set(ids)], robots: [...new Set(webhooks)], missing };
}
