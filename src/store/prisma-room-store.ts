// Room bindings in the database (Room, with an audit row in RoomEvent for every change of a role).
import type { Role } from "../core/types.js";
import type { RoomChange, RoomStore, StoredRoom } from "../people/room-store.js";
import type { Db } from "./open-database.js";

const roles = new Set<string>(["resident", "volunteer", "staff"]);

export function createPrismaRoomStore(db: Db): RoomStore {
  return {
    async list(): Promise<StoredRoom[]> {
      const rows = await db.room.findMany({ orderBy: { id: "asc" } });
      return rows.map((r) => ({
        id: r.id,
        topic: r.topic,
        role: r.role && roles.has(r.role) ? (r.role as Role) : null,
        ownerId: r.ownerId,
        boundBy: r.boundBy,
        boundAt: r.boundAt,
      }));
    },
    async apply(c: RoomChange): Promise<void> {
      if (c.action === "seen") {
        await db.room.upsert({
          where: { id: c.id },
          create: { id: c.id, topic: c.topic, seenAt: c.at },
          update: { topic: c.topic, seenAt: c.at },
        });
        return;
      }
      const binding =
        c.action === "bound"
          ? { role: c.role, ownerId: c.ownerId, boundBy: c.by, boundAt: c.at }
          : c.action === "unbound"
            ? { role: null, ownerId: null, boundBy: null, boundAt: null }
            : c.action === "owner"
              ? { ownerId: c.ownerId }
              : {};
      // An owner first known is `owner-recorded`; another than the recorded one, `owner-changed`.
      const action = c.action === "owner" ? (c.from === null ? "owner-recorded" : "owner-changed") : c.action;
      await db.$transaction([
        db.room.upsert({
          where: { id: c.id },
          create: { id: c.id, topic: c.topic, seenAt: c.at, ...binding },
          update: { topic: c.topic, seenAt: c.at, ...binding },
        }),
        db.roomEvent.create({
          data: {
            roomId: c.id,
            action,
            role: c.action === "unbound" ? null : c.role,
            ownerId: c.action === "bound" || c.action === "owner" ? c.ownerId : null,
            topic: c.topic,
            by: c.by,
            at: c.at,
          },
        }),
      ]);
    },
  };
}
