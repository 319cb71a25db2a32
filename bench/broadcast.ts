// `npm run bench:broadcast`: a broadcast to 50 rooms.
//  1. pacing: the real outbox at a scaled-down gap, measured; projected to the default 3 s + 0–2 s;
//  2. kill: a bot process SIGKILLed in the middle of the run, then restarted: sends per room;
//  3. two bot processes on one database, both ticking the same slot: sends per room.
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createBroadcastService } from "../src/broadcasts/broadcast-service.js";
import { createLiveData } from "../src/broadcasts/create-live-data.js";
import { monthFiguresFrom } from "../src/features/reports.js";
import { defaultRules } from "../src/follow-up/follow-up-rules.js";
import { silentLogger } from "../src/core/logger.js";
import { systemClock } from "../src/core/types.js";
import { createOutbox } from "../src/outbox/outbox.js";
import { openDatabase } from "../src/store/open-database.js";
import { createPrismaBroadcastStore } from "../src/store/prisma-broadcast-store.js";
import { createPrismaOutboxStore } from "../src/store/prisma-outbox-store.js";
import { BENCH_ROOMS, benchRooms } from "./broadcast-worker.js";

const DEFAULT_INTERVAL_MS = 3000;
const DEFAULT_JITTER_MS = 2000;
/** The scaled run keeps the ratio of gap to jitter: 3000/2000 → 60/40. */
const SCALE = 50;
const STAFF = { id: "bench", name: "赵书记" };
const CONTENT = "【红色广播站】本周六上午9点中心广场彩虹义务维修，修小家电、自行车、雨伞，欢迎邻居们来。";
const worker = fileURLToPath(new URL("./broadcast-worker.ts", import.meta.url));

const dir = mkdtempSync(join(tmpdir(), "linli-bench-broadcast-"));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pacing() {
  const database = await openDatabase(`file:${join(dir, "pacing.db")}`);
  const sends: number[] = [];
  const intervalMs = DEFAULT_INTERVAL_MS / SCALE;
  const jitterMs = DEFAULT_JITTER_MS / SCALE;
  const outbox = createOutbox({
    store: createPrismaOutboxStore(database.db),
    sender: { send: async () => void sends.push(performance.now()) },
    clock: systemClock,
    logger: silentLogger,
    intervalMs,
    jitterMs,
  });
  const store = createPrismaBroadcastStore(database.db);
  const service = createBroadcastService({
    store,
    clock: systemClock,
    liveData: createLiveData(store, monthFiguresFrom(database.db, defaultRules())),
    outbox,
    rooms: benchRooms(),
    graceMinutes: 60,
    owner: "bench",
    logger: silentLogger,
  });
  const b = await service.schedule(STAFF, {
    schedule: { cron: "0 8 * * *" },
    targets: [{ kind: "group", group: "residents" }],
    content: CONTENT,
  });
  await outbox.start();
  const started = performance.now();
  await service.sendNow(STAFF, b.id);
  while (sends.length < BENCH_ROOMS) await sleep(10);
  const totalMs = sends.at(-1)! - started;
  await outbox.stop();
  await database.close();
  const gaps = sends.slice(1).map((t, i) => t - sends[i]!);
  return {
    intervalMs,
    jitterMs,
    totalMs,
    minGap: Math.min(...gaps),
    meanGap: gaps.reduce((a, g) => a + g, 0) / gaps.length,
  };
}

