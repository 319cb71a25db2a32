// A room's owner over the real gRPC path with the mock WeChat (issue 11): recorded with the
// first start's binding; a later start that sees another owner keeps the room's role and tells
// staff once, in the staff room.
import { afterEach, describe, expect, it } from "vitest";
import * as PUPPET from "wechaty-puppet";
import { startBot, startWechatServer, tempDir, testRooms, waitFor } from "../helpers/grpc-harness.js";

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

describe("a room's owner", () => {
  it("is recorded at first start, and a new owner keeps the role while staff are told once", async () => {
    const tmp = tempDir();
    cleanups.push(() => tmp.cleanup());
    const server = await startWechatServer();
    cleanups.push(() => server.stop());
    const staffRoom = server.rooms.staff;
    staffRoom.payload.ownerId = server.people.zhao.id;
    const dbPath = `${tmp.dir}/linli.db`;

    let bot = await startBot(server, dbPath);
    const row = await bot.app.db.room.findUniqueOrThrow({ where: { id: staffRoom.id } });
    expect([row.role, row.ownerId, row.boundBy]).toEqual(["staff", server.people.zhao.id, "first-start"]);

    // The group changes hands (the service tells the client its room payload is stale); the
    // bot reads the owner again when it lists its rooms, here at its next start.
    staffRoom.payload.ownerId = server.people.wang.id;
    server.puppet.emit("dirty", { payloadType: PUPPET.types.Dirty.Room, payloadId: staffRoom.id });
    await new Promise((r) => setTimeout(r, 200));
    await bot.stop();
    bot = await startBot(server, dbPath);
    const told = await waitFor(
      () => server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes("群主换了人")),
      "staff told of the new owner",
    );
    expect(told.text).toContain(`「${testRooms.staff}」`);
    expect(told.text).toContain("仍按工作群对待");
    expect(told.text).toContain(`linli rooms unbind ${staffRoom.id}`);
    expect(bot.app.rooms.get(staffRoom.id)).toMatchObject({ role: "staff", ownerId: server.people.wang.id });
    const events = await bot.app.db.roomEvent.findMany({ where: { roomId: staffRoom.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.ownerId])).toEqual([
      ["bound", server.people.zhao.id],
      ["owner-changed", server.people.wang.id],
    ]);
    await bot.stop();

    // Another start with the same owner: nothing more to tell.
    bot = await startBot(server, dbPath);
    cleanups.push(() => bot.stop());
    await bot.app.outbox.idle();
    const notices = server.botSaid({ roomTopic: testRooms.staff }).filter((s) => s.text.includes("群主换了人"));
    expect(notices).toHaveLength(1);
    expect(await bot.app.db.roomEvent.count({ where: { action: "owner-changed" } })).toBe(1);
  });
});
