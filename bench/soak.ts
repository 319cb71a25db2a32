// `npm run bench:soak`: 20,000 residents' messages (200 residents in 20 groups) over the real
// puppet-service gRPC path on loopback, with the bot in a child process that is SIGKILLed and
// restarted at random moments, and one outage of the puppet-service server. Then it counts:
// received (messages the bot stored), handled, handled twice, replies lost, replies sent twice,
// peak RSS. It stops by itself. Knobs: SOAK_MESSAGES, SOAK_RATE (msg/s), SOAK_KILLS,
// SOAK_OUTAGE_MS, SOAK_SEED.
import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { EventEmitter } from "node:events";
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { PuppetMock, mock } from "wechaty-puppet-mock";
import { PuppetServer } from "wechaty-puppet-service";
import { mergeRows } from "../src/outbox/outbox.js";
import { ticketMergers } from "../src/tickets/ticket-merges.js";
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
const botLog = join(dir, "bot.log");
const botLogStream = createWriteStream(botLog, { flags: "a" });
// Compiled (`npm run bench:soak` builds dist/ first), the bot runs as production does: plain
// node with `npm start`'s heap limits. From the TypeScript source it needs tsx's loader,
// whose extra thread inflates the measured memory.
const compiled = import.meta.url.endsWith(".js");
const worker = fileURLToPath(new URL(compiled ? "./soak-bot.js" : "./soak-bot.ts", import.meta.url));
const nodeFlags = compiled ? ["--max-old-space-size=160", "--max-semi-space-size=8"] : ["--import", "tsx"];
// The soak's account sends as fast as the mock takes it: a real account's 3 s (+0-2 s) pace
// would need about a day for the replies to 20,000 messages. bench:delivery measures the real pace.
const sendIntervalMs = process.env.LINLI_SEND_INTERVAL_MS ?? "2";
const sendJitterMs = process.env.LINLI_SEND_JITTER_MS ?? "0";
let peakRss = 0;
let child: ChildProcess | undefined;
let crashes = 0;

