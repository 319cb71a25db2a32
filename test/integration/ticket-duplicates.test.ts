// Closing a duplicate report ("同一次停水") over the real gRPC path: its resident is told the
// problem is being handled with the same report, not that it is solved, and 办结 does not count it.
import { describe, expect, it } from "vitest";
import { type PersonKey, testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

// Automatic linking off: this is staff closing a duplicate by hand (report-links-grpc covers linking).
const setup = useGrpcBot({ env: { LINLI_MERGE_WINDOW_HOURS: "0" } });

async function report(person: PersonKey, room: "residents" | "residents2", text: string): Promise<number> {
  const topic = testRooms[room];
  const before = setup.server.botSaid({ roomTopic: topic }).length;
  await setup.server.say(person, room, text);
  const ack = await waitFor(
    () =>
      setup.server
        .botSaid({ roomTopic: topic })
        .slice(before)
        .find((s) => /#\d+/.test(s.text)),
    "ack",
  );
  return Number(/#(\d+)/.exec(ack.text)![1]);
}

const residentsSaid = (room: string, words: string) =>
  setup.server.botSaid({ roomTopic: room }).find((s) => s.text.includes(words));

describe("closing a duplicate", () => {
  it("tells the resident it is handled with the same report, not 办结, and 本月办结 leaves it out", async () => {
    const first = await report("zhang", "residents", "3号楼停水了, 一滴水都没有");
    const second = await report("li", "residents", "我们3号楼家里也没水了");
    const third = await report("wang", "residents2", "3号楼停水 什么时候来水啊 家里老人要做饭");

    await setup.server.say("zhao", "staff", `关闭 ${second} 同一次停水`);
    const told = await waitFor(() => residentsSaid(testRooms.residents, `#${second} 您反映`), "resident told");
    expect(told.text).not.toContain("办结");
    expect(told.text).toContain("一起处理");
    await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes("重复")),
      "staff told it counts as a duplicate",
    );

    await setup.server.say("zhao", "staff", `关闭 ${third} 和#${first}是一件事`);
    const toWang = await waitFor(() => residentsSaid(testRooms.residents2, `#${third}`), "resident told");
    expect(toWang.text).not.toContain("办结");

    await setup.server.say("wang", "residents2", `进度 ${third}`);
    const progress = await waitFor(() => residentsSaid(testRooms.residents2, "状态"), "progress");
    expect(progress.text).toContain("一起处理");
    expect(progress.text).toContain(`同一件事 #${first}`);
    expect(progress.text).not.toContain("已办结");

    await setup.server.say("zhao", "staff", `关闭 ${first} 已恢复供水`);
    await waitFor(() => residentsSaid(testRooms.residents, "已恢复供水"), "first closed as solved");

    const tickets = await setup.bot.app.db.ticket.findMany({ orderBy: { id: "asc" } });
    expect(tickets.map((t) => t.closeKind)).toEqual(["resolved", "duplicate", "duplicate"]);

    await setup.server.say("zhao", "staff", "广播 每周一 18:00 所有居民群 本月办结{本月办结}件");
    await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes("已安排")),
      "scheduled",
    );
    await setup.server.say("zhao", "staff", "预览广播 1");
    const preview = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.staff }).find((s) => /本月办结\d+件/.test(s.text)),
      "preview",
    );
    expect(preview.text).toContain("本月办结1件");
  });
});
