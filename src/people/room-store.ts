// Port: where room bindings are kept (src/store/prisma-room-store.ts implements it). Every
// change of a binding is recorded as a RoomEvent, the audit trail of who gave a room its role.
import type { Role } from "../core/types.js";

export interface StoredRoom {
  id: string;
  /** The topic last seen. */
  topic: string;
  /** Null while the room is not bound. */
  role: Role | null;
  /** The room's owner recorded with its binding (where the puppet tells it). */
  ownerId: string | null;
  boundBy: string | null;
  boundAt: Date | null;
}

export type RoomChange =
  | { action: "seen"; id: string; topic: string; at: Date }
  | { action: "bound"; id: string; topic: string; role: Role; ownerId: string | null; by: string; at: Date }
  | { action: "unbound"; id: string; topic: string; by: string; at: Date }
  | { action: "renamed"; id: string; topic: string; role: Role | null; by: string; at: Date }
  /** A bound room's owner recorded (`from` null: first known) or changed; its role is kept. */
  | {
      action: "owner";
      id: string;
      topic: string;
      role: Role;
      ownerId: string;
      from: string | null;
      by: string;
      at: Date;
    };

export interface RoomStore {
  list(): Promise<StoredRoom[]>;
  /** Applies one change (a bound, unbound or renamed room also gets its audit row). */
  apply(change: RoomChange): Promise<void>;
}
