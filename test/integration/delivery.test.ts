// Urgent first at the account's safe pace, over the real gRPC path: an emergency jumps a flood
// and a big broadcast, queued messages of one kind to one chat go as one, one resident's burst
// is folded, and room numbers like 119/120 are rooms.
import { describe, expect, it } from "vitest";
import { sendPriority } from "../../src/outbox/outbox.js";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

/** Waits for an asynchronous condition (the harness's waitFor probes synchronously). */
async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const problems = [
  "楼道灯坏了",
  "水管漏水",
  "下水道堵了",
  "电梯不动了",
  "门禁刷不开",
  "暖气不热",
  "窗户关不上",
  "垃圾没人收",
  "井盖松了",
  "路灯不亮",
];

describe("an emergency behind a flood and a broadcast", () => {
  const setup = useGrpcBot({ env: { LINLI_SEND_INTERVAL_MS: "150", LINLI_OUTBOX_BACKLOG_ALERT: "20" } });

  it("sends the gas reply and the staff alert within two sends; the flood is folded and staff told once", async () => {
    const { server, bot } = setup;
    // A broadcast to fifty groups already waiting in the outbox.
    for (let i = 0; i < 50; i++) {
      const room = i % 2 ? server.rooms.residents : server.rooms.residents2;
      await bot.app.outbox.enqueue(
        { to: { kind: "room", id: room.id }, text: `【红色广播站】本周活动第${i + 1}条`, mentionIds: [] },
        { key: `test-broadcast:${i}`, priority: sendPriority.broadcast },
      );
    }
    // One resident sends 200 different requests at once.
    const burst = Array.from({ length: 200 }, (_, i) => `${(i % 20) + 1}号楼${problems[Math.floor(i / 20)]}`);
    for (const text of burst) server.say("li", "residents", text);
    await waitFor(() => server.said.filter((s) => !s.fromBot && s.fromName === "李建国").length === 200, "burst in");
    server.say("wang", "residents2", "我家厨房一股煤气味，好像漏气了");
    await waitFor(
      () => server.botSaid({ roomTopic: testRooms.residents2 }).some((s) => s.text.includes("要紧")),
      "urgent reply",
    );
    await waitFor(
      () => server.botSaid({ roomTopic: testRooms.staff }).some((s) => s.text.includes("紧急工单")),
      "staff alert",
    );
    // Counted where the bot queued them: how many sends went out between queueing and sending.
    const gas = await bot.database.db.ticket.findFirstOrThrow({ where: { residentName: "王桂兰" } });
    const marked = (key: string) =>
      bot.database.db.outboxMessage.count({ where: { dedupeKey: { startsWith: key }, state: "sent" } });
    // The mock hears a message a moment before the bot marks its row sent.
    await until(
      async () =>
        (await marked(`ticket:${gas.id}:created:urgent`)) > 0 && (await marked(`ticket:${gas.id}:created:ack`)) > 0,
      "rows marked sent",
    );
    const rows = await bot.database.db.outboxMessage.findMany({ where: { state: "sent" } });
    const sendsBefore = (key: string) => {
      const row = rows.find((r) => r.dedupeKey?.startsWith(key))!;
      const others = rows.filter((r) => r.sentAt! > row.createdAt && r.sentAt! < row.sentAt!);
      return new Set(others.map((r) => r.sentAt!.getTime())).size;
    };
    expect(sendsBefore(`ticket:${gas.id}:created:urgent`)).toBeLessThanOrEqual(1);
    expect(sendsBefore(`ticket:${gas.id}:created:ack`)).toBeLessThanOrEqual(2);

    await until(
      async () => (await bot.database.db.inboundMessage.count({ where: { state: "done" } })) >= 201,
      "handled",
      60_000,
    );
    const tickets = await bot.database.db.ticket.findMany({
      where: { residentName: "李建国" },
      orderBy: { id: "asc" },
    });
    // Folded into a few tickets, the first request kept, and the rest kept with the latest.
    expect(tickets.length).toBeLessThanOrEqual(5);
    // Every request kept, the first ones as tickets (WeChat may deliver a burst slightly out of
    // order), the rest folded into the latest.
    const folded = await bot.database.db.ticketEvent.findMany({ where: { type: "folded" } });
    expect([...tickets.map((t) => t.text), ...folded.map((e) => e.note)].sort()).toEqual([...burst].sort());
    await waitFor(() => server.botSaid().some((s) => s.text.includes("都记下了")), "told kindly", 30_000);
    expect(server.botSaid().filter((s) => s.text.includes("都记下了"))).toHaveLength(1);
    await waitFor(
      () => server.botSaid({ roomTopic: testRooms.staff }).some((s) => s.text.includes("发送积压")),
      "backlog",
    );
    await bot.app.outbox.idle();
    expect(server.botSaid({ roomTopic: testRooms.staff }).filter((s) => s.text.includes("发送积压"))).toHaveLength(1);
  }, 90_000);
});

