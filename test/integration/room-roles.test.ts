// Roles cannot be taken by naming a group (issue 11), over the real gRPC path with the mock
// WeChat: a renamed residents' group, a new group named like the staff or volunteers' group, a
// robot URL typed in chat, staff's 工单 in a residents' group, and 好人好事 carrying @所有人.
import type { EventEmitter } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import * as PUPPET from "wechaty-puppet";
import type { mock } from "wechaty-puppet-mock";
import { type PersonKey, testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const setup = useGrpcBot();

/** A group a person creates with the bot in it; returns what the bot says there. */
function createGroup(topic: string, members: PersonKey[]) {
  const { mocker, botUser, people } = setup.server;
  const room = mocker.createRoom({ topic, memberIdList: [botUser.id, ...members.map((p) => people[p].id)] });
  const said: string[] = [];
  (room as unknown as EventEmitter).on("message", (m: mock.MessageMock) => {
    if (m.payload.talkerId === botUser.id) said.push(m.payload.text ?? "");
  });
  return { room, said, say: (p: PersonKey, text: string) => people[p].say(text).to(room) };
}

/**
 * A group renamed in WeChat; the bot sees the new name on the group's next message. (The mock's
 * own `room.topic(x).by(c)` event makes Wechaty's room-topic handler ask the puppet service for a
 * contact with the room's id, an unhandled rejection inside the library; a real rename while
 * the bot was away arrives just this way.)
 */
async function renameRoom(room: mock.RoomMock, topic: string): Promise<void> {
  room.payload.topic = topic;
  setup.server.puppet.emit("dirty", { payloadType: PUPPET.types.Dirty.Room, payloadId: room.id });
  // A real rename arrives as a room-topic event and the bot re-reads the room. The dirty mark alone can
  // race with a payload fetch already in flight, which then caches the old topic again.
  await (await setup.bot.bot.Room.find({ id: room.id }))?.sync();
}

const saidIn = (topic: string, words: string) =>
  setup.server.botSaid({ roomTopic: topic }).filter((s) => s.text.includes(words));

/** A resident's request, acknowledged with its number. */
async function raiseTicket(text: string): Promise<void> {
  setup.server.say("li", "residents", text);
  await waitFor(() => saidIn(testRooms.residents, "#1")[0], "the acknowledgement");
}

describe("a room's role comes from its binding, not its name", () => {
  it("first start binds the configured rooms and says so in the staff room", async () => {
    const rows = await setup.bot.app.db.room.findMany({ orderBy: { topic: "asc" } });
    expect(rows.map((r) => [r.topic, r.role, r.boundBy])).toEqual(
      expect.arrayContaining([
        [testRooms.staff, "staff", "first-start"],
        [testRooms.volunteers, "volunteer", "first-start"],
        [testRooms.residents, "resident", "auto"],
      ]),
    );
    expect(await setup.bot.app.db.roomEvent.count({ where: { action: "bound", by: "first-start" } })).toBe(2);
    const told = await setup.bot.app.db.outboxMessage.findMany({ where: { text: { startsWith: "首次启动" } } });
    expect(told.map((m) => [m.destId, m.state])).toEqual([[setup.server.rooms.staff.id, "sent"]]);
    expect(told[0]!.text).toContain(testRooms.volunteers);
    // Nothing else: the configured rooms are not reported as waiting for approval.
    expect(await setup.bot.app.db.outboxMessage.count({ where: { destId: setup.server.rooms.staff.id } })).toBe(1);
  });

  it("a residents' group renamed to the staff group's name gains no staff powers, is still served, and staff hear of it", async () => {
    const { server, bot } = setup;
    await raiseTicket("3号楼2单元楼道灯坏了, 电话13900000000");
    await renameRoom(server.rooms.residents2, testRooms.staff);
    await new Promise((r) => setTimeout(r, 200));
    server.say("wang", "residents2", "大家好");

    server.say("wang", "residents2", `广播 明天 08:00 ${testRooms.residents} 明天全天停水`);
    await waitFor(() => saidIn(testRooms.residents2, "社区工作人员")[0], "the broadcast refused");
    server.say("wang", "residents2", "工单");
    server.say("wang", "residents2", "关闭 1 已修好");
    await waitFor(() => saidIn(testRooms.residents2, "需要社区工作人员")[0], "the close refused");
    server.say("wang", "residents2", "电梯困人了, 快来人");
    await waitFor(() => saidIn(testRooms.residents2, "#2")[0], "the emergency answered");

    expect(await bot.app.db.broadcast.count()).toBe(0);
    expect((await bot.app.db.ticket.findUniqueOrThrow({ where: { id: 1 } })).status).toBe("open");
    const wangHeard = server
      .botSaid({ roomTopic: testRooms.residents2 })
      .map((s) => s.text)
      .join("\n");
    expect(wangHeard).not.toContain("楼道灯");
    expect(wangHeard).not.toContain("13900000000");
    expect(saidIn(testRooms.residents, "停水")).toEqual([]);
    // A notice, the lowest priority: it waits behind the emergency's alerts and every reply above.
    const told = await waitFor(() => saidIn(testRooms.staff, "改名")[0], "the rename reported to staff", 30_000);
    expect(told.text).toContain("仍按居民群对待");
  }, 60_000);

  it("a new group named like the staff group cannot broadcast", async () => {
    const rogue = createGroup(testRooms.staff, ["wang"]);
    rogue.say("wang", "大家好");
    rogue.say("wang", "广播 明天 08:00 所有居民群 明天全天停水");
    await waitFor(() => rogue.said.find((t) => t.includes("社区工作人员")), "the broadcast refused");
    expect(await setup.bot.app.db.broadcast.count()).toBe(0);
    await waitFor(() => saidIn(testRooms.staff, "还没有绑定")[0], "staff told of the namesake");
  });

  it("a new group named like the volunteers' group gets no cards, and its 认领 is refused", async () => {
    const { server, bot } = setup;
    const rogue = createGroup(testRooms.volunteers, ["wang"]);
    rogue.say("wang", "大家好");
    await new Promise((r) => setTimeout(r, 300));
    await raiseTicket("3号楼2单元水管漏水了, 电话13900000000");
    await waitFor(() => saidIn(testRooms.volunteers, "#1")[0], "the card in the real volunteers' group");

    rogue.say("wang", "认领 1");
    await waitFor(() => rogue.said.find((t) => t.includes("志愿者")), "the claim refused");
    await bot.app.outbox.idle();
    expect(rogue.said.filter((t) => t.includes("#1") && t.includes("漏水"))).toEqual([]);
    expect(server.botSaid({ toName: "王桂兰" })).toEqual([]);
    expect(rogue.said.join("\n")).not.toContain("13900000000");
    expect((await bot.app.db.ticket.findUniqueOrThrow({ where: { id: 1 } })).status).toBe("open");
    expect(saidIn(testRooms.residents, "会来帮您")).toEqual([]);
    await waitFor(() => saidIn(testRooms.staff, "还没有绑定")[0], "staff told of the namesake");
  });

  it("staff approve a namesake from the staff room, and only then is it a volunteers' group", async () => {
    const { server } = setup;
    const group = createGroup(testRooms.volunteers, ["wang"]);
    group.say("wang", "大家好");
    await waitFor(() => saidIn(testRooms.staff, "还没有绑定")[0], "staff told of the namesake");
    server.say("wang", null, "绑定 1");
    await waitFor(() => server.botSaid({ toName: "王桂兰" }).find((s) => s.text.includes("工作人员")), "refused");
    server.say("zhao", "staff", "待绑定的群");
    const list = await waitFor(() => saidIn(testRooms.staff, "待绑定的群：")[0], "the list");
    expect(list.text).toContain(`1. 「${testRooms.volunteers}」 → 志愿者群`);
    server.say("zhao", "staff", "绑定 1");
    await waitFor(() => saidIn(testRooms.staff, "已绑定")[0], "bound");
    await raiseTicket("3号楼2单元水管漏水了");
    await waitFor(() => group.said.find((t) => t.includes("#1")), "the card in the approved group");
    const row = await setup.bot.app.db.room.findUniqueOrThrow({ where: { id: group.room.id } });
    expect(row).toMatchObject({ role: "volunteer", boundBy: "赵书记" });
  });

  it("staff's 工单 in a residents' group reveals nothing", async () => {
    await raiseTicket("3号楼2单元楼道灯坏了");
    setup.server.say("zhao", "residents", "工单");
    const hint = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.residents }).find((s) => s.text.includes("工作群")),
      "the hint",
    );
    expect(hint.text).not.toContain("楼道灯");
    expect(saidIn(testRooms.residents, "楼道灯")).toEqual([]);
  });
});

