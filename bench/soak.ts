// `npm run bench:soak`: 20,000 residents' messages (200 residents in 20 groups) over the real
// puppet-service gRPC path on loopback, with the bot in a child process that is SIGKILLed and
// restarted at random moments, and one outage of the puppet-service server. Then it counts:
// received (messages the bot stored), handled, handled twice, replies lost, replies sent twice,
// peak RSS. It stops by itself. Knobs: SOAK_MESSAGES, SOAK_RATE (msg/s), SOAK_KILLS,
// SOAK_OUTAGE_MS, SOAK_SEED.
import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { EventEmitter } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { PuppetMock, mock } from "wechaty-puppet-mock";
import { PuppetServer } from "wechaty-puppet-service";
import { soakText } from "./soak-messages.js";

const total = Number(process.env.SOAK_MESSAGES ?? 20_000);
const rate = Number(process.env.SOAK_RATE ?? 60);
const kills = Number(process.env.SOAK_KILLS ?? 3);
const outageMs = Number(process.env.SOAK_OUTAGE_MS ?? 10_000);
let seed = Number(process.env.SOAK_SEED ?? 11);
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const botName = "邻里管家";
const groups = 20;
const perGroup = 10;

// The WeChat side: a mock account, 200 residents in 20 groups, volunteers and staff.
const mocker = new mock.Mocker();
const puppet = new PuppetMock({ mocker });
const botUser = mocker.createContact({ name: botName });
const residents = Array.from({ length: groups * perGroup }, (_, i) => mocker.createContact({ name: `居民${i + 1}` }));
const volunteers = Array.from({ length: 5 }, (_, i) => mocker.createContact({ name: `志愿者${i + 1}` }));
const staff = mocker.createContact({ name: "社区书记" });
const residentRooms = Array.from({ length: groups }, (_, g) =>
  mocker.createRoom({
    topic: `幸福里${g + 1}号楼居民群`,
    memberIdList: [botUser.id, ...residents.slice(g * perGroup, (g + 1) * perGroup).map((r) => r.id)],
  }),
);
mocker.createRoom({ topic: "志愿者服务群", memberIdList: [botUser.id, ...volunteers.map((v) => v.id)] });
const staffRoom = mocker.createRoom({ topic: "社区工作群", memberIdList: [botUser.id, staff.id] });

const sent = new Map<string, number>(); // resident message id → when it was said
const delivered: Array<{ to: string; text: string; at: number }> = [];
const stripMentions = (text: string) => text.replace(/^(?:@[^\u2005\s]+[\u2005\s])+/, "");
const watch = (conversation: mock.RoomMock | mock.ContactMock) =>
  (conversation as unknown as EventEmitter).on("message", (m: mock.MessageMock) => {
    const p = m.payload;
    if (p.talkerId === botUser.id) {
      const to = p.roomId ?? p.listenerId ?? "";
      delivered.push({ to, text: stripMentions(p.text ?? ""), at: Date.now() });
    } else if (p.roomId || p.listenerId === botUser.id) sent.set(p.id, Date.now());
  });
for (const room of mocker.cacheRoomPayload.keys()) watch(mocker.RoomMock.load(room));
for (const person of [...residents, ...volunteers, staff]) watch(person);

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const p = (probe.address() as { port: number }).port;
    probe.close(() => resolve(p));
  });
});
const endpoint = `127.0.0.1:${port}`;
const token = `insecure_${randomUUID()}`;
let server = new PuppetServer({ endpoint, puppet, token });
await server.start();

const dir = mkdtempSync(join(tmpdir(), "linli-soak-"));
const dbPath = join(dir, "linli.db");
const handledLog = join(dir, "handled.log");
const worker = fileURLToPath(new URL("./soak-bot.ts", import.meta.url));
let peakRss = 0;
let child: ChildProcess | undefined;
let crashes = 0;

