// The staff console's ticket board and a ticket's timeline, on a real SQLite file with
// follow-up's real limits: the filters find exactly the right tickets, urgent and overdue are
// marked as follow-up and chat's ⚠超时 read them, and the timeline tells the whole story.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseCommand } from "../../src/commands/parse-command.js";
import { isLinliError } from "../../src/core/errors.js";
import type { Actor, Role, RoomRole } from "../../src/core/types.js";
import type { Context } from "../../src/pipeline/context.js";
import type { Ticket } from "../../src/tickets/ticket.js";
import { ticketCommands } from "../../src/tickets/ticket-commands.js";
import {
  chen,
  china,
  consoleStaff,
  HOUR,
  li,
  liu,
  MIN,
  type StaffWorld,
  staffWorld,
  wang,
  zhang,
} from "./staff-world.js";

let w: StaffWorld;
beforeEach(async () => {
  w = await staffWorld();
});
afterEach(async () => {
  await w.close();
});

const ids = (rows: { ticket: Ticket }[]) => rows.map((r) => r.ticket.id);

describe("the ticket board", () => {
  it("finds exactly the tickets asked for, newest first, with the tabs' counts and pages", async () => {
    const light = await w.report(zhang, "楼道灯坏了, 晚上黑乎乎的");
    w.clock.advance(10 * MIN);
    // Said nothing of where: the group's name puts it in building 5.
    const leak = await w.report(wang, "厨房水管漏水了", { building: null });
    w.clock.advance(10 * MIN);
    const gas = await w.report(li, "家里闻到煤气味", { category: "safety", urgency: "urgent" });
    w.clock.advance(10 * MIN);
    const rubbish = await w.report(wang, "楼下垃圾两天没人收", { category: "sanitation", building: "5" });
    await w.tickets.claim(rubbish.id, liu, "m-claim");

    const all = await w.tickets.board();
    expect(ids(all.rows)).toEqual([rubbish.id, gas.id, leak.id, light.id]);
    expect(all.total).toBe(4);
    expect(all.counts).toEqual({ open: 3, claimed: 1, done: 0, closed: 0 });

    const open = await w.tickets.board({ statuses: ["open"] });
    expect(ids(open.rows)).toEqual([gas.id, leak.id, light.id]);
    expect(open.total).toBe(3);
    expect(open.counts).toEqual(all.counts);

    const inFive = await w.tickets.board({ building: "5号楼" });
    expect(ids(inFive.rows)).toEqual([rubbish.id, leak.id]);
    expect(inFive.rows[1]!.place).toBe("5号楼 (按所在群推断)");
    expect(ids((await w.tickets.board({ building: "3" })).rows)).toEqual([gas.id, light.id]);
    expect(ids((await w.tickets.board({ volunteerId: liu.id })).rows)).toEqual([rubbish.id]);
    expect(ids((await w.tickets.board({ category: "safety" })).rows)).toEqual([gas.id]);
    expect(ids((await w.tickets.board({ urgency: "urgent" })).rows)).toEqual([gas.id]);
    expect(ids((await w.tickets.board({ search: `#${leak.id}` })).rows)).toEqual([leak.id]);
    expect(ids((await w.tickets.board({ search: "漏水" })).rows)).toEqual([leak.id]);
    expect(ids((await w.tickets.board({ search: "张秀英" })).rows)).toEqual([light.id]);
    expect(ids((await w.tickets.board({ search: "没有这回事" })).rows)).toEqual([]);
    const between = await w.tickets.board({ createdFrom: china(20, 10, 5), createdBefore: china(20, 10, 25) });
    expect(ids(between.rows)).toEqual([gas.id, leak.id]);
    expect(between.counts).toEqual({ open: 2, claimed: 0, done: 0, closed: 0 });

    const first = await w.tickets.board({}, { limit: 3 });
    const second = await w.tickets.board({}, { limit: 3, offset: 3 });
    expect([...ids(first.rows), ...ids(second.rows)]).toEqual(ids(all.rows));
    expect(second.total).toBe(4);
    expect((await w.tickets.board({}, { limit: 10_000 })).limit).toBe(100);

    const wrong = await w.tickets.board({ createdFrom: china(21, 0), createdBefore: china(20, 0) }).catch((e) => e);
    expect(isLinliError(wrong, "bad_input")).toBe(true);
  });

  it("marks urgent and overdue as follow-up's limits read them, 延期 included, the same as chat's ⚠超时", async () => {
    const light = await w.report(zhang, "楼道灯坏了, 晚上黑乎乎的");
    const gas = await w.report(li, "家里闻到煤气味", { category: "safety", urgency: "urgent" });
    const rubbish = await w.report(wang, "楼下垃圾两天没人收", { category: "sanitation", building: "5" });
    await w.tickets.claim(rubbish.id, liu, "m-claim");
    w.clock.advance(31 * MIN);
    const marks = async () =>
      Object.fromEntries((await w.tickets.board()).rows.map((r) => [r.ticket.id, [r.urgent, r.overdue]]));
    // An urgent report unclaimed for 31 minutes is past its half-hour limit; the others are not.
    expect(await marks()).toEqual({
      [light.id]: [false, false],
      [gas.id]: [true, true],
      [rubbish.id]: [false, false],
    });
    // Staff move its limit from the console: no longer overdue.
    await w.followUp.extend(gas.id, consoleStaff, "等燃气公司上门", china(20, 18), "web-extend-1");
    expect((await marks())[gas.id]).toEqual([true, false]);

    // The next Thursday: the unclaimed light and the claimed rubbish are past their limits,
    // the gas past its moved one; the board and chat's 工单 list agree.
    w.clock.set(china(26, 10));
    expect(await marks()).toEqual({
      [light.id]: [false, true],
      [gas.id]: [true, true],
      [rubbish.id]: [false, true],
    });
    const chatLate = (await w.tickets.listOpenForStaff()).late;
    const boardLate = (await w.tickets.board()).rows.filter((r) => r.overdue).map((r) => r.ticket.id);
    expect([...chatLate].sort()).toEqual(boardLate.sort());
    // Finished tickets are never overdue.
    await w.tickets.complete(rubbish.id, liu, "已清运", "m-done");
    expect((await marks())[rubbish.id]).toEqual([false, false]);
  });
});