function startWorker(dbPath: string, logPath: string): Promise<ChildProcess> {
  const child = fork(worker, [dbPath, logPath, "40", "20"], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

function countSends(logPath: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of readFileSync(logPath, "utf8").split("\n")) {
    const room = line.split("\t")[2];
    if (room) counts.set(room, (counts.get(room) ?? 0) + 1);
  }
  return counts;
}

function summarize(counts: Map<string, number>) {
  const perRoom = Array.from({ length: BENCH_ROOMS }, (_, i) => counts.get(`room-${i + 1}`) ?? 0);
  return {
    sends: perRoom.reduce((a, n) => a + n, 0),
    duplicates: perRoom.reduce((a, n) => a + Math.max(0, n - 1), 0),
    roomsWithout: perRoom.filter((n) => n === 0).length,
  };
}

async function scheduleSoon(dbPath: string, inMs: number): Promise<void> {
  const database = await openDatabase(`file:${dbPath}`);
  const store = createPrismaBroadcastStore(database.db);
  await store.create({
    schedule: { runAt: new Date(Date.now() + inMs) },
    description: "bench",
    targets: [{ kind: "group", group: "residents" }],
    content: CONTENT,
    status: "active",
    createdBy: STAFF,
    at: new Date(),
  });
  await database.close();
}

async function pendingOutbox(dbPath: string): Promise<{ pending: number; uncertain: number }> {
  const database = await openDatabase(`file:${dbPath}`);
  const pending = await database.db.outboxMessage.count({ where: { state: { in: ["pending", "sending"] } } });
  const uncertain = await database.db.outboxMessage.count({ where: { state: "uncertain" } });
  await database.close();
  return { pending, uncertain };
}

async function stopWorker(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

async function killAndRestart() {
  const dbPath = join(dir, "kill.db");
  const logPath = join(dir, "kill.log");
  writeFileSync(logPath, "");
  await scheduleSoon(dbPath, 500);
  const first = await startWorker(dbPath, logPath);
  while (summarize(countSends(logPath)).sends < BENCH_ROOMS / 2) await sleep(5);
  first.kill("SIGKILL");
  await new Promise((r) => first.once("exit", r));
  const atKill = summarize(countSends(logPath)).sends;
  const second = await startWorker(dbPath, logPath);
  while ((await pendingOutbox(dbPath)).pending > 0) await sleep(100);
  await stopWorker(second);
  return { atKill, ...summarize(countSends(logPath)), uncertain: (await pendingOutbox(dbPath)).uncertain };
}

async function twoProcesses() {
  const dbPath = join(dir, "two.db");
  const logPath = join(dir, "two.log");
  writeFileSync(logPath, "");
  // Both start before the slot, so neither's start-up sweep touches the other's in-flight send.
  await scheduleSoon(dbPath, 4000);
  const [a, b] = await Promise.all([startWorker(dbPath, logPath), startWorker(dbPath, logPath)]);
  await sleep(4500);
  while ((await pendingOutbox(dbPath)).pending > 0) await sleep(100);
  await Promise.all([stopWorker(a), stopWorker(b)]);
  const pids = new Set(
    readFileSync(logPath, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => l.split("\t")[1]),
  );
  return { ...summarize(countSends(logPath)), processesThatSent: pids.size };
}

try {
  const p = await pacing();
  const meanDefaultGap = DEFAULT_INTERVAL_MS + DEFAULT_JITTER_MS / 2;
  console.log(`broadcast to ${BENCH_ROOMS} rooms`);
  console.log(`  pacing, measured at ${p.intervalMs} ms + 0–${p.jitterMs} ms (1/${SCALE} of the default):`);
  console.log(
    `    time to deliver: ${(p.totalMs / 1000).toFixed(2)} s; smallest gap ${p.minGap.toFixed(1)} ms; mean gap ${p.meanGap.toFixed(1)} ms`,
  );
  console.log(
    `  projected at the default ${DEFAULT_INTERVAL_MS} ms + 0–${DEFAULT_JITTER_MS} ms: ${(((BENCH_ROOMS - 1) * meanDefaultGap) / 1000).toFixed(0)} s expected ` +
      `(${(((BENCH_ROOMS - 1) * DEFAULT_INTERVAL_MS) / 1000).toFixed(0)}–${(((BENCH_ROOMS - 1) * (DEFAULT_INTERVAL_MS + DEFAULT_JITTER_MS)) / 1000).toFixed(0)} s); ` +
      `measured run scaled ×${SCALE} (overstates: database time per send is scaled too): ${((p.totalMs * SCALE) / 1000).toFixed(0)} s; smallest gap ≥ ${DEFAULT_INTERVAL_MS} ms by construction`,
  );
  const k = await killAndRestart();
  console.log(
    `  SIGKILL after ${k.atKill} sends, then restart: ${k.sends} sends, duplicates ${k.duplicates}, rooms without it ${k.roomsWithout} (outbox rows left uncertain: ${k.uncertain})`,
  );
  const t = await twoProcesses();
  console.log(
    `  two processes on one database, same slot: ${t.sends} sends by ${t.processesThatSent} process(es), duplicates ${t.duplicates}, rooms without it ${t.roomsWithout}`,
  );
  if (k.duplicates + t.duplicates > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
