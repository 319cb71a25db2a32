// Real time, briefly: the node-cron tick really fires and sends a due slot, and the outbox
// keeps the configured gap between two broadcast sends.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { broadcastsFeature } from "../../src/features/broadcasts.js";
import type { FeatureDeps } from "../../src/features/feature.js";
import { createPrismaOutageNoticeStore } from "../../src/store/prisma-outage-notice-store.js";
import { createOutageNotices } from "../../src/tickets/outage-notices.js";
import { silentLogger } from "../../src/core/logger.js";
import { type OutgoingMessage, systemClock } from "../../src/core/types.js";
import { createOutbox } from "../../src/outbox/outbox.js";
import { openDatabase, type OpenedDatabase } from "../../src/store/open-database.js";
import { startTimer } from "../../src/schedule/timer.js";
import { createPrismaOutboxStore } from "../../src/store/prisma-outbox-store.js";
import { makeRooms, STAFF, tempDbPath } from "./broadcast-fixture.js";

let tmp: ReturnType<typeof tempDbPath>;
let database: OpenedDatabase;
const stops: (() => Promise<void>)[] = [];

beforeEach(async () => {
  tmp = tempDbPath();
  database = await openDatabase(`file:${tmp.path}`);
});
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  await database.close();
  tmp.cleanup();
});

function setup(intervalMs: number, jitterMs: number) {
  const sends: { at: number; message: OutgoingMessage }[] = [];
  const outbox = createOutbox({
    store: createPrismaOutboxStore(database.db),
    sender: {
      send: async (message) => {
        sends.push({ at: performance.now(), message });
      },
    },
    clock: systemClock,
    logger: silentLogger,
    intervalMs,
    jitterMs,
  });
  const rooms = makeRooms();
  for (let i = 6; i <= 9; i++) {
    rooms.patterns.resident.push(`幸福里${i}号楼居民群`);
    rooms.register(`room-r${i}`, `幸福里${i}号楼居民群`);
  }
  const deps = {
    config: loadConfig({}),
    db: database.db,
    outbox,
    rooms,
    roles: { rolesOf: async () => new Set() },
    tickets: {},
    outageNotices: createOutageNotices({ store: createPrismaOutageNoticeStore(database.db), clock: systemClock }),
    clock: systemClock,
    logger: silentLogger,
  } as unknown as FeatureDeps;
  return { sends, outbox, rooms, deps };
}

async function until(probe: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the node-cron tick", () => {
  it("fires on its own and sends a slot that falls due", async () => {
    const { deps, sends, outbox } = setup(0, 0);
    // Every second for the test; production ticks once a minute.
    const feature = broadcastsFeature(deps, { tickCron: "* * * * * *" });
    await outbox.start();
    stops.push(() => outbox.stop());
    await feature.start!();
    stops.push(() => feature.stop!());
    for (const timer of feature.timers ?? []) stops.push(startTimer(timer, silentLogger).stop);
    await feature.service.schedule(STAFF, {
      schedule: { runAt: new Date(Date.now() + 1200) },
      targets: [{ kind: "room", topic: "幸福里3号楼居民群" }],
      content: "一分钟后的广播",
    });
    await until(() => sends.length > 0, 5000);
    expect(sends.map((s) => s.message.to.id)).toEqual(["room-r3"]);
    expect(await database.db.broadcastRun.count()).toBe(1);
  });
});

describe("pacing", () => {
  it("never sends two broadcast messages closer than the configured gap", async () => {
    const { deps, sends, outbox } = setup(100, 30);
    const feature = broadcastsFeature(deps);
    const b = await feature.service.schedule(STAFF, {
      schedule: { cron: "0 8 * * *" },
      targets: [{ kind: "group", group: "residents" }],
      content: "测试节奏",
    });
    await outbox.start();
    stops.push(() => outbox.stop());
    const { result } = await feature.service.sendNow(STAFF, b.id);
    expect(result).toMatchObject({ ok: true, rooms: 6 });
    await until(() => sends.length === 6, 5000);
    const gaps = sends.slice(1).map((s, i) => s.at - sends[i]!.at);
    // Timers may wake a hair early against performance.now(); 1 ms covers that, not a missed gap.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(99);
  });
});