async function startBot(): Promise<void> {
  const c = fork(worker, [], {
    execArgv: ["--import", "tsx"],
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: `file:${dbPath}`,
      WECHATY_PUPPET: "wechaty-puppet-service",
      WECHATY_PUPPET_SERVICE_TOKEN: token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: endpoint,
      WECHATY_LOG: "silent",
      LINLI_LOG_LEVEL: "warn",
      LINLI_BOT_NAME: botName,
      LINLI_RESIDENT_ROOMS: "/居民群$/",
      LINLI_VOLUNTEER_ROOMS: "志愿者服务群",
      LINLI_STAFF_ROOMS: "社区工作群",
      LINLI_SEND_INTERVAL_MS: process.env.LINLI_SEND_INTERVAL_MS ?? "2",
      LINLI_SEND_JITTER_MS: process.env.LINLI_SEND_JITTER_MS ?? "0",
      SOAK_HANDLED_LOG: handledLog,
    },
    stdio: ["ignore", "ignore", process.env.SOAK_VERBOSE ? "inherit" : "ignore", "ipc"],
  });
  child = c;
  c.on("message", (m: { rss?: number }) => {
    if (m.rss) peakRss = Math.max(peakRss, m.rss);
  });
  c.once("exit", (code, signal) => {
    if (child === c && signal !== "SIGKILL" && signal !== "SIGTERM") {
      crashes++;
      process.stderr.write(`bot exited by itself (${code ?? signal}); restarting\n`);
      child = undefined;
      void startBot();
    }
  });
  const ready = new Promise<void>((resolve) => c.on("message", (m: { ready?: boolean }) => m.ready && resolve()));
  // The first client finds the account logged out: log it in once the client is there.
  setTimeout(() => {
    if (!puppet.isLoggedIn) mocker.login(botUser);
  }, 1500);
  await ready;
}

async function killBot(): Promise<void> {
  const c = child;
  if (!c) return;
  child = undefined;
  c.kill("SIGKILL");
  await new Promise((r) => c.once("exit", r));
}

// When things happen, by message number.
const killAt = new Set(Array.from({ length: kills }, () => Math.floor(total * (0.1 + 0.8 * random()))));
const outageAt = Math.floor(total * 0.5);
let outage: { from: number; to: number } | undefined;
const killTimes: number[] = [];

const started = Date.now();
await startBot();
process.stderr.write(`soak: ${total} messages at ${rate}/s, ${killAt.size} kills, one ${outageMs / 1000} s outage\n`);
for (let i = 0; i < total; i++) {
  if (killAt.has(i)) {
    killTimes.push(Date.now());
    await killBot();
    await sleep(500 + 1500 * random());
    await startBot();
  }
  if (i === outageAt && outageMs > 0) {
    const from = Date.now();
    await server.stop();
    // Residents go on writing while the server is down; those messages never reach the bot.
    const resume = sleep(outageMs).then(async () => {
      server = new PuppetServer({ endpoint, puppet, token });
      await server.start();
      outage = { from, to: Date.now() };
    });
    void resume;
  }
  const who = Math.floor(random() * residents.length);
  const resident = residents[who]!;
  const room = residentRooms[Math.floor(who / perGroup)]!;
  const { text, mention, privately } = soakText(i, who, random);
  if (privately) await resident.say(text).to(botUser);
  else if (mention) await resident.say(`@${botName}\u2005${text}`, [botUser]).to(room);
  else await resident.say(text).to(room);
  if (i % 1000 === 999) process.stderr.write(`  ${i + 1} said, ${delivered.length} replies so far\n`);
  const due = started + ((i + 1) * 1000) / rate;
  if (due > Date.now()) await sleep(due - Date.now());
}
while (!outage && outageMs > 0) await sleep(200);

// Let the bot finish: until nothing is pending in the inbox or outbox for a while.
const db = () => new Database(dbPath, { readonly: true, timeout: 10_000 });
async function settle(): Promise<void> {
  let quietSince = Date.now();
  let last = -1;
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    const d = db();
    const pending = (
      d
        .prepare(
          `SELECT (SELECT count(*) FROM InboundMessage WHERE state = 'pending') +
                  (SELECT count(*) FROM OutboxMessage WHERE state IN ('pending','sending')) AS n`,
        )
        .get() as { n: number }
    ).n;
    d.close();
    const progress = pending + delivered.length;
    if (pending > 0 || progress !== last) quietSince = Date.now();
    last = progress;
    if (Date.now() - quietSince > 3000) return;
    await sleep(500);
  }
  process.stderr.write("soak: the bot did not settle within 180 s\n");
}
await settle();
const elapsedS = (Date.now() - started) / 1000;

