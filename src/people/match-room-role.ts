import type { RoomRole } from "../core/types.js";

export interface RoomPatterns {
  resident: string[];
  volunteer: string[];
  staff: string[];
}

/** A pattern is an exact topic or `/regex/flags`. */
export function matchTopic(pattern: string, topic: string): boolean {
  const m = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (m) return new RegExp(m[1]!, m[2]).test(topic);
  return pattern === topic;
}

/**
 * The role of a room by its topic. Staff and volunteer rooms are matched first; when no
 * resident rooms are configured, every other room is treated as a residents' room.
 */
export function matchRoomRole(topic: string, patterns: RoomPatterns): RoomRole {
  if (patterns.staff.some((p) => matchTopic(p, topic))) return "staff";
  if (patterns.volunteer.some((p) => matchTopic(p, topic))) return "volunteer";
  if (patterns.resident.length === 0) return "resident";
  return patterns.resident.some((p) => matchTopic(p, topic)) ? "resident" : "none";
}
