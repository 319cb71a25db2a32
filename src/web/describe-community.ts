// The demo community as the page needs it: who can speak, in which rooms.
import type { WechatyInterface } from "wechaty/impls";
import { type DemoCommunity, demoRooms } from "../demo/demo-community.js";

export type RoomKind = "resident" | "volunteer" | "staff" | "other";

export interface CommunityView {
  bot: { id: string; name: string; loggedIn: boolean };
  people: { key: string; name: string; role: string; id: string }[];
  rooms: { id: string; topic: string; kind: RoomKind; memberIds: string[] }[];
}

function kindOf(topic: string): RoomKind {
  for (const kind of ["resident", "volunteer", "staff"] as const) {
    if ((demoRooms[kind] as readonly string[]).includes(topic)) return kind;
  }
  return "other";
}

export function describeCommunity(demo: DemoCommunity, bot: WechatyInterface): CommunityView {
  return {
    bot: { id: demo.botUser.id, name: demo.botUser.payload.name, loggedIn: bot.isLoggedIn },
    people: [...demo.people.values()].map(({ person, contact }) => ({
      key: person.key,
      name: person.name,
      role: person.role,
      id: contact.id,
    })),
    // Membership is read from the live payload, so a room change shows on the next load.
    rooms: [...demo.rooms.values()].map((room) => ({
      id: room.id,
      topic: room.payload.topic,
      kind: kindOf(room.payload.topic),
      memberIds: [...room.payload.memberIdList],
    })),
  };
}
