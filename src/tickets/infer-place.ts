// Where a ticket is, when the resident did not say: a group named after one building
// ("幸福里3号楼居民群") gives that building, marked as inferred wherever it is shown.
import { extractLocation } from "../understand/extract-location.js";
import type { Ticket } from "./ticket.js";

// "1-3号楼", "3、5号楼": a group of several buildings names none.
const severalBuildings = /\d+\s*[-~～到至、,，和]\s*\d+\s*(?:号楼|栋|幢|#)/;

export function buildingOfRoomTopic(topic: string | null): string | null {
  if (!topic || severalBuildings.test(topic)) return null;
  return extractLocation(topic).building;
}

export interface Place {
  building: string | null;
  unit: string | null;
  room: string | null;
  /** The building comes from the group's name, not from the resident. */
  inferred: boolean;
}

export function placeOf(t: Pick<Ticket, "building" | "unit" | "room" | "roomTopic">): Place {
  if (t.building !== null) return { building: t.building, unit: t.unit, room: t.room, inferred: false };
  const building = buildingOfRoomTopic(t.roomTopic);
  return { building, unit: t.unit, room: t.room, inferred: building !== null };
}

/** Nothing at all is known of where: ask the resident once. */
export function placeUnknown(t: Pick<Ticket, "building" | "unit" | "room" | "roomTopic">): boolean {
  const p = placeOf(t);
  return p.building === null && p.unit === null && p.room === null;
}
