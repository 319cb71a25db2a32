// The whole ticket loop over the real puppet-service gRPC path and a real SQLite file.
import { describe, expect, it } from "vitest";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const setup = useGrpcBot();

const lastBot = (room: string | null, toName?: string) =>
  setup.server.botSaid(room ? { roomTopic: room } : { toName }).at(-1)?.text ?? "";

describe("a resident's request", () => {
  it("becomes a ticket: acknowledged in the room, a masked card for volunteers, claimed, done and rated", async () => {
    await setup.server.say("zhang", "residents", "3号楼2单元501卫生间下水道堵了, 麻烦派人来看看, 电话13812345678");
    const ack = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.residents }).find((s) => /#\d+/.test(s.text)),
      "ack",
    );
    expect(ack.text).toMatch(/登记/);
    expect(ack.text).toContain("张秀英"); // the resident is @-mentioned
    const id = Number(/#(\d+)/.exec(ack.text)![1]);

    const card = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.volunteers }).find((s) => s.text.includes(`#${id}`)),
      "card",
    );
    expect(card.text).toContain("张**");
    expect(card.text).not.toContain("张秀英");
    expect(card.text).toContain("138****5678");
    expect(card.text).not.toContain("13812345678");
    expect(card.text).toMatch(/3号楼2单元501室/);

    await setup.server.say("liu", "volunteers", `认领 ${id}`);
    const contact = await waitFor(() => setup.server.botSaid({ toName: "刘志强" }).at(-1), "claimer's private message");
    expect(contact.text).toContain("13812345678");
    expect(contact.text).toContain("张秀英");
    await waitFor(() => lastBot(testRooms.residents).includes("刘志强"), "resident told who is coming");

    await setup.server.say("zhang", "residents", `进度 ${id}`);
    await waitFor(() => /志愿者: 刘志强/.test(lastBot(testRooms.residents)), "progress shows the volunteer");

    await setup.server.say("liu", "volunteers", `完成 ${id} 疏通好了`);
    await waitFor(() => /满意/.test(lastBot(testRooms.residents)), "asked to rate");

    await setup.server.say("zhang", "residents", "满意");
    await waitFor(() => /谢谢您的评价/.test(lastBot(testRooms.residents)), "rating thanked");

    const events = await setup.bot.app.db.ticketEvent.findMany({ where: { ticketId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["created", "claimed", "done", "rated"]);
    expect(events[1]!.actorName).toBe("刘志强");
    const ticket = await setup.bot.app.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(ticket).toMatchObject({ status: "closed", rating: 5, ratingLabel: "satisfied" });
  });

  it("alerts the staff room at once when urgent", async () => {
    await setup.server.say("li", "residents", "楼道里好大一股煤气味, 5号楼");
    const alert = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes("紧急")),
      "staff alert",
    );
    expect(alert.text).toMatch(/#\d+/);
  });

  it("does not make tickets of chit-chat or the bot's own messages", async () => {
    await setup.server.say("li", "residents", "早上好[太阳]");
    await setup.server.say("zhang", "residents", "楼道灯坏了, 3号楼2单元");
    await waitFor(() => setup.server.botSaid({ roomTopic: testRooms.residents }).length >= 1, "one ack");
    await setup.bot.app.bot.idle();
    expect(await setup.bot.app.db.ticket.count()).toBe(1);
  });
});