describe("a ticket's timeline", () => {
  it("lists every event in order with who and when, in staff's words, and the note only for staff", async () => {
    const t = await w.report(zhang, "3号楼2单元501下水道堵了", { unit: "2" });
    w.clock.advance(20 * MIN);
    const again = await w.report(zhang, "3号楼2单元501的下水道还是堵着呢, 咋还没人来", { unit: "2" });
    expect(again.id).toBe(t.id);
    w.clock.advance(10 * MIN);
    await w.tickets.claim(t.id, liu, "m-claim");
    await w.followUp.recordProgress(t.id, liu, "约了明早来疏通", false, "m-progress");
    await w.followUp.extend(t.id, consoleStaff, "等配件", china(24, 17), "web-extend");
    await w.tickets.addNote(t.id, consoleStaff, "家里有老人, 上门前先打电话");
    w.clock.advance(HOUR);
    await w.tickets.complete(t.id, liu, "换了管子", "m-done");
    await w.tickets.rate(zhang, 2, t.id, "m-rate", "等太久了");
    await w.tickets.reopen(t.id, consoleStaff, "居民来电说又堵了", "web-reopen");

    const { ticket, entries, overdue, urgent } = await w.tickets.timeline(t.id);
    expect(ticket.status).toBe("open");
    expect([urgent, overdue]).toEqual([false, false]);
    expect(entries.map((e) => e.text)).toEqual([
      "居民 张秀英 反映「3号楼2单元501下水道堵了」, 登记为 #1",
      "居民 张秀英 再次反映「3号楼2单元501的下水道还是堵着呢, 咋还没人来」",
      "志愿者 刘志强 认领",
      "刘志强 记录进展: 约了明早来疏通",
      "赵书记 延期: 等配件 (延至 11月24日 17:00)",
      "赵书记 内部备注 (居民看不到): 家里有老人, 上门前先打电话",
      "志愿者 刘志强 报完成: 换了管子, 已请居民评价",
      "居民 张秀英 评价: 2 分, 留言「等太久了」",
      "督办: 居民不满意",
      "赵书记 重新打开: 居民来电说又堵了",
    ]);
    expect(entries[0]!.when).toBe("2026年11月20日 10:00");
    expect(entries[2]).toMatchObject({ type: "claimed", actor: liu, internal: false });
    expect(entries[5]).toMatchObject({ type: "noted", actor: consoleStaff, internal: true });
    expect(entries.at(-1)).toMatchObject({ type: "reopened", actor: consoleStaff, note: "居民来电说又堵了" });
    expect(entries.map((e) => e.at.getTime())).toEqual(entries.map((e) => e.at.getTime()).sort((a, b) => a - b));
    // The note reached nobody in WeChat.
    expect((await w.sentSince()).filter((m) => m.text.includes("上门前先打电话"))).toEqual([]);
  });

  it("says so for a ticket that does not exist", async () => {
    const err = await w.tickets.timeline(4242).catch((e) => e);
    expect(isLinliError(err, "ticket_not_found")).toBe(true);
  });
});

