import type { OutboxRow, OutboxStore } from "../outbox/outbox-store.js";
import type { Db } from "./open-database.js";

type Row = NonNullable<Awaited<ReturnType<Db["outboxMessage"]["findFirst"]>>>;

function toRow(r: Row): OutboxRow {
  return {
    id: r.id,
    account: r.account,
    to: { kind: r.destKind as "room" | "contact", id: r.destId },
    text: r.text,
    mentionIds: JSON.parse(r.mentionIds) as string[],
    attempts: r.attempts,
    notBefore: r.notBefore,
    broadcastRunId: r.broadcastRunId,
    priority: r.priority,
    mergeKind: r.mergeKind,
    mergePart: r.mergePart,
  };
}

export function createPrismaOutboxStore(db: Db): OutboxStore {
  return {
    async insert(m, opts) {
      try {
        await db.outboxMessage.create({
          data: {
            account: opts.account,
            destKind: m.to.kind,
            destId: m.to.id,
            text: m.text,
            mentionIds: JSON.stringify(m.mentionIds ?? []),
            dedupeKey: opts.key ?? null,
            notBefore: opts.notBefore,
            createdAt: opts.now,
            broadcastRunId: opts.broadcastRunId ?? null,
            priority: opts.priority ?? 2,
            mergeKind: opts.mergeKind ?? null,
            mergePart: opts.mergePart ?? null,
          },
        });
        return true;
      } catch (err) {
        if ((err as { code?: string })?.code === "P2002") return false;
        throw err;
      }
    },
    async dueHeads(account, now, limit) {
      const due = { account, state: "pending", notBefore: { lte: now } };
      const first = await db.outboxMessage.findFirst({
        where: due,
        orderBy: [{ priority: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      });
      if (!first) return [];
      // Each chat's earliest time, then that chat's rows at that time; the first per chat is its head.
      const chats = await db.outboxMessage.groupBy({
        by: ["destKind", "destId"],
        where: { ...due, priority: first.priority },
        _min: { createdAt: true },
        orderBy: { _min: { createdAt: "asc" } },
        take: limit,
      });
      const rows = await db.outboxMessage.findMany({
        where: {
          ...due,
          priority: first.priority,
          OR: chats.map((c) => ({ destKind: c.destKind, destId: c.destId, createdAt: c._min.createdAt ?? undefined })),
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      const seen = new Set<string>();
      const heads = rows.filter((r) => {
        const chat = `${r.destKind}:${r.destId}`;
        if (seen.has(chat)) return false;
        seen.add(chat);
        return true;
      });
      return heads.slice(0, limit).map(toRow);
    },
    async nextWake(account) {
      const r = await db.outboxMessage.findFirst({
        where: { account, state: "pending" },
        orderBy: { notBefore: "asc" },
      });
      return r?.notBefore ?? null;
    },
    async take(id) {
      const { count } = await db.outboxMessage.updateMany({
        where: { id, state: "pending" },
        data: { state: "sending", attempts: { increment: 1 } },
      });
      return count === 1;
    },
    async takeMergeable(row, now, limit) {
      if (!row.mergeKind || limit <= 0) return [];
      const found = await db.outboxMessage.findMany({
        where: {
          account: row.account,
          state: "pending",
          destKind: row.to.kind,
          destId: row.to.id,
          mergeKind: row.mergeKind,
          notBefore: { lte: now },
          id: { not: row.id },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: limit,
      });
      const taken: OutboxRow[] = [];
      for (const r of found) {
        const { count } = await db.outboxMessage.updateMany({
          where: { id: r.id, state: "pending" },
          data: { state: "sending", attempts: { increment: 1 } },
        });
        if (count === 1) taken.push(toRow(r));
      }
      return taken;
    },
    // updateMany: a row that is gone is not an error, as on the SQLite fast path.
    async markSent(id, at) {
      await db.outboxMessage.updateMany({ where: { id }, data: { state: "sent", sentAt: at, error: null } });
    },
    async markRetry(id, error, notBefore) {
      await db.outboxMessage.updateMany({ where: { id }, data: { state: "pending", error, notBefore } });
    },
    async markFailed(id, error) {
      await db.outboxMessage.updateMany({ where: { id }, data: { state: "failed", error } });
    },
    async markUnsent(id, error, notBefore) {
      await db.outboxMessage.updateMany({
        where: { id, attempts: { gt: 0 } },
        data: { state: "pending", error, notBefore, attempts: { decrement: 1 } },
      });
    },
    async settleInterrupted(account) {
      const { count } = await db.outboxMessage.updateMany({
        where: { account, state: "sending" },
        data: { state: "uncertain" },
      });
      return count;
    },
    async countByState(account) {
      const rows = await db.outboxMessage.groupBy({ by: ["state"], where: { account }, _count: { _all: true } });
      return Object.fromEntries(rows.map((r) => [r.state, r._count._all]));
    },
  };
}