async function startBot(): Promise<void> {
  const c = fork(worker, [], {
    execArgv: nodeFlags,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: `file:${dbPath}`,
      WECHATY_PUPPET: "wechaty-puppet-service",
      WECHATY_PUPPET_SERVICE_TOKEN: token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: endpoint,
      WECHATY_LOG: "silent",
      LINLI_LOG_LEVEL: process.env.LINLI_LOG_LEVEL ?? "info",
      LINLI_BOT_NAME: botName,
      LINLI_RESIDENT_ROOMS: "/居民群$/",
      LINLI_VOLUNTEER_ROOMS: "志愿者服务群",
      LINLI_STAFF_ROOMS: "社区工作群",
      LINLI_SEND_INTERVAL_MS: sendIntervalMs,
      LINLI_SEND_JITTER_MS: sendJitterMs,
      SOAK_HANDLED_LOG: handledLog,
    },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  c.stderr?.on("data", (chunk: Buffer) => {
    botLogStream.write(chunk);
    if (process.env.SOAK_VERBOSE) process.stderr.write(chunk);
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
  // A bot that never gets in would hold the soak for ever: say so and stop.
  const timedOut = await Promise.race([ready.then(() => false), sleep(180_000).then(() => true)]);
  if (timedOut) {
    process.stderr.write(
      "soak: the bot did not log in within 180 s of its start (is the service refusing its event stream?); stopping\n",
    );
    c.kill("SIGKILL");
    await server.stop().catch(() => {});
    process.exit(1);
  }
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
const loadAtStart = loadavg()[0]!;
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
// Gives up only when nothing moved for a minute (or after SOAK_SETTLE_MAX_S): on a loaded
// machine draining thousands of replies takes longer than any fixed wait.
const settleMaxMs = Number(process.env.SOAK_SETTLE_MAX_S ?? 1800) * 1000;
let settled = "yes";
async function settle(): Promise<void> {
  let quietSince = Date.now();
  let movedAt = Date.now();
  let last = -1;
  const until = Date.now() + settleMaxMs;
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
    const progress = delivered.length * 1_000_000 - pending;
    if (progress !== last) movedAt = Date.now();
    if (pending > 0 || progress !== last) quietSince = Date.now();
    last = progress;
    if (Date.now() - quietSince > 3000) return;
    if (Date.now() - movedAt > 60_000) {
      settled = `no: stuck with ${pending} pending`;
      return;
    }
    await sleep(500);
  }
  settled = `no: still going after ${settleMaxMs / 1000} s`;
}
const saidUntil = Date.now();
const deliveredWhenSaid = delivered.length;
await settle();
const elapsedS = (Date.now() - started) / 1000;
const settleS = (Date.now() - saidUntil) / 1000;
const drainRate = (delivered.length - deliveredWhenSaid) / Math.max(1, settleS);

const d = db();
const inbox = d.prepare("SELECT id, state FROM InboundMessage").all() as Array<{ id: string; state: string }>;
const outboxStates = Object.fromEntries(
  (
    d.prepare("SELECT state, count(*) AS n FROM OutboxMessage GROUP BY state").all() as Array<{
      state: string;
      n: number;
    }>
  ).map((r) => [r.state, r.n]),
);
const outboxRows = d
  .prepare(
    "SELECT id, destKind, destId, text, mentionIds, state, sentAt, mergeKind, mergePart FROM OutboxMessage ORDER BY id",
  )
  .all() as Array<{
  id: number;
  destKind: string;
  destId: string;
  text: string;
  mentionIds: string;
  state: string;
  sentAt: string | null;
  mergeKind: string | null;
  mergePart: string | null;
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

// Replies: what the bot marked sent, against what WeChat got. Rows of one merge kind sent to
// one chat together share their sentAt and went as one message, composed as the outbox does.
const key = (to: string, text: string) => `${to}\t${text}`;
const got = new Map<string, number>();
for (const m of delivered) got.set(key(m.to, m.text), (got.get(key(m.to, m.text)) ?? 0) + 1);
const sends = new Map<string, typeof outboxRows>();
for (const r of outboxRows.filter((r) => r.state === "sent")) {
  const g = r.mergeKind ? `${r.destKind}:${r.destId}\t${r.sentAt}\t${r.mergeKind}` : `row:${r.id}`;
  sends.set(g, [...(sends.get(g) ?? []), r]);
}
const meant = new Map<string, number>();
for (const rows of sends.values()) {
  const first = rows[0]!;
  const merged = mergeRows(
    rows.map((r) => ({
      id: r.id,
      account: "",
      to: { kind: r.destKind as "room" | "contact", id: r.destId },
      text: r.text,
      mentionIds: JSON.parse(r.mentionIds) as string[],
      attempts: 0,
      notBefore: new Date(0),
      broadcastRunId: null,
      priority: 0,
      mergeKind: r.mergeKind,
      mergePart: r.mergePart,
    })),
    first.mergeKind ? ticketMergers[first.mergeKind as keyof typeof ticketMergers] : undefined,
  );
  const k = key(first.destId, merged.text);
  meant.set(k, (meant.get(k) ?? 0) + 1);
}
// Rows a kill cut mid-send ("uncertain"): never sent again; they may or may not have arrived.
const uncertainTo = new Map<string, number>();
for (const r of outboxRows.filter((r) => r.state === "uncertain"))
  uncertainTo.set(r.destId, (uncertainTo.get(r.destId) ?? 0) + 1);
const uncertainRows = [...uncertainTo.values()].reduce((a, b) => a + b, 0);
let repliesLost = 0;
let sentTwice = 0;
let uncertainArrived = 0;
for (const [k, n] of meant) repliesLost += Math.max(0, n - (got.get(k) ?? 0));
for (const [k, n] of got) {
  let extra = Math.max(0, n - (meant.get(k) ?? 0));
  const to = k.split("\t")[0]!;
  while (extra > 0 && (uncertainTo.get(to) ?? 0) > 0) {
    uncertainTo.set(to, uncertainTo.get(to)! - 1);
    uncertainArrived++;
    extra--;
  }
  sentTwice += extra;
}
const sendsMarked = sends.size;
const staffNotes = delivered.filter((m) => m.to === staffRoom.id && m.at > o.from);
const gapReported = staffNotes.find((m) => m.text.includes("连接中断"));

// What the bot logged at warn and above, by message, and where the lost ones fall in time.
const logCounts = new Map<string, number>();
await new Promise<void>((r) => botLogStream.end(r));
for (const line of readFileSync(botLog, "utf8").split("\n")) {
  if (!line.startsWith("{")) {
    if (line.trim())
      logCounts.set(`(raw) ${line.slice(0, 60)}`, (logCounts.get(`(raw) ${line.slice(0, 60)}`) ?? 0) + 1);
    continue;
  }
  try {
    const e = JSON.parse(line) as { level?: string; msg?: string };
    if (e.level === "warn" || e.level === "error" || e.msg === "message fetched on a later try")
      logCounts.set(`${e.level}: ${e.msg}`, (logCounts.get(`${e.level}: ${e.msg}`) ?? 0) + 1);
  } catch {}
}
const otherIds = lost.filter(([id]) => !outageIds.has(id) && !atKill.some(([k]) => k === id));
const fmt = (ms: number) => `${ms >= 0 ? "+" : ""}${(ms / 1000).toFixed(1)}s`;
const near = (at: number) => {
  const events: Array<[string, number]> = [
    ...killTimes.map((k, n) => [`kill ${n + 1}`, k] as [string, number]),
    ["outage", o.from],
  ];
  const [name, t] = events.reduce((a, b) => (Math.abs(at - b[1]) < Math.abs(at - a[1]) ? b : a));
  return `${name} ${fmt(at - t)}`;
};

const rows: Array<[string, string | number]> = [
  ["send pace of the soak's account", `${sendIntervalMs} ms + 0-${sendJitterMs} ms (a real account: 3 s + 0-2 s)`],
  ["machine load (1 min average) at start / end", `${loadAtStart.toFixed(1)} / ${loadavg()[0]!.toFixed(1)}`],
  ["bot code", compiled ? "compiled JS (dist/), node --max-old-space-size=160" : "TypeScript under tsx"],
  ["said by residents", sent.size],
  ["received (stored by the bot)", stored.size],
  ["handled", handledInInbox],
  [
    "  of which: done / failed / ignored",
    ["done", "failed", "ignored"].map((st) => inbox.filter((r) => r.state === st).length).join(" / "),
  ],
  ["lost in the outage window (not received)", inOutage.length],
  ["outage reported to staff", gapReported ? `yes: ${gapReported.text.slice(0, 40)}` : "no"],
  ["lost in flight at a kill (not received)", atKill.length],
  ["lost otherwise (not received)", otherLost],
  ["handled twice", handledTwice],
  ["replies meant (outbox rows)", outboxRows.length],
  ["sends the bot marked sent (merged rows count once)", sendsMarked],
  ["replies lost (marked sent, never reached WeChat)", repliesLost],
  [
    "replies cut by a kill mid-send, not repeated (uncertain rows / of which arrived)",
    `${uncertainRows} / ${uncertainArrived}`,
  ],
  ["replies given up after their last attempt (failed rows)", outboxStates.failed ?? 0],
  ["replies sent twice", sentTwice],
  [
    "left at the end: inbox pending / outbox pending+sending",
    `${inbox.length - handledInInbox} / ${(outboxStates.pending ?? 0) + (outboxStates.sending ?? 0)}`,
  ],
  ["outbox rows by state", JSON.stringify(outboxStates)],
  ["bot restarts: killed / crashed", `${killAt.size} / ${crashes}`],
  ["outage (s)", outage ? ((o.to - o.from) / 1000).toFixed(1) : "none"],
  ["peak RSS of the bot (MB)", (peakRss / 1024 / 1024).toFixed(0)],
  ["elapsed (s): all / settling after the last message", `${elapsedS.toFixed(0)} / ${settleS.toFixed(0)}`],
  ["settled (nothing left pending)", settled],
  ["sends per second while settling", drainRate.toFixed(1)],
];
const width = Math.max(...rows.map(([k]) => k.length));
process.stdout.write(`\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n")}\n`);
if (otherIds.length) {
  const first = otherIds.slice(0, 5).map(([, at]) => near(at));
  process.stdout.write(`lost otherwise, nearest event: ${first.join(", ")}${otherIds.length > 5 ? ", …" : ""}\n`);
}
if (logCounts.size) {
  process.stdout.write("bot log, warn and error lines:\n");
  for (const [m, n] of [...logCounts].sort((a, b) => b[1] - a[1]).slice(0, 12))
    process.stdout.write(`  ${String(n).padStart(6)}  ${m}\n`);
}
if (process.env.SOAK_KEEP) process.stdout.write(`kept: ${dir}\n`);
else rmSync(dir, { recursive: true, force: true });
process.exit(0);
