// `npm run bench:delivery`: the busy minute. 30 requests from 15 residents in two groups
// within one minute, with a gas report in the middle, over the real puppet-service gRPC path
// on loopback at the DEFAULT pace (3 s + 0–2 s jitter, unless LINLI_SEND_INTERVAL_MS /
// LINLI_SEND_JITTER_MS say otherwise). Prints the staff alert latency after the gas report,
// the resident's urgent reply latency, p95 acknowledgement latency and sends per request.
// Bounded: it stops when the outbox is drained or after 10 minutes.
import type { EventEmitter } from "node:events";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WechatyBuilder } from "wechaty";
import { PuppetMock, mock } from "wechaty-puppet-mock";
import { PuppetServer, PuppetService } from "wechaty-puppet-service";
import { loadConfig } from "../src/config.js";
import { connectApp } from "../src/connect-app.js";
import { silentLogger } from "../src/core/logger.js";
import { systemClock } from "../src/core/types.js";
import { openDatabase } from "../src/store/open-database.js";

const BOT = "邻里管家";
const ROOMS = { a: "幸福里3号楼居民群", b: "幸福里5号楼居民群", volunteers: "志愿者服务群", staff: "社区工作群" };
const RESIDENTS = 15;
const GAS = "我家厨房煤气味特别大，是不是漏气了";
/** Two different everyday problems per resident (written for this bench). */
const PROBLEMS = [
  ["楼道的灯不亮了", "垃圾桶满了没人收"],
  ["家里水龙头一直滴水", "楼下有辆车堵着消防通道"],
  ["电梯按钮失灵了", "门口的井盖松了"],
  ["暖气片不热", "楼顶漏雨到我家了"],
  ["下水道堵了", "单元门的门禁刷不开"],
  ["楼道里堆满了杂物", "窗户玻璃裂了"],
  ["家里跳闸了没电", "小区路灯坏了一排"],
  ["马桶漏水", "邻居家装修噪音太大"],
  ["楼梯扶手松动了", "自行车棚顶棚漏雨了要修"],
  ["家里热水器坏了", "楼下绿化带里有很多垃圾"],
  ["信箱锁坏了", "楼道窗户关不上"],
  ["地漏返臭味", "门口台阶碎了"],
  ["电表箱门掉了", "家门口的路灯坏了"],
  ["屋里墙皮脱落", "楼道声控灯不灵"],
  ["水管冻裂了", "电动车在楼道充电"],
] as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

