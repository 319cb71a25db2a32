// End to end over the real puppet-service gRPC path and a real SQLite file: staff schedule
// in their room, the broadcast reaches both residents' rooms once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BroadcastFeature } from "../../src/features/broadcasts.js";
import {
  startBot,
  startWechatServer,
  tempDir,
  testRooms,
  waitFor,
  type WechatServer,
} from "../helpers/grpc-harness.js";
import { china, FakeClock } from "./broadcast-fixture.js";

let server: WechatServer;
let tmp: ReturnType<typeof tempDir>;
let bot: Awaited<ReturnType<typeof startBot>>;
let clock: FakeClock;

beforeEach(async () => {
  tmp = tempDir();
  server = await startWechatServer();
  clock = new FakeClock(china("2026-11-23 07:58")); // a Monday
  bot = await startBot(server, `${tmp.dir}/linli.db`, { clock });
});
afterEach(async () => {
  await bot.stop();
  await server.stop();
  tmp.cleanup();
});

const feature = () => bot.app.features.find((f) => f.name === "broadcasts") as BroadcastFeature;
const residentsGot = (words: string) =>
  [testRooms.residents, testRooms.residents2].map(
    (room) => server.botSaid({ roomTopic: room }).filter((s) => s.text.includes(words)).length,
  );
const staffSaid = (words: string) => server.botSaid({ roomTopic: testRooms.staff }).find((s) => s.text.includes(words));

describe("the 红色广播站 over WeChat", () => {
  it("sends 立即广播 to both residents' rooms once", async () => {
    server.say("zhao", "staff", "广播 每周一 18:00 所有居民群 今晚降温，请关好门窗。");
    const ok = await waitFor(() => staffSaid("已安排"), "confirmation");
    expect(ok.text).toContain("接下来：11月23日(周一) 18:00、11月30日(周一) 18:00、12月7日(周一) 18:00");

    server.say("zhao", "staff", "立即广播 1");
    await waitFor(() => staffSaid("马上发送"), "send-now reply");
    await waitFor(() => residentsGot("今晚降温").every((n) => n === 1), "broadcast in both rooms");
    await bot.app.outbox.idle();
    expect(residentsGot("今晚降温")).toEqual([1, 1]);
    expect(server.botSaid({ roomTopic: testRooms.volunteers }).filter((s) => s.text.includes("今晚降温"))).toEqual([]);
  });

  it("sends a one-off a minute ahead when the clock reaches it, once", async () => {
    server.say(
      "zhao",
      "staff",
      `广播 今天 08:00 ${testRooms.residents},${testRooms.residents2} 八点整：今天上午九点停水两小时。`,
    );
    await waitFor(() => staffSaid("已安排"), "confirmation");

    clock.set(china("2026-11-23 08:00"));
    clock.advance(5_000);
    await feature().tick();
    clock.advance(60_000);
    await feature().tick();
    await waitFor(() => residentsGot("停水两小时").every((n) => n >= 1), "broadcast in both rooms");
    await bot.app.outbox.idle();
    expect(residentsGot("停水两小时")).toEqual([1, 1]);
    expect(await bot.app.db.broadcastRun.count()).toBe(1);
  });

  it("refuses a resident, politely, and stores nothing", async () => {
    server.say("zhang", "residents", "广播 每天 08:00 所有居民群 明天我家办喜事");
    await waitFor(
      () => server.botSaid({ roomTopic: testRooms.residents }).find((s) => s.text.includes("社区工作人员")),
      "refusal",
    );
    expect(await bot.app.db.broadcast.count()).toBe(0);
  });
});