describe("merged sends", () => {
  const setup = useGrpcBot({ env: { LINLI_SEND_INTERVAL_MS: "1500" } });

  it("acknowledges residents of one group in one message naming each and their ticket, and merges the cards", async () => {
    const { server } = setup;
    server.say("wang", "residents2", "5号楼楼道灯坏了"); // goes out at once; the next wait for the gap
    await waitFor(() => server.botSaid({ roomTopic: testRooms.residents2 }).length === 1, "first ack");
    server.say("li", "residents", "3号楼2单元水管漏水了");
    server.say("zhang", "residents", "3号楼1单元门禁刷不开");
    const acks = await waitFor(
      () => {
        const said = server.botSaid({ roomTopic: testRooms.residents });
        return said.length > 0 && said;
      },
      "acks",
      15_000,
    );
    expect(acks).toHaveLength(1);
    const ack = acks[0]!.text;
    expect(ack).toContain("李建国 #");
    expect(ack).toContain("张秀英 #");
    expect(ack).toContain("@李建国");
    expect(ack).toContain("@张秀英");
    const numbers = [...ack.matchAll(/#(\d+)/g)].map((m) => m[1]);
    expect(new Set(numbers)).toEqual(new Set(["2", "3"]));
    // Three task cards, at most two sends to the volunteers.
    const cards = await waitFor(
      () => {
        const said = server.botSaid({ roomTopic: testRooms.volunteers });
        return ["#1", "#2", "#3"].every((n) => said.some((s) => s.text.includes(n))) && said;
      },
      "cards",
      20_000,
    );
    expect(cards.length).toBeLessThanOrEqual(2);
  }, 30_000);

  it("tells the losers of a claim race in one message", async () => {
    const { server, bot } = setup;
    server.say("li", "residents", "3号楼2单元水管漏水了");
    await waitFor(() => server.botSaid({ roomTopic: testRooms.volunteers }).length === 1, "card");
    const racers = ["liu", "chen", "v3", "v4", "v5", "v6", "v7"] as const;
    for (const v of racers) server.say(v, "volunteers", "认领 1");
    await until(
      async () => (await bot.database.db.inboundMessage.count({ where: { state: "done" } })) === 8,
      "claims handled",
    );
    await bot.app.outbox.idle();
    const notices = server.botSaid({ roomTopic: testRooms.volunteers }).filter((s) => s.text.includes("已经被"));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text.match(/@/g)?.length).toBe(6);
  }, 40_000);
});

describe("the same words again and again", () => {
  const setup = useGrpcBot({ env: { LINLI_SEND_INTERVAL_MS: "200" } });

  it("answers 200 identical texts once, with one ticket", async () => {
    const { server, bot } = setup;
    for (let i = 0; i < 200; i++) server.say("li", "residents", "3号楼2单元楼道灯坏了");
    await until(
      async () => (await bot.database.db.inboundMessage.count({ where: { state: "done" } })) === 200,
      "all handled",
      60_000,
    );
    await bot.app.outbox.idle();
    expect(await bot.database.db.ticket.count()).toBe(1);
    expect(server.botSaid({ roomTopic: testRooms.residents })).toHaveLength(1);
  }, 90_000);
});

describe("room numbers", () => {
  const setup = useGrpcBot();

  it("treats 119 and 120 in an address as rooms, and a call for 120 as urgent", async () => {
    const { server } = setup;
    server.say("li", "residents", "3号楼1单元120室暖气不热");
    server.say("wang", "residents2", "2号楼4单元119室门禁坏了");
    await waitFor(() => server.botSaid({ roomTopic: testRooms.residents }).length >= 1, "li's ack");
    await waitFor(() => server.botSaid({ roomTopic: testRooms.residents2 }).length >= 1, "wang's ack");
    await setup.bot.app.outbox.idle();
    expect(server.botSaid({ roomTopic: testRooms.staff })).toEqual([]);
    for (const s of server.botSaid()) expect(s.text).not.toContain("要紧");

    server.say("zhang", "residents", "快打120，我家老人晕倒了");
    await waitFor(
      () => server.botSaid({ roomTopic: testRooms.staff }).some((s) => s.text.includes("紧急工单")),
      "urgent alert",
    );
  });
});
