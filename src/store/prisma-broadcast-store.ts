// BroadcastStore on Prisma. Exactly-once rests on BroadcastRun's @@unique([broadcastId, slot]):
// inserting the run row is the claim, and a unique violation (P2002) means someone else has it.
import type {
  BroadcastRun,
  BroadcastStatus,
  BroadcastStore,
  RunDelivery,
  RunState,
  StoredBroadcast,
  StoredPraise,
} from "../broadcasts/broadcast-store.js";
import type { BroadcastTarget } from "../broadcasts/parse-broadcast-targets.js";
import type { Schedule } from "../broadcasts/schedule.js";
import type { Db } from "./open-database.js";

const LAST_TICK_KEY = "broadcasts.lastTick";

type BroadcastRow = NonNullable<Awaited<ReturnType<Db["broadcast"]["findFirst"]>>>;
type RunRow = NonNullable<Awaited<ReturnType<Db["broadcastRun"]["findFirst"]>>>;
type PraiseRow = NonNullable<Awaited<ReturnType<Db["praise"]["findFirst"]>>>;

function toBroadcast(r: BroadcastRow): StoredBroadcast {
  const schedule: Schedule | null = r.cron ? { cron: r.cron } : r.runAt ? { runAt: r.runAt } : null;
  return {
    id: r.id,
    schedule,
    targets: JSON.parse(r.targets) as BroadcastTarget[],
    content: r.content,
    status: r.status as BroadcastStatus,
    createdBy: { id: r.createdById, name: r.createdBy },
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function toRun(r: RunRow): BroadcastRun {
  return { id: r.id, broadcastId: r.broadcastId, slot: r.slot, state: r.state as RunState, text: r.text };
}

function toPraise(r: PraiseRow): StoredPraise {
  return {
    id: r.id,
    text: r.text,
    source: r.source === "staff" ? "staff" : "thanks",
    author: { id: r.authorId, name: r.authorName },
    approved: r.approved,
    reviewed: r.reviewedAt !== null,
    createdAt: r.createdAt,
  };
}

function scheduleColumns(s: Schedule | null | undefined): { cron: string | null; runAt: Date | null } | undefined {
  if (s === undefined) return undefined;
  if (s === null) return { cron: null, runAt: null };
  return "cron" in s ? { cron: s.cron, runAt: null } : { cron: null, runAt: s.runAt };
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === "P2002";
}

export function createPrismaBroadcastStore(db: Db): BroadcastStore {
  return {
    async create(b) {
      const row = await db.broadcast.create({
        data: {
          ...scheduleColumns(b.schedule),
          description: b.description,
          targets: JSON.stringify(b.targets),
          content: b.content,
          status: b.status,
          createdById: b.createdBy.id,
          createdBy: b.createdBy.name,
          createdAt: b.at,
          updatedAt: b.at,
        },
      });
      return toBroadcast(row);
    },
    async get(id) {
      const row = await db.broadcast.findUnique({ where: { id } });
      return row && row.status !== "deleted" ? toBroadcast(row) : null;
    },
    async list() {
      const rows = await db.broadcast.findMany({ where: { status: { not: "deleted" } }, orderBy: { id: "asc" } });
      return rows.map(toBroadcast);
    },
    async listActive() {
      const rows = await db.broadcast.findMany({ where: { status: "active" }, orderBy: { id: "asc" } });
      return rows.map(toBroadcast);
    },
    async update(id, change, at) {
      const row = await db.broadcast.update({
        where: { id },
        data: {
          ...scheduleColumns(change.schedule),
          ...(change.status ? { status: change.status } : {}),
          ...(change.description ? { description: change.description } : {}),
          ...(change.targets ? { targets: JSON.stringify(change.targets) } : {}),
          ...(change.content !== undefined ? { content: change.content } : {}),
          updatedAt: at,
        },
      });
      return toBroadcast(row);
    },

    async claimRun(run) {
      try {
        const row = await db.broadcastRun.create({
          data: {
            broadcastId: run.broadcastId,
            slot: run.slot,
            state: run.state,
            text: run.text,
            owner: run.owner,
            createdAt: run.at,
            finishedAt: run.state === "sending" ? null : run.at,
          },
        });
        return toRun(row);
      } catch (err) {
        if (isUniqueViolation(err)) return null;
        throw err;
      }
    },
    async finishRun(id, state, at) {
      await db.broadcastRun.updateMany({ where: { id, state: "sending" }, data: { state, finishedAt: at } });
    },
    async unfinishedRuns() {
      const rows = await db.broadcastRun.findMany({ where: { state: "sending" }, orderBy: { id: "asc" } });
      return rows.map(toRun);
    },

    async runsOf(broadcastId, limit) {
      const rows = await db.broadcastRun.findMany({ where: { broadcastId }, orderBy: { slot: "desc" }, take: limit });
      return rows.map(toRun);
    },
    async runsBetween(from, to) {
      const rows = await db.broadcastRun.findMany({
        where: { slot: { gte: from, lt: to } },
        orderBy: [{ slot: "asc" }, { id: "asc" }],
      });
      return rows.map(toRun);
    },
    async deliveries(runIds) {
      if (runIds.length === 0) return [];
      const rows = await db.outboxMessage.findMany({
        where: { broadcastRunId: { in: [...runIds] } },
        orderBy: { id: "asc" },
        select: { broadcastRunId: true, destId: true, account: true, state: true, error: true, sentAt: true },
      });
      const byChat = new Map<string, RunDelivery>();
      for (const r of rows) {
        const key = `${r.broadcastRunId}\u0000${r.account}\u0000${r.destId}`;
        let d = byChat.get(key);
        if (!d) {
          d = { runId: r.broadcastRunId!, destId: r.destId, account: r.account, states: [], error: null, sentAt: null };
          byChat.set(key, d);
        }
        d.states.push(r.state);
        if (r.error) d.error = r.error;
        if (r.sentAt && (!d.sentAt || r.sentAt > d.sentAt)) d.sentAt = r.sentAt;
      }
      return [...byChat.values()];
    },

    async lastTick() {
      const row = await db.setting.findUnique({ where: { key: LAST_TICK_KEY } });
      return row ? new Date(row.value) : null;
    },
    async saveLastTick(at) {
      const value = at.toISOString();
      try {
        await db.setting.create({ data: { key: LAST_TICK_KEY, value, updatedAt: at } });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        // ISO strings in UTC compare in time order, so `lt` keeps the mark moving forward only.
        await db.setting.updateMany({
          where: { key: LAST_TICK_KEY, value: { lt: value } },
          data: { value, updatedAt: at },
        });
      }
    },

    async audit(e) {
      await db.auditLog.create({
        data: {
          actorId: e.actor.id,
          actorName: e.actor.name,
          action: e.action,
          detail: JSON.stringify(e.detail),
          at: e.at,
        },
      });
    },

    async addPraise(p) {
      const row = await db.praise.create({
        data: {
          text: p.text,
          source: p.source,
          authorId: p.author.id,
          authorName: p.author.name,
          approved: p.approved,
          // Staff's own note (表扬) is decided when written; residents' thanks wait for review.
          reviewedAt: p.approved ? p.at : null,
          createdAt: p.at,
        },
      });
      return toPraise(row);
    },
    async praisesBetween(from, to) {
      const rows = await db.praise.findMany({ where: { createdAt: { gte: from, lt: to } }, orderBy: { id: "asc" } });
      return rows.map(toPraise);
    },
    async getPraise(id) {
      const row = await db.praise.findUnique({ where: { id } });
      return row ? toPraise(row) : null;
    },
    async setPraiseApproved(id, approved) {
      return toPraise(await db.praise.update({ where: { id }, data: { approved, reviewedAt: new Date() } }));
    },

    async activityEntries() {
      const rows = await db.kbEntry.findMany({ orderBy: { id: "asc" } });
      return rows.map((r) => ({
        title: r.title,
        tags: JSON.parse(r.tags) as string[],
        answer: r.answer,
        extra: JSON.parse(r.extra) as Record<string, unknown>,
      }));
    },
  };
}
