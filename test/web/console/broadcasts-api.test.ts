// The broadcasts API over the real path: the bot on the gRPC mock WeChat, a real SQLite file, a
// staff member signed in with a code that came in WeChat. What is made on the page reaches the
// bound rooms in WeChat when due or with 立即发送, with the chat's rules and words.
import { beforeEach, describe, expect, it } from "vitest";
import type { BroadcastFeature } from "../../../src/features/broadcasts.js";
import { china } from "../../broadcasts/broadcast-fixture.js";
import { useConsole } from "../../helpers/console-harness.js";
import { createFakeClock } from "../../helpers/fake-clock.js";
import { testRooms, waitFor } from "../../helpers/grpc-harness.js";

const START = china("2026-11-23 07:58"); // a Monday
const clock = createFakeClock(START);
beforeEach(() => clock.set(START));

describe("broadcasts in the console", () => {
  const c = useConsole({ clock });
  const feature = () => c.bot.app.features.find((f) => f.name === "broadcasts") as BroadcastFeature;
  const roomGot = (room: string, words: string) =>
    c.server.botSaid({ roomTopic: room }).filter((s) => s.text.includes(words)).length;

  it("a broadcast made on the page is sent to the bound rooms in WeChat when its time comes, once", async () => {
    const staff = await c.signIn();
    const made = await staff.call("POST", "/api/broadcasts", {
      when: "今天 08:00",
      targets: [testRooms.residents, testRooms.residents2],
      content: "八点整：今天上午九点停水两小时，请提前储水。",
    });
    expect(made.status).toBe(201);
    expect(made.body.message).toBe(`广播 #${made.body.broadcast.id} 已安排，下次 11月23日(周一) 08:00 发送。`);
    expect(made.body.broadcast).toMatchObject({
      status: "active",
      when: "2026年11月23日 08:00 (一次)",
      targetsText: `${testRooms.residents}、${testRooms.residents2}`,
      nextRuns: [{ at: china("2026-11-23 08:00").toISOString(), text: "11月23日(周一) 08:00" }],
      createdBy: "赵书记",
    });
    expect(roomGot(testRooms.residents, "停水两小时")).toBe(0);

    clock.set(china("2026-11-23 08:00"));
    await feature().tick();
    await feature().tick();
    await waitFor(
      () => [testRooms.residents, testRooms.residents2].every((r) => roomGot(r, "停水两小时") === 1),
      "the broadcast in both residents' rooms",
    );
    await c.bot.app.outbox.idle();
    expect(roomGot(testRooms.residents, "停水两小时")).toBe(1);
    expect(roomGot(testRooms.volunteers, "停水两小时")).toBe(0);

    // The history says where it went, from the run and outbox rows.
    const runs = await staff.call("GET", `/api/broadcasts/${made.body.broadcast.id}/runs`);
    expect(runs.status).toBe(200);
    expect(runs.body.runs).toHaveLength(1);
    expect(runs.body.runs[0]).toMatchObject({ slotText: "11月23日(周一) 08:00", state: "sent" });
    expect(runs.body.runs[0].chats.map((d: { chat: string; state: string }) => [d.chat, d.state])).toEqual([
      [testRooms.residents, "sent"],
      [testRooms.residents2, "sent"],
    ]);
    const audit = await c.bot.app.db.auditLog.findMany({ where: { action: { startsWith: "console:broadcasts" } } });
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([["console:broadcasts:create", "赵书记"]]);
  });

  it("立即发送 sends it now to every residents' room, with the chat's words, and not twice in one minute", async () => {
    const staff = await c.signIn();
    const made = await staff.call("POST", "/api/broadcasts", {
      when: "每周一 18:00",
      targets: ["所有居民群"],
      content: "今晚降温，请关好门窗。本月已受理 {本月受理} 件。",
    });
    expect(made.status).toBe(201);
    const id = made.body.broadcast.id;
    const now = await staff.call("POST", `/api/broadcasts/${id}/send-now`);
    expect(now.status).toBe(200);
    expect(now.body.message).toBe(`广播 #${id} 马上发送，共 2 个群，会一个一个慢慢发。`);
    await waitFor(
      () => [testRooms.residents, testRooms.residents2].every((r) => roomGot(r, "今晚降温") === 1),
      "the broadcast in both residents' rooms",
    );
    const sent = c.server.botSaid({ roomTopic: testRooms.residents }).find((s) => s.text.includes("今晚降温"))!;
    expect(sent.text).toMatch(/本月已受理 \d+ 件/);
    const again = await staff.call("POST", `/api/broadcasts/${id}/send-now`);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(`广播 #${id} 这一分钟已经发过了，没有重复发送。`);
    await c.bot.app.outbox.idle();
    expect(roomGot(testRooms.residents2, "今晚降温")).toBe(1);
  });

  it("lists, previews with live fields, edits, pauses, resumes and deletes, each recorded with who did it", async () => {
    const staff = await c.signIn();
    const made = await staff.call("POST", "/api/broadcasts", {
      when: "每周一 08:00",
      targets: ["所有居民群", "志愿者服务群"],
      content: "本月受理 {本月受理} 件，满意率 {本月满意率}。{未知项}",
    });
    const id = made.body.broadcast.id;

    const list = await staff.call("GET", "/api/broadcasts");
    expect(list.status).toBe(200);
    expect(list.body.broadcasts.map((b: { id: number }) => b.id)).toEqual([id]);
    expect(list.body.broadcasts[0].nextRuns.map((r: { text: string }) => r.text)).toEqual([
      "11月23日(周一) 08:00",
      "11月30日(周一) 08:00",
      "12月7日(周一) 08:00",
    ]);
    expect(list.body.broadcasts[0].whenWords).toBe("每周一 08:00");
    expect(list.body.broadcasts[0].targets).toEqual(["所有居民群", "志愿者服务群"]);
    expect(list.body.options.rooms.map((r: { topic: string }) => r.topic)).toEqual(
      expect.arrayContaining([testRooms.residents, testRooms.volunteers, testRooms.staff]),
    );
    expect(list.body.options.groups).toEqual(["所有居民群", "所有志愿者群", "所有群"]);

    const preview = await staff.call("GET", `/api/broadcasts/${id}/preview`);
    expect(preview.body.text).toMatch(/^本月受理 \d+ 件，满意率 (\d+%|暂无评价)。\{未知项\}$/);
    expect(preview.body.unknown).toEqual(["{未知项}"]);

    const check = await staff.call("POST", "/api/broadcasts/check", {
      when: "工作日 07:30",
      targets: ["所有群"],
      content: "{本月办结}",
    });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      when: "工作日 07:30",
      targetsText: "所有群",
      text: expect.stringMatching(/^\d+$/),
    });
    expect(check.body.nextRuns[0].text).toBe("11月24日(周二) 07:30");
    expect(await c.bot.app.db.broadcast.count()).toBe(1);

    const edited = await staff.call("PUT", `/api/broadcasts/${id}`, {
      when: "每月1日 09:00",
      targets: [testRooms.residents2],
      content: "月初提醒：记得交物业费。",
    });
    expect(edited.status).toBe(200);
    expect(edited.body.message).toBe(`广播 #${id} 已修改，下次 12月1日(周二) 09:00 发送。`);
    expect(edited.body.broadcast).toMatchObject({ when: "每月1日 09:00", targets: [testRooms.residents2] });

    const paused = await staff.call("POST", `/api/broadcasts/${id}/pause`);
    expect(paused.body).toMatchObject({ changed: true, message: `广播 #${id}（每月1日 09:00）已暂停，不会再发送。` });
    expect(paused.body.broadcast.nextRuns).toEqual([]);
    expect((await staff.call("POST", `/api/broadcasts/${id}/pause`)).body.message).toBe(`广播 #${id} 本来就是暂停的。`);
    const cal = await staff.call("GET", "/api/broadcasts/calendar?month=2026-12");
    expect(cal.body.entries).toEqual([]);
    const resumed = await staff.call("POST", `/api/broadcasts/${id}/resume`);
    expect(resumed.body.message).toBe(`广播 #${id} 已恢复，下次 12月1日(周二) 09:00 发送。`);
    const dec = await staff.call("GET", "/api/broadcasts/calendar?month=2026-12");
    expect(dec.body).toMatchObject({ month: "2026-12", days: 31, firstWeekday: 2, today: null });
    expect(dec.body.entries).toMatchObject([{ broadcastId: id, day: 1, time: "09:00", state: "planned" }]);

    const gone = await staff.call("DELETE", `/api/broadcasts/${id}`);
    expect(gone.body.message).toBe(`广播 #${id}（每月1日 09:00 → ${testRooms.residents2}）已删除。`);
    expect((await staff.call("GET", "/api/broadcasts")).body.broadcasts).toEqual([]);
    const missing = await staff.call("POST", `/api/broadcasts/${id}/resume`);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe(`没有找到广播 #${id}，可能已经删除了。`);

    const actions = await c.bot.app.db.auditLog.findMany({
      where: { action: { startsWith: "console:broadcasts" } },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "console:broadcasts:create",
      "console:broadcasts:edit",
      "console:broadcasts:pause",
      "console:broadcasts:resume",
      "console:broadcasts:delete",
    ]);
    expect(actions.every((a) => a.actorName === "赵书记")).toBe(true);
  });

  it("refuses bad input with the chat's words, and rooms the bot is not bound to", async () => {
    const staff = await c.signIn();
    const post = (body: unknown) => staff.call("POST", "/api/broadcasts", body);
    const good = { when: "每天 08:00", targets: ["所有居民群"], content: "早上好" };

    let r = await post({ ...good, when: "每周 08:00" });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ field: "when", message: "「每周」后面要写星期几，比如 每周一。" });
    r = await post({ ...good, when: "昨天 08:00" });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain("没看懂时间");
    r = await post({ ...good, when: "2026-11-20 08:00" });
    expect(r.body.message).toContain("已经过去了，请写一个以后的时间");
    r = await post({ ...good, targets: ["幸福里9号楼居民群"] });
    expect(r.body).toMatchObject({
      field: "targets",
      message: expect.stringContaining("没找到叫「幸福里9号楼居民群」的群"),
    });
    r = await post({ ...good, targets: ["webhook:https://example.invalid/?key=abcd"] });
    expect(r.body.message).toContain("不能在聊天里写机器人网址");
    r = await post({ ...good, content: "   " });
    expect(r.body).toMatchObject({ field: "content", message: "没写广播内容。" });
    r = await post({ ...good, content: "字".repeat(2001) });
    expect(r.body.message).toBe("广播内容最多 2000 个字。");
    r = await post({ when: 8, targets: "所有居民群", content: "x" });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe("时间要写成文字。");
    r = await post(["not", "an", "object"]);
    expect(r.body.message).toBe("请求格式不对，请刷新页面后再试。");
    expect((await staff.call("GET", "/api/broadcasts/abc/runs")).status).toBe(404);
    expect((await staff.call("GET", "/api/broadcasts/calendar?month=2026-13")).body.message).toBe(
      "月份要写成 2026-12 这样。",
    );
    expect((await staff.call("GET", "/api/broadcasts/77")).status).toBe(404);
    expect(await c.bot.app.db.broadcast.count()).toBe(0);
  });

  it("nothing works without a session or without the CSRF token, and a resident cannot get a session", async () => {
    const body = { when: "每天 08:00", targets: ["所有居民群"], content: "我家办喜事" };
    expect((await c.anonymous("GET", "/api/broadcasts")).status).toBe(401);
    const anon = await c.anonymous("POST", "/api/broadcasts", body);
    expect(anon.status).toBe(401);
    expect(anon.body.message).toBe("请先登录。");
    // A resident who says 登录 gets no code, so their only way in is a call without a session.
    expect(await c.codeFor("zhang")).toBeNull();
    expect((await c.anonymous("POST", "/api/broadcasts/1/send-now")).status).toBe(401);

    const staff = await c.signIn();
    const forged = await staff.call("POST", "/api/broadcasts", body, { csrf: false });
    expect(forged.status).toBe(403);
    // A form posted from another site (what a browser sends without asking) is refused.
    const otherSite = await staff.call("POST", "/api/broadcasts", undefined, {
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
    });
    expect(otherSite.status).toBe(403);
    expect(await c.bot.app.db.broadcast.count()).toBe(0);
  });
});
