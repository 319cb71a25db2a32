// The stores that only Prisma implements (broadcasts, hand-overs, the knowledge base): every
// method behaves the same on SQLite and on PostgreSQL (skipped, with a message, where no server runs).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BroadcastStore, NewBroadcast } from "../../src/broadcasts/broadcast-store.js";
import type { HandoverStore, NewHandover } from "../../src/faq/handover-store.js";
import type { KbStore } from "../../src/faq/import-kb.js";
import type { KbEntry } from "../../src/faq/kb-entry.js";
import type { FollowUpStore } from "../../src/follow-up/follow-up-store.js";
import type { ReportStore } from "../../src/reports/report-store.js";
import { type OpenedDatabase, openDatabase } from "../../src/store/open-database.js";
import { createPrismaBroadcastStore } from "../../src/store/prisma-broadcast-store.js";
import { createPrismaFollowUpStore } from "../../src/store/prisma-follow-up-store.js";
import { createPrismaReportStore } from "../../src/store/prisma-report-store.js";
import { createPrismaRoomStore } from "../../src/store/prisma-room-store.js";
import { createPrismaHandoverStore } from "../../src/store/prisma-handover-store.js";
import { createPrismaKbStore } from "../../src/store/prisma-kb-store.js";
import { createPrismaTicketStore } from "../../src/store/prisma-ticket-store.js";
import type { NewTicket, TicketStore } from "../../src/tickets/ticket.js";
import { tempDir } from "../helpers/grpc-harness.js";
import { freshPostgresSchema, postgresAvailable } from "../helpers/postgres.js";

interface Stores {
  broadcasts: BroadcastStore;
  reports: ReportStore;
  followUp: FollowUpStore;
  handovers: HandoverStore;
  kb: KbStore;
  tickets: TicketStore;
  opened: OpenedDatabase;
}

const pgUp = await postgresAvailable();
const tmp = tempDir();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
  tmp.cleanup();
});

const at = (min: number) => new Date(Date.UTC(2026, 10, 20, 1, min));
const storesOn = (opened: OpenedDatabase): Stores => ({
  opened,
  broadcasts: createPrismaBroadcastStore(opened.db),
  reports: createPrismaReportStore(opened.db),
  followUp: createPrismaFollowUpStore(opened.db),
  handovers: createPrismaHandoverStore(opened.db),
  kb: createPrismaKbStore(opened.db, { now: () => at(0) }),
  tickets: createPrismaTicketStore(opened.db),
});

const kinds: [string, boolean, () => Promise<Stores>][] = [
  [
    "SQLite (Prisma)",
    true,
    async () => {
      const opened = await openDatabase(`file:${tmp.dir}/prisma.db`);
      cleanups.push(() => opened.close());
      return storesOn(opened);
    },
  ],
  [
    "PostgreSQL (Prisma)",
    pgUp,
    async () => {
      const schema = await freshPostgresSchema();
      const opened = await openDatabase(schema.url);
      cleanups.push(async () => {
        await opened.close();
        await schema.drop();
      });
      return storesOn(opened);
    },
  ],
];

const staff = { id: "s1", name: "赵书记" };
const weekly = (content: string): NewBroadcast => ({
  schedule: { cron: "0 8 * * 1" },
  description: "每周一 08:00",
  targets: [{ kind: "room", topic: "幸福里3号楼居民群" }],
  content,
  status: "active",
  createdBy: staff,
  at: at(1),
});
const entry = (id: string, tags: string[], answer = `${id} 的答案`): KbEntry => ({
  id,
  title: `标题 ${id}`,
  questions: [`${id} 怎么办`],
  answer,
  tags,
  extra: { schedule: "每周二 9:00" },
});
const asked = (messageId: string | null, question: string): NewHandover => ({
  messageId,
  question,
  askerId: "p1",
  askerName: "张秀英",
  roomId: "r1",
  roomTopic: "幸福里3号楼居民群",
});
const ticket = (source: string, minute: number): NewTicket => ({
  sourceMessageId: source,
  residentId: "p1",
  residentName: "张秀英",
  roomId: "r1",
  roomTopic: "居民群",
  text: "楼道灯坏了",
  summary: "楼道灯坏了",
  phone: null,
  category: "repair",
  urgency: "normal",
  building: "3",
  unit: null,
  room: null,
  createdAt: at(minute),
});

