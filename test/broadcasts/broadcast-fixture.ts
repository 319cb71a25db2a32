// A broadcast service on a real SQLite file, a fake clock and the real outbox (not started:
// tests read the stored outbox rows, which is what would be sent).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createBroadcastService } from "../../src/broadcasts/broadcast-service.js";
import { createLiveData } from "../../src/broadcasts/create-live-data.js";
import { monthFiguresFrom } from "../../src/features/reports.js";
import { defaultRules } from "../../src/follow-up/follow-up-rules.js";
import { silentLogger } from "../../src/core/logger.js";
import type { Clock } from "../../src/core/types.js";
import { createOutbox } from "../../src/outbox/outbox.js";
import { RoomRegistry } from "../../src/people/room-registry.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createPrismaBroadcastStore } from "../../src/store/prisma-broadcast-store.js";
import { createPrismaOutboxStore } from "../../src/store/prisma-outbox-store.js";

export const ROOMS = {
  r3: { id: "room-r3", topic: "幸福里3号楼居民群" },
  r5: { id: "room-r5", topic: "幸福里5号楼居民群" },
  vol: { id: "room-vol", topic: "志愿者服务群" },
  staff: { id: "room-staff", topic: "社区工作群" },
};

export const STAFF = { id: "wx-zhao", name: "赵书记" };
export const RESIDENT = { id: "wx-zhang", name: "张秀英" };

/** China wall-clock time as a Date (`2026-11-23 08:00` → 00:00Z). */
export function china(text: string): Date {
  return new Date(`${text.replace(" ", "T")}:00+08:00`);
}

export class FakeClock implements Clock {
  constructor(private t: Date) {}
  now(): Date {
    return new Date(this.t.getTime());
  }
  set(d: Date): void {
    this.t = d;
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export function makeRooms(): RoomRegistry {
  const rooms = new RoomRegistry({
    resident: [ROOMS.r3.topic, ROOMS.r5.topic],
    volunteer: [ROOMS.vol.topic],
    staff: [ROOMS.staff.topic],
  });
  for (const r of Object.values(ROOMS)) rooms.register(r.id, r.topic);
  rooms.bindFirstStart();
  return rooms;
}

export function tempDbPath(): { path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "linli-broadcast-"));
  return { path: join(dir, "linli.db"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function makeService(
  dbPath: string,
  clock: Clock,
  opts: { graceMinutes?: number; rooms?: RoomRegistry; owner?: string; maxBytes?: number } = {},
) {
  const database: OpenedDatabase = await openDatabase(`file:${dbPath}`);
  const db = database.db;
  const store = createPrismaBroadcastStore(db);
  const outbox = createOutbox({
    store: createPrismaOutboxStore(db),
    sender: { send: async () => {} },
    clock,
    logger: silentLogger,
    intervalMs: 0,
    jitterMs: 0,
  });
  const rooms = opts.rooms ?? makeRooms();
  // The live data as features/broadcasts.ts wires it: the month's figures by the reports.
  const liveData = createLiveData(store, monthFiguresFrom(db, defaultRules()));
  const service = createBroadcastService({
    store,
    clock,
    liveData,
    outbox,
    rooms,
    graceMinutes: opts.graceMinutes ?? 60,
    owner: opts.owner ?? "test",
    logger: silentLogger,
    maxBytes: opts.maxBytes,
  });
  /** Outbox rows as [roomId, text], in queue order. */
  async function queued(): Promise<{ to: string; text: string; key: string | null }[]> {
    const rows = await db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    return rows.map((r) => ({ to: r.destId, text: r.text, key: r.dedupeKey }));
  }
  return { db, store, liveData, outbox, rooms, service, queued, close: () => database.close() };
}