interface Heard {
  at: number;
  room: string | null;
  text: string;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "linli-bench-delivery-"));
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const botUser = mocker.createContact({ name: BOT });
  const residents = Array.from({ length: RESIDENTS }, (_, i) => mocker.createContact({ name: `居民${i + 1}` }));
  const volunteer = mocker.createContact({ name: "志愿者小刘" });
  const staff = mocker.createContact({ name: "赵书记" });
  const inA = (i: number) => i % 2 === 0;
  const rooms = {
    a: mocker.createRoom({
      topic: ROOMS.a,
      memberIdList: [botUser.id, ...residents.filter((_, i) => inA(i)).map((c) => c.id)],
    }),
    b: mocker.createRoom({
      topic: ROOMS.b,
      memberIdList: [botUser.id, ...residents.filter((_, i) => !inA(i)).map((c) => c.id)],
    }),
    volunteers: mocker.createRoom({ topic: ROOMS.volunteers, memberIdList: [botUser.id, volunteer.id] }),
    staff: mocker.createRoom({ topic: ROOMS.staff, memberIdList: [botUser.id, staff.id] }),
  };
  const heard: Heard[] = [];
  for (const [key, room] of Object.entries(rooms)) {
    (room as unknown as EventEmitter).on("message", (m: mock.MessageMock) => {
      if (m.payload.talkerId !== botUser.id) return;
      heard.push({ at: performance.now(), room: ROOMS[key as keyof typeof ROOMS], text: m.payload.text ?? "" });
    });
  }
  for (const c of [...residents, volunteer, staff]) {
    (c as unknown as EventEmitter).on("message", (m: mock.MessageMock) => {
      if (m.payload.roomId || m.payload.talkerId !== botUser.id) return;
      heard.push({ at: performance.now(), room: null, text: m.payload.text ?? "" });
    });
  }

  const port = await freePort();
  const token = `insecure_${randomUUID()}`;
  const server = new PuppetServer({ endpoint: `127.0.0.1:${port}`, puppet, token });
  await server.start();
  const config = loadConfig({
    LINLI_RESIDENT_ROOMS: `${ROOMS.a},${ROOMS.b}`,
    LINLI_VOLUNTEER_ROOMS: ROOMS.volunteers,
    LINLI_STAFF_ROOMS: ROOMS.staff,
    ...(process.env.LINLI_SEND_INTERVAL_MS ? { LINLI_SEND_INTERVAL_MS: process.env.LINLI_SEND_INTERVAL_MS } : {}),
    ...(process.env.LINLI_SEND_JITTER_MS ? { LINLI_SEND_JITTER_MS: process.env.LINLI_SEND_JITTER_MS } : {}),
    DATABASE_URL: `file:${join(dir, "linli.db")}`,
    WECHATY_PUPPET: "wechaty-puppet-service",
    WECHATY_PUPPET_SERVICE_TOKEN: token,
    WECHATY_PUPPET_SERVICE_ENDPOINT: `127.0.0.1:${port}`,
  });
  const database = await openDatabase(config.databaseUrl);
  const bot = WechatyBuilder.build({
    name: `linli-bench-${randomUUID()}`,
    puppet: new PuppetService({ token, endpoint: `127.0.0.1:${port}` }),
  });
  const { app, ready } = connectApp(bot, {
    config,
    database,
    clock: systemClock,
    logger: silentLogger,
    housekeepingMs: 0,
  });
  await bot.start();
  if (!puppet.isLoggedIn) mocker.login(botUser);
  await ready;
  await sleep(500);

  // The minute: one request every 2 s, alternating residents; the gas report at +30 s.
  const sent: { resident: number; text: string; room: string; at: number }[] = [];
  const started = performance.now();
  for (let n = 0; n < 30; n++) {
    const resident = n % RESIDENTS;
    const text = n === 15 ? GAS : (PROBLEMS[resident]?.[Math.floor(n / RESIDENTS)] ?? "楼道的灯不亮了");
    const key = inA(resident) ? "a" : "b";
    const due = started + n * 2000;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    sent.push({ resident, text, room: ROOMS[key], at: performance.now() });
    residents[resident]!.say(text).to(rooms[key]);
  }

  // Drain: until every stored outbox row is sent (bounded).
  const deadline = performance.now() + 10 * 60_000;
  for (;;) {
    await sleep(1000);
    const open = await database.db.outboxMessage.count({ where: { state: { in: ["pending", "sending"] } } });
    if (open === 0 && performance.now() - (sent.at(-1)?.at ?? 0) > 5000) break;
    if (performance.now() > deadline) {
      console.log("stopped at the 10 minute bound with", open, "messages still queued");
      break;
    }
  }

  const tickets = await database.db.ticket.findMany({ select: { id: true, residentName: true, text: true } });
  const latency = (r: (typeof sent)[number], where: string | null) => {
    const t = tickets.find((x) => x.text === r.text && x.residentName === `居民${r.resident + 1}`);
    if (!t) return null;
    const h = heard.find((x) => x.room === where && x.at >= r.at && new RegExp(`#${t.id}(?!\\d)`).test(x.text));
    return h ? (h.at - r.at) / 1000 : null;
  };
  const gas = sent.find((r) => r.text === GAS)!;
  const acks = sent.filter((r) => r !== gas).map((r) => latency(r, r.room));
  const got = acks.filter((x): x is number => x !== null).sort((a, b) => a - b);
  const p95 = got[Math.min(got.length - 1, Math.ceil(got.length * 0.95) - 1)] ?? Number.NaN;
  const fmt = (s: number | null) => (s === null ? "never" : `${s.toFixed(1)} s`);
  console.log(`busy minute: ${sent.length} requests from ${RESIDENTS} residents in 2 groups`);
  console.log(`pace: ${config.outbox.intervalMs} ms + 0–${config.outbox.jitterMs} ms jitter`);
  console.log(`tickets: ${tickets.length}`);
  console.log(`staff alert after the gas report: ${fmt(latency(gas, ROOMS.staff))} (target ≤ 10 s)`);
  console.log(`urgent reply to the resident:     ${fmt(latency(gas, gas.room))} (target ≤ 15 s)`);
  console.log(`acknowledgements: ${got.length} of ${acks.length}; p50 ${fmt(got[Math.floor(got.length / 2)] ?? null)}`);
  console.log(`p95 acknowledgement:              ${fmt(p95)} (target ≤ 60 s)`);
  console.log(
    `sends: ${heard.length}, per request ${(heard.length / sent.length).toFixed(2)} (target ≤ 1.3); last send ${((heard.at(-1)?.at ?? started) - started) / 1000} s after the first request`,
  );

  await app.stop();
  await bot.stop().catch(() => {});
  await database.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
