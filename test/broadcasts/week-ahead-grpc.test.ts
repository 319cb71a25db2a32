// {本周活动} read on a Sunday, over the real gRPC path on a fake clock in China time: the
// coming days, with the dates they cover, not the week gone by.
import { describe, expect, it } from "vitest";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";
import { china, FakeClock } from "./broadcast-fixture.js";

const clock = new FakeClock(china("2026-11-29 09:30")); // a Sunday
const setup = useGrpcBot(() => ({ clock, env: { LINLI_KB: "demo/kb/activities.yaml" } }));

const staffSaid = (words: string) =>
  setup.server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes(words));

describe("立即广播 on a Sunday", () => {
  it("fills {本周活动} with the coming days and says which dates", async () => {
    setup.server.say("zhao", "staff", `广播 每周一 08:00 ${testRooms.residents} 本周活动：{本周活动}`);
    await waitFor(() => staffSaid("已安排"), "scheduled");
    setup.server.say("zhao", "staff", "立即广播 1");
    const sent = await waitFor(
      () => setup.server.botSaid({ roomTopic: testRooms.residents }).find((s) => s.text.startsWith("本周活动")),
      "broadcast in the residents' room",
    );
    expect(sent.text).toContain("11月29日(周日)至12月6日(周日)");
    expect(sent.text).toContain("12月1日(周二)、12月4日(周五)");
    expect(sent.text).not.toMatch(/11月2[3-8]日/);
  });
});
