// Volunteers' own view over the real gRPC path: 我的任务 (what they hold), 任务 (open tasks,
// masked like cards), and 工单 from a volunteer meaning the same as 任务.
import { describe, expect, it } from "vitest";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

const setup = useGrpcBot();

const volunteersSaid = (words: string) =>
  setup.server.botSaid({ roomTopic: testRooms.volunteers }).filter((s) => s.text.includes(words));

describe("volunteers' own view", () => {
  it("lists what a volunteer holds and the open tasks, masked, in their room or privately", async () => {
    await setup.server.say("zhang", "residents", "3号楼2单元楼道灯坏了 电话13800002222");
    // Two people's messages are handled in parallel: wait for #1 so that 李建国's is #2.
    await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.residents }).some((s) => s.text.includes("#1")),
      "张秀英's ticket #1",
    );
    await setup.server.say("li", "residents", "3号楼单元门的门禁坏了关不上");
    // Two cards (queued together they go as one message).
    await waitFor(
      () => ["#1", "#2"].every((n) => volunteersSaid("新任务").some((s) => s.text.includes(n))),
      "two cards",
    );
    await setup.server.say("liu", "volunteers", "认领 1");
    await waitFor(() => volunteersSaid("已由 刘志强 认领").length === 1, "claimed");

    await setup.server.say("liu", "volunteers", "我的任务");
    const mine = await waitFor(() => volunteersSaid("您手上的任务")[0], "my tasks");
    expect(mine.text).toContain("#1");
    expect(mine.text).not.toContain("#2");

    await setup.server.say("chen", "volunteers", "任务");
    const open = await waitFor(() => volunteersSaid("等人接的任务")[0], "open tasks");
    expect(open.text).toContain("#2");
    expect(open.text).not.toContain("#1 ");
    expect(open.text).toContain("李**");
    expect(open.text).not.toContain("李建国");

    await setup.server.say("chen", null, "工单");
    const privately = await waitFor(
      () => setup.server.botSaid({ toName: "陈师傅" }).find((s) => s.text.includes("等人接的任务")),
      "工单 from a volunteer, privately",
    );
    expect(privately.text).toContain("#2");
    expect(setup.server.botSaid({ toName: "陈师傅" }).some((s) => s.text.includes("您还没有登记过事项"))).toBe(false);

    await setup.server.say("chen", null, "我的任务");
    await waitFor(
      () => setup.server.botSaid({ toName: "陈师傅" }).find((s) => s.text.includes("您手上现在没有任务")),
      "nothing held",
    );
  });
});
