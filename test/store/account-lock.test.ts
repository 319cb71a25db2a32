// One sender per account, on SQLite and on PostgreSQL: a second process is refused with a
// clear message; a holder that stopped (released, its process gone, or silent too long) is
// taken over; the last send time survives a takeover.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.js";
import { AccountBusyError, acquireAccountLock } from "../../src/store/account-lock.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { tempDir } from "../helpers/grpc-harness.js";
import { freshPostgresSchema, postgresAvailable } from "../helpers/postgres.js";

const pgUp = await postgresAvailable();

const backends: { name: string; skip: boolean; open(): Promise<{ db: OpenedDatabase; cleanup(): Promise<void> }> }[] = [
  {
    name: "SQLite",
    skip: false,
    async open() {
      const tmp = tempDir();
      const db = await openDatabase(`file:${tmp.dir}/lock.db`);
      return { db, cleanup: async () => tmp.cleanup() };
    },
  },
  {
    name: "PostgreSQL",
    skip: !pgUp,
    async open() {
      const schema = await freshPostgresSchema();
      const db = await openDatabase(schema.url);
      return { db, cleanup: () => schema.drop() };
    },
  },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`account lock on ${backend.name}`, () => {
    let opened: OpenedDatabase;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ db: opened, cleanup } = await backend.open());
    });
    afterEach(async () => {
      await opened.close();
      await cleanup();
    });

    const base = { account: "svc-test", logger: silentLogger, onLost() {}, host: "host-a", isAlive: () => true };

    it("refuses a second sender for the same account, saying why in Chinese and English", async () => {
      const first = await acquireAccountLock(opened.db, { ...base, pid: 101 });
      const second = acquireAccountLock(opened.db, { ...base, pid: 202 });
      await expect(second).rejects.toBeInstanceOf(AccountBusyError);
      await expect(second).rejects.toThrow(/另一个 linli 进程 \(主机 host-a, 进程号 101\)/);
      await expect(second).rejects.toThrow(/Another linli process \(host host-a, pid 101\)/);
      // Another account on the same database is not affected.
      const other = await acquireAccountLock(opened.db, { ...base, account: "svc-other", pid: 202 });
      await other.release();
      await first.release();
    });

    it("takes over at once from a holder that released, or whose process on this host is gone", async () => {
      const first = await acquireAccountLock(opened.db, { ...base, pid: 101 });
      await first.release();
      const second = await acquireAccountLock(opened.db, { ...base, pid: 202 });
      // pid 202 crashed without releasing: a restart on the same host takes over.
      const third = await acquireAccountLock(opened.db, { ...base, pid: 303, isAlive: (pid) => pid !== 202 });
      await third.release();
      await second.release();
    });

    it("takes over from another host only once its heartbeat is stale", async () => {
      let t = Date.parse("2026-03-02T08:00:00Z");
      const now = () => new Date(t);
      await acquireAccountLock(opened.db, { ...base, host: "host-a", pid: 1, now, heartbeatMs: 60_000 });
      await expect(
        acquireAccountLock(opened.db, { ...base, host: "host-b", pid: 2, now, staleMs: 20_000 }),
      ).rejects.toBeInstanceOf(AccountBusyError);
      t += 21_000;
      const b = await acquireAccountLock(opened.db, { ...base, host: "host-b", pid: 2, now, staleMs: 20_000 });
      await b.release();
    });

    it("keeps the last send time across a takeover, so the pace holds", async () => {
      const first = await acquireAccountLock(opened.db, { ...base, pid: 101 });
      const at = new Date("2026-03-02T08:00:03Z");
      await first.noteSent(at);
      await first.release();
      const second = await acquireAccountLock(opened.db, { ...base, pid: 202 });
      expect((await second.lastSentAt())?.toISOString()).toBe(at.toISOString());
      await second.release();
    });

    it("tells the holder when another process took the account over", async () => {
      let lost = 0;
      const t0 = Date.parse("2026-03-02T08:00:00Z");
      // host-a's clock stands still (it stalled); host-b comes a minute later.
      await acquireAccountLock(opened.db, {
        ...base,
        host: "host-a",
        pid: 1,
        now: () => new Date(t0),
        heartbeatMs: 50,
        onLost: () => lost++,
      });
      const b = await acquireAccountLock(opened.db, {
        ...base,
        host: "host-b",
        pid: 2,
        now: () => new Date(t0 + 60_000),
        heartbeatMs: 60_000,
      });
      const until = Date.now() + 3000;
      while (!lost && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(lost).toBe(1);
      await b.release();
    });
  });
}
