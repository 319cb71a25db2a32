import { afterEach, beforeEach, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.js";
import { systemClock, type OutgoingMessage } from "../../src/core/types.js";
import { createOutbox } from "../../src/outbox/outbox.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createSqliteOutboxStore } from "../../src/store/sqlite-outbox-store.js";
import { tempDir } from "../helpers/grpc-harness.js";

let tmp: ReturnType<typeof tempDir>;
let opened: OpenedDatabase;
beforeEach(async () => {
  tmp = tempDir();
  opened = await openDatabase(`file:${tmp.dir}/o.db`);
});
afterEach(async () => {
  await opened.close();
  tmp.cleanup();
});

const msg = (i: number): OutgoingMessage => ({ to: { kind: "room", id: `room-${i % 3}` }, text: `第${i}条` });

it("paces a burst: no two sends closer than the configured gap, each message once", async () => {
  const times: number[] = [];
  const texts: string[] = [];
  const outbox = createOutbox({
    store: createSqliteOutboxStore(opened.sqlite!),
    sender: {
      send: async (m) => {
        times.push(performance.now());
        texts.push(m.text);
      },
    },
    clock: systemClock,
    logger: silentLogger,
    intervalMs: 60,
    jitterMs: 20,
  });
  await outbox.start();
  for (let i = 0; i < 12; i++) await outbox.enqueue(msg(i), { key: `k${i}` });
  for (let i = 0; i < 12; i++) await outbox.enqueue(msg(i), { key: `k${i}` }); // the same again: ignored
  while (texts.length < 12) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 200));
  await outbox.stop();
  expect(texts).toEqual(Array.from({ length: 12 }, (_, i) => `第${i}条`));
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(59);
});

it("retries a failed send later and gives up after the last attempt", async () => {
  let calls = 0;
  const now = { t: Date.now() };
  const outbox = createOutbox({
    store: createSqliteOutboxStore(opened.sqlite!),
    sender: {
      send: async () => {
        calls++;
        throw new Error("操作过于频繁");
      },
    },
    clock: { now: () => new Date(now.t) },
    logger: silentLogger,
    intervalMs: 0,
    jitterMs: 0,
    maxAttempts: 3,
  });
  await outbox.start();
  await outbox.enqueue(msg(1), { key: "only" });
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 60));
    now.t += 10 * 60_000; // past any backoff
    await outbox.enqueue(msg(100 + i), { key: `nudge${i}` }); // wakes the loop
  }
  await new Promise((r) => setTimeout(r, 100));
  await outbox.stop();
  const row = opened
    .sqlite!.prepare(`SELECT state, attempts, error FROM OutboxMessage WHERE dedupeKey = 'only'`)
    .get() as {
    state: string;
    attempts: number;
    error: string;
  };
  expect(row).toMatchObject({ state: "failed", attempts: 3, error: "操作过于频繁" });
  expect(calls).toBeGreaterThanOrEqual(3);
});

it("keeps the pace across a restart: the first send waits for the gap after the last one stored", async () => {
  const times: number[] = [];
  const lastSent = Date.now();
  const outbox = createOutbox({
    store: createSqliteOutboxStore(opened.sqlite!),
    sender: { send: async () => void times.push(Date.now()) },
    clock: systemClock,
    logger: silentLogger,
    intervalMs: 400,
    jitterMs: 0,
    pacing: { lastSentAt: async () => new Date(lastSent), noteSent: async () => {} },
  });
  await outbox.start();
  await outbox.enqueue(msg(1), { key: "after-takeover" });
  while (times.length < 1) await new Promise((r) => setTimeout(r, 10));
  await outbox.stop();
  expect(times[0]! - lastSent).toBeGreaterThanOrEqual(395);
});
