// Room bindings as a feature: staff approve rooms in chat (`待绑定的群`, `绑定 N`, `绑定 群名 为
// 志愿者群`, `解绑 群名`) from a bound staff room or privately; staff are told of renames, rooms
// waiting for approval and the first start's bindings; the CLI's changes are picked up by a reload.
import type { Clock, Logger } from "../core/types.js";
import { type Outbox, sendPriority } from "../outbox/outbox.js";
import { parseRoomCommand, type RoomCommand } from "../people/parse-room-command.js";
import type { KnownRoom, RoomNotice, RoomRegistry } from "../people/room-registry.js";
import { roomReplies as say } from "../people/room-replies.js";
import type { Middleware } from "../pipeline/compose.js";
import type { Context } from "../pipeline/context.js";
import { whereFrom } from "../pipeline/route.js";
import type { Feature, FeatureDeps } from "./feature.js";

/** How often bindings are read again from the database (the CLI writes there). */
const RELOAD_MS = 30_000;

export function roomsFeature(deps: FeatureDeps): Feature {
  const { rooms } = deps;
  return {
    name: "rooms",
    middleware: { commands: roomCommands(rooms) },
    timers:
      deps.housekeepingMs > 0 ? [{ name: "room bindings reload", everyMs: RELOAD_MS, run: () => rooms.load() }] : [],
  };
}

/** Tells the bound staff rooms about room notices; `settled()` resolves once they are in the outbox. */
export function tellStaffAboutRooms(o: {
  rooms: RoomRegistry;
  outbox: Pick<Outbox, "enqueue">;
  clock: Clock;
  logger: Logger;
}) {
  let queued: Promise<void> = Promise.resolve();
  async function tell(notice: RoomNotice, at: Date): Promise<void> {
    // A room seen before the first start's bindings were made may be bound by now: nothing to ask.
    if (notice.kind === "proposed" && !o.rooms.pending().some((r) => r.id === notice.room.id)) return;
    const text = describe(notice, o.rooms);
    const key =
      notice.kind === "first-start"
        ? "rooms:first-start"
        : notice.kind === "renamed"
          ? `room:${notice.room.id}:renamed:${at.getTime()}`
          : notice.kind === "owner-changed"
            ? `room:${notice.room.id}:owner:${notice.from}:${notice.room.ownerId}`
            : `room:${notice.room.id}:proposed:${notice.room.topic}`;
    for (const id of o.rooms.idsByRole("staff")) {
      await o.outbox.enqueue(
        { to: { kind: "room", id }, text, mentionIds: [] },
        { key: `${key}:${id}`, priority: sendPriority.notice },
      );
    }
  }
  return {
    notify(notice: RoomNotice): void {
      const at = o.clock.now();
      queued = queued
        .then(() => tell(notice, at))
        .catch((err) => o.logger.error("could not tell staff about a room", { reason: String(err) }));
    },
    settled: () => queued,
  };
}

function describe(notice: RoomNotice, rooms: RoomRegistry): string {
  switch (notice.kind) {
    case "first-start":
      return say.firstStart(notice.rooms);
    case "renamed":
      return say.renamed(notice.room, notice.from);
    case "owner-changed":
      return say.ownerChanged(notice.room);
    case "proposed":
      return say.proposed(notice.room, rooms.pending().findIndex((r) => r.id === notice.room.id) + 1);
  }
}

function roomCommands(rooms: RoomRegistry): Middleware<Context> {
  return async (ctx, next) => {
    const command = parseRoomCommand(ctx.text);
    if (!command) return next();
    const where = whereFrom(ctx);
    const reply = (text: string) => ctx.reply(text, { part: "rooms" });
    if (!ctx.roles.has("staff")) return where === "resident" ? next() : reply(say.staffOnly());
    if (where !== "staff" && where !== "private") return reply(say.staffRoomOnly());
    return reply(run(command, ctx.actor.name));
  };

  function run(c: RoomCommand, by: string): string {
    switch (c.type) {
      case "list-pending":
        return say.pendingList(rooms.pending());
      case "bind-number": {
        const room = rooms.pending()[c.number - 1];
        if (!room?.proposed) return say.noSuchNumber(c.number);
        return say.bound(rooms.bind(room.id, room.proposed, by)!);
      }
      case "bind-topic": {
        const found = byTopic(c.topic, rooms.all({ unbound: true }));
        if (typeof found === "string") return found;
        return say.bound(rooms.bind(found.id, c.role, by)!);
      }
      case "unbind": {
        const found = byTopic(c.topic, rooms.all());
        if (typeof found === "string") return found;
        if (found.bound === "staff" && rooms.idsByRole("staff").length === 1) return say.lastStaffRoom();
        return say.unbound(rooms.unbind(found.id, by)!);
      }
    }
  }
}

/** The one room with this topic, or the words saying why not. */
function byTopic(topic: string, among: KnownRoom[]): KnownRoom | string {
  const found = among.filter((r) => r.topic === topic);
  if (found.length === 0) return say.noSuchRoom(topic);
  if (found.length > 1) return say.severalRooms(topic, found.length);
  return found[0]!;
}
