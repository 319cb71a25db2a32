// `npm run bench:month`: a simulated busy month replayed through the real app (pipeline,
// tickets, follow-up, reports, outbox on a SQLite file) on a fake clock. Residents report,
// volunteers claim (some late, some go quiet), record progress and finish, residents rate;
// staff assign what nobody takes, move some limits (延期) and close reports of the same outage
// as one; some messages arrive twice; follow-up runs twice at once each step (as two processes
// would) and the app restarts mid-month. Prints the three rates (follow-up's limits), the
// reminders and escalations by kind, the daily and weekly reports sent, and whether any step
// was sent twice. Seeded: the same month each run.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { type App, createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { silentLogger } from "../src/core/logger.js";
import type { Clock, InboundMessage } from "../src/core/types.js";
import type { FollowUpFeature } from "../src/features/follow-up.js";
import { loadFollowUpRules } from "../src/features/follow-up.js";
import { followUpLimits, type ReportsFeature } from "../src/features/reports.js";
import type { TicketsFeature } from "../src/features/tickets.js";
import { computeRates } from "../src/reports/compute-rates.js";
import { readMonthSoFar } from "../src/reports/month-figures.js";
import { formatRate } from "../src/reports/report-replies.js";
import { reportToXlsx } from "../src/reports/report-xlsx.js";
import { createPrismaReportStore } from "../src/store/prisma-report-store.js";
import { chinaTimeToDate, toChinaTime } from "../src/text/china-time.js";
import { type OpenedDatabase, openDatabase } from "../src/store/open-database.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const seed = Number(process.env.MONTH_SEED ?? 12);
const dir = new URL("./.tmp/", import.meta.url).pathname;
rmSync(`${dir}month.db`, { force: true });
mkdirSync(dir, { recursive: true });

// A small seeded generator (mulberry32), so a run can be repeated.
let state = seed >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const between = (lo: number, hi: number) => lo + random() * (hi - lo);

// Generated requests (places × problems), not taken from any labelled set.
const problems = [
  "楼道灯不亮了",
  "下水道堵了往上冒水",
  "单元门锁坏了关不上",
  "垃圾桶满了没人清",
  "楼上漏水把天花板泡了",
  "暖气片不热",
  "楼道里堆满了杂物",
  "门口路灯坏了",
  "家里水龙头关不紧一直滴水",
  "想请志愿者帮忙买点菜",
];
const urgentProblems = ["楼道里好大一股煤气味", "家里老人摔倒了起不来", "电线冒火花了"];
const buildings = 8;
const residents = Array.from({ length: 80 }, (_, i) => ({
  id: `res-${i}`,
  name: `居民${i}`,
  building: (i % buildings) + 1,
}));
const volunteers = Array.from({ length: 10 }, (_, i) => ({ id: `vol-${i}`, name: `志愿者${i}` }));
const staff = [{ id: "staff-0", name: "赵书记" }];
const roomOf = (b: number) => ({ id: `room-${b}`, topic: `幸福里${b}号楼居民群` });
const volunteerRoom = { id: "room-vol", topic: "幸福里志愿者服务群" };
const staffRoom = { id: "room-staff", topic: "幸福里社区工作群" };

const config = loadConfig({
  DATABASE_URL: `file:${dir}month.db`,
  LINLI_RESIDENT_ROOMS: "/居民群$/",
  LINLI_VOLUNTEER_ROOMS: volunteerRoom.topic,
  LINLI_STAFF_ROOMS: staffRoom.topic,
  LINLI_SEND_INTERVAL_MS: "0",
  LINLI_SEND_JITTER_MS: "0",
});

let now = chinaTimeToDate(2026, 11, 1).getTime(); // Sunday 1 November 2026
const end = chinaTimeToDate(2026, 12, 1).getTime();
const clock: Clock = { now: () => new Date(now) };

