// A room's owner is recorded with its binding (issue 11): first start, staff's 绑定 and the CLI
// store it; a bound room later seen with another owner keeps its role, staff hear of it once,
// and the audit trail says so. The registry runs on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RoomNotice, RoomRegistry } from "../../src/people/room-registry.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createPrismaRoomStore } from "../../src/store/prisma-room-store.js";
import { tempDir } from "../helpers/grpc-harness.js";

const patterns = { resident: ["/居民群$/"], volunteer: ["志愿者服务群"], staff: ["社区工作群"] };

let tmp: ReturnType<typeof tempDir>;
let database: OpenedDatabase;
beforeEach(async () => {
  tmp = tempDir();
  database = await openDatabase(`file:${tmp.dir}/linli.db`);
});
afterEach(async () => {
  await database.close();
  tmp.cleanup();
});

async function registry() {
  const notices: RoomNotice[] = [];
  const rooms = new RoomRegistry(patterns, {
    store: createPrismaRoomStore(database.db),
    onNotice: (n) => notices.push(n),
  });
  await rooms.load();
  return { rooms, notices };
}

describe("a room's owner", () => {
  it("is stored when the room is bound: first start, a residents' group, and staff's approval", async () => {
    // r-v: the puppet gives no owner; bound at first start, then unbound.
    const { rooms } = await registry();
    rooms.register("r-staff", "社区工作群", "u-zhao");
    rooms.register("r-3", "幸福里3号楼居民群", "u-li");
    rooms.register("r-v", "志愿者服务群", null);
    rooms.bindFirstStart();
    rooms.unbind("r-v", "赵书记");
    rooms.register("r-v2", "志愿者服务群", "u-liu");
    rooms.bind("r-v2", "volunteer", "赵书记");
    await rooms.flush();

    const stored = await createPrismaRoomStore(database.db).list();
    expect(stored.map((r) => [r.id, r.role, r.ownerId])).toEqual([
      ["r-3", "resident", "u-li"],
      ["r-staff", "staff", "u-zhao"],
      ["r-v", null, null],
      ["r-v2", "volunteer", "u-liu"],
    ]);
    const events = await database.db.roomEvent.findMany({ where: { action: "bound" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.roomId, e.ownerId])).toEqual([
      ["r-3", "u-li"],
      ["r-staff", "u-zhao"],
      ["r-v", null],
      ["r-v2", "u-liu"],
    ]);
  });

  it("changed on a bound room keeps its role, tells staff once, and is audited; a restart reads the new owner", async () => {
    const first = await registry();
    first.rooms.register("r-staff", "社区工作群", "u-zhao");
    first.rooms.bindFirstStart();
    await first.rooms.flush();

    // Seen again after a restart with another owner.
    const second = await registry();
    const room = second.rooms.register("r-staff", "社区工作群", "u-other");
    expect(room).toMatchObject({ role: "staff", bound: "staff", ownerId: "u-other" });
    expect(second.notices).toEqual([{ kind: "owner-changed", room, from: "u-zhao" }]);
    // Seen again the same: nothing more; seen without an owner (an event): the owner is kept.
    second.rooms.register("r-staff", "社区工作群", "u-other");
    expect(second.rooms.register("r-staff", "社区工作群")).toMatchObject({ ownerId: "u-other" });
    expect(second.notices).toHaveLength(1);
    await second.rooms.flush();

    const third = await registry();
    third.rooms.register("r-staff", "社区工作群", "u-other");
    expect(third.notices).toEqual([]);
    expect(third.rooms.get("r-staff")).toMatchObject({ role: "staff", ownerId: "u-other" });

    const events = await database.db.roomEvent.findMany({ where: { roomId: "r-staff" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.role, e.ownerId, e.by])).toEqual([
      ["bound", "staff", "u-zhao", "first-start"],
      ["owner-changed", "staff", "u-other", "wechat"],
    ]);
  });

  it("unknown at binding (the CLI's) is recorded when first seen, without telling staff", async () => {
    const store = createPrismaRoomStore(database.db);
    await store.apply({ action: "seen", id: "r-v", topic: "志愿者服务群", at: new Date() });
    await store.apply({
      action: "bound",
      id: "r-v",
      topic: "志愿者服务群",
      role: "volunteer",
      ownerId: null,
      by: "cli",
      at: new Date(),
    });

    const { rooms, notices } = await registry();
    rooms.register("r-v", "志愿者服务群", "u-liu");
    await rooms.flush();
    expect(notices).toEqual([]);
    expect((await store.list())[0]).toMatchObject({ role: "volunteer", ownerId: "u-liu", boundBy: "cli" });
    const events = await database.db.roomEvent.findMany({ orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["bound", "owner-recorded"]);
  });

  it("of an unbound room is forgotten by the store when unbound, and a new binding records the owner seen", async () => {
    const { rooms } = await registry();
    rooms.register("r-3", "幸福里3号楼居民群", "u-li");
    rooms.unbind("r-3", "赵书记");
    await rooms.flush();
    expect((await createPrismaRoomStore(database.db).list())[0]).toMatchObject({ role: null, ownerId: null });
    rooms.register("r-3", "幸福里3号楼居民群", "u-wang");
    rooms.bind("r-3", "resident", "赵书记");
    await rooms.flush();
    expect((await createPrismaRoomStore(database.db).list())[0]).toMatchObject({ role: "resident", ownerId: "u-wang" });
  });
});