describe("a reopened ticket's limits", () => {
  /** Overdue as the board, chat's 工单 list and the timeline read it, all three the same. */
  const overdue = async (id: number) => {
    const board = (await w.tickets.board()).rows.find((r) => r.ticket.id === id)!.overdue;
    const chat = (await w.tickets.listOpenForStaff()).late.has(id);
    const timeline = (await w.tickets.timeline(id)).overdue;
    expect([chat, timeline]).toEqual([board, board]);
    return board;
  };
  /** The 【督办】 posts about the ticket in the staff room since the last look. */
  const escalations = async (id: number) =>
    (await w.sentSince()).filter((m) => m.to === "staff-room" && m.text.includes(`【督办】#${id}`));

  it("count from the reopen: not overdue the day an old ticket is reopened, overdue once the limit passes from then", async () => {
    // Reported, done and rated ten days ago (Tuesday 10 November).
    w.clock.set(china(10, 10));
    const t = await w.report(zhang, "楼道灯坏了, 晚上黑乎乎的");
    await w.tickets.claim(t.id, liu, "m-claim");
    await w.tickets.complete(t.id, liu, "换了灯泡", "m-done");
    await w.tickets.rate(zhang, 5, t.id, "m-rate");

    // Friday 20 November, 10:00: staff reopen it.
    w.clock.set(china(20, 10));
    await w.tickets.reopen(t.id, consoleStaff, "居民来电说灯又不亮了", "web-reopen");
    await w.sentSince();
    expect(await overdue(t.id)).toBe(false);
    await w.followUp.run();
    expect((await escalations(t.id)).length).toBe(0);

    // Its claim limit is one working day from the reopen (Monday 10:00), however old the claim
    // before it: the ticket went back to the pool.
    w.clock.set(china(23, 9, 59));
    expect(await overdue(t.id)).toBe(false);
    w.clock.set(china(23, 10, 1));
    expect(await overdue(t.id)).toBe(true);
    await w.followUp.run();
    expect((await escalations(t.id)).length).toBe(1);

    // Claimed again: its finish limit is three working days from the reopen (Wednesday 10:00).
    await w.tickets.claim(t.id, liu, "m-claim-2");
    expect(await overdue(t.id)).toBe(false);
    w.clock.set(china(25, 10, 1));
    expect(await overdue(t.id)).toBe(true);

    // 延期 still moves it.
    await w.followUp.extend(t.id, consoleStaff, "等配件", china(27, 17, 30), "web-extend");
    expect(await overdue(t.id)).toBe(false);
    w.clock.set(china(27, 17, 31));
    expect(await overdue(t.id)).toBe(true);
  });

  it("count from when staff give a ticket rated 不满意 to someone again (指派): a reopen on its timeline", async () => {
    // Reported, done and rated 不满意 ten days ago (Tuesday 10 November).
    w.clock.set(china(10, 10));
    const t = await w.report(zhang, "楼道灯坏了, 晚上黑乎乎的");
    await w.tickets.claim(t.id, liu, "m-claim");
    await w.tickets.complete(t.id, liu, "换了灯泡", "m-done");
    await w.tickets.rate(zhang, 1, t.id, "m-rate", "灯还是不亮");

    // Friday 20 November, 10:00: staff give it to 陈师傅 (as the 不满意 alert suggests).
    w.clock.set(china(20, 10));
    await w.tickets.assign(t.id, chen, consoleStaff, "m-assign");
    const { entries } = await w.tickets.timeline(t.id);
    expect(entries.slice(-4).map((e) => e.text)).toEqual([
      "居民 张秀英 评价: 1 分, 留言「灯还是不亮」",
      "督办: 居民不满意",
      "赵书记 重新打开: 居民评价不满意, 重新处理",
      "赵书记 指派给 陈师傅",
    ]);
    expect(entries.at(-2)).toMatchObject({ type: "reopened", actor: consoleStaff });

    await w.sentSince();
    // Not overdue the day it goes back to work for having been reported ten days ago.
    expect(await overdue(t.id)).toBe(false);
    await w.followUp.run();
    expect(await escalations(t.id)).toEqual([]);

    // Its finish limit is three working days from then (Wednesday 10:00), its age counted from then.
    w.clock.set(china(25, 9, 59));
    expect(await overdue(t.id)).toBe(false);
    w.clock.set(china(25, 10, 1));
    expect(await overdue(t.id)).toBe(true);
    await w.followUp.run();
    const chased = (await escalations(t.id)).map((m) => m.text);
    expect(chased).toEqual([expect.stringContaining("应在 11月25日 10:00 前办好, 重新打开已5天")]);
  });

  it("start afresh without a 延期 granted before the close; one granted after the reopen moves them", async () => {
    // Friday 20 November 10:00: reported and claimed; staff move its limit to Monday 30 November.
    const t = await w.report(zhang, "楼道灯坏了, 晚上黑乎乎的");
    await w.tickets.claim(t.id, liu, "m-claim");
    await w.followUp.extend(t.id, consoleStaff, "等灯管", china(30, 17, 30), "web-extend-1");
    await w.tickets.complete(t.id, liu, "换了灯泡", "m-done");

    // Tuesday 24 November 10:00: reopened.
    w.clock.set(china(24, 10));
    await w.tickets.reopen(t.id, consoleStaff, "居民来电说灯又不亮了", "web-reopen");
    await w.sentSince();

    // Unclaimed a working day after the reopen: overdue and chased, the old 30 November gone.
    w.clock.set(china(25, 9, 59));
    expect(await overdue(t.id)).toBe(false);
    w.clock.set(china(25, 10, 1));
    expect(await overdue(t.id)).toBe(true);
    await w.followUp.run();
    const chased = await escalations(t.id);
    expect(chased).toHaveLength(1);
    expect(chased[0]!.text).toContain("应在 11月25日 10:00 前认领");

    // Staff grant a new 延期 after the reopen: it holds until then.
    await w.followUp.extend(t.id, consoleStaff, "等物业配件", china(27, 17, 30), "web-extend-2");
    w.clock.set(china(27, 12));
    expect(await overdue(t.id)).toBe(false);
    await w.followUp.run();
    expect(await escalations(t.id)).toHaveLength(0);
    w.clock.set(china(27, 17, 31));
    expect(await overdue(t.id)).toBe(true);
    await w.followUp.run();
    expect((await escalations(t.id)).map((m) => m.text)).toEqual([
      expect.stringContaining("应在 11月27日 17:30 前认领"),
    ]);
  });
});

