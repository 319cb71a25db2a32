// `npm run bench:board [TICKETS] [postgresql://…]`: the staff console's ticket board on a
// community's years of tickets (default 50 000, with their events and some moved limits).
// Prints the median and worst time of one board page (20 rows, counts per status, overdue
// marks from follow-up's limits) and of a timeline, on the SQLite fast path, Prisma on SQLite
// and, given a URL, Prisma on PostgreSQL (a fresh schema, dropped afterwards).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { isPastLimit } from "../src/follow-up/deadlines.js";
import { defaultRules } from "../src/follow-up/follow-up-rules.js";
import { type OpenedDatabase, openDatabase } from "../src/store/open-database.js";
import { createPrismaTicketStore } from "../src/store/prisma-ticket-store.js";
import { createSqliteTicketStore } from "../src/store/sqlite-ticket-store.js";
import { type BoardFilter, createTicketBoard } from "../src/tickets/ticket-board.js";
import type { TicketStore } from "../src/tickets/ticket.js";
import { createTimeline } from "../src/tickets/ticket-timeline.js";
import { categories } from "../src/understand/taxonomy.js";

const N = Number(process.argv[2] ?? 50_000);
const pgUrl = process.argv[3];
const RUNS = 15;
const now = new Date("2026-12-06T02:00:00Z");
const start = now.getTime() - 3 * 365 * 24 * 3600_000;
const problems = ["楼道灯坏了", "下水道堵了", "垃圾没人收", "水管漏水", "电梯停了", "暖气不热", "门禁坏了"];
const statuses = ["closed", "closed", "closed", "closed", "closed", "closed", "done", "claimed", "open"] as const;

/** Seeded the same way on every backend, in batches (Prisma's createMany; ids 1..N in order). */
async function seed(o: OpenedDatabase): Promise<void> {
  const batch = 2000;
  for (let i = 0; i < N; i += batch) {
    const rows = [];
    const events = [];
    for (let k = i; k < Math.min(N, i + batch); k++) {
      const createdAt = new Date(start + Math.floor(((now.getTime() - start) * k) / N));
      const status = k > N - 400 ? (k % 2 ? "open" : "claimed") : statuses[k % statuses.length]!;
      const held = status !== "open";
      rows.push({
        id: k + 1,
        residentId: `r${k % 3000}`,
        residentName: `居民${k % 3000}`,
        roomId: `room-${k % 12}`,
        roomTopic: `幸福里${(k % 12) + 1}号楼居民群`,
        text: `${(k % 12) + 1}号楼${(k % 6) + 1}单元${problems[k % problems.length]} 第${k}次`,
        summary: problems[k % problems.length]!,
        category: categories[k % categories.length]!,
        urgency: k % 25 === 0 ? "urgent" : "normal",
        building: k % 5 === 0 ? null : String((k % 12) + 1),
        status,
        volunteerId: held ? `v${k % 40}` : null,
        volunteerName: held ? `志愿者${k % 40}` : null,
        createdAt,
        claimedAt: held ? createdAt : null,
        updatedAt: createdAt,
      });
      events.push({ ticketId: k + 1, type: "created", actorId: `r${k % 3000}`, at: createdAt });
      if (held) events.push({ ticketId: k + 1, type: "claimed", actorId: `v${k % 40}`, at: createdAt });
      if (status === "closed") events.push({ ticketId: k + 1, type: "closed", actorId: null, at: createdAt });
    }
    await o.db.ticket.createMany({ data: rows });
    await o.db.ticketEvent.createMany({ data: events });
  }
  const moved = Array.from({ length: 100 }, (_, j) => N - j * 3).filter((id) => id > 0);
  await o.db.ticketDeadline.createMany({
    data: moved.map((ticketId) => ({ ticketId, dueAt: now, reason: "等配件", byId: "s1", byName: "赵书记", at: now })),
  });
}

const scenarios: [string, BoardFilter, number][] = [
  ["all, page 1", {}, 0],
  ["all, page 100", {}, 1980],
  ["open + claimed", { statuses: ["open", "claimed"] }, 0],
  ["closed, page 50", { statuses: ["closed"] }, 980],
  ["category + building", { category: "repair", building: "3号楼" }, 0],
  ["volunteer", { volunteerId: "v7" }, 0],
  ["last 30 days", { createdFrom: new Date(now.getTime() - 30 * 24 * 3600_000), createdBefore: now }, 0],
  ["search words", { search: "下水道" }, 0],
  ["search number", { search: `#${Math.floor(N / 2)}` }, 0],
];

async function measure(label: string, store: TicketStore): Promise<void> {
  const rules = defaultRules();
  const clock = { now: () => now };
  const board = createTicketBoard({
    store,
    clock,
    pastLimit: (t, at, f) => isPastLimit(t, rules, at, f.responded, f.movedLimit),
  });
  const timeline = createTimeline({ store, clock, board });
  console.log(`\n${label} (${N} tickets)`);
  const time = async (name: string, run: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await run();
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(22)} median ${ms[RUNS >> 1]!.toFixed(2)} ms, worst ${ms.at(-1)!.toFixed(2)} ms`);
  };
  for (const [name, filter, offset] of scenarios) await time(name, () => board.list(filter, { limit: 20, offset }));
  const page = await board.list({ statuses: ["open", "claimed"] }, { limit: 20 });
  console.log(`  (open + claimed: ${page.total} tickets, ${page.rows.filter((r) => r.overdue).length} of 20 overdue)`);
  await time("timeline", () => timeline.timeline(Math.floor(N / 2)));
}

const dir = mkdtempSync(join(tmpdir(), "linli-bench-board-"));
try {
  const fast = await openDatabase(`file:${dir}/board.db`);
  const t0 = performance.now();
  await seed(fast);
  console.log(`seeded ${N} tickets in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await measure("SQLite (fast path)", createSqliteTicketStore(fast.sqlite!));
  await measure("SQLite (Prisma)", createPrismaTicketStore(fast.db));
  await fast.close();
  if (pgUrl) {
    const schema = `linli_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    try {
      const u = new URL(pgUrl);
      u.searchParams.set("schema", schema);
      const o = await openDatabase(u.toString());
      await seed(o);
      await o.db.$executeRawUnsafe(`ANALYZE`);
      await measure("PostgreSQL (Prisma)", createPrismaTicketStore(o.db));
      await o.close();
    } finally {
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