const sent: { to: string; text: string }[] = [];
const members: Record<string, string[]> = {
  [volunteerRoom.id]: volunteers.map((v) => v.id),
  [staffRoom.id]: staff.map((s) => s.id),
};
for (let b = 1; b <= buildings; b++) members[roomOf(b).id] = residents.filter((r) => r.building === b).map((r) => r.id);
const everyone = [...residents, ...volunteers, ...staff];

let database!: OpenedDatabase;
let app!: App;
async function startApp(): Promise<void> {
  database = await openDatabase(config.databaseUrl);
  app = createApp({
    config,
    database,
    sender: { send: async (m) => void sent.push({ to: m.to.id, text: m.text }) },
    directory: {
      memberIds: async (roomId) => members[roomId] ?? [],
      nameOf: async (id) => everyone.find((p) => p.id === id)?.name ?? null,
      findMember: async (roomIds, name) => {
        const p = everyone.find((x) => x.name === name && roomIds.some((r) => members[r]?.includes(x.id)));
        return p ? { id: p.id, name: p.name } : null;
      },
    },
    clock,
    logger: silentLogger,
    housekeepingMs: 0,
  });
  // As the channel does: registered and, on the first start, the configured topics bound (a
  // volunteers' or staff room that is only registered has no role, so no claim would count).
  await app.syncRooms([...Array.from({ length: buildings }, (_, i) => roomOf(i + 1)), volunteerRoom, staffRoom]);
  await app.start();
}
async function stopApp(): Promise<void> {
  await app.outbox.idle();
  await app.stop();
  await database.close();
}

// What is to happen, in time order: each step is a message someone writes.
interface Step {
  at: number;
  run(): Promise<void>;
}
const agenda: Step[] = [];
const plan = (at: number, run: () => Promise<void>) => agenda.push({ at, run });

let messageNo = 0;
let replayed = 0;
async function say(
  who: { id: string; name: string },
  room: { id: string; topic: string } | null,
  text: string,
): Promise<string> {
  const m: InboundMessage = {
    id: `m${++messageNo}`,
    roomId: room?.id ?? null,
    roomTopic: room?.topic ?? null,
    talkerId: who.id,
    talkerName: who.name,
    type: "text",
    text,
    mentionSelf: false,
    mentionIds: [],
    self: false,
    receivedAt: new Date(now),
  };
  await (await app.bot.receive(m))?.handled;
  // WeChat sometimes delivers a message twice: the inbox must drop it.
  if (random() < 0.03) {
    replayed++;
    await (await app.bot.receive({ ...m }))?.handled;
  }
  return m.id;
}
const ticketOf = async (messageId: string) => database.db.ticket.findUnique({ where: { sourceMessageId: messageId } });

/** A date four days on, as staff write it in 延期 (`12月3日`). */
function extendTo(t: number): string {
  const d = toChinaTime(new Date(t + 4 * 24 * HOUR));
  return `${d.month}月${d.day}日`;
}
const isWeekend = (t: number) => [0, 6].includes(toChinaTime(new Date(t)).weekday);
const counts = {
  requests: 0,
  claims: 0,
  assigned: 0,
  finished: 0,
  ratings: 0,
  merges: 0,
  withdrawals: 0,
  progress: 0,
  extended: 0,
  quiet: 0,
};

