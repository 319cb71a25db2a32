import type { RoomRole } from "../core/types.js";
import { matchRoomRole, type RoomPatterns } from "./match-room-role.js";

export interface KnownRoom {
  id: string;
  topic: string;
  role: RoomRole;
}

/** The rooms the bot is in, with their roles; fed by the channel as it sees rooms. */
export class RoomRegistry {
  readonly #rooms = new Map<string, KnownRoom>();

  constructor(readonly patterns: RoomPatterns) {}

  /** Records a room (or a new topic for it); returns it with its role. */
  register(id: string, topic: string): KnownRoom {
    const known = this.#rooms.get(id);
    if (known && known.topic === topic) return known;
    const room = { id, topic, role: matchRoomRole(topic, this.patterns) };
    this.#rooms.set(id, room);
    return room;
  }

  get(id: string): KnownRoom | undefined {
    return this.#rooms.get(id);
  }

  idsByRole(role: RoomRole): string[] {
    return [...this.#rooms.values()].filter((r) => r.role === role).map((r) => r.id);
  }

  findByTopic(topic: string): KnownRoom | undefined {
    return [...this.#rooms.values()].find((r) => r.topic === topic);
  }

  all(): KnownRoom[] {
    return [...this.#rooms.values()];
  }
}
