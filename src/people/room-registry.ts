// The rooms the bot is in and their roles. A room's role comes from an approved binding of its
// room id, never from its topic: anyone can name a group like the staff group. Topics in config
// only propose a role; staff (or the CLI) approve it. A residents' group is bound as one on first
// sight (that raises nobody), so a later rename keeps it a residents' group.
import type { Clock, Role, RoomRole } from "../core/types.js";
import { matchRoomRole, matchTopic, type RoomPatterns } from "./match-room-role.js";
import type { RoomChange, RoomStore } from "./room-store.js";

export type ElevatedRole = "volunteer" | "staff";

export interface KnownRoom {
  id: string;
  topic: string;
  /** The role the room is served with: its binding's; unbound, a residents' group at most. */
  role: RoomRole;
  /** The approved role of this room id; null while unbound. */
  bound: Role | null;
  /** The elevated role its topic proposes (config), waiting for approval; null otherwise. */
  proposed: ElevatedRole | null;
  /**
   * The room's owner (a WeChat contact id) where the puppet tells it: for a bound room the one
   * recorded with its binding; for an unbound one the one last seen. Null when unknown.
   */
  ownerId: string | null;
  boundBy: string | null;
  boundAt: Date | null;
}

/** What staff are told about. */
export type RoomNotice =
  | { kind: "renamed"; room: KnownRoom; from: string }
  | { kind: "proposed"; room: KnownRoom }
  /** A bound room now has another owner than the one recorded; its role is kept. */
  | { kind: "owner-changed"; room: KnownRoom; from: string }
  | { kind: "first-start"; rooms: KnownRoom[] };

export interface RoomRegistryOptions {
  /** Keeps bindings across restarts; without one (unit tests) they live in memory. */
  store?: RoomStore;
  clock?: Clock;
  onNotice?(notice: RoomNotice): void;
  onError?(err: unknown): void;
}

const systemTime: Clock = { now: () => new Date() };

export class RoomRegistry {
  readonly #rooms = new Map<string, KnownRoom>();
  readonly #o: RoomRegistryOptions;
  #writes: Promise<void> = Promise.resolve();
  #loaded = false;
  /** True until a binding exists (trust on first use applies then). */
  #firstStart = true;

  constructor(
    readonly patterns: RoomPatterns,
    options: RoomRegistryOptions = {},
  ) {
    this.#o = options;
  }

  /** Reads the bindings from the store (at start, and again to pick up the CLI's changes). */
  async load(): Promise<void> {
    if (!this.#o.store) return;
    await this.#writes;
    const stored = await this.#o.store.list();
    if (!this.#loaded) this.#firstStart = !stored.some((r) => r.role !== null);
    this.#loaded = true;
    for (const s of stored) {
      const known = this.#rooms.get(s.id);
      const topic = known?.topic ?? s.topic;
      // A binding made without an owner (the CLI's) takes the owner this process has seen.
      const seenOwner = known?.ownerId ?? null;
      const ownerId = s.role ? (s.ownerId ?? seenOwner) : seenOwner;
      this.#rooms.set(s.id, this.#describe(s.id, topic, s.role, s.boundBy, s.boundAt, ownerId));
      if (s.role && !s.ownerId && ownerId)
        this.#write({
          action: "owner",
          id: s.id,
          topic,
          role: s.role,
          ownerId,
          from: null,
          by: "wechat",
          at: this.#now(),
        });
    }
  }

  /**
   * Records a room as seen (or a new topic or owner for it); returns it with its role. `ownerId`
   * is the owner the puppet gives; without one the owner known is kept.
   */
  register(id: string, topic: string, ownerId?: string | null): KnownRoom {
    const known = this.#rooms.get(id);
    const owner = ownerId ?? known?.ownerId ?? null;
    if (known && known.topic === topic && owner === known.ownerId) return known;
    const now = this.#now();
    if (known?.bound) {
      let room = known;
      if (known.topic !== topic) {
        room = { ...room, topic };
        this.#rooms.set(id, room);
        this.#write({ action: "renamed", id, topic, role: known.bound, by: "wechat", at: now });
        if (known.topic !== "") this.#o.onNotice?.({ kind: "renamed", room, from: known.topic });
      }
      // The role stays with the room id; a new owner is recorded, and staff hear of it once.
      if (owner !== null && owner !== known.ownerId) {
        room = { ...room, ownerId: owner };
        this.#rooms.set(id, room);
        const from = known.ownerId;
        this.#write({ action: "owner", id, topic, role: known.bound, ownerId: owner, from, by: "wechat", at: now });
        if (from !== null) this.#o.onNotice?.({ kind: "owner-changed", room, from });
      }
      return room;
    }
    if (known && known.topic === topic) {
      // Unbound and only the owner is new: remembered for when it is bound.
      const room = { ...known, ownerId: owner };
      this.#rooms.set(id, room);
      return room;
    }
    let room = this.#describe(id, topic, null, null, null, owner);
    this.#write({ action: "seen", id, topic, at: now });
    if (room.role === "resident" && room.proposed === null && !this.#duplicatesBound(room)) {
      this.#rooms.set(id, room);
      room = this.#setBinding(id, "resident", "auto", topic);
    } else {
      this.#rooms.set(id, room);
      if (room.proposed && !known?.proposed) this.#o.onNotice?.({ kind: "proposed", room });
    }
    return room;
  }