describe("claims", () => {
  it("gives a ticket to exactly one of eight volunteers claiming at once; the others are told who has it", async () => {
    // Those told while others' answers still wait are told together, each @-mentioned.
    const mentioned = (s: { text: string }) => s.text.match(/@/g)?.length ?? 0;
    await setup.server.say("zhang", "residents", "5号楼3单元楼道灯坏了好几天了");
    const ack = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.residents }).find((s) => /#\d+/.test(s.text)),
      "ack",
    );
    const id = Number(/#(\d+)/.exec(ack.text)![1]);
    const volunteers = ["liu", "chen", "v3", "v4", "v5", "v6", "v7", "v8"] as const;
    await Promise.all(volunteers.map((v) => setup.server.say(v, "volunteers", `认领 ${id}`)));
    await waitFor(
      () =>
        setup.server
          .botSaid({ roomTopic: testRooms.volunteers })
          .filter((s) => s.text.includes("已经被"))
          .reduce((n, s) => n + mentioned(s), 0) === 7,
      "seven told it is taken",
    );
    const ticket = await setup.bot.app.db.ticket.findUniqueOrThrow({ where: { id } });
    const claims = await setup.bot.app.db.ticketEvent.count({ where: { ticketId: id, type: "claimed" } });
    expect(claims).toBe(1);
    const winner = ticket.volunteerName!;
    const refusals = setup.server.botSaid({ roomTopic: testRooms.volunteers }).filter((s) => s.text.includes("已经被"));
    expect(refusals.every((s) => s.text.includes(winner))).toBe(true);
  });

  it("accepts a quote-reply of the task card, refuses residents, and re-posts a released card", async () => {
    await setup.server.say("zhang", "residents", "3号楼单元门的门禁坏了关不上");
    const card = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.volunteers }).find((s) => /新任务 #\d+/.test(s.text)),
      "card",
    );
    const id = Number(/#(\d+)/.exec(card.text)![1]);

    await setup.server.say("li", "residents", `认领 ${id}`);
    await waitFor(() => /志愿者群/.test(lastBot(testRooms.residents)), "resident refused");

    await setup.server.quoteReply("chen", "volunteers", card, "我来");
    await waitFor(() => lastBot(testRooms.volunteers).includes(`#${id} 已由 陈师傅 认领`), "claimed by quote");

    await setup.server.say("liu", "volunteers", `放弃 ${id}`);
    await waitFor(() => /只有认领人/.test(lastBot(testRooms.volunteers)), "only the claimer may release");

    await setup.server.say("chen", "volunteers", `放弃 ${id}`);
    await waitFor(() => /重新开放/.test(lastBot(testRooms.volunteers)), "card re-posted");
    expect(lastBot(testRooms.volunteers)).toContain(`认领 ${id}`);
  });
});

describe("staff", () => {
  it("lists open tickets oldest first, closes and assigns", async () => {
    await setup.server.say("zhang", "residents", "3号楼楼道堆满了杂物没人清理");
    await setup.server.say("li", "residents", "小区门口的路灯坏了");
    await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.residents }).filter((s) => /#\d+/.test(s.text)).length === 2,
      "two acks",
    );

    await setup.server.say("zhao", "staff", "工单");
    const list = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes("未办结工单")),
      "list",
    );
    expect(list.text.indexOf("#1")).toBeLessThan(list.text.indexOf("#2"));

    await setup.server.say("zhao", "staff", "关闭 1 已由物业处理");
    await waitFor(() => lastBot(testRooms.residents).includes("已由物业处理"), "resident told of closing");

    await setup.server.people.zhao.say("指派 2 @陈师傅", [setup.server.people.chen]).to(setup.server.rooms.staff);
    await waitFor(
      () => setup.server.botSaid({ toName: "陈师傅" }).some((s) => s.text.includes("#2")),
      "assignee told privately",
    );
    const t2 = await setup.bot.app.db.ticket.findUniqueOrThrow({ where: { id: 2 } });
    expect(t2).toMatchObject({ status: "claimed", volunteerName: "陈师傅" });

    await setup.server.say("zhao", null, "工单");
    const privately = await waitFor(
      () => setup.server.botSaid({ toName: "赵书记" }).find((s) => s.text.includes("未办结工单")),
      "private list",
    );
    expect(privately.text).toContain("#2");

    await setup.server.say("li", "residents", "关闭 2 不要了");
    await waitFor(() => /社区工作人员来做/.test(lastBot(testRooms.residents)), "resident refused");
  });
});

describe("bad input", () => {
  it("answers pictures with a hint, malformed and unknown numbers clearly, and keeps going", async () => {
    await setup.server.sendImage("zhang", "residents");
    await waitFor(() => /文字/.test(lastBot(testRooms.residents)), "hint for a picture");

    await setup.server.say("liu", "volunteers", "认领 abc");
    await waitFor(() => /认领 12/.test(lastBot(testRooms.volunteers)), "example for a bad number");

    await setup.server.say("liu", "volunteers", "完成 99999");
    await waitFor(() => /没有找到 #99999/.test(lastBot(testRooms.volunteers)), "unknown ticket");

    const long = `3号楼2单元楼道灯坏了,${"这个问题已经反映好多次了".repeat(250)}`;
    await setup.server.say("zhang", "residents", long);
    const ack = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.residents }).find((s) => /#\d+/.test(s.text)),
      "ack for a long text",
    );
    const id = Number(/#(\d+)/.exec(ack.text)![1]);
    const t = await setup.bot.app.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(t.text.length).toBe(long.length);
    const card = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.volunteers }).find((s) => s.text.includes(`#${id}`)),
      "card",
    );
    expect(card.text.length).toBeLessThan(300);
  });
});

describe("asking the bot directly", () => {
  it("hands a question the parser took for small talk to a person instead of staying silent", async () => {
    await setup.server.say("li", "residents", "小区能不能办护照", { mentionBot: true });
    await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes("护照")),
      "hand-over to staff",
    );
    await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.residents }).find((s) => s.text.includes("李建国")),
      "reply to the asker",
    );
  });
});