/** One resident's request and what then happens to it. */
function planRequest(at: number, urgent: boolean): void {
  const r = pick(residents);
  const text = urgent
    ? `${r.building}号楼${pick(urgentProblems)}`
    : `${r.building}号楼${Math.floor(between(1, 5))}单元${Math.floor(between(1, 7))}0${Math.floor(between(1, 5))}${pick(problems)}`;
  plan(at, async () => {
    counts.requests++;
    const ticket = await ticketOf(await say(r, roomOf(r.building), text));
    if (!ticket) return;
    const id = ticket.id;
    const fate = random();
    if (fate < 0.03) {
      // The resident withdraws (counted only if this build knows 撤销).
      plan(now + between(0.5, 6) * HOUR, async () => {
        counts.withdrawals++;
        await say(r, roomOf(r.building), `撤销 ${id}`);
      });
      return;
    }
    // Claimed: urgent within the hour mostly; normal within hours, some late, some never (staff assign).
    const nobody = fate < 0.1;
    const delay = urgent
      ? between(5, fate < 0.2 ? 90 : 40) * MIN
      : (isWeekend(now) ? between(10, 60) : fate < 0.25 ? between(24, 50) : between(0.3, 10)) * HOUR;
    const v = pick(volunteers);
    const claimAt = nobody ? now + between(26, 40) * HOUR : now + delay;
    plan(claimAt, async () => {
      const t = await database.db.ticket.findUnique({ where: { id } });
      if (t?.status !== "open") return;
      if (nobody) {
        counts.assigned++;
        await say(staff[0]!, staffRoom, `指派 ${id} ${v.name}`);
      } else {
        counts.claims++;
        await say(v, volunteerRoom, `认领 ${id}`);
      }
      const quiet = random() < 0.05; // the claimer goes quiet: asked, then the ticket goes back
      if (quiet) counts.quiet++;
      if (!quiet && random() < 0.15)
        plan(now + between(1, 6) * HOUR, async () => {
          counts.progress++;
          await say(v, volunteerRoom, `进展 ${id} 在等配件`);
        });
      if (!quiet && random() < 0.05)
        plan(now + between(1, 4) * HOUR, async () => {
          counts.extended++;
          await say(staff[0]!, staffRoom, `延期 ${id} 等物业配合 ${extendTo(now)}`);
        });
      plan(now + (quiet ? between(40, 60) : between(0.5, 30)) * HOUR, async () => {
        let c = await database.db.ticket.findUnique({ where: { id } });
        if (c?.status === "open" && quiet) {
          // Released to the pool after the quiet claimer did not answer: someone else takes it.
          counts.claims++;
          await say(v, volunteerRoom, `认领 ${id}`);
          c = await database.db.ticket.findUnique({ where: { id } });
        }
        if (c?.status !== "claimed") return;
        counts.finished++;
        await say(v, volunteerRoom, `完成 ${id} 已处理好`);
        if (random() < 0.25) return; // never rated: closed unrated by housekeeping
        plan(now + between(0.2, 20) * HOUR, async () => {
          counts.ratings++;
          const g = random();
          const rating = g < 0.65 ? "满意" : g < 0.8 ? "4分" : g < 0.9 ? "3分" : "不满意 等了好久";
          await say(r, roomOf(r.building), `#${id} ${rating}`);
        });
      });
    });
  });
}

/** Three residents of one building report the same water cut within an hour; staff close two as one. */
function planOutage(at: number): void {
  const b = Math.floor(between(1, buildings + 1));
  const people = residents.filter((r) => r.building === b).slice(0, 3);
  const ids: number[] = [];
  people.forEach((p, i) => {
    plan(at + i * 15 * MIN, async () => {
      counts.requests++;
      const t = await ticketOf(await say(p, roomOf(b), `${b}号楼${i + 1}单元停水了, 一滴水都没有`));
      if (t) ids.push(t.id);
    });
  });
  plan(at + 2 * HOUR, async () => {
    const [first, ...rest] = [...new Set(ids)].sort((x, y) => x - y);
    for (const id of rest) {
      counts.merges++;
      await say(staff[0]!, staffRoom, `关闭 ${id} 和#${first}是一件事`);
    }
  });
}

// The month: more on working days, some urgent, a water cut each week.
for (let day = now; day < end; day += 24 * HOUR) {
  const n = isWeekend(day) ? 10 : 24;
  for (let i = 0; i < n; i++) planRequest(day + between(7, 21) * HOUR, random() < 0.04);
  if (toChinaTime(new Date(day)).weekday === 3) planOutage(day + 9 * HOUR);
}

