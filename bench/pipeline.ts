// `npm run bench`: a burst of 2,000 residents' messages through the whole pipeline
// (mock puppet in process → Wechaty → channel → inbox → understanding → tickets → outbox)
// on a SQLite file. Prints messages/s, latency from receipt to reply queued, peak RSS.
//
// Two phases: the burst arrives all at once (throughput; latency then includes waiting
// behind up to 1,999 others), then the same number at a steady 500 messages/s (latency
// at the target rate). Service time is a message's own handling, without the wait.
import { mkdirSync, rmSync } from "node:fs";
import { WechatyBuilder } from "wechaty";
import { PuppetMock, mock } from "wechaty-puppet-mock";
import { connectApp } from "../src/connect-app.js";
import { loadConfig } from "../src/config.js";
import { silentLogger } from "../src/core/logger.js";
import { systemClock } from "../src/core/types.js";
import { openDatabase } from "../src/store/open-database.js";

const total = Number(process.env.BENCH_MESSAGES ?? 2000);
const dir = new URL("./.tmp/", import.meta.url).pathname;
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

// Generated, not taken from any labelled set: places × problems × phrasings.
const problems = [
  "楼道灯不亮了",
  "下水道堵了往上冒水",
  "电梯停在三楼不动",
  "家里停水一上午了",
  "单元门锁坏了关不上",
  "垃圾桶满了没人清",
  "楼上漏水把天花板泡了",
  "暖气片不热",
];
const extras = ["麻烦派人看看", "好几天了", "谁来管管", "", "老人在家不方便"];
const others = ["早上好[太阳]", "谢谢志愿者", "长者食堂几点开饭", "今天天气真好", "收到"];
function messageText(i: number): string {
  if (i % 5 === 4) return others[i % others.length]!;
  // A room number per message keeps every request distinct (a repeat would be folded).
  return `${(i % 20) + 1}号楼${(i % 4) + 1}单元${101 + (i % 1800)}室${problems[i % problems.length]}${extras[i % extras.length]}`;
}

const config = loadConfig({
  DATABASE_URL: `file:${dir}bench.db`,
  LINLI_RESIDENT_ROOMS: "/居民群/",
  LINLI_VOLUNTEER_ROOMS: "志愿者群",
  LINLI_STAFF_ROOMS: "工作群",
});
const database = await openDatabase(config.databaseUrl);
const mocker = new mock.Mocker();
const puppet = new PuppetMock({ mocker });
const botUser = mocker.createContact({ name: "邻里管家" });
const residents = Array.from({ length: 50 }, (_, i) => mocker.createContact({ name: `居民${i}` }));
const rooms = Array.from({ length: 10 }, (_, i) =>
  mocker.createRoom({ topic: `${i + 1}号楼居民群`, memberIdList: [botUser.id, ...residents.map((r) => r.id)] }),
);
mocker.createRoom({ topic: "志愿者群", memberIdList: [botUser.id] });
mocker.createRoom({ topic: "工作群", memberIdList: [botUser.id] });

const bot = WechatyBuilder.build({ name: "linli-bench", puppet });
let latencies: number[] = [];
const service: number[] = [];
let handled = 0;
let lastAt = 0;
const { app, ready } = connectApp(bot, {
  config,
  database,
  clock: systemClock,
  logger: silentLogger,
  housekeepingMs: 0,
  onHandled: (_m, ms) => service.push(ms),
});
// Timed from the moment the pipeline takes each message from Wechaty to its reply queued.
const receive = app.bot.receive;
app.bot.receive = async (m) => {
  const t0 = performance.now();
  const r = await receive(m);
  if (r) {
    await r.handled;
    latencies.push(performance.now() - t0);
    handled++;
    lastAt = performance.now();
  }
  return r;
};
await bot.start();
mocker.login(botUser);
await ready;

const baselineRss = process.memoryUsage().rss;
let peakRss = baselineRss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const start = performance.now();
for (let i = 0; i < total; i++) residents[i % residents.length]!.say(messageText(i)).to(rooms[i % rooms.length]!);
while (handled < total && performance.now() - start < 120_000) await new Promise((r) => setTimeout(r, 10));
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const seconds = (lastAt - start) / 1000;
const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const burst = [...latencies];
const burstService = [...service];

// Phase 2: the same number of messages at a steady 500 a second.
latencies = [];
handled = 0;
const rate = 500;
const start2 = performance.now();
for (let i = 0; i < total; i++) {
  const wait = start2 + (i * 1000) / rate - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  residents[i % residents.length]!.say(messageText(i + 7)).to(rooms[i % rooms.length]!);
}
while (handled < total && performance.now() - start2 < 120_000) await new Promise((r) => setTimeout(r, 10));
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const tickets = await database.db.ticket.count();
const queued = await database.db.outboxMessage.count();
const f = (x: number) => x.toFixed(1);
const mb = (x: number) => (x / 2 ** 20).toFixed(0);
console.log(
  `messages handled         ${burst.length + handled} / ${2 * total} (tickets ${tickets}, replies queued ${queued})`,
);
console.log(`burst of ${total} at once`);
console.log(`  throughput             ${(burst.length / seconds).toFixed(0)} messages/s (target >= 500)`);
console.log(
  `  receipt -> queued      p50 ${f(pct(burst, 50))} ms, p99 ${f(pct(burst, 99))} ms (includes waiting behind the burst)`,
);
console.log(`  service time           p50 ${f(pct(burstService, 50))} ms, p99 ${f(pct(burstService, 99))} ms`);
console.log(`steady ${rate} messages/s`);
console.log(
  `  receipt -> queued      p50 ${f(pct(latencies, 50))} ms, p99 ${f(pct(latencies, 99))} ms (target p99 <= 50 ms)`,
);
console.log(
  `peak RSS                 ${mb(peakRss)} MB (target <= 250 MB; ${mb(baselineRss)} MB before the first message)`,
);

await app.stop();
await bot.stop();
await database.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
