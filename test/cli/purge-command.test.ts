import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/open-database.js";
import { tempDir } from "../helpers/grpc-harness.js";

// `linli purge` on a real SQLite file: old personal data goes, anonymous counts stay.
const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const tmp = tempDir();
afterAll(() => tmp.cleanup());

const day = 24 * 3600 * 1000;
const ago = (days: number) => new Date(Date.now() - days * day);
const phone = "13800001234"; // fictional

function purge(url: string, ...args: string[]) {
  return spawnSync(tsx, ["src/cli/main.ts", "purge", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    timeout: 60_000,
  });
}

async function seed(url: string): Promise<void> {
  const { db, close } = await openDatabase(url);
  const ticket = (id: number, status: string, closedDaysAgo: number | null) => ({
    id,
    residentId: `wxid_resident_${id}`,
    residentName: `王阿姨${id}`,
    text: `3号楼2单元501 水管漏了 电话${phone}`,
    summary: "水管漏了",
    phone,
    category: "repair",
    urgency: "normal",
    building: "3",
    unit: "2",
    room: "501",
    status,
    volunteerId: "wxid_volunteer",
    volunteerName: "刘志强",
    rating: status === "closed" ? 5 : null,
    ratingLabel: status === "closed" ? "satisfied" : null,
    ratingComment: status === "closed" ? "小刘手艺不错" : null,
    closeKind: status === "closed" ? "resolved" : null,
    createdAt: ago(500),
    doneAt: status === "closed" ? ago(499) : null,
    closedAt: closedDaysAgo === null ? null : ago(closedDaysAgo),
    updatedAt: ago(1),
  });
  await db.ticket.create({ data: ticket(1, "closed", 400) });
  await db.ticket.create({ data: ticket(2, "closed", 30) });
  await db.ticket.create({ data: ticket(3, "open", null) });
  await db.ticketEvent.create({
    data: { ticketId: 1, type: "claimed", actorId: "wxid_volunteer", actorName: "刘志强", at: ago(499) },
  });
  await db.ticketDeadline.create({
    data: {
      ticketId: 1,
      dueAt: ago(450),
      reason: "王阿姨家里没人",
      byId: "wxid_staff",
      byName: "赵书记",
      at: ago(480),
    },
  });
  const message = (id: string, receivedDaysAgo: number, state: string) => ({
    id,
    talkerId: "wxid_resident_1",
    talkerName: "王阿姨",
    type: "text",
    text: `水管漏了 ${phone}`,
    receivedAt: ago(receivedDaysAgo),
    state,
  });
  await db.inboundMessage.create({ data: message("old", 400, "done") });
  await db.inboundMessage.create({ data: message("recent", 10, "done") });
  const sent = (key: string, createdDaysAgo: number, state: string) => ({
    destKind: "contact",
    destId: "wxid_resident_1",
    text: `王阿姨您好, 已登记 ${phone}`,
    dedupeKey: key,
    state,
    notBefore: ago(createdDaysAgo),
    createdAt: ago(createdDaysAgo),
  });
  await db.outboxMessage.create({ data: sent("msg:old:reply", 400, "sent") });
  await db.outboxMessage.create({ data: sent("msg:recent:reply", 10, "sent") });
  await db.handover.create({
    data: {
      question: "我家老人能上门体检吗",
      askerId: "wxid_resident_1",
      askerName: "王阿姨",
      status: "answered",
      answer: "可以",
      createdAt: ago(400),
    },
  });
  await db.faqMatch.create({ data: { entryId: "health-check", question: "老人能上门体检吗", at: ago(400) } });
  await db.faqMatch.create({ data: { entryId: "health-check", question: "上门体检收费吗", at: ago(10) } });
  await close();
}

describe("linli purge --older-than", () => {
  const url = `file:${tmp.dir}/purge.db`;
  beforeAll(() => seed(url));

  it("with --dry-run shows counts and changes nothing", async () => {
    const run = purge(url, "--older-than", "365d", "--dry-run");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/试运行/);
    expect(run.stdout).toMatch(/工单[^\n]*: 1 件/);
    expect(run.stdout).toMatch(/收到的消息[^\n]*: 1 条/);
    const { db, close } = await openDatabase(url);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: 1 } })).residentName).toBe("王阿姨1");
    expect((await db.inboundMessage.findUniqueOrThrow({ where: { id: "old" } })).text).toContain(phone);
    await close();
  });

  it("removes old names, phones and texts, keeps anonymous counts and recent data, and prints what it removed", async () => {
    const run = purge(url, "--older-than", "365d");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/已清除/);
    expect(run.stdout).toMatch(/工单[^\n]*: 1 件/);
    expect(run.stdout).toMatch(/收到的消息[^\n]*: 1 条/);
    expect(run.stdout).toMatch(/已发出的消息[^\n]*: 1 条/);
    expect(run.stdout).toMatch(/转人工[^\n]*: 1 件/);

    const { db, close } = await openDatabase(url);
    const old = await db.ticket.findUniqueOrThrow({ where: { id: 1 } });
    expect(JSON.stringify(old)).not.toMatch(/王阿姨|刘志强|138|wxid|手艺|漏了/);
    expect(old).toMatchObject({
      category: "repair",
      building: "3",
      status: "closed",
      rating: 5,
      ratingLabel: "satisfied",
    });
    expect(old.closedAt).not.toBeNull();
    expect(old.createdAt).not.toBeNull();
    const deadline = await db.ticketDeadline.findUniqueOrThrow({ where: { ticketId: 1 } });
    expect(JSON.stringify(deadline)).not.toMatch(/王阿姨|赵书记|wxid/);
    const events = await db.ticketEvent.findMany({ where: { ticketId: 1 } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toMatch(/刘志强|wxid/);
    // A recently closed ticket and an open one keep everything.
    expect((await db.ticket.findUniqueOrThrow({ where: { id: 2 } })).phone).toBe(phone);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: 3 } })).residentName).toBe("王阿姨3");
    expect(await db.ticket.count()).toBe(3);

    const inbox = await db.inboundMessage.findUniqueOrThrow({ where: { id: "old" } });
    expect(inbox).toMatchObject({ text: "", talkerName: "" });
    expect((await db.inboundMessage.findUniqueOrThrow({ where: { id: "recent" } })).text).toContain(phone);
    const outbox = await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "msg:old:reply" } });
    expect(outbox).toMatchObject({ text: "", state: "sent" });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: "msg:recent:reply" } })).text).toContain(
      phone,
    );
    const handover = await db.handover.findFirstOrThrow();
    expect(JSON.stringify(handover)).not.toMatch(/王阿姨|体检/);
    expect(run.stdout).toMatch(/知识库答过的问题[^\n]*: 1 条/);
    expect((await db.faqMatch.findMany()).map((m) => m.question)).toEqual(["上门体检收费吗"]);
    await close();

    const again = purge(url, "--older-than", "365d");
    expect(again.stdout).toMatch(/工单[^\n]*: 0 件/);
    expect(again.stdout).toMatch(/收到的消息[^\n]*: 0 条/);
  });

  it("refuses a cut-off it cannot read", () => {
    const run = purge(url, "--older-than", "a year");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/365d/);
  });
});