await startApp();
const reports = () => app.features.find((f) => f.name === "reports") as ReportsFeature;
const tickets = () => app.features.find((f) => f.name === "tickets") as TicketsFeature;
const followUp = () => app.features.find((f) => f.name === "followUp") as FollowUpFeature;
const restartAt = chinaTimeToDate(2026, 11, 16, 12).getTime();
let restarted = false;
const STEP = 10 * MIN;
const t0 = performance.now();
for (let t = now; t < end; t += STEP) {
  for (;;) {
    agenda.sort((a, b) => a.at - b.at);
    if (!agenda.length || agenda[0]!.at >= t + STEP) break;
    const step = agenda.shift()!;
    now = Math.max(now, step.at);
    await step.run();
  }
  now = t + STEP;
  if (!restarted && now >= restartAt) {
    restarted = true;
    await stopApp();
    await startApp();
  }
  await tickets().service.closeUnrated();
  // Two runs at once, as two processes on one database would: each step must still go out once.
  await Promise.all([followUp().service.run(), followUp().service.run()]);
  await reports().tick();
}
await app.outbox.idle();
const seconds = (performance.now() - t0) / 1000;

// Figures.
const all = await createPrismaReportStore(database.db).ticketsSince(new Date(0));
const month = all.filter((t) => t.createdAt.getTime() < end);
const rates = computeRates(month, followUpLimits(loadFollowUpRules(config)), new Date(now));
const rows = await database.db.outboxMessage.findMany({ select: { dedupeKey: true, state: true } });
const keys = rows.map((r) => r.dedupeKey ?? "");
const kindOf = (key: string) =>
  /^report:(daily|weekly):/.exec(key)?.[1] ?? /^ticket:\d+:(auto-closed)/.exec(key)?.[1] ?? null;
const byKind = new Map<string, number>();
for (const k of keys) {
  const kind = kindOf(k);
  if (kind) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
}
// Follow-up's steps, one row each (unique per ticket and step), by kind; and the messages each sent.
const stepRows = await database.db.followUpStep.findMany({ select: { ticketId: true, step: true } });
const stepKind = (step: string) => step.replace(/:\d+$/, "");
const stepNames: Record<string, string> = {
  "respond:near": "reminder (claim/reply near)",
  "finish:near": "reminder (finish near)",
  "respond:passed": "escalation (claim/reply overdue)",
  "finish:passed": "escalation (finish overdue)",
  chased: "resident told it is chased",
  "idle-ask": "claimer asked (no progress)",
  rating: "rating reminder (回访)",
  "revisit:near": "reminder (不满意 follow-up near)",
  "revisit:passed": "escalation (不满意 follow-up overdue)",
};
const stepsByKind = new Map<string, number>();
for (const r of stepRows) stepsByKind.set(stepKind(r.step), (stepsByKind.get(stepKind(r.step)) ?? 0) + 1);
const followUpMessages = keys.filter((k) => /^ticket:\d+:remind:/.test(k)).length;
const released = await database.db.ticketEvent.count({ where: { type: "released", actorId: null } });
// A step is a ticket's, a report's or a hand-over's key without the id of the message that
// caused it: the same step for the same ticket and destination twice means it was said twice.
// (Replies to a message, msg:<id>:<part>, are one per message by their key; a ticket released
// to the pool and claimed again is rightly told of its second claim.) Follow-up's keys carry
// the step (and the deadline it is about), so the same step twice would show here too.
const reclaimed = new Set(
  (await database.db.ticketEvent.findMany({ where: { type: "released" }, select: { ticketId: true } })).map(
    (e) => e.ticketId,
  ),
);
const steps = new Map<string, number>();
for (const k of keys.filter((key) => /^(?:ticket|report|handover)/.test(key))) {
  const claim = /^ticket:(\d+):(?:claimed|assigned):/.exec(k);
  if (claim && reclaimed.has(Number(claim[1]))) continue;
  const step = k.replace(/:m\d+(?=:|$)/g, "");
  steps.set(step, (steps.get(step) ?? 0) + 1);
}
const twice = [...steps.entries()].filter(([, n]) => n > 1);
const withdrawn = month.filter((t) => t.closeKind === "withdrawn").length;
const linked = month.filter((t) => t.mergedIntoId !== null).length;
const sentRows = rows.filter((r) => r.state === "sent").length;

