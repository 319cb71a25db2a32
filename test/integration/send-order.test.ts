// Over the real gRPC path with a paced outbox: the reply to the person who asked goes out
// before the work it confirms, and before broadcasts already waiting in the outbox.
import { describe, expect, it } from "vitest";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const setup = useGrpcBot({ env: { LINLI_SEND_INTERVAL_MS: "300" } });

const targets = `[${testRooms.residents},${testRooms.residents2},${testRooms.volunteers}]`;
const indexOf = (words: string) => setup.server.said.findIndex((s) => s.fromBot && s.text.includes(words));
const sentToRooms = (s: { fromBot: boolean; roomTopic: string | null }) => s.fromBot && s.roomTopic !== testRooms.staff;
/** Where a broadcast reached a target room (the staff room only ever sees it quoted). */
const firstSend = (words: string) => setup.server.said.findIndex((s) => sentToRooms(s) && s.text.includes(words));
const lastSend = (words: string) => setup.server.said.findLastIndex((s) => sentToRooms(s) && s.text.includes(words));

describe("send order", () => {
  it("confirms 立即广播 to the staff member before the broadcast reaches any room", async () => {
    setup.server.say("zhao", "staff", `广播 每周一 18:00 ${targets} 甲通知：明早停电。`);
    await waitFor(() => indexOf("已安排") >= 0, "first scheduled");
    setup.server.say("zhao", "staff", `广播 每周一 19:00 ${targets} 乙通知：周六义诊。`);
    await waitFor(() => setup.server.said.filter((s) => s.fromBot && s.text.includes("已安排")).length === 2, "second");

    setup.server.say("zhao", "staff", "立即广播 1");
    setup.server.say("zhao", "staff", "立即广播 2");
    await waitFor(
      () => setup.server.said.filter((s) => sentToRooms(s) && /[甲乙]通知/.test(s.text)).length === 6,
      "both broadcasts in three rooms",
    );
    const confirm1 = indexOf("广播 #1 马上发送");
    const confirm2 = indexOf("广播 #2 马上发送");
    expect(setup.server.said[confirm1]?.roomTopic).toBe(testRooms.staff);
    expect(confirm1).toBeLessThan(firstSend("甲通知"));
    // The second confirmation jumps the first broadcast's rooms still waiting for their turn.
    expect(confirm2).toBeGreaterThanOrEqual(0);
    expect(confirm2).toBeLessThan(lastSend("甲通知"));
    expect(confirm2).toBeLessThan(firstSend("乙通知"));
  });
});
