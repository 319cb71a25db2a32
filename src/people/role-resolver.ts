import type { Clock, Role } from "../core/types.js";
import type { RoomRegistry } from "./room-registry.js";

/** Port: who is in a room (the channel answers from the puppet). */
export interface Directory {
  memberIds(roomId: string): Promise<string[]>;
  nameOf(contactId: string): Promise<string | null>;
  /** The first member of these rooms with this name (or alias). */
  findMember(roomIds: string[], name: string): Promise<{ id: string; name: string } | null>;
}

/**
 * A person's roles come from membership: members of a volunteers' room are volunteers,
 * members of a staff room are staff, and everyone may act as a resident. Member lists
 * are cached briefly; the role is checked on every command.
 */
export function createRoleResolver(options: {
  rooms: RoomRegistry;
  directory: Directory;
  clock: Clock;
  ttlMs?: number;
}) {
  const ttl = options.ttlMs ?? 60_000;
  const cache = new Map<string, { at: number; ids: Set<string> }>();

  async function members(roomId: string): Promise<Set<string>> {
    const hit = cache.get(roomId);
    const now = options.clock.now().getTime();
    if (hit && now - hit.at < ttl) return hit.ids;
    const ids = new Set(await options.directory.memberIds(roomId));
    cache.set(roomId, { at: now, ids });
    return ids;
  }

  async function isMemberOfAny(personId: string, roomIds: string[]): Promise<boolean> {
    for (const id of roomIds) if ((await members(id)).has(personId)) return true;
    return false;
  }

  return {
    async rolesOf(personId: string): Promise<Set<Role>> {
      const roles = new Set<Role>(["resident"]);
      if (await isMemberOfAny(personId, options.rooms.idsByRole("volunteer"))) roles.add("volunteer");
      if (await isMemberOfAny(personId, options.rooms.idsByRole("staff"))) roles.add("staff");
      return roles;
    },
    /** Forget cached members (a room's membership changed). */
    invalidate(roomId?: string) {
      if (roomId) cache.delete(roomId);
      else cache.clear();
    },
  };
}

export type RoleResolver = ReturnType<typeof createRoleResolver>;