// The console's 成绩单 of the same month must say what 周议 and the broadcast say.
const card = await reports().periodReport({ period: "month", containing: new Date(end - 1) });
const monthSoFar = await readMonthSoFar(createPrismaReportStore(database.db), followUpLimits(loadFollowUpRules(config)), new Date(end - 1));
const sameRates = JSON.stringify(card.rates) === JSON.stringify(rates);
const sameFigures =
  card.received === monthSoFar.received &&
  card.finished === monthSoFar.finished &&
  JSON.stringify(card.rates.satisfaction) === JSON.stringify(monthSoFar.satisfaction);
const xlsx = await reportToXlsx(card);
writeFileSync(`${dir}month-report.xlsx`, xlsx);
const hoursOf = (ms: number | null) => (ms === null ? "—" : `${(ms / HOUR).toFixed(1)} h`);

console.log(`busy month (seed ${seed}), November 2026, ${seconds.toFixed(1)} s`);
console.log(
  `messages ${messageNo} (+${replayed} delivered twice), requests ${counts.requests}, tickets ${month.length}; claims ${counts.claims}, staff assigned ${counts.assigned}, finished ${counts.finished}, ratings ${counts.ratings}, merged ${linked} (${counts.merges} asked by staff), withdrawn ${withdrawn} (of ${counts.withdrawals} 撤销 asked)`,
);
console.log(`响应率 ${formatRate(rates.response)}`);
console.log(`解决率 ${formatRate(rates.resolution)}`);
console.log(`满意率 ${formatRate(rates.satisfaction)}`);
console.log("follow-up steps (each one row, one timeline event, its messages once):");
for (const [kind, name] of Object.entries(stepNames)) console.log(`  ${name}: ${stepsByKind.get(kind) ?? 0}`);
console.log(
  `  released to the pool: ${released}; follow-up steps ${stepRows.length} (one row each per ticket and step), their messages ${followUpMessages}`,
);
console.log(
  `progress notes ${counts.progress}, limits moved (延期) ${counts.extended}, quiet claimers ${counts.quiet}`,
);
console.log(`closed unrated after the rating timeout: ${byKind.get("auto-closed") ?? 0}`);
console.log(`reports sent: daily ${byKind.get("daily") ?? 0}, weekly ${byKind.get("weekly") ?? 0}`);
console.log(
  `outbox: ${rows.length} rows, ${sentRows} sent, sender saw ${sent.length}; keys unique ${new Set(keys).size === keys.length}; steps sent twice: ${twice.length + Math.max(0, sent.length - sentRows)}${
    twice.length
      ? ` (${twice
          .slice(0, 5)
          .map(([k]) => k)
          .join(", ")})`
      : ""
  }`,
);
console.log(
  `成绩单 ${card.label}: 受理 ${card.received}, 办结 ${card.finished}, 响应率 ${formatRate(card.rates.response)}, 解决率 ${formatRate(card.rates.resolution)}, 满意率 ${formatRate(card.rates.satisfaction)}; response avg ${hoursOf(card.toRespond.averageMs)} p90 ${hoursOf(card.toRespond.p90Ms)}, finish avg ${hoursOf(card.toFinish.averageMs)} p90 ${hoursOf(card.toFinish.p90Ms)}; volunteers ${card.volunteers.length}, 好人好事 ${card.praise.length}, 转人工 ${card.handovers.total}`,
);
console.log(
  `  same as the rates above: ${sameRates}; same 受理/办结/满意率 as the broadcast's month figures: ${sameFigures}; xlsx ${xlsx.length} bytes at ${dir}month-report.xlsx`,
);
if (!sameRates || !sameFigures) process.exitCode = 1;
await stopApp();