const d = db();
const inbox = d.prepare("SELECT id, state FROM InboundMessage").all() as Array<{ id: string; state: string }>;
const outboxRows = d.prepare("SELECT destId, text, state FROM OutboxMessage").all() as Array<{
  destId: string;
  text: string;
  state: string;
}>;
d.close();
const last = child;
child = undefined;
if (last) {
  last.kill("SIGTERM");
  await new Promise((r) => last.once("exit", r));
}
await server.stop();

// Received: what the bot stored. Lost: said by a resident, never stored.
const stored = new Set(inbox.map((r) => r.id));
const lost = [...sent].filter(([id]) => !stored.has(id));
const o = outage ?? { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY };
const firstAfter = Math.min(...[...sent].filter(([id, at]) => at > o.to && stored.has(id)).map(([, at]) => at));
const inOutage = lost.filter(([, at]) => at >= o.from && at < firstAfter);
// At a kill, what WeChat had delivered but the bot had not yet stored (it runs behind under load).
const storedTimes = [...sent].filter(([id]) => stored.has(id)).map(([, at]) => at);
const lastStoredBefore = (k: number) => Math.max(0, ...storedTimes.filter((at) => at <= k));
const outageIds = new Set(inOutage.map(([id]) => id));
const atKill = lost.filter(
  ([id, at]) => !outageIds.has(id) && killTimes.some((k) => at <= k && at > lastStoredBefore(k)),
);
const otherLost = lost.length - inOutage.length - atKill.length;

const handledCounts = new Map<string, number>();
if (existsSync(handledLog)) {
  for (const line of readFileSync(handledLog, "utf8").split("\n")) {
    const id = line.split("\t")[0];
    if (id) handledCounts.set(id, (handledCounts.get(id) ?? 0) + 1);
  }
}
const handledInInbox = inbox.filter((r) => r.state !== "pending").length;
const handledTwice = [...handledCounts.values()].filter((n) => n > 1).length;

// Replies: every outbox row the bot meant to send, against what WeChat got.
const key = (to: string, text: string) => `${to}\t${text}`;
const got = new Map<string, number>();
for (const m of delivered) got.set(key(m.to, m.text), (got.get(key(m.to, m.text)) ?? 0) + 1);
const meant = new Map<string, { rows: number; uncertain: number }>();
for (const r of outboxRows) {
  const k = key(r.destId, r.text);
  const e = meant.get(k) ?? { rows: 0, uncertain: 0 };
  e.rows++;
  if (r.state === "uncertain") e.uncertain++;
  meant.set(k, e);
}
let repliesLost = 0;
let sentTwice = 0;
let uncertainLost = 0;
for (const [k, e] of meant) {
  const n = got.get(k) ?? 0;
  if (n > e.rows) sentTwice += n - e.rows;
  if (n < e.rows) {
    const missing = e.rows - n;
    const excused = Math.min(missing, e.uncertain);
    uncertainLost += excused;
    repliesLost += missing - excused;
  }
}
for (const [k, n] of got) if (!meant.has(k)) sentTwice += n; // sent with no stored intent
const staffNotes = delivered.filter((m) => m.to === staffRoom.id && m.at > o.from);
const gapReported = staffNotes.find((m) => /期间|中断|断开|没收到|没有收到|可能/.test(m.text));

const rows: Array<[string, string | number]> = [
  ["said by residents", sent.size],
  ["received (stored by the bot)", stored.size],
  ["handled", handledInInbox],
  ["lost in the outage window (not received)", inOutage.length],
  ["outage reported to staff", gapReported ? `yes: ${gapReported.text.slice(0, 40)}` : "no"],
  ["lost in flight at a kill (not received)", atKill.length],
  ["lost otherwise (not received)", otherLost],
  ["handled twice", handledTwice],
  ["replies meant (outbox rows)", outboxRows.length],
  ["replies lost", repliesLost],
  ["replies cut by a kill mid-send, not repeated (uncertain)", uncertainLost],
  ["replies sent twice", sentTwice],
  ["bot restarts: killed / crashed", `${killAt.size} / ${crashes}`],
  ["outage (s)", outage ? ((o.to - o.from) / 1000).toFixed(1) : "none"],
  ["peak RSS of the bot (MB)", (peakRss / 1024 / 1024).toFixed(0)],
  ["elapsed (s)", elapsedS.toFixed(0)],
];
const width = Math.max(...rows.map(([k]) => k.length));
process.stdout.write(`\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n")}\n`);
rmSync(dir, { recursive: true, force: true });
process.exit(0);