describe("staff's 工单 and the volunteers' task list", () => {
  /** What the bot answers `text` from `who` with, in `room` (null: privately). */
  let n = 0;
  const ask = async (text: string, who: Actor, roles: Role[], room: RoomRole | null) => {
    const replies: string[] = [];
    const ctx = {
      message: { id: `m-ask-${++n}` },
      text,
      quote: null,
      room: room && { id: `${room}-room`, topic: room, role: room, bound: room, proposed: null },
      roles: new Set(roles),
      actor: who,
      command: parseCommand(text),
      reply: async (t: string) => {
        replies.push(t);
      },
      send: async () => {},
    } as unknown as Context;
    await ticketCommands({ tickets: w.tickets, findPerson: async () => null })(ctx, async () => {});
    return replies.join("\n");
  };
  const lineOf = (reply: string, id: number) => reply.split("\n").find((l) => l.includes(`#${id} `));

  it("show a reopened ticket's wait from the reopen, and say so; a ticket never reopened as before", async () => {
    // Reported, done and rated ten days ago (Tuesday 10 November).
    w.clock.set(china(10, 10));
    const light = await w.report(zhang, "楼道灯坏了, 晚上黑乎乎的");
    await w.tickets.claim(light.id, liu, "m-claim");
    await w.tickets.complete(light.id, liu, "换了灯泡", "m-done");
    await w.tickets.rate(zhang, 5, light.id, "m-rate");
    // Friday 20 November: another report at 8:00; staff reopen the light at 10:00.
    w.clock.set(china(20, 8));
    const leak = await w.report(wang, "厨房水管漏水了", { building: "5" });
    w.clock.set(china(20, 10));
    await w.tickets.reopen(light.id, consoleStaff, "居民来电说灯又不亮了", "web-reopen");

    w.clock.set(china(20, 16));
    const staffList = await ask("工单", consoleStaff, ["staff"], null);
    expect(lineOf(staffList, light.id)).toBe(
      `#${light.id} [维修] 3号楼 楼道灯坏了, 晚上黑乎乎的 | 待认领 | 重新打开已6小时`,
    );
    expect(lineOf(staffList, leak.id)).toBe(`#${leak.id} [维修] 5号楼 厨房水管漏水了 | 待认领 | 8小时`);

    const tasks = await ask("工单", liu, ["volunteer"], "volunteer");
    expect(tasks).toContain("等人接的任务 2 件");
    expect(lineOf(tasks, light.id)).toBe(
      `#${light.id} 维修 | 3号楼 | 楼道灯坏了, 晚上黑乎乎的 | 居民 张** | 重新打开后已等6小时`,
    );
    expect(lineOf(tasks, leak.id)).toBe(`#${leak.id} 维修 | 5号楼 | 厨房水管漏水了 | 居民 王** | 已等8小时`);

    // Claimed again: the staff list still counts it from the reopen.
    await w.tickets.claim(light.id, liu, "m-claim-2");
    expect(lineOf(await ask("工单", consoleStaff, ["staff"], "staff"), light.id)).toBe(
      `#${light.id} [维修] 3号楼 楼道灯坏了, 晚上黑乎乎的 | 处理中 (刘志强) | 重新打开已6小时`,
    );
  });
});
