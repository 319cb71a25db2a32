import { afterEach, beforeEach, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.js";
import { systemClock, type OutgoingMessage } from "../../src/core/types.js";
import { createOutbox, sendPriority } from "../../src/outbox/outbox.js";
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

it("sends queued rows of one kind to one chat as one message, each row marked sent once, and retries them together", async () => {
  const store = createSqliteOutboxStore(opened.sqlite!);
  const got: OutgoingMessage[] = [];
  let failFirst = true;
  const now = { t: Date.now() };
  const outbox = createOutbox({
    store,
    sender: {
      send: async (m) => {
        if (failFirst) {
          failFirst = false;
          throw new Error("timeout");
        }
        got.push(m);
      },
    },
    clock: { now: () => new Date(now.t) },
    logger: silentLogger,
    intervalMs: 0,
    jitterMs: 0,
    mergers: { ack: { max: 10, compose: (parts) => `都登记了: ${parts.join("、")}` } },
  });
  const to = { kind: "room" as const, id: "g1" };
  for (const [who, n] of [
    ["甲", 1],
    ["乙", 2],
    ["甲", 1],
  ] as const)
    await outbox.enqueue(
      { to, text: `${who} 登记了 #${n}`, mentionIds: [who] },
      { key: `ack:${who}:${got.length}:${Math.random()}`, merge: { kind: "ack", part: `${who} #${n}` } },
    );
  await outbox.enqueue({ to, text: "别的话" }, { key: "other" });
  await outbox.start();
  await outbox.idle();
  // The merged send failed: all three wait for their retry, the other row goes meanwhile.
  expect(got.map((m) => m.text)).toEqual(["别的话"]);
  now.t += 10_000;
  await outbox.idle();
  await outbox.stop();
  expect(got).toEqual([
    { to, text: "别的话", mentionIds: [] },
    { to, text: "都登记了: 甲 #1、乙 #2", mentionIds: ["甲", "乙"] },
  ]);
  expect(await store.countByState("wechaty")).toEqual({ sent: 4 });
});

it("a flood to one group does not hold up another: the other group's reply goes within two sends, each group in order", async () => {
  const got: OutgoingMessage[] = [];
  const outbox = createOutbox({
    store: createSqliteOutboxStore(opened.sqlite!),
    sender: { send: async (m) => void got.push(m) },
    clock: systemClock,
    logger: silentLogger,
    intervalMs: 0,
    jitterMs: 0,
    mergers: { ack: { max: 10, compose: (parts) => `都登记了: ${parts.join("、")}` } },
  });
  const a = { kind: "room" as const, id: "group-a" };
  const b = { kind: "room" as const, id: "group-b" };
  for (let i = 1; i <= 50; i++)
    await outbox.enqueue({ to: a, text: `甲群第${i}条` }, { key: `a${i}`, priority: sendPriority.reply });
  // Two acknowledgements to group B, queued after the flood: still one message, and early.
  for (const who of ["乙", "丙"])
    await outbox.enqueue(
      { to: b, text: `${who} 登记了`, mentionIds: [who] },
      { key: `b-${who}`, priority: sendPriority.reply, merge: { kind: "ack", part: who } },
    );
  await outbox.start();
  await outbox.idle();
  await outbox.stop();
  expect(got).toHaveLength(51);
  const bAt = got.findIndex((m) => m.to.id === "group-b");
  expect(bAt).toBeLessThanOrEqual(1);
  expect(got[bAt]).toEqual({ to: b, text: "都登记了: 乙、丙", mentionIds: ["乙", "丙"] });
  expect(got.filter((m) => m.to.id === "group-a").map((m) => m.text)).toEqual(
    Array.from({ length: 50 }, (_, i) => `甲群第${i + 1}条`),
  );
});

it("round-robin never lets a lower priority pass a higher one", async () => {
  const got: string[] = [];
  const outbox = createOutbox({
    store: createSqliteOutboxStore(opened.sqlite!),
    sender: { send: async (m) => void got.push(m.text) },
    clock: systemClock,
    logger: silentLogger,
    intervalMs: 0,
    jitterMs: 0,
  });
  const room = (id: string) => ({ kind: "room" as const, id });
  for (let i = 1; i <= 3; i++)
    await outbox.enqueue({ to: room("a"), text: `a-reply-${i}` }, { priority: sendPriority.reply });
  await outbox.enqueue({ to: room("b"), text: "b-broadcast" }, { priority: sendPriority.broadcast });
  await outbox.enqueue({ to: room("c"), text: "c-urgent" }, { priority: sendPriority.urgent });
  await outbox.enqueue({ to: room("b"), text: "b-reply" }, { priority: sendPriority.reply });
  await outbox.start();
  await outbox.idle();
  await outbox.stop();
  expect(got).toEqual(["c-urgent", "a-reply-1", "b-reply", "a-reply-2", "a-reply-3", "b-broadcast"]);
});