  /** Binds a room id to a role (staff's approval, the CLI, or trust on first use). */
  bind(id: string, role: Role, by: string): KnownRoom | undefined {
    if (!this.#rooms.has(id)) return undefined;
    return this.#setBinding(id, role, by);
  }

  /** Removes a room's binding: it is served by its topic again, never above a residents' group. */
  unbind(id: string, by: string): KnownRoom | undefined {
    const known = this.#rooms.get(id);
    if (!known) return undefined;
    const room = this.#describe(id, known.topic, null, null, null, known.ownerId);
    this.#rooms.set(id, room);
    this.#write({ action: "unbound", id, topic: known.topic, by, at: this.#now() });
    return room;
  }

  /**
   * Trust on first use: on an install's first start (no bindings yet), each configured
   * volunteers' or staff topic that exactly one room carries is bound. Runs once.
   */
  bindFirstStart(): KnownRoom[] {
    if (!this.#firstStart) return [];
    this.#firstStart = false;
    const bound: KnownRoom[] = [];
    for (const role of ["staff", "volunteer"] as const) {
      for (const pattern of this.patterns[role]) {
        const carriers = this.all({ unbound: true }).filter((r) => r.proposed === role && matchTopic(pattern, r.topic));
        if (carriers.length === 1 && !carriers[0]!.bound)
          bound.push(this.#setBinding(carriers[0]!.id, role, "first-start"));
      }
    }
    if (bound.length) this.#o.onNotice?.({ kind: "first-start", rooms: bound });
    return bound;
  }

  get(id: string): KnownRoom | undefined {
    return this.#rooms.get(id);
  }

  /** The rooms served with this role (a "staff" or "volunteer" room is always a bound one). */
  idsByRole(role: RoomRole): string[] {
    return [...this.#rooms.values()].filter((r) => r.role === role).map((r) => r.id);
  }

  /** The bound room with this topic (an unbound namesake is never found). */
  findByTopic(topic: string): KnownRoom | undefined {
    return [...this.#rooms.values()].find((r) => r.bound && r.topic === topic);
  }

  /** Bound rooms (with `unbound`, every room seen). */
  all(options: { unbound?: boolean } = {}): KnownRoom[] {
    return [...this.#rooms.values()].filter((r) => options.unbound || r.bound);
  }

  /** Unbound rooms whose topic proposes an elevated role, oldest first: staff's `待绑定的群`. */
  pending(): KnownRoom[] {
    return [...this.#rooms.values()].filter((r) => !r.bound && r.proposed);
  }

  /** Resolves once every change so far is stored. */
  flush(): Promise<void> {
    return this.#writes;
  }

  #setBinding(id: string, role: Role, by: string, topic = this.#rooms.get(id)?.topic ?? ""): KnownRoom {
    const at = this.#now();
    const ownerId = this.#rooms.get(id)?.ownerId ?? null;
    const room = this.#describe(id, topic, role, by, at, ownerId);
    this.#rooms.set(id, room);
    this.#write({ action: "bound", id, topic, role, ownerId, by, at });
    return room;
  }

  #describe(
    id: string,
    topic: string,
    bound: Role | null,
    by: string | null,
    at: Date | null,
    ownerId: string | null,
  ): KnownRoom {
    const byTopic = matchRoomRole(topic, this.patterns);
    const proposed = byTopic === "staff" || byTopic === "volunteer" ? byTopic : null;
    if (bound) return { id, topic, role: bound, bound, proposed: null, ownerId, boundBy: by, boundAt: at };
    // Unbound: a room named like the staff or volunteers' group is served as residents' at most.
    const role: RoomRole = proposed ? "resident" : byTopic;
    return { id, topic, role, bound: null, proposed, ownerId, boundBy: null, boundAt: null };
  }

  #duplicatesBound(room: KnownRoom): boolean {
    return [...this.#rooms.values()].some((r) => r.id !== room.id && r.bound && r.topic === room.topic);
  }

  #write(change: RoomChange): void {
    const store = this.#o.store;
    if (!store) return;
    this.#writes = this.#writes.then(() => store.apply(change)).catch((err) => this.#o.onError?.(err));
  }

  #now(): Date {
    return (this.#o.clock ?? systemTime).now();
  }
}