describe.each(kinds)("%s", (_name, available, make) => {
  let s: Stores;
  beforeAll(async () => {
    if (available) s = await make();
  });

  it.skipIf(!available)("keeps broadcasts: create, get, list, the active ones, and changes", async () => {
    const a = await s.broadcasts.create(weekly("本周活动预告"));
    const b = await s.broadcasts.create({ ...weekly("停水通知"), schedule: { runAt: at(90) }, status: "paused" });
    expect(await s.broadcasts.get(a.id)).toEqual(a);
    expect(a).toMatchObject({ schedule: { cron: "0 8 * * 1" }, status: "active", createdBy: staff, createdAt: at(1) });
    expect((await s.broadcasts.get(b.id))?.schedule).toEqual({ runAt: at(90) });
    expect(await s.broadcasts.get(999_999)).toBeNull();
    expect((await s.broadcasts.listActive()).map((x) => x.id)).toEqual([a.id]);

    const resumed = await s.broadcasts.update(
      b.id,
      { status: "active", targets: [{ kind: "group", group: "residents" }] },
      at(5),
    );
    expect(resumed).toMatchObject({
      status: "active",
      targets: [{ kind: "group", group: "residents" }],
      updatedAt: at(5),
    });
    await s.broadcasts.update(a.id, { status: "deleted" }, at(6));
    expect((await s.broadcasts.list()).map((x) => x.id)).toEqual([b.id]);
    expect((await s.broadcasts.listActive()).map((x) => x.id)).toEqual([b.id]);
  });

  it.skipIf(!available)("claims each slot once, finishes runs and lists the unfinished ones", async () => {
    const { id } = await s.broadcasts.create(weekly("每日提醒"));
    const slot = at(60);
    const run = { broadcastId: id, slot, state: "sending" as const, text: "每日提醒", owner: "p1", at: at(60) };
    const claims = await Promise.all([s.broadcasts.claimRun(run), s.broadcasts.claimRun({ ...run, owner: "p2" })]);
    const won = claims.filter((c) => c !== null);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ broadcastId: id, slot, state: "sending", text: "每日提醒" });
    expect((await s.broadcasts.unfinishedRuns()).map((r) => r.id)).toContain(won[0]!.id);
    await s.broadcasts.finishRun(won[0]!.id, "sent", at(61));
    expect((await s.broadcasts.unfinishedRuns()).map((r) => r.id)).not.toContain(won[0]!.id);
  });

  it.skipIf(!available)("moves the scheduler's mark forward only", async () => {
    expect(await s.broadcasts.lastTick()).toBeNull();
    await s.broadcasts.saveLastTick(at(10));
    await s.broadcasts.saveLastTick(at(5));
    expect(await s.broadcasts.lastTick()).toEqual(at(10));
    await s.broadcasts.saveLastTick(at(11));
    expect(await s.broadcasts.lastTick()).toEqual(at(11));
  });

  it.skipIf(!available)("records audit entries for broadcasts and hand-overs", async () => {
    const before = await s.opened.db.auditLog.count();
    await s.broadcasts.audit({ actor: staff, action: "broadcast.create", detail: { id: 1 }, at: at(2) });
    await s.handovers.audit(staff, "handover.answer", { id: 2 }, at(3));
    const rows = await s.opened.db.auditLog.findMany({ orderBy: { id: "asc" }, skip: before });
    expect(rows.map((r) => [r.actorName, r.action, JSON.parse(r.detail)])).toEqual([
      ["赵书记", "broadcast.create", { id: 1 }],
      ["赵书记", "handover.answer", { id: 2 }],
    ]);
  });

  it.skipIf(!available)("keeps praise notes, finds them by time and by id, and records the review", async () => {
    const thanks = await s.broadcasts.addPraise({
      text: "谢谢小刘修水管",
      source: "thanks",
      author: { id: "p1", name: "张秀英" },
      approved: false,
      at: at(20),
    });
    const noted = await s.broadcasts.addPraise({
      text: "王阿姨帮李大爷买菜",
      source: "staff",
      author: staff,
      approved: true,
      at: at(25),
    });
    expect(thanks).toMatchObject({ source: "thanks", approved: false, reviewed: false, createdAt: at(20) });
    expect(noted).toMatchObject({ source: "staff", approved: true, reviewed: true });
    expect((await s.broadcasts.praisesBetween(at(19), at(21))).map((p) => p.id)).toEqual([thanks.id]);
    expect(await s.broadcasts.getPraise(thanks.id)).toEqual(thanks);
    expect(await s.broadcasts.getPraise(999_999)).toBeNull();
    expect(await s.broadcasts.setPraiseApproved(thanks.id, false)).toMatchObject({ approved: false, reviewed: true });
    expect(await s.broadcasts.setPraiseApproved(thanks.id, true)).toMatchObject({ approved: true, reviewed: true });
  });

  it.skipIf(!available)(
    "gives the reports each ticket of a period with its timeline and a limit moved with 延期",
    async () => {
      const mk = async (source: string, minute: number) => (await s.tickets.create(ticket(source, minute))).ticket;
      const t1 = await mk("fig-1", 100);
      const t2 = await mk("fig-2", 101);
      await s.tickets.transition(
        t1.id,
        { from: ["open"] },
        { status: "closed", closedAt: at(110), closeKind: "duplicate", closeReason: "同一次停水" },
        { type: "closed", actorId: "s1", actorName: "赵书记", note: null, at: at(110) },
      );
      await s.followUp.moveLimit(t2.id, { dueAt: at(500), reason: "等配件" }, staff, at(120), "等配件");
      const got = (await s.reports.ticketsSince(at(100))).filter((t) => [t1.id, t2.id].includes(t.id));
      expect(got.map((t) => [t.id, t.closeKind, t.movedLimit, t.movedAt, t.events.map((e) => e.type)])).toEqual([
        [t1.id, "duplicate", null, null, ["created", "closed"]],
        [t2.id, null, at(500), at(120), ["created", "extended"]],
      ]);
      // Follow-up reads when the limit was moved too (a reopen after it starts the limits afresh).
      expect(await s.followUp.movedLimit(t2.id)).toEqual({ dueAt: at(500), reason: "等配件", at: at(120) });
      expect(await s.followUp.movedLimit(t1.id)).toBeNull();
      // Closed before `from`: not in a later period.
      expect((await s.reports.ticketsSince(at(200))).map((t) => t.id)).not.toContain(t1.id);
    },
  );

  it.skipIf(!available)(
    "gives the 成绩单 a period's hand-overs with their state, and its approved 好人好事 without residents' names",
    async () => {
      const before = await s.handovers.open(asked("fig-h0", "前一天的问题"), at(899));
      const answered = await s.handovers.open(asked("fig-h1", "老年证在哪里办"), at(900));
      const waiting = await s.handovers.open(asked("fig-h2", "医保卡丢了怎么补"), at(930));
      // Answered by someone of its own, so another test's lastAnsweredBy("赵书记") is not moved.
      await s.handovers.markAnswered(answered.id, "周一到周五上午", "钱干事", at(960));
      await s.handovers.markAnswered(before.id, "已答复", "钱干事", at(960));
      expect(await s.reports.handoversOpenedBetween(at(900), at(1000))).toEqual([
        { id: answered.id, status: "answered", createdAt: at(900), answeredAt: at(960) },
        { id: waiting.id, status: "open", createdAt: at(930), answeredAt: null },
      ]);

      const resident = { id: "p1", name: "张秀英" };
      const thanks = await s.broadcasts.addPraise({
        text: "谢谢小刘",
        source: "thanks",
        author: resident,
        approved: false,
        at: at(910),
      });
      await s.broadcasts.addPraise({
        text: "谢谢大家",
        source: "thanks",
        author: resident,
        approved: false,
        at: at(911),
      });
      const noted = await s.broadcasts.addPraise({
        text: "表扬王芳",
        source: "staff",
        author: staff,
        approved: true,
        at: at(920),
      });
      await s.broadcasts.addPraise({ text: "下个时段", source: "staff", author: staff, approved: true, at: at(1000) });
      await s.broadcasts.setPraiseApproved(thanks.id, true);
      expect(await s.reports.approvedPraisesBetween(at(900), at(1000))).toEqual([
        { id: thanks.id, text: "谢谢小刘", source: "thanks", authorName: null, ticketId: null, createdAt: at(910) },
        { id: noted.id, text: "表扬王芳", source: "staff", authorName: "赵书记", ticketId: null, createdAt: at(920) },
      ]);
    },
  );

  it.skipIf(!available)(
    "imports knowledge-base entries, updates them by id, and gives activities to broadcasts",
    async () => {
      expect(await s.kb.upsertEntries([entry("choir", ["活动", "合唱"]), entry("canteen", ["助餐"])])).toEqual({
        created: 2,
        updated: 0,
      });
      expect(await s.kb.upsertEntries([entry("choir", ["活动"], "合唱团每周二排练")], { updatedBy: "赵书记" })).toEqual(
        {
          created: 0,
          updated: 1,
        },
      );
      const listed = await s.kb.listEntries();
      expect(listed.map((e) => e.id).sort()).toEqual(["canteen", "choir"]);
      expect(listed.find((e) => e.id === "choir")).toEqual(entry("choir", ["活动"], "合唱团每周二排练"));
      const activities = await s.broadcasts.activityEntries();
      expect(activities.find((a) => a.title === "标题 choir")).toEqual({
        title: "标题 choir",
        tags: ["活动"],
        answer: "合唱团每周二排练",
        extra: { schedule: "每周二 9:00" },
      });
    },
  );

  it.skipIf(!available)("keeps a community's own words whole, and replaces them on the next import", async () => {
    const empty = await s.kb.loadWords();
    expect(empty).toEqual({ synonyms: {}, related: {}, dialect: {}, typos: {}, words: [] });
    const words = {
      synonyms: { 长者食堂: ["老年饭桌"] },
      related: { 银行: ["取钱"] },
      dialect: { 俺: "我" },
      typos: { 下水到: "下水道" },
      words: ["幸福里南门 ns"],
    };
    await s.kb.saveWords(words);
    expect(await s.kb.loadWords()).toEqual(words);
    await s.kb.saveWords({ ...empty, words: ["和平路"] });
    expect(await s.kb.loadWords()).toEqual({ ...empty, words: ["和平路"] });
  });

  it.skipIf(!available)("deletes entries, and keeps each entry's latest answered questions", async () => {
    await s.kb.upsertEntries([entry("to-go", ["临时"])]);
    expect(await s.kb.deleteEntry("to-go")).toBe(true);
    expect(await s.kb.deleteEntry("to-go")).toBe(false);
    expect((await s.kb.listEntries()).map((e) => e.id)).not.toContain("to-go");

    for (let i = 0; i < 5; i++) await s.kb.recordMatch({ entryId: "hours", question: `问${i}`, at: at(60 + i) }, 3);
    await s.kb.recordMatch({ entryId: "proof", question: "证明怎么开", at: at(70) }, 3);
    expect((await s.kb.recentMatches({ entryId: "hours", limit: 10 })).map((m) => m.question)).toEqual([
      "问4",
      "问3",
      "问2",
    ]);
    const all = await s.kb.recentMatches({ limit: 2 });
    expect(all).toEqual([
      { entryId: "proof", question: "证明怎么开", at: at(70) },
      { entryId: "hours", question: "问4", at: at(64) },
    ]);
    expect(Object.fromEntries(await s.kb.matchCounts(at(63)))).toEqual({ hours: 2, proof: 1 });
    await s.kb.upsertEntries([entry("proof", [])]);
    expect(await s.kb.deleteEntry("proof")).toBe(true);
    expect(await s.kb.recentMatches({ entryId: "proof", limit: 10 })).toEqual([]);
  });

  it.skipIf(!available)("hands a message over once, answers it once, links it to the knowledge base", async () => {
    const first = await s.handovers.open(asked("m-h1", "上门理发有没有"), at(30));
    expect(first).toMatchObject({ status: "open", question: "上门理发有没有", answer: null, createdAt: at(30) });
    expect(await s.handovers.open(asked("m-h1", "上门理发有没有"), at(31))).toEqual(first);
    expect(await s.handovers.get(first.id)).toEqual(first);
    expect(await s.handovers.get(999_999)).toBeNull();

    const answered = await s.handovers.markAnswered(first.id, "每月第二个周三有", "赵书记", at(40));
    expect(answered).toMatchObject({ status: "answered", answer: "每月第二个周三有", answeredBy: "赵书记" });
    expect(await s.handovers.markAnswered(first.id, "另一个答案", "钱网格员", at(41))).toBeNull();

    const other = await s.handovers.open(asked(null, "理发收钱吗"), at(42));
    await s.handovers.markAnswered(other.id, "免费", "赵书记", at(50));
    expect((await s.handovers.lastAnsweredBy("赵书记"))?.id).toBe(other.id);
    expect(await s.handovers.lastAnsweredBy("没有这个人")).toBeNull();

    await s.handovers.linkKbEntry(first.id, "haircut");
    expect((await s.handovers.get(first.id))?.kbEntryId).toBe("haircut");
  });

  it.skipIf(!available)(
    "lists hand-overs newest first, waiting or answered, by text or number, page by page",
    async () => {
      const before = await s.handovers.countByState();
      const pool = await s.handovers.open(asked(null, "游泳池夏天开不开"), at(60));
      const clinic = await s.handovers.open({ ...asked(null, "社区诊所周日看不看病"), askerName: "李建国" }, at(61));
      const sale = await s.handovers.open(asked(null, "旧家具能不能放楼道_5折"), at(62));
      const decoy = await s.handovers.open(asked(null, "旧家具能不能放楼道55折"), at(62));
      await s.handovers.markAnswered(clinic.id, "周日上午有医生", "钱网格员", at(63));
      expect(await s.handovers.countByState()).toEqual({ open: before.open + 3, answered: before.answered + 1 });

      const ids = (hs: { id: number }[]) => hs.map((h) => h.id);
      const query = { status: null, text: null, beforeId: null, limit: 3 } as const;
      expect(ids(await s.handovers.list(query))).toEqual([decoy.id, sale.id, clinic.id]);
      expect(ids(await s.handovers.list({ ...query, beforeId: clinic.id, limit: 1 }))).toEqual([pool.id]);
      const waiting = await s.handovers.list({ ...query, status: "open" });
      expect(ids(waiting)).toEqual([decoy.id, sale.id, pool.id]);
      expect(waiting.every((h) => h.status === "open")).toBe(true);
      const answered = await s.handovers.list({ ...query, status: "answered", limit: 50 });
      expect(answered[0]?.id).toBe(clinic.id);
      expect(answered.some((h) => h.status === "open")).toBe(false);

      expect(ids(await s.handovers.list({ ...query, text: "游泳池" }))).toEqual([pool.id]);
      expect(ids(await s.handovers.list({ ...query, text: "李建国" }))).toEqual([clinic.id]);
      expect(ids(await s.handovers.list({ ...query, text: "钱网格员", status: "answered" }))).toEqual([clinic.id]);
      expect(ids(await s.handovers.list({ ...query, text: "周日上午", status: "open" }))).toEqual([]);
      expect(ids(await s.handovers.list({ ...query, text: `#${pool.id}` }))).toContain(pool.id);
      // LIKE's wildcards are the resident's text, not patterns.
      expect(ids(await s.handovers.list({ ...query, text: "楼道_5折" }))).toEqual([sale.id]);
      expect(ids(await s.handovers.list({ ...query, text: "%" }))).toEqual([]);
    },
  );

  it.skipIf(!available)(
    "keeps a room's binding with its owner, records owner changes in the audit, and forgets both on unbind",
    async () => {
      const rooms = createPrismaRoomStore(s.opened.db);
      const room = { id: "room-owner-1", topic: "幸福里社区工作群" };
      await rooms.apply({ action: "seen", ...room, at: at(1) });
      await rooms.apply({ action: "bound", ...room, role: "staff", ownerId: "u-zhao", by: "first-start", at: at(2) });
      const stored = () => rooms.list().then((l) => l.find((r) => r.id === room.id));
      expect(await stored()).toEqual({
        ...room,
        role: "staff",
        ownerId: "u-zhao",
        boundBy: "first-start",
        boundAt: at(2),
      });

      await rooms.apply({
        action: "owner",
        ...room,
        role: "staff",
        ownerId: "u-new",
        from: "u-zhao",
        by: "wechat",
        at: at(3),
      });
      // The owner changes; the role and who bound it do not.
      expect(await stored()).toEqual({
        ...room,
        role: "staff",
        ownerId: "u-new",
        boundBy: "first-start",
        boundAt: at(2),
      });
      await rooms.apply({ action: "unbound", ...room, by: "赵书记", at: at(4) });
      expect(await stored()).toMatchObject({ role: null, ownerId: null, boundBy: null });

      const events = await s.opened.db.roomEvent.findMany({ where: { roomId: room.id }, orderBy: { id: "asc" } });
      expect(events.map((e) => [e.action, e.role, e.ownerId, e.by])).toEqual([
        ["bound", "staff", "u-zhao", "first-start"],
        ["owner-changed", "staff", "u-new", "wechat"],
        ["unbound", null, null, "赵书记"],
      ]);
    },
  );
});
