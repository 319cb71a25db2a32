// Follow-up over the real gRPC path: a ticket left unclaimed past its limit is reminded in the
// volunteers' group, escalated to staff and its resident told, each exactly once; 进展, 延期 and
// 值班 in chat.
import { describe, expect, it } from "vitest";
import type { FollowUpFeature } from "../../src/features/follow-up.js";
import { chinaTimeToDate } from "../../src/text/china-time.js";
import { createFakeClock } from "../helpers/fake-clock.js";
import { testRooms, useGrpcBot, waitFor } from "../helpers/grpc-harness.js";

// Monday 2026-11-23, 10:00 China time.
const clock = createFakeClock(chinaTimeToDate(2026, 11, 23, 10));
const setup = useGrpcBot(() => {
  clock.set(chinaTimeToDate(2026, 11, 23, 10));
  return { clock };
});

const followUp = () => (setup.bot.app.features.find((f) => f.name === "followUp") as FollowUpFeature).service;
const count = (room: string | null, pattern: RegExp, toName?: string) =>
  setup.server.botSaid(room ? { roomTopic: room } : { toName }).filter((s) => pattern.test(s.text)).length;
const settle = () => setup.bot.app.outbox.idle();

async function report(text: string): Promise<number> {
  await setup.server.say("zhang", "residents", text);
  const ack = await waitFor(
    () => setup.server.botSaid({ roomTopic: testRooms.residents }).find((s) => /#\d+/.test(s.text)),
    "acknowledgement",
  );
  return Number(/#(\d+)/.exec(ack.text)![1]);
}

describe("a ticket nobody claims", () => {
  it("is reminded, escalated and its resident told, each once", async () => {
    const id = await report("3号楼2单元楼道灯坏了好几天了");
    clock.set(chinaTimeToDate(2026, 11, 24, 8, 50)); // 75 % of one working day
    await followUp().run();
    await waitFor(() => count(testRooms.volunteers, /【催办】/) === 1, "reminder in the volunteers' group");
    clock.set(chinaTimeToDate(2026, 11, 24, 10, 1));
    await followUp().run();
    await waitFor(() => count(testRooms.staff, /【督办】/) === 1, "escalation to staff");
    await waitFor(() => count(testRooms.residents, /督促加快办理/) === 1, "resident told");
    clock.set(chinaTimeToDate(2026, 11, 24, 12));
    await followUp().run();
    await followUp().run();
    await new Promise((r) => setTimeout(r, 500));
    expect(count(testRooms.volunteers, new RegExp(`【催办】#${id}`))).toBe(1);
    expect(count(testRooms.staff, new RegExp(`【督办】#${id}`))).toBe(1);
    expect(count(testRooms.residents, /督促加快办理/)).toBe(1);
  });
});

describe("in chat", () => {
  it("进展 from the claimer reaches the resident; 延期 from staff moves the limit; 值班 sets who is on duty", async () => {
    const id = await report("3号楼2单元下水道堵了");
    await setup.server.say("liu", "volunteers", `认领 ${id}`);
    await waitFor(() => count(testRooms.residents, /刘志强/) > 0, "claimed");

    await setup.server.say("liu", "volunteers", `进展 ${id} 配件明天到`);
    await waitFor(() => count(testRooms.residents, /有新进展: 配件明天到/) === 1, "resident told of progress");
    await waitFor(() => count(testRooms.volunteers, /进展已记下/) === 1, "claimer answered");

    await setup.server.say("chen", "volunteers", `进展 ${id} 我也看看`);
    await waitFor(() => count(testRooms.volunteers, /只有处理人或社区工作人员/) === 1, "someone else refused");

    await setup.server.say("liu", "volunteers", `延期 ${id} 等配件 11月30日`);
    await waitFor(() => count(testRooms.volunteers, /需要社区工作人员/) === 1, "延期 is staff's");

    await setup.server.say("zhao", "staff", `延期 ${id} 等配件 11月30日`);
    await waitFor(() => count(testRooms.staff, /时限已延至 11月30日 17:30/) === 1, "staff answered");
    await waitFor(() => count(testRooms.residents, /因为等配件.*11月30日 17:30 前办好/) === 1, "resident told");

    const zhao = setup.server.people.zhao;
    await setup.server.people.zhao.say(`值班 @${zhao.payload.name}\u2005`, [zhao]).to(setup.server.rooms.staff);
    await waitFor(() => count(testRooms.staff, /值班已设为: 赵书记/) === 1, "duty set");
    await setup.server.say("zhao", "staff", "值班");
    await waitFor(() => count(testRooms.staff, /现在值班: 赵书记/) === 1, "duty shown");
    expect(await followUp().onDuty()).toEqual([{ id: zhao.id, name: "赵书记" }]);
    await settle();
  });
});