describe("broadcast targets", () => {
  it("refuses a webhook URL typed in chat and calls nothing", async () => {
    const hits: string[] = [];
    const robot: Server = createServer((req, res) => {
      hits.push(req.url ?? "");
      res.end(JSON.stringify({ errcode: 0, errmsg: "ok" }));
    });
    await new Promise<void>((resolve) => robot.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/hook`;
    try {
      setup.server.say("zhao", "staff", `广播 每天 08:00 webhook:${url} 明天停水`);
      const refusal = await waitFor(() => saidIn(testRooms.staff, "LINLI_WECOM_ROBOTS")[0], "the refusal");
      expect(refusal.text).toContain("不能在聊天里写机器人网址");
      setup.server.say("zhao", "staff", "立即广播 1");
      await waitFor(() => saidIn(testRooms.staff, "没有找到广播 #1")[0], "nothing to send");
      await setup.bot.app.outbox.idle();
      expect(await setup.bot.app.db.broadcast.count()).toBe(0);
      expect(hits).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => robot.close(() => resolve()));
    }
  });

  it("sends a resident's 好人好事 with @所有人 and braces neutralised", async () => {
    const { server } = setup;
    server.say("zhang", "residents", "表扬 刘师傅修好了水管 @所有人 紧急通知：今晚停电 {本月满意率}");
    await waitFor(() => saidIn(testRooms.residents, "记下")[0], "the thanks noted");
    server.say("zhao", "staff", "采纳 1");
    await waitFor(() => saidIn(testRooms.staff, "采纳")[0], "approved");
    server.say("zhao", "staff", `广播 每周一 18:00 ${testRooms.residents} 本月好人好事：{好人好事}`);
    await waitFor(() => saidIn(testRooms.staff, "已安排")[0], "scheduled");
    server.say("zhao", "staff", "立即广播 1");
    const sent = await waitFor(() => saidIn(testRooms.residents, "本月好人好事")[0], "the broadcast");
    expect(sent.text).toContain("刘师傅修好了水管");
    expect(sent.text).toContain("紧急通知");
    expect(sent.text).not.toMatch(/[@＠]所有人/);
    expect(sent.text).not.toMatch(/[{}]/);
    expect(sent.text).not.toContain("暂无评价");
  });
});
