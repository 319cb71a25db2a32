// WeCom group robots as targets: named in config (LINLI_WECOM_ROBOTS), never a URL typed in
// chat; a second channel through its own outbox account; a robot that rejects a post gets staff told.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeTargets } from "../../src/broadcasts/broadcast-replies.js";
import { createBroadcastService } from "../../src/broadcasts/broadcast-service.js";
import { parseBroadcastCommand } from "../../src/broadcasts/parse-broadcast-command.js";
import { createWecomRobotSender } from "../../src/broadcasts/wecom-robot-sender.js";
import { createWecomWebhookSender } from "../../src/channels/wecom-webhook.js";
import { silentLogger } from "../../src/core/logger.js";
import { createOutbox } from "../../src/outbox/outbox.js";
import { createPrismaOutboxStore } from "../../src/store/prisma-outbox-store.js";
import { china, FakeClock, makeService, ROOMS, STAFF, tempDbPath } from "./broadcast-fixture.js";

const KEY = "0a1b2c3d-abcd";
const URL = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`;
const ROBOTS = { 物业群机器人: KEY };

let tmp: ReturnType<typeof tempDbPath>;
let s: Awaited<ReturnType<typeof makeService>>;
beforeEach(async () => {
  tmp = tempDbPath();
  s = await makeService(tmp.path, new FakeClock(china("2026-11-23 09:00")));
});
afterEach(async () => {
  await s.close();
  tmp.cleanup();
});

describe("webhook targets", () => {
  it("are named as in config, with rooms, and shown without the robot's key", () => {
    const c = parseBroadcastCommand(
      "广播 每天 08:00 物业群机器人、幸福里3号楼居民群 早上好",
      china("2026-11-23 07:00"),
      {
        knownTopics: [ROOMS.r3.topic],
        robots: Object.keys(ROBOTS),
      },
    );
    expect(c).toMatchObject({
      type: "schedule",
      targets: [
        { kind: "robot", name: "物业群机器人" },
        { kind: "room", topic: ROOMS.r3.topic },
      ],
      content: "早上好",
    });
    if (c?.type === "schedule")
      expect(describeTargets(c.targets)).toBe("企业微信机器人「物业群机器人」、幸福里3号楼居民群");
  });

  it("typed as a URL are refused, whatever the URL", () => {
    for (const text of [
      `广播 每天 08:00 webhook:${URL} 早上好`,
      "广播 每天 08:00 幸福里3号楼居民群、webhook:http://127.0.0.1:9/hook 早上好",
      "广播 每天 08:00 [webhook:http://10.0.0.1/x] 早上好",
    ]) {
      const c = parseBroadcastCommand(text, china("2026-11-23 07:00"), {
        knownTopics: [ROOMS.r3.topic],
        robots: Object.keys(ROBOTS),
      });
      expect(c).toMatchObject({ type: "error" });
      if (c?.type === "error") expect(c.message).toContain("LINLI_WECOM_ROBOTS");
    }
  });

  it("post through the robot's outbox, and a rejection is reported to the staff room", async () => {
    const posts: { url: string; body: unknown }[] = [];
    const fetch = (async (url: string, init: { body: string }) => {
      posts.push({ url, body: JSON.parse(init.body) });
      return new Response(JSON.stringify({ errcode: 93000, errmsg: "invalid webhook url" }), { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const clock = new FakeClock(china("2026-11-23 09:00"));
    const tellStaff = async (text: string, key: string) => {
      await s.outbox.enqueue({ to: { kind: "room", id: ROOMS.staff.id }, text, mentionIds: [] }, { key });
    };
    const robots = createOutbox({
      store: createPrismaOutboxStore(s.db),
      sender: createWecomRobotSender({
        webhook: createWecomWebhookSender({ fetch, clock }),
        robots: ROBOTS,
        clock,
        tellStaff,
      }),
      account: "wecom-robot",
      clock,
      logger: silentLogger,
      intervalMs: 0,
      jitterMs: 0,
      maxAttempts: 1,
    });
    const service = createBroadcastService({
      store: s.store,
      clock,
      liveData: s.liveData,
      outbox: s.outbox,
      webhookOutbox: robots,
      rooms: s.rooms,
      robots: Object.keys(ROBOTS),
      graceMinutes: 60,
      owner: "t",
      logger: silentLogger,
    });
    const b = await service.schedule(STAFF, {
      schedule: { cron: "0 8 * * *" },
      targets: [{ kind: "robot", name: "物业群机器人" }],
      content: "早上好",
    });
    const { result } = await service.sendNow(STAFF, b.id);
    expect(result).toMatchObject({ ok: true, rooms: 1 });
    await robots.start();
    for (
      let i = 0;
      i < 250 && (await s.db.outboxMessage.count({ where: { account: "wecom-robot", state: "pending" } })) > 0;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await robots.stop();
    expect(posts).toEqual([{ url: URL, body: { msgtype: "text", text: { content: "早上好" } } }]);
    const staff = (await s.queued()).filter((q) => q.to === ROOMS.staff.id);
    expect(staff).toHaveLength(1);
    expect(staff[0]!.text).toContain("企业微信机器人「物业群机器人」失败：invalid webhook url（错误码 93000）");
    expect(staff[0]!.text).not.toContain("0a1b2c3d");
    const rows = await s.db.outboxMessage.findMany({ where: { account: "wecom-robot" } });
    expect(JSON.stringify(rows)).not.toContain(KEY);
  });
});
