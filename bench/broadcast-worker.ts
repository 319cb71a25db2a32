// One bot process for bench/broadcast.ts, without WeChat: the broadcast feature's service
// and the real outbox on a SQLite file, with a fake sender that appends every send to a
// log file (synchronously, so a SIGKILL loses no line that reached "WeChat").
// Usage: tsx bench/broadcast-worker.ts <db file> <send log> <intervalMs> <jitterMs>
import { appendFileSync } from "node:fs";
import { createBroadcastService } from "../src/broadcasts/broadcast-service.js";
import { createLiveData } from "../src/broadcasts/create-live-data.js";
import { monthFiguresFrom } from "../src/features/reports.js";
import { defaultRules } from "../src/follow-up/follow-up-rules.js";
import { silentLogger } from "../src/core/logger.js";
import { systemClock } from "../src/core/types.js";
import { createOutbox } from "../src/outbox/outbox.js";
import { RoomRegistry } from "../src/people/room-registry.js";
import { openDatabase } from "../src/store/open-database.js";
import { createPrismaBroadcastStore } from "../src/store/prisma-broadcast-store.js";
import { createPrismaOutboxStore } from "../src/store/prisma-outbox-store.js";

export const BENCH_ROOMS = 50;

export function benchRooms(): RoomRegistry {
  const rooms = new RoomRegistry({ resident: ["/居民群$/"], volunteer: [], staff: ["社区工作群"] });
  for (let i = 1; i <= BENCH_ROOMS; i++) rooms.register(`room-${i}`, `幸福里${i}号楼居民群`);
  rooms.register("room-staff", "社区工作群");
  rooms.bindFirstStart();
  return rooms;
}

async function main(): Promise<void> {
  const [dbPath, logPath, interval, jitter] = process.argv.slice(2);
  if (!dbPath || !logPath) throw new Error("usage: broadcast-worker <db> <log> <intervalMs> <jitterMs>");
  const database = await openDatabase(`file:${dbPath}`);
  const store = createPrismaBroadcastStore(database.db);
  const outbox = createOutbox({
    store: createPrismaOutboxStore(database.db),
    sender: {
      async send(m) {
        appendFileSync(logPath, `${Date.now()}\t${process.pid}\t${m.to.id}\t${m.text}\n`);
      },
    },
    clock: systemClock,
    logger: silentLogger,
    intervalMs: Number(interval ?? 20),
    jitterMs: Number(jitter ?? 0),
  });
  const service = createBroadcastService({
    store,
    clock: systemClock,
    liveData: createLiveData(store, monthFiguresFrom(database.db, defaultRules())),
    outbox,
    rooms: benchRooms(),
    graceMinutes: 60,
    owner: `bench:${process.pid}`,
    logger: silentLogger,
  });
  await outbox.start();
  await service.tick();
  // Stands in for the minute tick, faster so the bench is short.
  const timer = setInterval(() => void service.tick().catch(() => undefined), 100);
  process.send?.("ready");
  process.on("SIGTERM", async () => {
    clearInterval(timer);
    await service.idle();
    await outbox.stop();
    await database.close();
    process.exit(0);
  });
}

if (process.argv[1]?.endsWith("broadcast-worker.ts")) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
