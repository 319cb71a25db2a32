// 工单 in the console's API, over the real path: residents' WeChat messages (gRPC mock) become
// tickets, staff read the board and a ticket's timeline through /api/tickets, and each action taken
// there tells the resident and volunteers in WeChat as the chat command would.
import { describe, expect, it } from "vitest";
import { createFakeClock } from "../../helpers/fake-clock.js";
import { type ConsoleClient, type ConsoleSetup, useConsole } from "../../helpers/console-harness.js";
import { type PersonKey, testRooms, waitFor } from "../../helpers/grpc-harness.js";

const lamp = "3号楼2单元楼道灯坏了好几天了, 电话13900000001";
const rubbish = "3号楼门口的垃圾堆了三天没人收, 好臭";
const leak = "5号楼1单元水管漏水了, 电话13900000002";

/** A resident writes in their group; returns the ticket number the bot acknowledged. */
async function report(c: ConsoleSetup, person: PersonKey, room: "residents" | "residents2", text: string) {
  const topic = testRooms[room];
  const before = c.server.botSaid({ roomTopic: topic }).length;
  await c.server.say(person, room, text);
  const ack = await waitFor(
    () =>
      c.server
        .botSaid({ roomTopic: topic })
        .slice(before)
        .find((s) => /#\d+/.test(s.text) && s.text.includes("登记")),
    `the acknowledgement of 「${text}」`,
  );
  return Number(/#(\d+)/.exec(ack.text)?.[1]);
}

let requests = 0;
const requestId = () => `test-request-${++requests}-${Date.now()}`;

/** The bot's messages (to a room or privately) that came after `from` and contain `words`. */
function toldSince(c: ConsoleSetup, where: { roomTopic?: string; toName?: string }, from: number, words: string) {
  return c.server
    .botSaid(where)
    .slice(from)
    .filter((s) => s.text.includes(words));
}

async function act(staff: ConsoleClient, id: number, action: string, body: Record<string, unknown>) {
  return staff.call("POST", `/api/tickets/${id}/${action}`, { requestId: requestId(), ...body });
}

describe("/api/tickets", () => {
  const c = useConsole();

  it("refuses everyone without a session, a resident cannot get one, and a change needs the page's token", async () => {
    const id = await report(c, "zhang", "residents", lamp);
    for (const [method, path] of [
      ["GET", "/api/tickets"],
      ["GET", `/api/tickets/${id}`],
      ["GET", "/api/tickets/options"],
      ["POST", `/api/tickets/${id}/close`],
    ] as const) {
      const r = await c.anonymous(
        method,
        path,
        method === "POST" ? { requestId: requestId(), reason: "x" } : undefined,
      );
      expect(r.status).toBe(401);
      expect(r.body.message).toBe("请先登录。");
    }
    const old = await c.anonymous("GET", `/console/tickets/${id}`);
    expect(old.status).toBe(302);
    expect(old.headers.get("location")).toBe(`/console/ticket?id=${id}`);
    // A resident asking for a code gets none.
    expect(await c.codeFor("zhang")).toBeNull();

    const staff = await c.signIn();
    const before = c.server.botSaid({ roomTopic: testRooms.residents }).length;
    const noToken = await staff.call(
      "POST",
      `/api/tickets/${id}/close`,
      { requestId: requestId(), reason: "已修好" },
      { csrf: false },
    );
    expect(noToken.status).toBe(403);
    expect(noToken.body.message).toContain("页面已过期");
    const otherSite = await staff.call(
      "POST",
      `/api/tickets/${id}/close`,
      { requestId: requestId(), reason: "已修好" },
      { headers: { origin: "https://evil.example" } },
    );
    expect(otherSite.status).toBe(403);
    await c.bot.app.bot.idle();
    expect(c.server.botSaid({ roomTopic: testRooms.residents }).slice(before)).toEqual([]);
    expect((await c.bot.app.db.ticket.findUniqueOrThrow({ where: { id } })).status).toBe("open");
  });

  it("lists the board with counts per status, filters, search and pages, and never shows WeChat ids", async () => {
    const first = await report(c, "zhang", "residents", lamp);
    const second = await report(c, "li", "residents", rubbish);
    const third = await report(c, "wang", "residents2", leak);
    const staff = await c.signIn();
    expect((await act(staff, first, "assign", { volunteer: "刘志强" })).status).toBe(200);

    const all = await staff.call("GET", "/api/tickets");
    expect(all.status).toBe(200);
    expect(all.body.rows.map((r: { id: number }) => r.id)).toEqual([third, second, first]);
    expect(all.body.counts).toEqual({ open: 2, claimed: 1, done: 0, closed: 0 });
    expect(all.body.total).toBe(3);
    expect(all.body.rows[2]).toMatchObject({
      id: first,
      status: "claimed",
      statusLabel: "处理中",
      categoryLabel: "维修",
      place: "3号楼2单元",
      residentName: "张秀英",
      volunteerName: "刘志强",
      urgent: false,
      overdue: false,
    });
    const ids = await c.bot.app.db.ticket.findMany({ select: { residentId: true, volunteerId: true, roomId: true } });
    const json = JSON.stringify(all.body);
    for (const t of ids)
      for (const wechatId of [t.residentId, t.volunteerId, t.roomId])
        if (wechatId) expect(json).not.toContain(wechatId);
    expect(json).not.toMatch(/residentId|volunteerId|roomId|sourceMessageId/);
    // The board has no phone numbers: they are on the ticket's own page.
    expect(json).not.toContain("13900000001");

    const open = await staff.call("GET", "/api/tickets?status=open");
    expect(open.body.rows.map((r: { id: number }) => r.id)).toEqual([third, second]);
    expect(open.body.total).toBe(2);
    expect(open.body.counts).toEqual({ open: 2, claimed: 1, done: 0, closed: 0 });
    const repairs = await staff.call("GET", "/api/tickets?category=repair");
    expect(repairs.body.rows.map((r: { id: number }) => r.id)).toEqual([third, first]);
    const building5 = await staff.call("GET", `/api/tickets?building=${encodeURIComponent("5号楼")}`);
    expect(building5.body.rows.map((r: { id: number }) => r.id)).toEqual([third]);
    const byVolunteer = await staff.call("GET", `/api/tickets?volunteer=${encodeURIComponent("刘志强")}`);
    expect(byVolunteer.body.rows.map((r: { id: number }) => r.id)).toEqual([first]);
    const byNumber = await staff.call("GET", `/api/tickets?q=${encodeURIComponent(`#${second}`)}`);
    expect(byNumber.body.rows.map((r: { id: number }) => r.id)).toEqual([second]);
    const byText = await staff.call("GET", `/api/tickets?q=${encodeURIComponent("垃圾")}`);
    expect(byText.body.rows.map((r: { id: number }) => r.id)).toEqual([second]);
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date());
    const byDate = await staff.call("GET", `/api/tickets?from=${today}&to=${today}`);
    expect(byDate.body.total).toBe(3);
    const earlier = await staff.call("GET", "/api/tickets?from=2020-01-01&to=2020-01-31");
    expect(earlier.body.total).toBe(0);
    const paged = await staff.call("GET", "/api/tickets?limit=2&page=2");
    expect(paged.body).toMatchObject({ total: 3, page: 2, pages: 2 });
    expect(paged.body.rows.map((r: { id: number }) => r.id)).toEqual([first]);

    for (const [query, words] of [
      ["status=finished", "状态只能是"],
      ["category=weather", "没有这个类别"],
      ["from=2026-02-30", "不是有效的日期"],
      ["from=yesterday", "格式不对"],
      ["from=2026-12-06&to=2026-12-01", "开始日期不能晚于结束日期"],
      ["page=0", "页码不对"],
      ["limit=500", "每页条数"],
      [`volunteer=${encodeURIComponent("张秀英")}`, "志愿者群里没有「张秀英」"],
      [`q=${"字".repeat(51)}`, "最多 50 个字"],
    ] as const) {
      const r = await staff.call("GET", `/api/tickets?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body.message, query).toContain(words);
    }

    const options = await staff.call("GET", "/api/tickets/options");
    const names = options.body.volunteers.map((v: { name: string }) => v.name);
    expect(names).toEqual(expect.arrayContaining(["刘志强", "陈师傅", "赵书记"]));
    expect(names).not.toContain("张秀英");
    expect(names).not.toContain("邻里管家");
    expect(JSON.stringify(options.body)).not.toMatch(/"id"/);
    expect(options.body.categories).toContainEqual({ value: "sanitation", label: "环境卫生" });
  });

  it("shows one ticket's resident, place, phone and whole timeline; an unknown one is 404", async () => {
    const id = await report(c, "zhang", "residents", lamp);
    const staff = await c.signIn();
    await act(staff, id, "note", { text: "已联系物业电工" });
    const r = await staff.call("GET", `/api/tickets/${id}`);
    expect(r.status).toBe(200);
    expect(r.body.ticket).toMatchObject({
      id,
      text: lamp,
      phone: "13900000001",
      place: "3号楼2单元",
      where: testRooms.residents,
      residentName: "张秀英",
      statusLabel: "待认领",
      can: { assign: true, close: true, reopen: false, merge: true, extend: true, split: false },
    });
    expect(r.body.timeline.map((e: { type: string }) => e.type)).toEqual(["created", "noted"]);
    expect(r.body.timeline[0].text).toContain("居民 张秀英 反映「3号楼2单元楼道灯坏了好几天了");
    expect(r.body.timeline[1]).toMatchObject({ actorName: "赵书记", internal: true });
    expect(r.body.timeline[1].text).toContain("内部备注 (居民看不到): 已联系物业电工");
    expect((await staff.call("GET", "/api/tickets/999")).status).toBe(404);
    expect((await act(staff, 999, "close", { reason: "测试" })).status).toBe(404);
  });

  it("指派: only a member of the volunteers' room; the volunteer, the volunteers' room and the resident are told; a retry does not tell twice; 改派 tells the first one", async () => {
    const id = await report(c, "zhang", "residents", lamp);
    const staff = await c.signIn();

    const notVolunteer = await act(staff, id, "assign", { volunteer: "张秀英" });
    expect(notVolunteer.status).toBe(400);
    expect(notVolunteer.body.message).toContain("张秀英");
    const bot = await act(staff, id, "assign", { volunteer: "邻里管家" });
    expect(bot.status).toBe(400);
    expect(bot.body.message).toBe("志愿者群里没有「邻里管家」, 请从列表中选择。");
    const nobody = await act(staff, id, "assign", { volunteer: "" });
    expect(nobody.status).toBe(400);
    expect(nobody.body.message).toBe("请选择要指派的志愿者。");
    const noRequest = await staff.call("POST", `/api/tickets/${id}/assign`, { volunteer: "刘志强" });
    expect(noRequest.status).toBe(400);
    const notJson = await staff.call("POST", `/api/tickets/${id}/assign`, undefined, {
      headers: { "content-type": "text/plain" },
    });
    expect(notJson.status).toBe(400);
    expect((await c.bot.app.db.ticket.findUniqueOrThrow({ where: { id } })).status).toBe("open");

    const mark = {
      liu: c.server.botSaid({ toName: "刘志强" }).length,
      room: c.server.botSaid({ roomTopic: testRooms.residents }).length,
      volunteers: c.server.botSaid({ roomTopic: testRooms.volunteers }).length,
    };
    const once = { requestId: requestId(), volunteer: "刘志强" };
    const assigned = await staff.call("POST", `/api/tickets/${id}/assign`, once);
    expect(assigned.status).toBe(200);
    expect(assigned.body.told).toContain(`#${id} 已指派给 刘志强。`);
    expect(assigned.body.ticket).toMatchObject({ status: "claimed", volunteerName: "刘志强" });
    expect(assigned.body.timeline.at(-1).text).toBe("赵书记 指派给 刘志强");

    const private1 = await waitFor(
      () => toldSince(c, { toName: "刘志强" }, mark.liu, `赵书记请您处理 #${id}`)[0],
      "the volunteer told privately",
    );
    expect(private1.text).toContain("13900000001");
    await waitFor(
      () => toldSince(c, { roomTopic: testRooms.residents }, mark.room, `#${id} 有人接了: 志愿者 刘志强`)[0],
      "the resident told who is coming",
    );
    await waitFor(
      () => toldSince(c, { roomTopic: testRooms.volunteers }, mark.volunteers, `#${id} 已由 刘志强 认领`)[0],
      "the volunteers' room told",
    );

    // The same click sent again (a retry): the same answer, nothing done or sent twice.
    const again = await staff.call("POST", `/api/tickets/${id}/assign`, once);
    expect(again.status).toBe(200);
    expect(again.body.told).toBe(assigned.body.told);
    await c.bot.app.bot.idle();
    await new Promise((r) => setTimeout(r, 300));
    expect(toldSince(c, { toName: "刘志强" }, mark.liu, `#${id}`)).toHaveLength(1);
    expect(toldSince(c, { roomTopic: testRooms.residents }, mark.room, `#${id}`)).toHaveLength(1);
    expect(await c.bot.app.db.ticketEvent.count({ where: { ticketId: id, type: "assigned" } })).toBe(1);

    const chenMark = c.server.botSaid({ toName: "陈师傅" }).length;
    const reassigned = await act(staff, id, "assign", { volunteer: "陈师傅" });
    expect(reassigned.status).toBe(200);
    await waitFor(
      () => toldSince(c, { toName: "刘志强" }, mark.liu, `改派给 陈师傅, 您不用再跑了`)[0],
      "the first volunteer told to stop",
    );
    await waitFor(() => toldSince(c, { toName: "陈师傅" }, chenMark, `赵书记请您处理 #${id}`)[0], "the new one told");
    const audit = await c.bot.app.db.auditLog.findMany({ where: { action: "console:tickets:assign" } });
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([
      { ticketId: id, volunteer: "刘志强" },
      { ticketId: id, volunteer: "陈师傅" },
    ]);
    expect(audit[0]?.actorName).toBe("赵书记");
  });

  it("关闭 with a reason tells the resident; 重新打开 tells the resident, the volunteer who had it and the volunteers' room", async () => {
    const id = await report(c, "zhang", "residents", lamp);
    const staff = await c.signIn();
    await act(staff, id, "assign", { volunteer: "刘志强" });

    const noReason = await act(staff, id, "close", { reason: "  " });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain("请写上关闭的原因");
    const tooLong = await act(staff, id, "close", { reason: "长".repeat(201) });
    expect(tooLong.status).toBe(400);

    const room = c.server.botSaid({ roomTopic: testRooms.residents }).length;
    const assignee = c.server.botSaid({ toName: "刘志强" }).length;
    const closing = { requestId: requestId(), reason: "物业已换好灯泡" };
    const closed = await staff.call("POST", `/api/tickets/${id}/close`, closing);
    expect(closed.status).toBe(200);
    expect(closed.body.ticket).toMatchObject({ status: "closed", statusLabel: "已关闭" });
    // Staff read who heard.
    expect(closed.body.told).toBe(`#${id} 已关闭。 已私信告诉志愿者 刘志强 不用再去了。 已在微信里告诉居民。`);
    await waitFor(
      () => toldSince(c, { roomTopic: testRooms.residents }, room, `#${id} 已由社区办结: 物业已换好灯泡`)[0],
      "the resident told it is closed",
    );
    // The volunteer it was assigned to is told privately not to go, without the resident's phone.
    const stop = await waitFor(
      () =>
        toldSince(c, { toName: "刘志强" }, assignee, `#${id} (3号楼2单元楼道灯坏了好几天了) 已由社区工作人员关闭`)[0],
      "the volunteer told it is closed",
    );
    expect(stop.text).toBe(
      `#${id} (3号楼2单元楼道灯坏了好几天了) 已由社区工作人员关闭, 原因: 物业已换好灯泡。您不用再去处理了, 辛苦您了!`,
    );
    // The same request sent again (a double click, a retry) answers the same and tells nobody again.
    expect((await staff.call("POST", `/api/tickets/${id}/close`, closing)).status).toBe(200);
    const twice = await act(staff, id, "close", { reason: "再关一次" });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain("已关闭");
    await new Promise((r) => setTimeout(r, 300));
    expect(toldSince(c, { toName: "刘志强" }, assignee, "已由社区工作人员关闭")).toHaveLength(1);
    expect(
      c.server
        .botSaid({ toName: "刘志强" })
        .slice(assignee)
        .map((s) => s.text)
        .join(),
    ).not.toContain("13900000001");

    const liu = c.server.botSaid({ toName: "刘志强" }).length;
    const volunteers = c.server.botSaid({ roomTopic: testRooms.volunteers }).length;
    const reopened = await act(staff, id, "reopen", { reason: "居民说灯又不亮了" });
    expect(reopened.status).toBe(200);
    expect(reopened.body.ticket).toMatchObject({ status: "open", volunteerName: null });
    await waitFor(
      () => toldSince(c, { roomTopic: testRooms.residents }, room, `#${id} 社区重新打开了这件事`)[0],
      "the resident told it is open again",
    );
    await waitFor(
      () => toldSince(c, { toName: "刘志强" }, liu, "原因: 居民说灯又不亮了")[0],
      "the former volunteer told",
    );
    await waitFor(
      () => toldSince(c, { roomTopic: testRooms.volunteers }, volunteers, `#${id} 社区重新打开`)[0],
      "the card to the volunteers' room",
    );
    const runningAgain = await act(staff, id, "reopen", { reason: "再开一次" });
    expect(runningAgain.status).toBe(409);
    expect(runningAgain.body.message).toContain("还在办理中");
  });

  it("合并到 #N tells the merged report's resident; 拆分 undoes it; bad numbers are refused in words", async () => {
    const first = await report(c, "zhang", "residents", lamp);
    const second = await report(c, "li", "residents", rubbish);
    const staff = await c.signIn();

    expect((await act(staff, second, "merge", { into: second })).body.message).toContain("两个不同的编号");
    const missing = await act(staff, second, "merge", { into: 9999 });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain("#9999");
    expect((await act(staff, second, "merge", { into: "abc" })).status).toBe(400);

    const room = c.server.botSaid({ roomTopic: testRooms.residents }).length;
    const merged = await act(staff, second, "merge", { into: first });
    expect(merged.status).toBe(200);
    expect(merged.body.told).toContain(`#${second} 已并入 #${first}`);
    expect(merged.body.ticket).toMatchObject({ mergedIntoId: first, can: { split: true, merge: false } });
    await waitFor(
      () => toldSince(c, { roomTopic: testRooms.residents }, room, `已合并到 #${first}`)[0],
      "the merged report's resident told",
    );
    const firstPage = await staff.call("GET", `/api/tickets/${first}`);
    expect(firstPage.body.linked).toEqual([{ id: second, summary: expect.any(String), residentName: "李建国" }]);

    const split = await act(staff, second, "split", {});
    expect(split.status).toBe(200);
    expect(split.body.told).toContain(`#${second} 已从 #${first} 拆出`);
    await waitFor(
      () => toldSince(c, { roomTopic: testRooms.residents }, room, `#${second} 社区看过了, 您这件事单独登记处理`)[0],
      "the resident told it is on its own again",
    );
  });

  it("延期 to a working day tells the resident; a past or impossible date is refused; a note tells nobody", async () => {
    const id = await report(c, "zhang", "residents", lamp);
    const staff = await c.signIn();
    const past = await act(staff, id, "extend", { reason: "等配件", date: "2020-01-02" });
    expect(past.status).toBe(400);
    expect(past.body.message).toBe("延期的日期要在今天之后哦。");
    expect((await act(staff, id, "extend", { reason: "等配件", date: "2030-02-30" })).status).toBe(400);
    expect((await act(staff, id, "extend", { reason: "", date: "2030-03-01" })).body.message).toContain("延期的原因");

    const room = c.server.botSaid({ roomTopic: testRooms.residents }).length;
    const extended = await act(staff, id, "extend", { reason: "等配件", date: "2030-03-01" });
    expect(extended.status).toBe(200);
    expect(extended.body.told).toContain(`#${id} 时限已延至 3月1日 17:30`);
    expect(extended.body.timeline.at(-1).type).toBe("extended");
    await waitFor(
      () => toldSince(c, { roomTopic: testRooms.residents }, room, `#${id} 因为等配件, 需要多一点时间`)[0],
      "the resident told of the new limit",
    );

    const everyone = () =>
      [testRooms.residents, testRooms.volunteers, testRooms.staff].map(
        (t) => c.server.botSaid({ roomTopic: t }).length,
      );
    const before = everyone();
    const liu = c.server.botSaid({ toName: "刘志强" }).length;
    expect((await act(staff, id, "note", { text: "   " })).body.message).toBe("备注不能为空。");
    const noted = await act(staff, id, "note", { text: "居民白天不在家, 晚上六点后上门" });
    expect(noted.status).toBe(200);
    expect(noted.body.told).toContain("没有通知任何人");
    await c.bot.app.bot.idle();
    await new Promise((r) => setTimeout(r, 300));
    expect(everyone()).toEqual(before);
    expect(c.server.botSaid({ toName: "刘志强" }).length).toBe(liu);
    const audit = await c.bot.app.db.auditLog.findMany({ where: { action: { startsWith: "console:tickets:" } } });
    expect(audit.map((a) => a.action)).toEqual(["console:tickets:extend", "console:tickets:note"]);
    expect(audit.map((a) => a.detail).join()).not.toContain("晚上六点");
  });
});

describe("/api/tickets marks", () => {
  // Monday 7 December 2026, 10:00 in China: a working morning.
  const clock = createFakeClock(new Date("2026-12-07T02:00:00Z"));
  const c = useConsole({ clock });

  it("marks urgent tickets, and overdue ones by follow-up's limits (延期 moves the limit)", async () => {
    const lampId = await report(c, "zhang", "residents", lamp);
    const gas = await report(c, "li", "residents", "楼道里好大一股煤气味, 3号楼");
    clock.advance(60 * 60_000);
    let staff = await c.signIn();
    const marks = async () =>
      Object.fromEntries(
        (await staff.call("GET", "/api/tickets")).body.rows.map(
          (r: { id: number; urgent: boolean; overdue: boolean }) => [r.id, { urgent: r.urgent, overdue: r.overdue }],
        ),
      );
    // Nobody answered the urgent one within 30 minutes; the ordinary one has a working day.
    expect(await marks()).toEqual({
      [gas]: { urgent: true, overdue: true },
      [lampId]: { urgent: false, overdue: false },
    });
    expect((await staff.call("GET", `/api/tickets/${gas}`)).body.ticket).toMatchObject({ urgent: true, overdue: true });

    clock.advance(5 * 24 * 3600_000);
    staff = await c.signIn();
    expect((await marks())[lampId]).toEqual({ urgent: false, overdue: true });
    expect((await act(staff, lampId, "extend", { reason: "等配件", date: "2026-12-30" })).status).toBe(200);
    expect((await marks())[lampId]).toEqual({ urgent: false, overdue: false });
  });

  it("counts a reopened ticket's limits from the reopen, not from when it was reported", async () => {
    clock.set(new Date("2026-12-07T02:00:00Z")); // Monday 10:00
    const lampId = await report(c, "zhang", "residents", lamp);
    clock.set(new Date("2026-12-17T02:00:00Z")); // Thursday of the next week, 10:00
    let staff = await c.signIn();
    const mark = async () =>
      (await staff.call("GET", "/api/tickets")).body.rows.find((r: { id: number }) => r.id === lampId).overdue;
    expect(await mark()).toBe(true);
    expect((await act(staff, lampId, "close", { reason: "居民说先不用了" })).status).toBe(200);
    expect((await act(staff, lampId, "reopen", { reason: "居民又来电了" })).status).toBe(200);
    expect(await mark()).toBe(false);
    expect((await staff.call("GET", `/api/tickets/${lampId}`)).body.ticket).toMatchObject({ overdue: false });

    // One working day after the reopen, still unclaimed: overdue.
    clock.set(new Date("2026-12-18T02:01:00Z"));
    staff = await c.signIn();
    expect(await mark()).toBe(true);
  });
});
